"""Issue 11, twenty-fourth set: emergencies told by someone else, by confused, elderly or learner callers, and their
look-alikes.

Each family holds in German and English and comes with its look-alikes. Run through the real analyser (rules + the
shipped classifier), with the client the caller rang.
"""

from __future__ import annotations

from functools import cache

import pytest

from triage.brain.analyze import analyze
from triage.brain.model import TextModel, default_model_dir
from triage.packs.load import load_pack

EMERGENCY = ("P0", "P1")


@cache
def model() -> TextModel:
    return TextModel.load(default_model_dir())


def decide(text: str, client: str | None = None):
    return analyze(text, pack=load_pack(client) if client else None, model=model())


def _why(text: str, result) -> tuple:
    return (text, result.urgency, result.intent, result.distress, result.evidence)


# --- learner German and English: the sign without the modal or the participle ----------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Mein Mann, er fallen, Kopf Blut, nicht aufwachen. Bitte schnell.", "sanitaer-notdienst"),
        ("Kollege von Gerüst gefallen, nicht bewegen, bitte Hilfe.", "sanitaer-notdienst"),
        ("meine mutter treppe fallen sie nicht mehr aufwachen", "apotheke-am-markt"),
        ("bitte hilfe mein kind trinken putzmittel aus flasche was machen", "apotheke-am-markt"),
        ("ich bin hingefallen in der badewanne komm nicht raus seit gestern", "sanitaer-notdienst"),
        ("my husband fall, head blood, no wake up, please quick", "sanitaer-notdienst"),
        ("colleague fall from ladder, not move, please help", "it-service-hansa"),
        ("please help my child drink cleaner from bottle what do", "apotheke-am-markt"),
        ("i fell in the bath and can't get out since yesterday", "sanitaer-notdienst"),
    ],
)
def test_learner_words_for_a_medical_emergency_are_p0(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0", _why(text, result)
    assert result.distress == "acute", _why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Seien Sie leise, damit das Baby nicht aufwachen tut.", "apotheke-am-markt"),
        ("mein mann kann nicht bewegen das sofa allein wir brauchen hilfe beim umzug", "sanitaer-notdienst"),
        ("ich möchte putzmittel und spülmittel kaufen", "apotheke-am-markt"),
        ("my son is no more move to new flat, can you cancel contract", "sanitaer-notdienst"),
        ("i fell asleep in the bath yesterday ha ha, anyway the shower tray is cracked", "sanitaer-notdienst"),
    ],
)
def test_learner_look_alikes_stay_routine(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, _why(text, result)


# --- "es geht ihm nicht gut", "not well": the first sign of the emergency, not a denial ----------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Meiner Mutter geht es nicht gut, sie liegt im Bad und reagiert nicht.", "apotheke-am-markt"),
        ("es geht ihr nicht gut sie blutet stark", "apotheke-am-markt"),
        ("Mein Opa fühlt sich gar nicht wohl, jetzt liegt er im Flur und antwortet nicht.", "sanitaer-notdienst"),
        ("my dad's not well he collapsed", "apotheke-am-markt"),
        ("my mum isn't feeling well and now she's bleeding heavily", "it-service-hansa"),
    ],
)
def test_feeling_unwell_does_not_deny_the_sign_after_it(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0", _why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("es ist kein notfall, es blutet nicht stark, ich brauche nur pflaster", "apotheke-am-markt"),
        ("mir geht es nicht gut, ich brauche was gegen Erkältung", "apotheke-am-markt"),
        ("not bleeding much, it's not serious, just need plasters", "apotheke-am-markt"),
        ("i'm not feeling well, can i get something for a cold", "apotheke-am-markt"),
    ],
)
def test_unwell_look_alikes_stay_routine(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, _why(text, result)


# --- a fire at the neighbour's; a farewell told by someone else; ending it all ------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Es brennt beim Nachbarn!", "sicherheitsdienst-nord"),
        ("schnell es brennt beim nachbarhaus", "sanitaer-notdienst"),
        ("There's a fire at the neighbours!", "sicherheitsdienst-nord"),
    ],
)
def test_a_fire_at_the_neighbours_is_p0(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0", _why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Mein Kollege hat allen Tschüss gesagt und meinte, da wo er hingeht, braucht er das alles nicht mehr. Er geht "
         "nicht ans Handy.", "it-service-hansa"),
        ("mein bruder hat seiner familie lebewohl gesagt und geht nicht mehr ans telefon", "kanzlei-berg"),
        ("ich ruf eigentlich nur an um mich zu bedanken sie waren immer nett zu mir ich werd das heute alles beenden",
         "apotheke-am-markt"),
        ("my colleague cleared his desk today and said where he's going he won't need any of it. now he's not "
         "answering his phone.", "it-service-hansa"),
        ("i just wanted to say thank you you were always kind to me i'm going to end it all today", "apotheke-am-markt"),
    ],
)
def test_a_farewell_or_ending_it_all_is_self_harm(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0", _why(text, result)
    assert result.distress == "acute", _why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("es brennt beim wasserlassen, haben Sie da was", "apotheke-am-markt"),
        ("unser kollege hat allen tschüss gesagt er geht in rente nächste woche ist die feier", "it-service-hansa"),
        ("my colleague is off to spain, where he's going he won't need any of it, so the laptop stays here",
         "it-service-hansa"),
        ("he said goodbye to everyone at his leaving do, can you set up his laptop for the new starter",
         "it-service-hansa"),
    ],
)
def test_farewell_and_burning_look_alikes_stay_routine(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, _why(text, result)
