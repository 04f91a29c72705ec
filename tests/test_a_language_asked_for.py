"""Found by calling as a new user (sixteenth session): a caller who asks for a language in words.

"Hallo, können Sie auch Englisch? Sorry, my German is not so good" got "Entschuldigung, das habe ich nicht
verstanden" in German: the words of both languages cancelled out, and the call stayed German. A caller who asks
for one of the client's languages gets it at once: the open question again in that language, or, when the turn
says more, the rest of the call in it. A language the client does not offer changes nothing. The real `Dialogue`.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain.language import asked_for

PLUMBER = "sanitaer-notdienst"
LAWYER = "kanzlei-berg"


@pytest.mark.parametrize(
    ("start", "said", "wanted"),
    [
        ("de", "Hallo, können Sie auch Englisch? Sorry, my German is not so good", "en"),
        ("de", "Do you speak English?", "en"),
        ("de", "Is there someone who speaks English?", "en"),
        ("en", "Hallo, auf Deutsch bitte", "de"),
        ("en", "Können wir Deutsch sprechen?", "de"),
        ("en", "Sorry, mein Englisch ist nicht so gut", "de"),
    ],
)
def test_a_language_asked_for_alone_gets_the_question_again_in_it(start, said, wanted):
    d = call(LAWYER, start)
    reply = d.hear(said)
    assert d.state.lang == wanted
    assert reply.says == [prompt(LAWYER, "ask_need", wanted)]
    assert d.state.problem is None  # asking for a language is no request


@pytest.mark.parametrize(("said", "wanted"), [("Sprechen Sie Deutsch?", "de"), ("do you speak english", "en")])
def test_at_the_consent_question_the_consent_is_asked_again_in_it(said, wanted):
    d = call(PLUMBER, "en" if wanted == "de" else "de")
    reply = d.hear(said)
    assert reply.says == [prompt(PLUMBER, "recording_consent", wanted)]
    assert d.state.recording_consent is None


@pytest.mark.parametrize(
    ("start", "said", "wanted"),
    [
        ("de", "I don't speak German very well, I need an appointment about my visa", "en"),
        ("en", "Ich spreche kein Englisch, ich brauche einen Termin wegen meiner Kündigung", "de"),
    ],
)
def test_a_request_said_with_the_language_goes_on_in_it(start, said, wanted):
    d = call(LAWYER, start)
    reply = d.hear(said)
    assert d.state.lang == wanted
    assert d.state.intent == "appointment"
    assert prompt(LAWYER, "not_understood", wanted) not in reply.says


@pytest.mark.parametrize(
    "said",
    ["ich wohne in der Englischen Straße 4", "I ordered a German dictionary", "mein englischer Kollege ruft an"],
)
def test_a_language_named_without_asking_for_it_is_no_request(said):
    assert asked_for(said) is None


def test_a_language_the_client_does_not_offer_changes_nothing():
    d = call("apotheke-am-markt", "de")
    d.hear("Do you speak English?")
    assert d.state.lang == "de"
