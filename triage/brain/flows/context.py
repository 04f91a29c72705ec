"""What every flow of a call may use: the pack's sentences, the call state, and the ways a call ends.

`Context` is the part of `Dialogue` the flows see. A flow is a module of functions that take the
context, the caller's analysed turn and its text, and return what the bot says next; the flows
never import the dialogue, so the routing in `dialogue.py` stays the one place that picks a flow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from ...packs.render import render, say
from ...packs.schema import Pack
from .. import hours
from ..extract import normalise_phone, plausible_phone
from ..model import TextModel
from ..state import CallState, Outcome, Reply, Slot
from ..summary import build_summary
from ..types import Analysis

MAX_MISUNDERSTOOD = 3


class Context:
    pack: Pack
    model: TextModel | None
    now: Callable[[], datetime]
    state: CallState
    caller_number: str | None  # the line's caller ID (Twilio's From), when the line gives one

    def local_now(self) -> datetime:
        """Now on the client's clock (the pack's `timezone`): the day "heute", "morgen", "tomorrow" mean to a caller who
        rings at 00:30 in Hamburg, when `now` (aware UTC, as the store keeps every time) still shows the day before."""
        return hours.local(self.pack, self.now())

    # --- sentences ------------------------------------------------------------------------------
    def _variables(self) -> dict[str, Any]:
        s = self.state
        return {
            "caller_name": s.name,
            "address": s.address.spoken(),
            "phone": s.phone,
            "fulfilment": s.fulfilment,  # "bevor wir liefern" or "sobald alles zur Abholung bereitliegt"
            "time_of_day": hours.time_of_day(self.pack, self.now()),  # on the client's clock
        }

    def say(self, key: str, **variables: Any) -> str:
        return say(self.pack, key, self.state.lang, **{**self._variables(), **variables})

    def localized(self, texts: Mapping[Any, str]) -> str:  # the pack's {lang: text}
        text = texts.get(self.state.lang) or texts.get(self.pack.languages[0]) or next(iter(texts.values()))
        return render(text, client_name=self.pack.name, **self._variables())

    # --- details --------------------------------------------------------------------------------
    def value(self, slot: Slot) -> object:
        s = self.state
        return {"address": s.address.street or s.address.postcode, "phone": s.phone, "name": s.name}[slot]

    def line_number(self) -> str | None:
        """The number the caller rings from, as a callback number: a German one in the national form
        the caller would say ("+49176..." as "0176..."); None when the line hides it or gives no phone
        number (a browser call, "anonymous")."""
        raw = (self.caller_number or "").strip()
        if not re.fullmatch(r"\+?\d{6,15}", raw):
            return None
        number = normalise_phone(raw)
        if number.startswith("+49"):
            number = "0" + number[3:]
        return number if plausible_phone(number) else None

    def missing(self) -> Slot | None:
        """The first detail still to be asked for (not given, not declined)."""
        s = self.state
        return next((n for n in s.needs if not self.value(n) and n not in s.declined), None)

    # --- endings --------------------------------------------------------------------------------
    def outcome(self, type_: str, *, reason: str | None = None, **kw: Any) -> Outcome:
        """The call's result with a summary for the agent; a handoff names its reason."""
        s = self.state
        return Outcome(
            type=type_,  # type: ignore[arg-type]
            urgency=s.urgency,
            intent=s.intent,
            distress=s.distress,
            at_turn=s.caller_turns,
            summary=build_summary(s, self.pack, reason or type_),
            handoff_reason=reason,
            **kw,
        )

    def handoff(self, reason: str, key: str, **variables: Any) -> Reply:
        s = self.state
        s.phase, s.ended = "done", True
        s.outcome = self.outcome("handoff", reason=reason)
        return Reply([self.say(key, **variables)], outcome=s.outcome, end=True)

    def goodbye(self) -> Reply:
        s = self.state
        s.phase, s.ended = "done", True
        if s.outcome is None:
            s.outcome = self.outcome("ended")
            return Reply([self.say("goodbye")], outcome=s.outcome, end=True)
        return Reply([self.say("goodbye")], end=True)

    def saved_then_more(self, keys: list[str], closing: bool) -> Reply:
        """The outcome is stored: say so, then "anything else?", or goodbye when the caller already
        said that was all ("nein danke, das ist alles" to the read-back)."""
        s = self.state
        says = [self.say(key) for key in keys]
        if closing:
            s.phase, s.ended = "done", True
            return Reply([*says, self.say("goodbye")], outcome=s.outcome, end=True)
        s.phase = "anything_else"
        return Reply([*says, self.say("anything_else")], outcome=s.outcome)

    def end_no_action(self) -> Reply:
        s = self.state
        s.phase, s.ended = "done", True
        s.outcome = self.outcome("ended")
        return Reply([self.say("no_action")], outcome=s.outcome, end=True)

    def misunderstood(self, again: list[str], lead: str = "not_understood") -> Reply:
        s = self.state
        s.misunderstood += 1
        if s.misunderstood >= MAX_MISUNDERSTOOD:
            return self.handoff("failures", "handoff_failures")
        return Reply([self.say(lead), *again])

    def acknowledge(self, a: Analysis) -> list[str]:
        """Elevated distress is acknowledged once, with the offer of a human."""
        s = self.state
        if a.distress == "elevated" and not s.acknowledged_distress:
            s.acknowledged_distress = True
            return [self.say("distress_elevated")]
        return []
