"""Recording consent as the caller gives, refuses or withdraws it: text in, decision out.

§ 201 StGB: a call may only be recorded once the caller agreed, and only for as long as they agree.
The answer to the consent question is read by flows/need.py; this module reads a withdrawal at any
later point of the call ("bitte nicht aufzeichnen", "stop recording") and keeps the record of the
decision (the exact question the caller heard, the answer, the times) on the call state, for the
store. No I/O: the pipeline starts and stops the recorder from what the state says.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from . import answers
from .state import CallState
from .text import fold

# "hören Sie auf aufzuzeichnen", "Aufzeichnung beenden", "nicht mehr aufnehmen", "stop recording",
# "please stop the recording", "turn off the recording" (besides every refusal answers.py knows)
_WITHDRAW = re.compile(
    r"\b(stop|end|pause|cancel|turn off|switch off) (the |this |that )?(call )?recording"
    r"|\bstop record(ing)? (me|this|the call)"
    r"|\baufzeichnung (\w+ ){0,2}(beenden|stoppen|abbrechen|ausschalten|abschalten|aus)\b"
    r"|\bhoeren sie (bitte )?(auf )?(mit (der|dem) )?(aufzeichnung|aufnahme|aufzuzeichnen|aufzunehmen)"
    r"|\bnicht mehr (\w+ ){0,2}(aufzeichnen|aufnehmen|aufgezeichnet|aufgenommen)"
    r"|\b(aufzeichnung|aufnahme) (bitte )?(stoppen|beenden|loeschen)"
)
ONLY_WITHDRAWAL_WORDS = 8  # "ich möchte ab jetzt nicht mehr aufgezeichnet werden": longer turns say more


def withdraws(text: str) -> bool:
    """The caller does not (or no longer) want the call recorded."""
    return answers.refuses_recording(text) or bool(_WITHDRAW.search(fold(text)))


# what goes with a refusal and says nothing else: "nein danke", "no, please", "also, ähm"
_BESIDES_REFUSAL = frozenset(
    "nein nee no nope danke thanks thank you bitte please lieber rather also well so ok okay sorry "
    "entschuldigung aeh aehm aehmm hm hmm uh uhm um erm ah oh ach".split()
)
_CLAUSE = re.compile(r"[,.;:!?]+")
# a clause that only says more about the refusal: "das möchte ich nicht", "dass das aufgenommen wird",
# "I'd rather you didn't record it"
_ABOUT_REFUSAL = frozenset(
    "das dass es ich moechte will mag nicht wird werden sie i d rather you didn t don do not it that want would "
    "prefer if this call gespraech".split()
)
_RECORDING_WORD = re.compile(r"^(aufzeichn|aufgezeichnet|aufzuzeichnen|aufnehm|aufgenommen|aufzunehmen|mitschn|record)")


def _about_refusal(clause: str) -> bool:
    words = fold(clause).split()
    return all(w in _BESIDES_REFUSAL or w in _ABOUT_REFUSAL or _RECORDING_WORD.match(w) for w in words)


def besides_refusal(text: str) -> str | None:
    """What a caller who refuses recording says besides the refusal, in the same turn ("nein, nicht
    aufnehmen bitte, bei uns tropft der Wasserhahn" -> "bei uns tropft der Wasserhahn"), or None when
    the turn is the refusal alone. Clauses are split at punctuation: without it the whole turn is taken
    for the refusal, so nothing of "nicht aufgezeichnet" ever reaches the urgency model."""
    if not answers.refuses_recording(text):
        return None
    rest = [
        clause.strip()
        for clause in _CLAUSE.split(text)
        if fold(clause) and not answers.refuses_recording(clause) and not _about_refusal(clause)
    ]
    return ", ".join(rest) or None


def asked(state: CallState, prompt: str) -> None:
    """The consent question was put to the caller in these exact words."""
    state.consent_prompt = prompt


def decided(state: CallState, given: bool, now: datetime) -> None:
    """The caller answered the consent question (or went straight to their need: not given)."""
    state.recording_consent = given
    state.consent_at = _utc(now)


def withdraw(state: CallState, text: str, now: datetime) -> bool:
    """A caller who had agreed takes it back with these words: from now on nothing is recorded, and
    what was recorded before is discarded (the simplest choice that needs no later deletion request).
    True if this turn withdrew consent."""
    if state.recording_consent is not True or not withdraws(text):
        return False
    state.recording_consent = False
    state.consent_withdrawn_at = _utc(now)
    return True


def only_withdraws(text: str) -> bool:
    """The turn says little but the withdrawal ("Bitte nicht aufzeichnen."): the question before it is
    asked again, nothing else is taken from it. A longer turn is also answered as usual."""
    return withdraws(text) and len(fold(text).split()) <= ONLY_WITHDRAWAL_WORDS


def handed_over(state: CallState, now: datetime) -> None:
    """The phone changed hands ("ich geb Ihnen mal meinen Mann", "I'll put my husband on"): the new speaker never
    heard the consent question, so from now on nothing is recorded. The first speaker's consent stands, and what
    was recorded under it is kept (unlike a withdrawal, nobody took consent back)."""
    if state.recording_consent is True and state.recording_stopped_at is None:
        state.recording_stopped_at = _utc(now)


def _utc(at: datetime) -> datetime:
    """A time of the consent record as the store keeps every time: aware, in UTC. A naive clock is the machine's local
    time, which the database would otherwise keep as if it were UTC (the console then shows it shifted)."""
    return at.astimezone(UTC)
