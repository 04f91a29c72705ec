"""The caller's name said after their firm ("Becker GmbH, Tom Becker am Apparat") or after an article ("hier ist die
Jana") is their name, and such an introduction is a greeting, not a turn the bot failed to understand.

Found by the sixteenth session: at the first turn "Becker GmbH, Tom Becker am Apparat" gave no name (the name-first
cue was looked for only at the turn's start) and "hier ist die Jana" none either ("die" ended the name before it
began); both were answered "nicht verstanden". A role, an office or an idiom after the article is no name ("hier ist
die Polizei", "hier ist der Hausmeister", "hier ist der Teufel los"). The English forms ("Fox Events Ltd, Andrew Fox
speaking", "this is Jana speaking") hold too. Extraction, and the real `Dialogue`.
"""

from __future__ import annotations

import pytest

from tests.dialogue_calls import call, prompt
from triage.brain.extract.name import extract_name


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Becker GmbH, Tom Becker am Apparat", "de", "Tom Becker"),
        ("Becker GmbH, hier spricht Tom Becker, wir haben einen Wasserschaden", "de", "Tom Becker"),
        ("Fox Events Ltd, Andrew Fox speaking", "en", "Andrew Fox"),
        ("Fox Events Ltd, this is Andrew Fox", "en", "Andrew Fox"),
        ("hier ist die Jana", "de", "Jana"),
        ("Hallo, hier ist der Tom, ich wollte fragen, ob Sie morgen Zeit haben", "de", "Tom"),
        ("hier spricht die Jana Becker", "de", "Jana Becker"),
        ("this is Jana speaking", "en", "Jana"),
    ],
)
def test_the_name_after_a_firm_or_an_article_is_the_callers(text, lang, name):
    assert extract_name(text, lang) == name


@pytest.mark.parametrize(
    "text",
    [
        "hier ist die Polizei, bei uns wurde eingebrochen",
        "hier ist der Hausmeister",
        "hier ist die Hausverwaltung",
        "hier ist der Teufel los",
        "hier ist die Heizung kaputt",
        "Becker GmbH, wir haben einen Wasserschaden",
    ],
)
def test_an_office_a_role_or_an_idiom_after_the_article_is_no_name(text):
    assert extract_name(text, "de") is None


@pytest.mark.parametrize(
    ("lang", "said", "name"),
    [
        ("de", "Becker GmbH, Tom Becker am Apparat", "Tom Becker"),
        ("de", "Guten Tag, hier ist die Jana", "Jana"),
        ("en", "Fox Events Ltd, Andrew Fox speaking", "Andrew Fox"),
        ("en", "Hello, this is Jana speaking", "Jana"),
    ],
)
def test_an_introduction_is_a_greeting_asked_what_the_caller_needs(lang, said, name):
    d = call("kanzlei-berg", lang)
    if d.state.phase == "consent":
        d.hear("ja" if lang == "de" else "yes")
    reply = d.hear(said)
    assert d.state.name == name
    assert reply.says == [prompt("kanzlei-berg", "ask_need", lang)]
