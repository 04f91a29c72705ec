"""Single utterances as speech recognition writes them: the decisions a caller's safety depends on.

Each case is run through the real analyser (rules + the shipped classifier), with the client when
the situation is that client's own emergency.
"""

from __future__ import annotations

from functools import cache

import pytest

from triage.brain.analyze import analyze
from triage.brain.model import TextModel, default_model_dir
from triage.packs.load import load_pack


@cache
def model() -> TextModel:
    return TextModel.load(default_model_dir())


def decide(text: str, client: str | None = None, lang: str | None = None):
    return analyze(text, pack=load_pack(client) if client else None, model=model(), lang=lang)


@pytest.mark.parametrize(
    ("text", "client", "urgency"),
    [
        # P0: danger to people now
        ("ähm es riecht hier total nach gas", None, "P0"),
        ("hallo ja also im treppenhaus stinkt es nach gas", "sanitaer-notdienst", "P0"),
        ("there's smoke coming out of the kitchen", None, "P0"),
        ("der co melder piept die ganze zeit und mir ist schwindelig", None, "P0"),
        ("water is dripping into the light fitting in the hall", None, "P0"),
        ("mein sohn ist gestürzt er blutet stark am kopf", None, "P0"),
        ("der einbrecher ist noch im haus ich hab mich im bad eingeschlossen", "sicherheitsdienst-nord", "P0"),
        ("i'm going to kill myself tonight", None, "P0"),
        # P1: ongoing serious damage or the client's own emergency
        ("die bude steht unter wasser", "sanitaer-notdienst", "P1"),
        ("wasserrohrbruch im keller", "sanitaer-notdienst", "P1"),
        ("uh a pipe burst upstairs and water is coming through the ceiling", "sanitaer-notdienst", "P1"),
        ("das abwasser drückt aus der dusche hoch", "sanitaer-notdienst", "P1"),
        ("heizung komplett ausgefallen und es ist eiskalt in der wohnung", "sanitaer-notdienst", "P1"),
        ("bei uns kommt gar kein wasser mehr aus der leitung", "sanitaer-notdienst", "P1"),
        ("bei uns wurde heute nacht eingebrochen", "sicherheitsdienst-nord", "P1"),
        ("die alarmanlage im lager ist losgegangen", "sicherheitsdienst-nord", "P1"),
        ("mein mann wurde heute früh verhaftet", "kanzlei-berg", "P1"),
        ("the police are searching our offices right now", "kanzlei-berg", "P1"),
        ("wir wurden gehackt alle dateien sind verschlüsselt", "it-service-hansa", "P1"),
        ("our server is down and nobody can work", "it-service-hansa", "P1"),
        ("mein insulin ist alle und ich brauche heute noch welches", "apotheke-am-markt", "P1"),
        # P2: urgent today, nothing being damaged now
        ("unsere einzige toilette ist verstopft", "sanitaer-notdienst", "P2"),
        ("seit heute morgen kein warmes wasser", "sanitaer-notdienst", "P2"),
        (
            "ich hab den haupthahn zugedreht jetzt läuft nichts mehr aber das rohr ist kaputt",
            "sanitaer-notdienst",
            "P2",
        ),
        ("die frist für den widerspruch läuft morgen ab", "kanzlei-berg", "P2"),
        # P3: routine, including negation and the past
        ("no leak i just want a quote for a new bathroom", "sanitaer-notdienst", "P3"),
        ("kein rohrbruch ich möchte nur einen kostenvoranschlag", "sanitaer-notdienst", "P3"),
        ("the burst pipe last week where is the invoice", "sanitaer-notdienst", "P3"),
        ("der rohrbruch letzte woche wo bleibt die rechnung", "sanitaer-notdienst", "P3"),
        ("der wasserhahn in der küche tropft", "sanitaer-notdienst", "P3"),
        ("ein heizkörper im schlafzimmer wird nicht warm", "sanitaer-notdienst", "P3"),
        ("es hat kurz getropft aber jetzt ist alles wieder trocken", "sanitaer-notdienst", "P3"),
        ("ich möchte einen rauchmelder bestellen", None, "P3"),
        ("ich hätte gern zwei packungen ibuprofen", "apotheke-am-markt", "P3"),
        ("wann haben sie morgen geöffnet", "apotheke-am-markt", "P3"),
        # P4: no action
        ("oh sorry falsch verbunden", None, "P4"),
        ("", None, "P4"),
        ("congratulations you have won a cruise press one now", None, "P4"),
    ],
)
def test_urgency(text, client, urgency):
    result = decide(text, client)
    assert result.urgency == urgency, (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ich möchte mit einem mitarbeiter sprechen", "request_human"),
        ("can i speak to a real person", "request_human"),
        ("ich möchte drei packungen paracetamol bestellen", "place_order"),
        ("wo bleibt meine bestellung von letzter woche", "order_status"),
        ("ich brauche einen termin für die heizungswartung", "appointment"),
        ("bitte richten sie herrn berg aus dass er mich zurückrufen soll", "leave_message"),
        ("what are your opening hours on saturday", "information"),
        ("ich will mich beschweren ihr techniker hat pfusch gemacht", "complaint"),
        ("bei uns ist ein rohr geplatzt", "report_problem"),
    ],
)
def test_intent(text, intent):
    result = decide(text)
    assert result.intent == intent, (text, result.intent, result.evidence)


@pytest.mark.parametrize(
    ("text", "distress"),
    [
        ("hilfe hilfe ich hab solche angst das wasser steigt", "acute"),
        ("i can't go on anymore it's all hopeless", "acute"),
        ("das ist jetzt schon das dritte mal dass ich anrufe ich bin echt sauer", "elevated"),
        ("i'm really worried about the damp patch", "elevated"),
        ("ich möchte bitte einen termin für nächste woche", "none"),
    ],
)
def test_distress(text, distress):
    result = decide(text)
    assert result.distress == distress, (text, result.distress, result.evidence)


def test_evidence_names_the_words_that_decided():
    result = decide("äh bei uns riecht es im keller so komisch nach gas")
    assert any("gas" in e for e in result.evidence if e.startswith("rule "))
    assert result.hazard == "gas"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ja hallo bei mir ist die heizung kaputt", "de"),
        ("yes hello my heating is broken", "en"),
        ("mir is schlecht", "de"),
        ("the boiler", "en"),
    ],
)
def test_language(text, lang):
    assert decide(text).language == lang
