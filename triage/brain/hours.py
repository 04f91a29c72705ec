"""Business hours: is the client open now, by the pack's `hours` in the pack's `timezone`, and what
out of hours means for a call (`out_of_hours` in the pack).

Pure: a pack and a moment in, decisions and the pack's words out. A pack without `hours` is always
open; a pack without `out_of_hours` (mode `open`) is served the same at any hour. Emergencies are
never turned away: P0/P1/P2, acute distress and a caller asking for a human are handled before any
out-of-hours rule applies (see Dialogue._decide).

Mode `forward` puts a phone call through to another number (`forward_number`; the Twilio webhook
answers with `<Dial>` before any dialogue starts) after the pack's `say` ("I am connecting you to …",
`forward_words`). A call that cannot be put through (browser, text) reaches the dialogue instead: the
caller hears `call_instead`, which names the number, and a routine request is taken as a message, so
nobody who called is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from ..packs.render import render
from ..packs.schema import OutOfHours, Pack

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def local(pack: Pack, at: datetime) -> datetime:
    """`at` on the client's clock (a naive `at` is taken as this machine's local time)."""
    return at.astimezone(ZoneInfo(pack.timezone))


def is_open(pack: Pack, at: datetime) -> bool:
    """Within one of today's ranges ("08:00-18:30", end exclusive, "24:00" is midnight)."""
    if not pack.hours:
        return True
    here = local(pack, at)
    now = here.time().replace(tzinfo=None)
    for span in pack.hours.get(WEEKDAYS[here.weekday()], []):  # type: ignore[call-overload]
        start, end = span.split("-")
        opens = time.fromisoformat(start)
        closes = time.max if end == "24:00" else time.fromisoformat(end)
        if opens <= now < closes:
            return True
    return False


def time_of_day(pack: Pack, at: datetime) -> str:
    """For greetings, on the client's clock: morning (05-12), afternoon (12-18), evening (18-22), night."""
    hour = local(pack, at).hour
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 18:
        return "afternoon"
    return "evening" if 18 <= hour < 22 else "night"


def closed_policy(pack: Pack, at: datetime) -> OutOfHours | None:
    """The pack's out-of-hours rules when the client is closed at `at` and has any; else None."""
    rules = pack.out_of_hours
    if rules.mode == "open" or is_open(pack, at):
        return None
    return rules


def _words(pack: Pack, rules: OutOfHours, texts: Mapping[Any, str], lang: str) -> list[str]:
    text = texts.get(lang) or texts.get(pack.languages[0]) or ""
    return [render(text, client_name=pack.name, forward_to=rules.forward_to or "")] if text.strip() else []


def closed_words(pack: Pack, at: datetime, lang: str) -> list[str]:
    """What a caller in the dialogue hears after the greeting when the client is closed: the pack's
    `out_of_hours.say`, or for `forward` (a call that could not be put through) `call_instead`."""
    rules = closed_policy(pack, at)
    if rules is None:
        return []
    return _words(pack, rules, rules.call_instead if rules.mode == "forward" else rules.say, lang)


def forward_number(pack: Pack, at: datetime) -> str | None:
    """The number a phone call is put through to at `at` (out of hours, mode `forward`), else None."""
    rules = closed_policy(pack, at)
    return rules.forward_to if rules is not None and rules.mode == "forward" else None


def forward_words(pack: Pack, at: datetime, lang: str) -> list[str]:
    """What a phone caller hears before being put through to `forward_number` (the pack's `say`)."""
    rules = closed_policy(pack, at)
    return _words(pack, rules, rules.say, lang) if rules is not None and rules.mode == "forward" else []


def route_request(pack: Pack, at: datetime, intent: str) -> str | None:
    """Where a routine request (never an emergency) goes when the client is closed: "message" (take a
    message; also `forward` on a call that could not be put through), "closed" (say the pack's goodbye:
    only emergencies are served), "handoff" (to the on-call human), or None (served as in opening
    hours; questions are always answered)."""
    rules = closed_policy(pack, at)
    if rules is None or intent == "information":
        return None
    if rules.mode in ("message_only", "forward") and intent in ("leave_message", "complaint"):
        return None  # already a message
    return {"message_only": "message", "forward": "message", "emergencies_only": "closed", "on_call": "handoff"}.get(
        rules.mode
    )


def closed_goodbye(pack: Pack, lang: str) -> list[str]:
    """emergencies_only: what a routine caller hears before the call ends."""
    text = pack.out_of_hours.goodbye.get(lang) or pack.out_of_hours.goodbye.get(pack.languages[0]) or ""  # type: ignore[call-overload]
    return [render(text, client_name=pack.name, forward_to=pack.out_of_hours.forward_to or "")]
