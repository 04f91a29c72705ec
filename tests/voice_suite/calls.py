"""The suite's scripted calls: who rings which client and what they say, turn by turn.

Every script ends right when typed through `triage simulate` (the same words as text); the suite checks
that it still does when spoken down a phone line. A read-back is answered by a `Check`, as a person answers
it: the caller compares what the bot read back with what they said and says yes, or corrects it (the
number again group by group, the name spelled) and checks again. English turns are spoken by the real
Piper voice en_US-joe-medium. German turns come from real recordings of ../shared/audio/de/ where one fits
the call (a free sentence of a message) and from espeak-ng otherwise: no clip says yes/no, a burst pipe,
digits or the callers' names, and none can be cut from the clips (the only digit words in them are
"sieben" and "fünf" inside longer words). Whisper base hears espeak-ng's German digits as "Null. Ein.
Niven. Ein. Ein..." even offline, so German callers confirm without correcting: a correction spoken by
espeak-ng would be heard no better.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .speech import DROPOUT, Utterance, clip, de, en

QUIET_DBFS = -30.0  # a caller on a quiet line: the short answers of one call are this low

NUMBER_EN = en("You can reach me on zero one seven six,", "five five five,", "one two three four.")
NUMBER_EN_2 = en("zero one five one,", "two two three three,", "four four five five.")
NUMBER_DE = de("null eins sieben eins,", "zwei drei vier,", "fünf sechs sieben acht.")

# what a caller says when a read-back is wrong: the detail again, a number group by group, a name spelled
BAKER_12 = ("address", "Baker Street 12", "No, it's twelve Baker Street,", "London.")
PHONE_EN = ("phone", "01765551234", "No, it's zero one seven six,", "five five five,", "one two three four.")
PHONE_EN_2 = ("phone", "015122334455", "No, it's zero one five one,", "two two three three,", "four four five five.")
MILLER = ("name", "John Miller", "No, John Miller, M, I, L, L, E, R.")
HARBOUR_16 = ("address", "Harbour Road 16 Hamburg", "No, it's sixteen Harbour Road,", "Hamburg.")
BAKER_16 = ("address", "Baker Street 16", "No, it's number sixteen, Baker Street,", "London.")
JONES = ("name", "Sarah Jones", "No, Sarah Jones, S, A, R, A, H.")


@dataclass(frozen=True)
class Check:
    """The caller's answer to a read-back, as a person gives it: they compare what the bot read back with
    what they said (`heard_right`, tolerant of spelling the ear cannot hear: "Harbor" for "Harbour") and say
    `yes` when it is right, else `correction` (the name spelled, the number again group by group), and
    check the next read-back the same way, up to MAX_CORRECTIONS times."""

    detail: Literal["address", "phone", "name"]
    expected: str  # the words or digits the read-back must hold ("John Miller", "01765551234", "Baker Street 12")
    correction: Utterance
    yes: Utterance

    def heard_right(self, read_back: str) -> bool:
        if self.detail == "phone":
            return re.sub(r"\D", "", read_back) == self.expected
        said = _words(read_back)
        return all(word in said for word in _words(self.expected))


MAX_CORRECTIONS = 2  # then the caller gives up and says yes (the call ends wrong and is reported)
_SOUNDS_THE_SAME = {"harbour": "harbor", "strasse": "straße", "str": "straße"}


def _words(text: str) -> set[str]:
    words = re.findall(r"[\w']+", text.lower())
    return {_SOUNDS_THE_SAME.get(w, w) for w in words}


def check_en(detail: str, expected: str, *correction: str, dbfs: float | None = None) -> Check:
    loud = {} if dbfs is None else {"dbfs": dbfs}
    return Check(detail, expected, en(*correction), en("Yes.", **loud))  # type: ignore[arg-type]


def check_de(detail: str, expected: str, correction: Utterance, yes: Utterance) -> Check:
    return Check(detail, expected, correction, yes)  # type: ignore[arg-type]


Turn = Utterance | Check


@dataclass(frozen=True)
class ScriptedCall:
    client: str
    turns: list[Turn]
    noise_snr_db: float | None = None  # café noise under the whole call at this signal-to-noise ratio
    outcome_wait_s: float = 40.0  # after the last turn: how long the caller stays on the line for the outcome
    notes: str = ""
    english: bool = field(default=True)  # its turns count in the English word error rate
    # spoken by espeak-ng's German, which Whisper base hears as nonsense even offline (WER 0.8-1.1 at
    # every espeak-ng voice and speed tried): its outcome is reported, not counted in the suite's bar
    words_lost_offline: bool = False


CALLS: dict[str, ScriptedCall] = {
    "burst_pipe_p1_with_address_callback_and_name": ScriptedCall(
        "sanitaer-notdienst",
        [
            en("Yes."),
            en("Hi, a pipe has burst in my kitchen and water is everywhere."),
            en("Twelve Baker Street,", "London."),
            check_en(*BAKER_12),
            NUMBER_EN,
            check_en(*PHONE_EN),
            en("John Miller."),
            check_en(*MILLER),
        ],
    ),
    "gas_smell_p0": ScriptedCall(
        "sanitaer-notdienst",
        [en("Yes."), en("I can smell gas in my kitchen, it's really strong.")],
    ),
    "order_with_lines_pickup_and_callback": ScriptedCall(
        "sanitaer-notdienst",
        [
            en("Yes."),
            en("I'd like to order two tap washer sets, half inch please."),
            en("No, that's all."),
            en("Pick up, please."),
            en("John Miller."),
            check_en(*MILLER),
            NUMBER_EN,
            check_en(*PHONE_EN),
            en("Yes."),
        ],
    ),
    "message_with_a_dictated_number": ScriptedCall(
        "kanzlei-berg",
        [
            en("Hello, I'd like to leave a message for Mr Berg."),
            en("Please call me back about my rental contract."),
            en("zero one seven six,", "five five five,", "one two three four."),
            check_en(*PHONE_EN),
            en("John Miller."),
            check_en(*MILLER),
            en("Yes."),
        ],
    ),
    "quiet_yes_no_at_minus_30_dbfs": ScriptedCall(
        "it-service-hansa",
        [
            en("Hello, our whole network is down, nobody in the office can work."),
            en("Sixteen Harbour Road,", "Hamburg."),
            check_en(*HARBOUR_16, dbfs=QUIET_DBFS),
            NUMBER_EN,
            check_en(*PHONE_EN, dbfs=QUIET_DBFS),
            en("John Miller."),
            check_en(*MILLER, dbfs=QUIET_DBFS),
        ],
        notes="every yes at -30 dBFS, the rest at -20 dBFS",
    ),
    "german_caller_whose_first_word_is_ja": ScriptedCall(
        "sanitaer-notdienst",
        [
            de("Ja."),
            de("Bei uns ist ein Rohr geplatzt, das Wasser läuft überall."),
            de("Goethestraße vierzehn,", "in zwei null null neun fünf Hamburg."),
            de("Ja."),
            NUMBER_DE,
            de("Ja."),
            de("Anna Schmidt."),
            de("Ja."),
        ],
        english=False,
        words_lost_offline=True,
        notes="espeak-ng: no real German clip says these",
    ),
    "caller_corrects_the_house_number": ScriptedCall(
        "sanitaer-notdienst",
        [
            en("Yes."),
            en("Hello, water is pouring through the ceiling of my bathroom."),
            en("Twelve Baker Street,", "London."),
            en("No, it's number sixteen, Baker Street."),
            check_en(*BAKER_16),
            NUMBER_EN,
            check_en(*PHONE_EN),
            en("John Miller."),
            check_en(*MILLER),
        ],
    ),
    "message_in_cafe_noise_at_15_db_snr": ScriptedCall(
        "kanzlei-berg",
        [
            en("Hello, I'd like to leave a message for Mrs Berg."),
            en("My court date has been moved to next Friday, please call me back."),
            NUMBER_EN_2,
            check_en(*PHONE_EN_2),
            en("Sarah Jones."),
            check_en(*JONES),
            en("Yes."),
        ],
        noise_snr_db=15.0,
    ),
    "caller_goes_silent": ScriptedCall(
        "sanitaer-notdienst",
        [en("Yes.")],
        outcome_wait_s=75.0,
        notes="after the consent the caller says nothing more and stays on the line",
    ),
    "garbled_hazard_word_ends_in_a_handoff": ScriptedCall(
        "sanitaer-notdienst",
        [
            de("Ja."),
            de("Bei uns im Keller riecht es ganz stark nach", DROPOUT, "bitte kommen Sie schnell.", pauses=False),
        ],
        outcome_wait_s=20.0,
        english=False,
        notes="espeak-ng; the hazard word (Gas) is lost in 0.4 s of line crackle; the caller then hangs up",
    ),
    "german_message_with_a_real_recorded_sentence": ScriptedCall(
        "kanzlei-berg",
        [
            de("Guten Tag, ich möchte eine Nachricht hinterlassen."),
            clip("emodb_08a02Na.wav"),  # "Das will sie am Mittwoch abgeben." (EmoDB, a real speaker)
            NUMBER_DE,
            de("Ja."),
            de("Anna Schmidt."),
            de("Ja."),
            de("Ja."),
        ],
        english=False,
        words_lost_offline=True,
        notes="the message is a real recording; the rest espeak-ng",
    ),
    "hi_then_an_order_after_a_pause": ScriptedCall(
        "sanitaer-notdienst",
        [
            en("Yes."),
            en("Hi,", "I'd like to order a radiator bleed key, please."),
            en("No, that's all."),
            en("Pick up, please."),
            en("Sarah Jones."),
            check_en(*JONES),
            NUMBER_EN_2,
            check_en(*PHONE_EN_2),
            en("Yes."),
        ],
    ),
    "caller_asks_for_a_person": ScriptedCall(
        "sicherheitsdienst-nord",
        [en("Yes."), en("Can I speak to a real person, please?")],
    ),
}
