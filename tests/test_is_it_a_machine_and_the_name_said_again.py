"""Found by calling as a new user (sixteenth session): a caller who asks whether a machine answers, and a caller
who says their name again.

"Sind Sie ein Roboter?" at the recording question got "nicht verstanden", then "Wie kann ich Ihnen helfen?": the
consent was never asked again; "Bin ich mit einer KI verbunden?" was the third misunderstanding and handed the
caller over for it; "wait, is this automated?" while the address was asked got "Sorry, I didn't catch that". Now
the bot says who answers (the pack's `who_is_this`) and asks its question again, in any phase.

"Ihr Name ist Tom Becker?" - "ich bin Tom Becker", or "Your name is Sarah Cole?" - "Sarah Cole from Cole Design"
got "nicht verstanden": the name said again is a yes. "this is Sarah from Cole Design" later in the call shortened
the name to "Sarah" and read it back; a part of the name kept is no new name. Both languages, the real `Dialogue`.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt

PLUMBER = "sanitaer-notdienst"
IT = "it-service-hansa"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("de", "Sind Sie ein Roboter?"),
        ("de", "Moment, ist das hier so ein Sprachcomputer?"),
        ("de", "Spreche ich etwa mit einer Maschine?"),
        ("en", "are you a robot?"),
        ("en", "hang on, is this automated?"),
        ("en", "is it like an AI?"),
    ],
)
def test_asked_whether_a_machine_answers_at_the_consent_question_it_says_who_and_asks_again(lang, said):
    d = call(PLUMBER, lang)
    reply = d.hear(said)
    assert reply.says == [prompt(PLUMBER, "who_is_this", lang), prompt(PLUMBER, "recording_consent", lang)]
    assert d.state.recording_consent is None
    assert d.state.handoff_reason != "failures"


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "Bin ich mit einer KI verbunden?"), ("de", "sind Sie ein Computer"), ("en", "am I talking to a bot")],
)
def test_asked_before_the_request_it_says_who_and_asks_what_they_need(lang, said):
    d = call(PLUMBER, lang)
    d.hear("ja" if lang == "de" else "yes")
    reply = d.hear(said)
    assert reply.says == [prompt(PLUMBER, "who_is_this", lang), prompt(PLUMBER, "ask_need", lang)]
    assert d.state.urgency not in ("P0", "P1")


@pytest.mark.parametrize(
    ("lang", "problem", "said"),
    [
        ("de", "Meine Heizung ist ausgefallen.", "Moment mal, sind Sie eine Maschine?"),
        ("en", "our heating is broken", "wait, is this an answering machine?"),
    ],
)
def test_asked_while_a_detail_is_asked_it_says_who_and_asks_for_the_detail_again(lang, problem, said):
    d = call(PLUMBER, lang)
    d.hear("ja" if lang == "de" else "yes")
    asked = d.hear(problem).says[-1]
    reply = d.hear(said)
    assert reply.says == [prompt(PLUMBER, "who_is_this", lang), asked]


@pytest.mark.parametrize(
    ("lang", "problem", "name", "again"),
    [
        ("de", "Unser Server ist komplett ausgefallen, keiner kann arbeiten.", "Jana Vogt", "ich bin Jana Vogt"),
        ("de", "Unser Server ist komplett ausgefallen, keiner kann arbeiten.", "Jana Vogt", "Vogt, genau"),
        ("en", "our whole server is down, nobody can work", "Priya Shah", "Priya Shah from Shah Consulting"),
        ("en", "our whole server is down, nobody can work", "Priya Shah", "it's Priya Shah"),
    ],
)
def test_the_name_said_again_at_its_read_back_is_a_yes(lang, problem, name, again):
    d = call(IT, lang)
    d.hear(problem)
    d.hear(name)  # asked for the address, a name: read back
    assert d.state.confirming == "name", d.state.phase
    reply = d.hear(again)
    assert "name" in d.state.confirmed and d.state.name == name
    assert prompt(IT, "not_understood", lang) not in reply.says


@pytest.mark.parametrize(
    ("lang", "problem", "name", "part"),
    [
        ("de", "Unser Server ist komplett ausgefallen.", "Jana Vogt", "hier ist Jana von Vogt Design"),
        ("en", "our whole server is down", "Priya Shah", "this is Priya from Shah Consulting"),
    ],
)
def test_a_part_of_the_name_said_later_keeps_the_whole_name(lang, problem, name, part):
    d = call(IT, lang)
    d.hear(problem)
    d.hear(name)
    d.hear("ja" if lang == "de" else "yes")
    reply = d.hear(part)
    assert d.state.name == name
    assert "name" in d.state.confirmed
    assert prompt(IT, "not_understood", lang) not in reply.says
