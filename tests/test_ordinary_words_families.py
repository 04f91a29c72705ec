"""Ordinary words that sound like a hazard (coord20): a thing that "is shot" (worn out, "die Heizung ist hinüber"), a
heating "aus Gusseisen" (made of, not off), the police taking away a bike or a car (no person arrested), and a hazard a
relative only thought there was ("meine Oma dachte, es brennt, es ist aber nichts los"). Each family in German and
English through the real analyser (rules + the shipped classifier), with the danger it must not hide beside it.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why

PLUMBER, LAW = "sanitaer-notdienst", "kanzlei-berg"

# --- "shot" of a thing: worn out, a failure; the gun sense needs a person or a weapon --------------------------------

WORN_OUT = [
    ("Die Heizung ist hinüber, es ist eiskalt in der Wohnung.", "P1"),
    ("the boiler is shot, the whole flat is freezing", "P1"),
    ("the boiler is shot", "P1"),
    ("our heating's completely shot since last night", "P1"),
    ("my heater is shot, can someone come and look at it", None),
    ("the water pump's been shot for weeks, I'd like a quote for a new one", None),
    ("we're getting quotes, the boiler is shot but still working", "P3"),
]


@pytest.mark.parametrize(("text", "urgency"), WORN_OUT)
def test_a_thing_that_is_shot_is_worn_out_not_a_shooting(text, urgency):
    result = decide(text, PLUMBER)
    assert result.urgency != "P0", why(text, result)
    assert not any(e.startswith("rule violence") for e in result.evidence), why(text, result)
    assert result.distress != "acute", why(text, result)
    if urgency:
        assert result.urgency == urgency, why(text, result)


SHOOTINGS = [
    "my neighbour has been shot, he's bleeding",
    "someone just got shot outside our shop",
    "he was shot in the leg",
    "they shot at our window, we're hiding",
    "Mein Nachbar wurde angeschossen, er blutet.",
]


@pytest.mark.parametrize("text", SHOOTINGS)
def test_a_person_shot_stays_life_safety(text):
    result = decide(text, PLUMBER)
    assert result.urgency == "P0", why(text, result)


# --- "aus" of a material or an origin: information, not the heating off -----------------------------------------------

MADE_OF = [
    "Die Heizung ist aus Gusseisen, kann man die Heizkörper tauschen?",
    "Unsere Heizung ist aus den Siebzigern, ich hätte gern ein Angebot.",
    "Der Kessel ist aus Edelstahl und tropft ein bisschen.",
    "the radiators are cast iron, can you replace them?",
    "our heating is made of old cast iron pipes, I'd like a quote",
]


@pytest.mark.parametrize("text", MADE_OF)
def test_heating_made_of_a_material_is_no_failure(text):
    result = decide(text, PLUMBER)
    assert result.urgency not in EMERGENCY, why(text, result)


HEATING_OFF = [
    "Die Heizung ist aus und es ist eiskalt.",
    "Der Kessel ist aus, wir haben keine Heizung.",
    "the heating is off and the whole house is freezing",
]


@pytest.mark.parametrize("text", HEATING_OFF)
def test_heating_that_is_off_stays_a_failure(text):
    result = decide(text, PLUMBER)
    assert result.urgency == "P1", why(text, result)


# --- the police taking a thing away: no arrest ------------------------------------------------------------------------

THING_TAKEN = [
    ("Die Polizei hat mein Fahrrad abgeholt.", PLUMBER),
    ("Die Polizei hat gestern unser Auto mitgenommen, wegen dem Parken.", PLUMBER),
    ("the police took my bike away", PLUMBER),
    ("the police have taken our car away, it was parked badly", PLUMBER),
    ("the police took my bike away, can I get it back?", LAW),
]


@pytest.mark.parametrize(("text", "client"), THING_TAKEN)
def test_the_police_taking_a_thing_is_no_arrest(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


PERSON_TAKEN = [
    ("Die Polizei hat meinen Mann abgeholt.", LAW),
    ("Die Polizei hat ihn heute früh mitgenommen.", LAW),
    ("the police took my husband away this morning", LAW),
    ("the police have taken him away", LAW),
]


@pytest.mark.parametrize(("text", "client"), PERSON_TAKEN)
def test_the_police_taking_a_person_stays_an_arrest(text, client):
    result = decide(text, client)
    assert result.urgency == "P1", why(text, result)


# --- a hazard someone only thought there was, said to be nothing ------------------------------------------------------

FALSE_ALARM = [
    "meine Oma dachte, es brennt, es ist aber nichts los",
    "Mein Mann dachte, es riecht nach Gas, es war aber nichts.",
    "Ich dachte, es brennt, war aber falscher Alarm, ich wollte nur einen Termin.",
    "my gran thought something was burning but it's nothing",
    "my husband thought he smelled gas but it turned out to be nothing",
    "I thought there was a fire but it was a false alarm, I just want to book a visit",
]


@pytest.mark.parametrize("text", FALSE_ALARM)
def test_a_hazard_only_thought_and_said_to_be_nothing_is_no_emergency(text):
    result = decide(text, PLUMBER)
    assert result.urgency not in EMERGENCY, why(text, result)
    assert result.distress != "acute", why(text, result)


STILL_A_HAZARD = [
    "Ich dachte, es ist nichts, aber es brennt wirklich in der Küche!",
    "Meine Oma dachte, es riecht nach Gas, und es riecht immer noch.",
    "I thought it was nothing but there's a fire in the kitchen now",
]


@pytest.mark.parametrize("text", STILL_A_HAZARD)
def test_a_hazard_that_turned_out_real_stays_life_safety(text):
    result = decide(text, PLUMBER)
    assert result.urgency == "P0", why(text, result)
