"""What a voice caller on hold for a human hears, and when they stop waiting.

A caller handed to a human stays on the line until the handoff is taken. While they wait, the
handoff changes (an agent accepts it, a transfer fails, the on-call chain is alerted, a call back is
promised, an agent closes it) and the caller must hear about it once, in words from the pack
(`Dialogue.waiting`). Every such decision lives here, tested in text; calls/brain_processor.py only
turns frames and timers into these calls and says what they return.

Pure: no clock, no I/O. The answer is a `HoldStep`: which waiting event the caller hears (a key of
`Dialogue.waiting`), whether they stop waiting, and whether the call ends without more words.
"""

from __future__ import annotations

from dataclasses import dataclass

# A caller on hold hears the pack's hold sentence again after this much quiet.
HOLD_REPEAT_SECS = 30.0

# What a waiting caller hears when their handoff changes (the desk's change events). An accepted
# phone call is moved by the telephony layer, which plays its own connecting sentence.
_CHANGE_SAYS = {
    "escalated": "escalated",
    "callback": "callback",
    "returned": "agent_unavailable",
    "resolved": "resolved",
}
# Waiting events after which the caller hears a goodbye and the call ends (Dialogue.waiting ends it).
_ENDING = frozenset({"callback", "resolved"})


@dataclass(frozen=True)
class HoldStep:
    """One decision: `says` is a `Dialogue.waiting` event (or None: say nothing); `leaves_hold`: the
    caller is no longer waiting for the handoff (what follows is a goodbye, not the caller leaving);
    `ends_call`: hang up now without further words."""

    says: str | None = None
    leaves_hold: bool = False
    ends_call: bool = False


NOTHING = HoldStep()


@dataclass
class Hold:
    """The hold of one voice call. `channel` is how the call arrived; `has_desk` whether this server
    keeps handed-over callers on the line (without a desk, a handoff ends the call)."""

    channel: str
    has_desk: bool
    waiting_for: str | None = None  # the handoff this caller is on hold for
    told_escalated: bool = False

    def holds(self, outcome_type: str | None, handoff_id: str | None) -> bool:
        """Does this reply put the caller on hold? A handoff does, where the server has a desk."""
        return self.has_desk and self.waiting_for is None and outcome_type == "handoff" and handoff_id is not None

    def start(self, handoff_id: str) -> None:
        self.waiting_for = handoff_id

    def resume(self, handoff_id: str) -> HoldStep:
        """Back from a transfer nobody answered: no greeting, the caller is still waiting."""
        self.start(handoff_id)
        return HoldStep(says="agent_unavailable")

    def caller_spoke(self) -> HoldStep:
        """Words from a waiting caller go to the agents' queue; the caller hears they still wait."""
        return HoldStep(says="hold")

    def quiet(self, *, bridged: bool) -> HoldStep:
        """Nothing happened for HOLD_REPEAT_SECS: repeat the hold sentence, unless an agent talks."""
        return NOTHING if bridged else HoldStep(says="hold")

    def changed(self, event: str, *, bridged: bool) -> HoldStep:
        """The handoff changed (an event from the desk). An agent talking to the caller is never
        talked over; escalation is announced once; a callback or a resolution says goodbye."""
        if bridged:
            return NOTHING
        if event == "accepted":
            return NOTHING if self.channel == "twilio" else HoldStep(says="connecting")
        if event == "escalated" and self.told_escalated:
            return NOTHING
        says = _CHANGE_SAYS.get(event)
        if says is None:
            return NOTHING
        self.told_escalated |= event == "escalated"
        return self._said(says)

    def agent_left(self, *, hung_up: bool, resolved: bool, closing: bool) -> HoldStep:
        """The agent who took the call hung up (the call ends), or lost their line: back on hold,
        unless they resolved the handoff meanwhile (then goodbye)."""
        if hung_up:
            return HoldStep(ends_call=True)
        if closing:
            return NOTHING
        return self._said("resolved" if resolved else "agent_unavailable")

    def _said(self, says: str) -> HoldStep:
        leaves = says in _ENDING
        if leaves:
            self.waiting_for = None
        return HoldStep(says=says, leaves_hold=leaves)
