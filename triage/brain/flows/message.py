"""A message for the client (also a complaint, a problem for a ticket, a quote request): what the
caller wants passed on, their callback number and name, read back and confirmed before it is stored."""

from __future__ import annotations

from typing import Any

from .. import answers
from ..state import Reply
from ..types import Analysis
from . import collect
from .context import Context


def start(c: Context, text: str, kind: str) -> Reply:
    s = c.state
    s.message_kind = kind  # type: ignore[assignment]
    if kind == "message" and answers.announces_message(text):
        s.phase = "message"
        return Reply([c.say("message_ask")])
    s.message = text.strip()
    return collect_details(c)


def text_turn(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply:
    """The message itself, after the caller announced one."""
    c.state.message = text.strip()
    return collect_details(c)


def collect_details(c: Context) -> Reply:
    s = c.state
    s.phase, s.after_collect, s.needs = "collect", "message", ["phone", "name"]
    return collect.next_detail(c)


def readback(c: Context) -> list[str]:
    c.state.phase = "message_confirm"
    return [c.say("message_readback", message=_spoken(c))]


def confirm(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply:
    s = c.state
    answer = answers.yes_no(c.pack, text, s.lang)
    fixing, s.fixing = s.fixing, False
    if more := answers.remembered(text):  # "no thanks, that's all. Oh wait, one more thing: ...": added, read back
        s.message = f"{_spoken(c)}. {more}"
        return Reply(readback(c))
    said_more = not changed - {"when"}  # "bis Freitag": a time said in a correction is more of the message
    correction = answers.after_no(text) if answer is not True and said_more else None
    if correction is None and fixing and answer is None and said_more and not answers.is_done(text):
        correction = text.strip()  # "Was soll ich ändern?" - "Ich muss das bis Freitag unterschreiben."
    if correction is not None:
        # "Nein danke, es ist der Drucker im Flur, nicht im Büro": the caller's correction joins the message (their
        # words as said, nothing of what they said before lost), read back again
        s.message = f"{_spoken(c)}. {correction}"
        return Reply(readback(c))
    if not changed and (answers.no_thanks_alone(text) or (answer is False and not answers.is_done(text))):
        # "Nein danke." / "nein": something is wrong, but not what; asked (not taken as a yes, nor the message
        # thrown away and asked for afresh)
        if fixing:  # a second no: the message as the caller says it anew
            s.phase = "message"
            return Reply([c.say("message_ask")])
        s.fixing = True
        return Reply([c.say("what_to_change")])
    if answer is True and said_more and (added := answers.after_yes(text)):
        s.message = f"{_spoken(c)}. {added}"  # "Yes, and please only call after 4": a yes, and more of the message
    if answer is True or answers.closes(text, changed):
        s.outcome = c.outcome("message", message=_message_dict(c))
        # "Ja, genau so. Vielen Dank, tschüss.": a yes that takes leave wants no "anything else?"
        return c.saved_then_more(["message_saved"], closing=answer is not True or answers.says_goodbye(text))
    if changed:
        s.confirmed -= changed
        return collect_details(c)
    return c.misunderstood(readback(c))


def can_keep(c: Context) -> bool:
    """The caller's words and a callback number they confirmed are taken: enough for the client to call
    back, so a caller who leaves before the name or the read-back has still left a message."""
    s = c.state
    taking = s.phase == "message_confirm" or (s.phase == "collect" and s.after_collect == "message")
    return taking and bool(s.message) and bool(s.phone) and "phone" in s.confirmed


def keep(c: Context) -> None:
    """Store the message as it stands (the caller is leaving; it was not read back to them)."""
    c.state.outcome = c.outcome("message", message=_message_dict(c))


def keep_on_goodbye(c: Context) -> Reply:
    """ "Gut, danke, tschüss" while the name or the read-back was still to come: stored, then goodbye."""
    keep(c)
    return c.saved_then_more(["message_saved"], closing=True)


def _spoken(c: Context) -> str:
    """The message as read back: the prompt ends the sentence, so the caller's own full stop goes."""
    return (c.state.message or "").rstrip(" .!?")


def _message_dict(c: Context) -> dict[str, Any]:
    s = c.state
    out: dict[str, Any] = {"kind": s.message_kind, "text": s.message, "name": s.name, "phone": s.phone}
    if s.firm:
        out["firm"] = s.firm  # "Müller GmbH, Schmidt hier": whom the client calls back
    if s.when:
        out["when"] = s.when
    if s.when_text:
        out["when_text"] = s.when_text
    return out


def stored_text(message: dict[str, Any]) -> str:
    """The message as the client reads it where it is stored: the firm the caller called from first ("Müller GmbH:
    Es geht um den Arbeitsvertrag ..."), unless the caller's own words already name it."""
    text, firm = message.get("text") or "", message.get("firm")
    if firm and firm.lower() not in text.lower():
        return f"{firm}: {text}"
    return text
