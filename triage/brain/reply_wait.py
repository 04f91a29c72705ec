"""While a caller waits for the reply to their turn: a short holding sentence, then a human.

Under overload the reply may not be ready in time (speech-to-text queues behind other calls' turns).
Silence on a phone line sounds like a dropped call, so a caller who has waited `hold_after_s` since
their last word while the server is overloaded hears the pack's `reply_wait` sentence ("Einen Moment
bitte." / "One moment, please."), once per turn. A lone slow reply gets no such sentence: it is on its
way, and the sentence would only delay it. Nobody waits longer than `hand_over_after_s`, overloaded or
not: then the call goes to a human, as when an engine fails. Both limits are the pack's (`reply_wait:`
in pack.yaml).

Pure: no clock, no I/O. calls/brain_processor.py runs the timer and asks `step` what to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..packs.render import say
from ..packs.schema import Pack, ReplyWait

PROMPT = "reply_wait"
# Details callers dictate in parts, pausing between them (brain/turns.py keeps such turns open).
DICTATED = frozenset({"phone", "address", "name", "when"})


@dataclass(frozen=True)
class WaitStep:
    """One decision while the reply is not ready. `says`: a prompt key to say now (or None);
    `hands_over`: give the caller to a human now; `next_at`: how long (in seconds since the caller's
    last word) the caller will have waited when the next decision is due (None: no further one)."""

    says: str | None = None
    hands_over: bool = False
    next_at: float | None = None


def step(waited: float, held: bool, limits: ReplyWait, overloaded: bool) -> WaitStep:
    """`waited`: seconds since the caller's last word; `held`: the holding sentence was said this turn (or
    its moment has passed); `overloaded`: more turns wait for their reply on this server than it can work on
    at once."""
    if waited >= limits.hand_over_after_s:
        return WaitStep(hands_over=True)
    if waited >= limits.hold_after_s and not held and overloaded:
        return WaitStep(says=PROMPT, next_at=limits.hand_over_after_s)
    return WaitStep(next_at=limits.hand_over_after_s if held or waited >= limits.hold_after_s else limits.hold_after_s)


def overloaded(awaiting_replies: int, capacity: int, turn_waits: bool = False) -> bool:
    """This caller's turn waits for speech-to-text to start on it (`turn_waits`), or more turns await their
    reply (this one included) than the server works on at once (`capacity`). A turn being transcribed is
    answered soon: a sentence before its reply would only delay it."""
    return turn_waits or awaiting_replies > capacity


def counts_from_silence(expecting: frozenset[str]) -> bool:
    """Does the wait start when the caller falls silent, before the turn detector has decided? Under overload
    the turn's end is itself late (it waits for the words so far), so the wait starts at the silence; but a
    caller dictating a detail pauses between its parts, and a holding sentence there would cut in: then the
    wait starts only once the turn is over (still counted from the last word)."""
    return not expecting & DICTATED


def holding_sentence(pack: Pack, lang: str) -> str:
    """The words of the holding sentence in the call's language."""
    return say(pack, PROMPT, lang)
