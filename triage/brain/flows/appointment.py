"""An appointment request: what it is about and when it would suit, stored as a message for the
client to confirm (the bot never books on its own)."""

from __future__ import annotations

from .. import answers
from ..extract.when import only_past
from ..state import Reply
from ..types import Analysis
from . import collect, message
from .context import Context


def start(c: Context, a: Analysis, text: str) -> Reply:
    s = c.state
    s.message_kind, s.message = "appointment", text.strip()
    if only_past([w for w in s.when if w[:4].isdigit()], c.local_now().date()):
        s.when, s.when_text = [], None  # "my employer fired me, I got the letter yesterday": no time for it
    if not s.when:
        s.phase = "appointment"
        about = answers.says_what_about(text, a.entities.when_text)
        return Reply([c.say("appointment_ask_when" if about else "appointment_ask")])
    return message.collect_details(c)


def turn(c: Context, a: Analysis, text: str, changed: set[str]) -> Reply:
    s = c.state
    if not (changed & {"when"}) and collect.detail_instead(c, text):
        return message.collect_details(c)  # a number or a name instead of when: no part of what it is about
    if not (changed & {"when"}) and answers.asks_question(text):
        return Reply([c.say("appointment_time_agreed")])  # "wann hätten Sie denn was frei?": no booking here
    s.message = f"{s.message} / {text.strip()}" if s.message else text.strip()
    return message.collect_details(c)
