"""A caller who asks how long they will have to wait hears what the client can honestly promise (coord19, issue 11).

"Wie lange muss ich warten?", "how long will it take for someone to come?", "when will the plumber be here?" used to
get "Entschuldigung, das habe ich nicht verstanden" while the address was asked, and, as a first request, a handover
with "Das kann ich Ihnen leider nicht sicher beantworten". Now the client pack's `wait_time` answers, in the caller's
language: after an emergency, that the on-call human is told at once and gets back to them; otherwise who gets back to
them and how, in the client's own words, never an invented time. Then the question that stood comes again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain import answers
from triage.packs.load import load_all
from triage.packs.render import say

REPO_PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
PLUMBER = "sanitaer-notdienst"  # records calls: the consent question comes first

BURST_DE = ["ja", "Bei uns ist ein Rohr geplatzt, das Wasser läuft in den Keller!"]
BURST_EN = ["yes", "A pipe has burst in the kitchen and there is water everywhere."]
# (client, lang, turns before the question, the question)
AFTER_AN_EMERGENCY = [
    (
        PLUMBER,
        "de",
        BURST_DE,
        "Wann kommt der Techniker?",
    ),
    (
        PLUMBER,
        "de",
        BURST_DE,
        "Wie lange muss ich warten?",
    ),
    (
        PLUMBER,
        "en",
        BURST_EN,
        "how long will it take for someone to come?",
    ),
    (
        PLUMBER,
        "en",
        BURST_EN,
        "When will the plumber be here?",
    ),
    (
        "sicherheitsdienst-nord",
        "de",
        ["Bei uns im Laden wurde eingebrochen!"],
        "Wie lange dauert es, bis jemand kommt?",
    ),
    ("sicherheitsdienst-nord", "en", ["Someone has broken into our shop!"], "When will someone be here?"),
    ("kanzlei-berg", "en", ["My son has been arrested."], "When will the lawyer call me back?"),
    ("kanzlei-berg", "de", ["Mein Sohn wurde verhaftet."], "Wann meldet sich der Anwalt?"),
    (
        "it-service-hansa",
        "en",
        ["Our whole network is down, nobody can work."],
        "how long will it take for someone to call?",
    ),
]


def _standing_question(d) -> str:
    return d.state.last_question


@pytest.mark.parametrize(("client", "lang", "before", "question"), AFTER_AN_EMERGENCY)
def test_after_an_emergency_the_caller_hears_that_the_on_call_human_is_told_then_the_question(
    client, lang, before, question
):
    d = call(client, lang)
    for turn in before:
        d.hear(turn)
    asked = _standing_question(d)
    reply = d.hear(question)
    assert reply.says == [prompt(client, "wait_time", lang, emergency=True), asked], reply.says
    assert reply.outcome is None and not reply.end


ROUTINE = [
    (PLUMBER, "en", ["yes", "My toilet is blocked, could someone come and fix it?"], "When will the plumber be here?"),
    (PLUMBER, "de", ["ja", "Mein Klo ist verstopft, kann jemand vorbeikommen?"], "Wann kommt denn jemand?"),
    ("apotheke-am-markt", "de", ["Ich möchte Ibuprofen 400 reservieren."], "Wie lange muss ich warten?"),
]


@pytest.mark.parametrize(("client", "lang", "before", "question"), ROUTINE)
def test_with_no_emergency_the_caller_hears_who_gets_back_to_them_then_the_question(client, lang, before, question):
    d = call(client, lang)
    for turn in before:
        d.hear(turn)
    asked = _standing_question(d)
    reply = d.hear(question)
    assert reply.says == [prompt(client, "wait_time", lang, emergency=False), asked], reply.says


FIRST_WORDS = [
    (PLUMBER, "de", "ja", "Wie lange muss ich warten, bis jemand kommt?"),
    (PLUMBER, "en", "yes", "How long do I have to wait for someone to come?"),
    ("kanzlei-berg", "de", None, "Wann ruft mich die Anwältin zurück?"),
    ("it-service-hansa", "en", None, "How soon can someone get here?"),
]


@pytest.mark.parametrize(("client", "lang", "consent", "question"), FIRST_WORDS)
def test_asked_before_any_request_it_is_answered_and_the_caller_asked_what_they_need(client, lang, consent, question):
    d = call(client, lang)
    if consent:
        d.hear(consent)
    reply = d.hear(question)
    assert reply.says == [prompt(client, "wait_time", lang, emergency=False), prompt(client, "ask_need", lang)]
    assert reply.outcome is None and d.state.problem is None  # a question about the wait is no request


WAIT_QUESTIONS = [
    "Wie lange muss ich warten?",
    "Wie lange dauert es, bis jemand kommt?",
    "Wann kommt der Techniker?",
    "Wann ist denn endlich jemand hier?",
    "Wie schnell kann jemand da sein?",
    "how long will it take for someone to come?",
    "When will the plumber be here?",
    "how long do I have to wait?",
    "How long's it gonna take?",
    "what's the waiting time?",
]
NOT_ABOUT_THE_WAIT = [
    "Wie lange dauert die Reparatur?",
    "Wann haben Sie geöffnet?",
    "Der Techniker war gestern da.",
    "Wann kann ich die Bestellung abholen?",
    "How long is the warranty?",
    "when are you open?",
    "I've been waiting for an hour.",
    "when the plumber comes, should I turn off the water?",
]


@pytest.mark.parametrize("text", WAIT_QUESTIONS)
def test_questions_about_the_wait_are_heard(text):
    assert answers.asks_wait_time(text)


@pytest.mark.parametrize("text", NOT_ABOUT_THE_WAIT)
def test_other_questions_and_reports_are_not(text):
    assert not answers.asks_wait_time(text)


def test_every_client_says_in_its_own_words_what_it_can_promise_and_invents_no_time():
    packs = load_all(REPO_PROMPTS)
    for pack in packs.values():
        assert pack.prompts.wait_time, f"{pack.id}: no wait_time"
        for lang in ("de", "en"):
            for emergency in (True, False):
                said = say(pack, "wait_time", lang, emergency=emergency)
                assert said.strip(), (pack.id, lang, emergency)
                assert not re.search(r"\d|minute", said, flags=re.I), (pack.id, lang, said)  # no minutes promised
        assert say(pack, "wait_time", "de", emergency=True) != say(pack, "wait_time", "de", emergency=False)
