"""An emergency reported in the same turn as "how long will it take?" (coord20): the caller gets the emergency handling
(the client's safety advice, then the first detail asked) AND the pack's `wait_time` answer for an emergency, right
before the question; the wait question used to be dropped. A report without the question hears no wait sentence.
German and English, with the real `Dialogue` and the shipped packs.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain import answers

PLUMBER = "sanitaer-notdienst"  # records calls: the consent question comes first
CONSENT = {"de": "ja", "en": "yes"}

# (client, lang, the turn: an emergency and the wait question together)
TOGETHER = [
    (PLUMBER, "en", "there's water pouring from the ceiling, how long until someone comes?"),
    (
        PLUMBER,
        "de",
        "Bei uns ist ein Rohr geplatzt, das Wasser läuft in den Keller, wie lange dauert es, bis jemand kommt?",
    ),
    (PLUMBER, "de", "Wann kommt der Techniker? Das Wasser läuft aus der Decke!"),
    ("sicherheitsdienst-nord", "en", "Someone has broken into our shop, when will someone be here?"),
    ("sicherheitsdienst-nord", "de", "Bei uns im Laden wurde eingebrochen, wie lange dauert es, bis jemand kommt?"),
    ("kanzlei-berg", "de", "Mein Sohn wurde verhaftet, wann meldet sich der Anwalt?"),
]


def _first_turn(client: str, lang: str, text: str):
    d = call(client, lang)
    if client == PLUMBER:
        d.hear(CONSENT[lang])
    return d, d.hear(text)


@pytest.mark.parametrize(("client", "lang", "text"), TOGETHER)
def test_the_emergency_is_handled_and_the_wait_question_answered(client, lang, text):
    d, reply = _first_turn(client, lang, text)
    assert d.state.phase == "collect" and d.state.handoff_reason == "p1", reply.says
    wait = prompt(client, "wait_time", lang, emergency=True)
    assert wait in reply.says, reply.says
    assert reply.says[-1] == d.state.last_question != wait  # then the detail that is asked
    assert reply.says.index(wait) == len(reply.says) - 2, reply.says
    advice = d.pack.emergency(d.state.emergency_id).advice
    if advice:  # the client's safety advice still comes first
        assert reply.says[0] == d.localized(advice), reply.says


ONLY_THE_EMERGENCY = [
    (PLUMBER, "en", "there's water pouring from the ceiling!"),
    (PLUMBER, "de", "Bei uns ist ein Rohr geplatzt, das Wasser läuft in den Keller!"),
]


@pytest.mark.parametrize(("client", "lang", "text"), ONLY_THE_EMERGENCY)
def test_an_emergency_without_the_question_hears_no_wait_sentence(client, lang, text):
    d, reply = _first_turn(client, lang, text)
    assert d.state.handoff_reason == "p1"
    assert prompt(client, "wait_time", lang, emergency=True) not in reply.says, reply.says


WITHIN = [
    "Bei uns ist ein Rohr geplatzt, das Wasser läuft in den Keller, wie lange dauert es, bis jemand kommt?",
    "Wann kommt der Techniker? Das Wasser läuft aus der Decke!",
    "there's water pouring from the ceiling, how long until someone comes?",
    "The pipe under the sink burst and the kitchen is flooding. When will the plumber be here?",
]
NOT_WITHIN = [
    "Bei uns ist ein Rohr geplatzt, das Wasser läuft in den Keller!",
    "when the plumber comes, should I turn off the water? The pipe burst.",
    "The pipe burst last night, how long is the warranty on the repair?",
]


@pytest.mark.parametrize("text", WITHIN)
def test_a_wait_question_is_heard_inside_a_longer_report(text):
    assert answers.asks_wait_time_within(text)


@pytest.mark.parametrize("text", NOT_WITHIN)
def test_a_report_without_a_wait_question_asks_nothing(text):
    assert not answers.asks_wait_time_within(text)
