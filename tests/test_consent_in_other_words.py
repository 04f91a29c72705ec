"""Consent to the recording given or refused in other words than "ja" / "nein", found by calling as a new user.

"ja ja, machen Sie mal", "meinetwegen, kein Problem", "fine by me, go ahead", "yes, I don't mind at all" were
answered "Sorry, I didn't catch that" before "How can I help you?", and "no problem" counted as a refusal
("meinetwegen, kein Problem" recorded nothing; "yes that's no problem at all" was taken for a reported
problem and asked for a callback number). "nein, das möchte ich nicht" got "not understood" instead of the
confirmation that nothing is recorded. Consent in these words is consent, the refusal in words is a refusal,
and a request said beside "no problem" is still heard as the request. Both languages, the real `Dialogue`.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt

PLUMBER = "sanitaer-notdienst"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "ja ja, machen Sie mal"),
        ("de", "meinetwegen, kein Problem"),
        ("de", "ja klar, hab nichts dagegen"),
        ("en", "yes that's no problem at all"),
        ("en", "fine by me, go ahead"),
        ("en", "yes, I don't mind at all"),
    ],
)
def test_consent_in_other_words_is_consent(lang, said):
    d = call(PLUMBER, lang)
    reply = d.hear(said)
    assert d.state.recording_consent is True
    assert reply.says == [prompt(PLUMBER, "ask_need", lang)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "nein, das möchte ich nicht"), ("de", "nee, lieber nicht"), ("en", "no, I would prefer not")],
)
def test_a_refusal_in_words_is_confirmed(lang, said):
    d = call(PLUMBER, lang)
    reply = d.hear(said)
    assert d.state.recording_consent is False
    assert reply.says == [prompt(PLUMBER, "consent_declined", lang), prompt(PLUMBER, "ask_need", lang)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "kein Problem, aber bei mir tropft der Wasserhahn"), ("en", "no problem, my boiler is leaking though")],
)
def test_a_request_beside_no_problem_is_the_request(lang, said):
    d = call(PLUMBER, lang)
    reply = d.hear(said)
    assert prompt(PLUMBER, "ask_need", lang) not in reply.says
    assert d.state.phase != "need"
