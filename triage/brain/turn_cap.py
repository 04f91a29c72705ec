"""How long a turn Smart Turn keeps open may stay open, from the caller's words and what the dialogue collects.

Smart Turn v3 hears some finished requests as unfinished ("We must find a new home in the stars."
after 0.2-1.2 s of silence: probability 0.01-0.11), and such a turn then waits out the listener's
full silence cap (`turn_max_silence_secs`, 2 s) before the caller hears anything. When the words so
far are a whole request (brain/turns.py sees no joining word, comma or open detail, and there are
enough of them to be one) and the dialogue is not collecting a number, an address, a name or a time
(where callers pause between groups: brain/turns.py holds those turns open instead), a shorter
silence ends the turn, and a whole sentence Whisper closed with a full stop the floor every turn
waits for. `python tests/measure_pause_cap.py` measures how many real mid-turn pauses each cap would
cut.

Pure: text and the details awaited in, seconds out. calls/turn_stop.py applies it.
"""

from __future__ import annotations

import re

from .text import fold, without_fillers
from .turns import END_OF_TURN_MIN_SILENCE_SECS, turn_hold

# Silence after the last word of a whole request before its turn ends, whatever Smart Turn thinks.
# `python tests/measure_pause_cap.py`: of 32 pauses inside 64 real one-turn clips, Smart Turn kept 9
# open, 7 of them after whole words; the longest of those lasted 1.10 s (JFK's "ask not ..."), so
# 1.0 s would have cut one caller off and 1.2 s none.
WHOLE_REQUEST_SILENCE_SECS = 1.2
# ... and a whole request Whisper closed as a sentence (". ! ?", not a trailing "...") ends after the floor
# every other turn waits for, as if Smart Turn had said "done". Same measurement (silence as the server
# hears it): the 5 of those 7 pauses that followed such a sentence lasted at most 0.62 s; the 1.10 s one
# followed "And so my fellow America asked not", no full stop. (Smart Turn's own probability cannot tell
# them apart: 0.01-0.11 on the bench's sentence, 0.024 at JFK's pause.)
SENTENCE_SILENCE_SECS = END_OF_TURN_MIN_SILENCE_SECS
_SENTENCE_END = re.compile(r"(?<![.…])[.!?]\s*$")
# Fewer words than this is a start ("Hallo", "Guten Tag, ich"), not a request.
WHOLE_REQUEST_MIN_WORDS = 3
# While the dialogue collects one of these, callers pause between its parts: no shorter cap.
DICTATED = frozenset({"phone", "address", "name", "when"})
# A request does not end on these (a subject, a possessive or an auxiliary waiting for its verb or
# noun); brain/turns.py's joining words already cover conjunctions, articles and prepositions.
_OPEN_ENDINGS = frozenset(
    fold(w)
    for w in """
    ich wir du er sie man mein meine meinen meinem meiner unser unsere unseren ihr ihre ihren dein deine sein seine
    habe hat haben hatte bin sind war wird werden kann können muss müssen möchte will wollte würde sollte
    i we he she they my our your his their have has had am are was were will would can could must should want
    """.split()
)


def whole_request(text: str, expecting: frozenset[str] = frozenset()) -> bool:
    """The words so far are a whole request, and nothing dictated is awaited: a callback number counts
    as awaited only once a digit of it was said (a caller asked for one may answer something else, as
    the bench's second sentence does, and waited 2 s for it)."""
    hold = turn_hold(text, expecting)
    awaited = expecting & DICTATED
    if awaited and not (awaited == {"phone"} and hold.digits == 0):
        return False
    words = fold(without_fillers(text)).split()
    last = words[-1].strip(".,;:!?") if words else ""
    if len(words) < WHOLE_REQUEST_MIN_WORDS or last in _OPEN_ENDINGS or last.endswith(("nummer", "number")):
        return False  # "Also ich habe eine Handynummer" - a breath - the digits
    return hold.seconds == 0 and not hold.ends_now


def ends_sentence(text: str) -> bool:
    """Whisper closed the words with a full stop, a question or an exclamation mark (not "...")."""
    return bool(_SENTENCE_END.search(text))


def silence_cap(text: str, expecting: frozenset[str] = frozenset()) -> float | None:
    """Seconds of silence after which this turn ends even if Smart Turn expects more (None: its own cap)."""
    if not whole_request(text, expecting):
        return None
    return SENTENCE_SILENCE_SECS if ends_sentence(text) else WHOLE_REQUEST_SILENCE_SECS
