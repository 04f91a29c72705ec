"""When a caller's turn is over, from what they have said so far in it.

Silence alone ends turns in the wrong places on the phone: callers pause 0.3-0.8 s between the
groups of a dictated number ("zero one seven six, five five five, one two three four") and between
street, house number and town, and an acoustic end-of-turn model hears each pause as a finished
sentence. So while the dialogue is collecting such a detail, the words so far decide how much
silence must follow before the turn may end: a phone number with too few digits, an address
without a house number, or words that end on a digit group, a comma, a joining word ("and",
"unter") or spelled letters ("S, A, R") are not finished yet. A bare yes/no is finished at once,
whatever the detector thinks.

Pure: text and what the dialogue expects in, seconds out. The pipeline applies it
(calls/turn_stop.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answers import unfinished
from .extract.address import extract_address
from .extract.name import ends_spelling
from .numbers import words_to_digits
from .text import fold, without_fillers

# Silence after the last word before a turn that is clearly unfinished may end. Callers pause up to
# about 0.8 s between digit groups; a pause of this length means they are waiting for us.
DICTATION_SECS = 1.6
# Words that could be complete but often go on (a number that is long enough but ends on a group,
# an address that could be followed by its postcode and town, a sentence ending on a comma).
MAY_GO_ON_SECS = 0.9
# However sure Smart Turn is, a turn whose words are not a whole short answer ("Ja.") ends only after
# this much silence after its last word. `python tests/measure_pause_cap.py`: inside single turns of
# real speech (64 clips), Smart Turn said "done" at 23 pauses; the server heard all but one (1.16 s) end
# within 0.46 s (silence as it counts it: to the first window VAD hears as voice again, calls/turn_stop.py).
# While speech-to-text began only when VAD ended a stretch, the wait for its words kept such turns open
# by chance; begun at the caller's pause, it no longer does (5 of 59 German clips were cut in two).
END_OF_TURN_MIN_SILENCE_SECS = 0.7
# ... unless Smart Turn is this sure the caller is done: then this much. Same measurement: at the 5 of
# those 32 mid-turn pauses where its probability was at least 0.98, the silence lasted at most 0.36 s;
# at the end of 41 of the 64 clips it was that sure (the rest of the ends 0.06-0.976). On speech the
# threshold was not chosen on (one reader going on through the MIT licence's sentences, English then
# German) it was that sure at 8 of 23 pauses, silent at most 0.46 s but for the 1.96 s between the two
# languages, which 0.7 s cuts too: 0.55 s cuts no other (this value was set with both sets in view).
SURE_END_PROBABILITY = 0.98
SURE_END_MIN_SILENCE_SECS = 0.55
# A caller who has heard the question and says nothing for this long is silent: the brain re-prompts
# once, then hands the call to a human (Dialogue.hear("")). Long enough to look up a number.
CALLER_SILENCE_SECS = 8.0
# Fewer digits than this is no phone number anywhere we answer (030 1234567 has 10; 0176 5551234 has 11).
PHONE_MIN_DIGITS = 9
# ... and a number dialled with its area code ("0…") almost never has fewer than this: held for it, an
# old nine-digit line waits 0.7 s longer, while "0176 555" misheard as "0176 55555" no longer ends the turn.
PHONE_WITH_AREA_CODE_MIN_DIGITS = 10

_DIALLED_WITH_AREA_CODE = re.compile(r"(?<![\d+])0[1-9]")

_SHORT_ANSWERS = frozenset(
    fold(w)
    for w in """
    ja jo jawohl genau richtig stimmt korrekt gerne gern klar nein nee neine danke bitte okay ok passt
    yes yeah yep yup sure right correct exactly no nope please thanks fine alright that s it is das ist es
    joa jep jup jupp jawoll mhm nö nah
    """.split()
)
# A turn ending on one of these words is a sentence cut at a breath.
_JOINING = frozenset(
    fold(w)
    for w in """
    und oder aber weil dass also mit von vom zu zum zur bei im in am an auf unter ist lautet meine mein
    die der das den dem ein eine einen nummer straße strasse hausnummer postleitzahl plz
    and or but because that with of to at on in is my the a an number street code postcode zip
    """.split()
)
_TRAILING = re.compile(r"[\s.!?…]+$")
_ENDS_ON_DIGITS = re.compile(r"\d[\d\s-]*$")


def _has_town(text: str) -> bool:
    """The words name a postcode or town (Whisper often drops the comma before it)."""
    found = (extract_address(text, lang, expecting=True) for lang in ("de", "en"))
    return any(a.city or a.postcode for a in found)


@dataclass(frozen=True)
class TurnHold:
    """How long the caller must stay silent after their last word before their turn ends.

    `seconds` 0 leaves it to the acoustic detector; `ends_now` says the words already are a whole
    answer, so the turn ends even if the detector expects more.
    """

    seconds: float
    reason: str
    ends_now: bool = False
    digits: int = 0  # digits the words hold, said as words or figures ("null eins" counts two)

    @property
    def end_silence(self) -> float:
        """Seconds of silence after the last word before the turn may end, Smart Turn's verdict aside."""
        return self.end_silence_after(None)

    def end_silence_after(self, end_probability: float | None) -> float:
        """Seconds of silence after the last word before the turn may end, given Smart Turn's probability
        that the caller is done (None: not known)."""
        if self.ends_now:
            return self.seconds
        sure = end_probability is not None and end_probability >= SURE_END_PROBABILITY
        return max(self.seconds, SURE_END_MIN_SILENCE_SECS if sure else END_OF_TURN_MIN_SILENCE_SECS)


def turn_hold(text: str, expecting: frozenset[str] = frozenset()) -> TurnHold:
    """The silence this turn still needs, from the caller's words so far and the details awaited."""
    tokens = fold(without_fillers(text)).split()
    if not tokens:
        return TurnHold(0.0, "nothing said yet")
    if len(tokens) <= 4 and all(t in _SHORT_ANSWERS for t in tokens):
        return TurnHold(0.0, "a short answer", ends_now=True)
    bare = _TRAILING.sub("", text.strip())
    digits_text = words_to_digits(words_to_digits(bare, "de"), "en")
    digits = sum(ch.isdigit() for ch in digits_text)
    on_digits = bool(_ENDS_ON_DIGITS.search(digits_text))
    on_comma = bare.endswith((",", ";", ":", "-"))
    last = fold(bare).split()[-1:]
    joining = bool(last) and last[0] in _JOINING
    if "phone" in expecting:
        needed = PHONE_WITH_AREA_CODE_MIN_DIGITS if _DIALLED_WITH_AREA_CODE.search(digits_text) else PHONE_MIN_DIGITS
        if 0 < digits < needed or (digits == 0 and (joining or on_comma)):
            return TurnHold(DICTATION_SECS, "a phone number with too few digits", digits=digits)
        if digits and (on_digits or on_comma):
            return TurnHold(MAY_GO_ON_SECS, "a phone number that may go on", digits=digits)
    if "address" in expecting:
        if digits == 0:
            return TurnHold(DICTATION_SECS, "an address without a house number", digits=digits)
        if on_digits or on_comma or joining:
            return TurnHold(MAY_GO_ON_SECS, "an address that may go on", digits=digits)
        if not _has_town(bare):  # "16 Harbour Road," - a breath - "Hamburg."
            return TurnHold(MAY_GO_ON_SECS, "an address without its town yet", digits=digits)
    if joining or on_comma:
        return TurnHold(DICTATION_SECS if expecting else MAY_GO_ON_SECS, "words that end mid-sentence", digits=digits)
    if not expecting and unfinished(bare):  # "Ich möchte" - a breath - "eine Nachricht hinterlassen"
        return TurnHold(MAY_GO_ON_SECS, "a request that has only begun", digits=digits)
    if ends_spelling(bare):  # "No, Sarah Jones, S, A, R" - a breath - "A, H."
        return TurnHold(DICTATION_SECS if expecting else MAY_GO_ON_SECS, "a name being spelled", digits=digits)
    return TurnHold(0.0, "a whole turn", digits=digits)
