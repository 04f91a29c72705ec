"""An eager end of turn that can be taken back: the reply starts before the ordinary silence floor.

A lone caller's reply waits for the floor of brain/turns.py (0.55 s of silence when Smart Turn is
sure the caller is done, 0.7 s otherwise), because shorter floors cut real callers who pause inside
a turn. Most turns are over long before: the transcript is ready about 0.35 s after the last word.
So when Smart Turn is sure and the words are a whole turn, the reply may start after a shorter
silence, decided on a copy of the call's state, and it is only tentative until the ordinary floor
has passed. If the caller goes on before then, the reply is stopped, the copy is dropped, and the
turn goes on as if nothing had been said: the words before and after the pause are decided as one
turn, exactly where the ordinary floor would have put its end. Turn-taking is therefore the same as
without the eager end; only the first reply audio comes earlier, and a caller who goes on after
such a pause hears the start of a reply that stops (`python tests/measure_pause_cap.py`: at 1 of 32
pauses inside 64 real one-turn clips, 0.36 s long, with a floor of 0.35 s).

Only an ordinary next step may be said eagerly: nothing that must be stored before it is said
(an outcome, a handoff, the end of the call), no emergency or acute distress (their words are
stored first and must never be taken back). Those wait for the ordinary floor, as every turn did
before. Nothing else is done early: the decided state (a language switched, the recording consent
answered) is adopted, stored and followed by the recorder only at the ordinary end, as before; only
the voice speaks the eager reply in the language it was decided in (calls/voice.py).

Pure: text, Smart Turn's probability and call states in, seconds and yes/no out. calls/turn_stop.py
and calls/brain_processor.py apply it.
"""

from __future__ import annotations

from .state import CallState, Reply
from .turn_cap import ends_sentence, whole_request
from .turns import SURE_END_PROBABILITY, turn_hold

# Silence after the last word before a turn Smart Turn is sure of may end eagerly.
# `python tests/measure_pause_cap.py` (2026-12-06): inside the 64 real one-turn clips, Smart Turn was
# >= 0.98 sure after whole words at 5 of 32 pauses, silent 0.23, 0.26, 0.30, 0.30 and 0.36 s; a floor of
# 0.25 s would have started (and taken back) a reply at 4 of them, 0.30 s and 0.35 s at 1. On the reading
# the threshold was not chosen on (multilingual_en_de.mp3, 23 pauses) 0.30 s and 0.35 s both at 4, one of
# them the 1.96 s the ordinary floor cuts too. The transcript is ready about 0.35 s after the last word
# anyway, so 0.35 s costs the reply almost nothing against 0.30 s.
EAGER_SILENCE_SECS = 0.35
# ... and a whole request Whisper closed as a sentence (brain/turn_cap.py), whatever Smart Turn thinks (it hears
# some finished requests as unfinished: 0.01-0.11 on "We must find a new home in the stars."). Same measurement:
# the 12 pauses inside the clips after such a sentence lasted 0.23-0.49 s but for JFK's 0.62 s ("... ask not
# what your country can do for you." - "ask what you can do"), so 0.5 s starts and takes back a reply at 1.
EAGER_SENTENCE_SECS = 0.5
_EMERGENCIES = ("P0", "P1")


def eager_silence(text: str, expecting: frozenset[str], end_probability: float | None, stretches: int) -> float | None:
    """Seconds of silence after which this turn may end eagerly (None: it waits for the ordinary floor).

    Only a turn of one stretch (its words are final: a turn of several is decoded again in one piece when
    it ends, and may come out other than the words decided on), a whole request by brain/turn_cap.py (no
    number or address being dictated, no joining word, no short answer, which ends at once anyway), and
    one Smart Turn is sure is over; or one Whisper closed as a sentence, after a longer silence."""
    hold = turn_hold(text, expecting)
    if stretches != 1 or hold.seconds > 0 or hold.ends_now or not whole_request(text, expecting):
        return None  # whole_request: no detail being dictated, at least three words, not "... meine Handynummer"
    if end_probability is not None and end_probability >= SURE_END_PROBABILITY:
        return EAGER_SILENCE_SECS
    return EAGER_SENTENCE_SECS if ends_sentence(text) else None


def may_answer_eagerly(before: CallState, after: CallState, reply: Reply) -> bool:
    """The reply decided on a copy of the state (`before` as it was, `after` the copy once decided) is an
    ordinary next step that may be said before the turn is sure to be over, and taken back if it is not."""
    if not reply.says or reply.end or reply.outcome is not None:
        return False  # nothing to say yet, or something to store before it is said
    if after.ended or after.outcome is not None:
        return False
    return not (after.urgency in _EMERGENCIES or after.distress == "acute" or after.emergency_id is not None)
