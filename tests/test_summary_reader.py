"""The summary an agent reads in five seconds, in the reading agent's own language (not the pack's),
with a short headline, a grouped number and no half-sentences. Real dialogue and classifier, in text."""

from __future__ import annotations

import re

from tests.voice_server import BURST_PIPE
from triage.brain.summary import for_reader
from triage.phones import phone_text

CLIENT = "sanitaer-notdienst"  # agent_language: de


def _summary(simulate, turns: list[str]) -> dict:
    return simulate(CLIENT, turns)["outcome"]["summary"]


ROUTINE = [
    "guten tag ich wollte fragen ob sie nächste woche mal vorbeikommen können wegen der heizung die macht so "
    "komische geräusche seit ein paar tagen",
    "ich möchte mit einem mitarbeiter sprechen",
]


def test_an_english_agent_reads_a_german_callers_summary_in_english(simulate) -> None:
    summary = _summary(simulate, ROUTINE)
    german, english = for_reader(summary, "de"), for_reader(summary, "en")
    assert german["recommended_action"] == "Anrufer übernehmen und das Anliegen klären."
    assert english["recommended_action"] == "Take the caller and clarify the request."
    assert english["text"].startswith("P3 routine: wants an appointment") and "unknown caller" in english["text"]
    assert german["text"].startswith("P3 Routine: Terminwunsch") and "unbekannter Anrufer" in german["text"]
    assert summary["recommended_action"] == german["recommended_action"]  # the pack's agent_language on top
    assert for_reader({"text": "stored before words"}, "en") == {"text": "stored before words"}


def test_a_routine_headline_is_a_glance_not_the_whole_first_utterance(simulate) -> None:
    summary = _summary(simulate, ROUTINE)
    for lang in ("de", "en"):
        head = for_reader(summary, lang)["urgency_reason"]
        quoted = re.search(r"[„\"](.*?)[“\"]", head).group(1)
        assert len(quoted.rstrip(" …").split()) <= 8, head
        assert not quoted.lower().startswith("guten tag"), head
        assert ROUTINE[0] not in head
    assert "keine Rückrufnummer genannt" in summary["words"]["de"]["text"]
    assert "Rückruf keine" not in summary["words"]["de"]["text"]
    assert "no callback number given" in summary["words"]["en"]["text"]


def test_an_emergency_headline_uses_the_packs_name_in_the_readers_language(simulate) -> None:
    summary = _summary(simulate, BURST_PIPE[:6])  # the caller hangs up before giving a name
    assert summary["urgency"] == "P1"
    de, en = for_reader(summary, "de"), for_reader(summary, "en")
    assert "Rohrbruch" in de["urgency_reason"]
    assert en["urgency_reason"] and "Rohrbruch" not in en["urgency_reason"]
    assert "Rückruf an 0171 2345678;" in de["text"], de["text"]  # the mobile prefix, then the number
    assert "call back on 0171 2345678;" in en["text"], en["text"]
    assert summary["callback_number"] == "01712345678" and summary["callback_number_text"] == "0171 2345678"


def test_numbers_are_grouped_for_reading() -> None:
    assert phone_text("+4917123456789") == "+49 171 23456789"
    assert phone_text("01711234567") == "0171 1234567"
    assert phone_text("04012345678") == "040 12345678"
    assert phone_text("sip:anna@pbx.example") == "sip:anna@pbx.example"
    assert phone_text(None) is None
