"""Recording consent in text, German and English: the answer to the question, a withdrawal at any later
point of the call, and the record of the decision (the words the caller heard, the times). The real
`Dialogue` with the shipped reference pack (it records calls) and the shipped classifier."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

import pytest

from triage.brain import consent
from triage.brain.dialogue import Dialogue
from triage.brain.disclosure import Disclosure, disclosure_sentences
from triage.brain.model import TextModel, default_model_dir
from triage.packs.load import load_pack
from triage.packs.render import say

CLIENT = "sanitaer-notdienst"  # records_calls: true
AT = datetime(2026, 12, 1, 10, 30, tzinfo=UTC)


@cache
def model() -> TextModel:
    return TextModel.load(default_model_dir())


def call(lang: str) -> Dialogue:
    d = Dialogue(load_pack(CLIENT), model(), lang=lang, now=lambda: AT)
    d.greet()
    return d


def prompt(key: str, lang: str) -> str:
    return say(load_pack(CLIENT), key, lang)


@pytest.mark.parametrize(("lang", "yes"), [("de", "ja"), ("en", "yes")])
def test_a_caller_who_agrees_is_recorded_with_the_question_they_heard(lang, yes):
    d = call(lang)
    d.hear(yes)
    s = d.state
    assert s.recording_consent is True
    assert s.consent_prompt == prompt("recording_consent", lang)
    assert s.consent_at == AT and s.consent_withdrawn_at is None


@pytest.mark.parametrize(
    ("lang", "no"),
    [
        ("de", "nein"),
        ("de", "nein, ich möchte nicht aufgezeichnet werden"),
        ("en", "no"),
        ("en", "please don't record"),
    ],
)
def test_a_caller_who_refuses_is_not_recorded_and_told_so(lang, no):
    d = call(lang)
    reply = d.hear(no)
    assert d.state.recording_consent is False and d.state.consent_at == AT
    assert reply.says[0] == prompt("consent_declined", lang)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de", "bitte nicht aufzeichnen"),
        ("de", "ich möchte nicht aufgezeichnet werden"),
        ("de", "Hören Sie bitte mit der Aufzeichnung auf."),
        ("en", "stop recording"),
        ("en", "Please stop the recording."),
        ("en", "I don't want to be recorded"),
    ],
)
def test_a_withdrawal_mid_call_stops_the_recording_and_asks_the_question_again(lang, words):
    d = call(lang)
    d.hear("ja" if lang == "de" else "yes")
    asked = d.state.last_question
    reply = d.hear(words)
    assert d.state.recording_consent is False
    assert d.state.consent_withdrawn_at == AT
    assert reply.says == [prompt("consent_withdrawn", lang), asked]
    assert d.state.urgency == "P4"  # a withdrawal is no sign of anything


def test_a_withdrawal_inside_a_longer_turn_still_answers_the_rest():
    d = call("en")
    d.hear("yes")
    reply = d.hear("Stop recording please, a pipe has burst in my kitchen and water is everywhere.")
    assert d.state.recording_consent is False
    assert reply.says[0] == prompt("consent_withdrawn", "en")
    assert d.state.urgency == "P1"  # the burst pipe is heard as well


@pytest.mark.parametrize(
    "words",
    ["no, that's all", "nein danke", "the recorder in the shop is broken", "Ich habe eine Aufnahme gemacht"],
)
def test_ordinary_words_are_no_withdrawal(words):
    assert not consent.withdraws(words)


def test_nothing_to_withdraw_without_consent():
    d = call("de")
    d.hear("nein")
    reply = d.hear("bitte nicht aufzeichnen")
    assert d.state.consent_withdrawn_at is None
    assert prompt("consent_withdrawn", "de") not in reply.says


def test_the_disclosure_is_the_greetings_first_sentence_and_blocks_barge_in_until_heard():
    d = Dialogue(load_pack(CLIENT), model(), lang="de", now=lambda: AT)
    greeting = d.greet()
    assert disclosure_sentences(greeting) == 1
    assert "KI-Assistent" in greeting.says[0]
    disclosure = Disclosure()
    assert disclosure.may_interrupt()
    disclosure.started()
    disclosure.caller_started()
    assert not disclosure.may_interrupt() and disclosure.talked_over
    disclosure.heard()
    assert disclosure.may_interrupt()
