"""Issue 11, thirty-eighth set: frightened callers who describe rather than name: electrics that hum and smell, lips
gone blue with someone's name between, a cleaner named as the recogniser splits it, a caller who cannot speak because
"he" is beside them, someone on the edge of a car park roof, a rug that has caught, a gas smell dated yesterday that
is stronger today. And the look-alikes that must stay routine: a meter that only hums, a caller in a meeting, the edge
of the bath, a rug caught on a door, radiators that need bleeding, a socket that stopped working with no sparks, a
break-in whose intruder has gone (P1, not P0), yesterday's gas smell that was the bin.

The sentences are other wordings of the set's families, not its rows. Each family holds in German and English. The
dangers are checked with no model at all: they are explicit and must never depend on it.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, assert_no_emergency_by, assert_p0_by, decide, rules_only, why


def assert_routine(text: str, client: str = "sanitaer-notdienst") -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


# --- the electrics told by the senses: a board or socket that hums or crackles and smells or is hot ------------------

ELECTRICS_BY_SENSES = [
    "Der Sicherungskasten im Flur summt seit dem Frühstück und es stinkt so komisch.",
    "ähm die mehrfachsteckdose unterm schreibtisch knackt und ist ganz heiß",
    "Wegen der Rechnung vom letzten Monat noch, und seit heute früh brummt der Stromkasten und riecht verschmort.",
    "The consumer unit in the hall has been humming since breakfast and it stinks.",
    "um the extension lead under the desk keeps crackling and it's too hot to touch",
    "About last month's bill, and since this morning the fuse box is buzzing and smells of burning.",
]


@pytest.mark.parametrize("text", ELECTRICS_BY_SENSES)
def test_electrics_that_hum_and_smell_or_are_hot_are_p0_without_the_model(text):
    assert_p0_by(text, "electric_hazard")


ELECTRICS_ONLY_HUM = [
    "Der Stromzähler summt ein bisschen, ist das normal?",
    "the fuse box hums a little, is that normal?",
]


@pytest.mark.parametrize("text", ELECTRICS_ONLY_HUM)
def test_a_meter_that_only_hums_stays_routine(text):
    assert_routine(text)


# --- a caller who cannot speak freely because the one who threatens is beside them -----------------------------------

CANNOT_SPEAK_FREELY = [
    "ich darf gerade nicht laut reden, er sitzt direkt neben mir",
    "Tun Sie bitte so, als ob ich einen Termin mache, er hört mit.",
    "I can't speak freely, he's in the next room, please just listen",
    "just pretend I'm booking a delivery, I can't talk",
]


@pytest.mark.parametrize("text", CANNOT_SPEAK_FREELY)
def test_a_caller_who_cannot_speak_because_he_is_beside_them_is_p0_acute(text):
    result = rules_only(text, "sicherheitsdienst-nord")
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)
    assert any(e.startswith("rule violence") for e in result.evidence), why(text, result)


BUSY_CALLERS = [
    "Ich kann gerade nicht reden, ich sitze im Bus, rufen Sie mich bitte heute Abend zurück.",
    "I can't talk right now, I'm in a meeting, can you ring me back after five?",
]


@pytest.mark.parametrize("text", BUSY_CALLERS)
def test_a_caller_who_cannot_talk_because_they_are_busy_stays_routine(text):
    assert_routine(text, "sicherheitsdienst-nord")


# --- on the edge of a height ------------------------------------------------------------------------------------------

ON_THE_EDGE = [
    "ich steh oben an der kante vom hochhaus und guck runter",
    "Ich sitz hier auf dem Geländer vom Parkhaus, keine Ahnung, warum ich Sie anrufe.",
    "I'm sitting on the ledge of the top floor of the car park",
    "im stood on the wall of the bridge i dont know why i rang",
]


@pytest.mark.parametrize("text", ON_THE_EDGE)
def test_a_caller_on_the_edge_of_a_height_is_self_harm_without_the_model(text):
    result = rules_only(text)
    assert result.urgency == "P0" and result.distress == "acute", why(text, result)
    assert any(e.startswith("rule self_harm") for e in result.evidence), why(text, result)


EDGE_AT_HOME = [
    "Ich sitz grad am Rand der Badewanne und der Abfluss ist verstopft.",
    "I'm sitting on the edge of the bath and the tap is dripping again.",
]


@pytest.mark.parametrize("text", EDGE_AT_HOME)
def test_the_edge_of_a_bath_is_no_height(text):
    assert_no_emergency_by(text, "self_harm")


# --- a fire caught in the things of a room ----------------------------------------------------------------------------

THINGS_ON_FIRE = [
    "die kerze ist umgekippt und jetzt brennt die tischdecke",
    "Oh Gott, der Heizlüfter ist umgefallen, es brennt der Sessel!",
    "the candle fell over and the tablecloth's caught",
    "my heater tipped onto the duvet and the duvet is burning",
]


@pytest.mark.parametrize("text", THINGS_ON_FIRE)
def test_a_fire_caught_in_a_rooms_things_is_p0_without_the_model(text):
    assert_p0_by(text, "fire_burning")


THINGS_CAUGHT = [
    "the rug caught on the door and tore, can someone fix the door seal",
    "My tablecloth caught in the dishwasher door, now the door won't shut, can you send someone?",
]


@pytest.mark.parametrize("text", THINGS_CAUGHT)
def test_a_thing_caught_on_something_is_no_fire(text):
    assert_no_emergency_by(text, "fire")


# --- a break-in discovered, the intruder gone: P1, not P0; someone still inside stays P0 ------------------------------

INTRUDER_GONE = [
    "Da war jemand im Haus, das Fenster ist eingeschlagen, aber die sind wieder weg.",
    "someone was in the flat while we were out, the back door's been forced, they've gone now",
]


@pytest.mark.parametrize("text", INTRUDER_GONE)
def test_a_break_in_whose_intruder_has_gone_is_p1(text):
    result = rules_only(text, "sicherheitsdienst-nord")
    assert result.urgency == "P1", why(text, result)


INTRUDER_INSIDE = [
    "da ist jemand im haus ich hör schritte unten",
    "someone is in the house right now, I can hear them downstairs",
]


@pytest.mark.parametrize("text", INTRUDER_INSIDE)
def test_someone_still_inside_stays_p0(text):
    assert_p0_by(text, "violence", "sicherheitsdienst-nord")


# --- a socket that stopped working, with no sparks: English puts the denial after the verb of working -----------------

DEAD_NO_SPARKS = [
    "Die Steckdose in der Küche geht nicht mehr, keine Funken, kein Geruch, einfach tot.",
    "the kitchen socket stopped working, no sparks or smell or anything, it's just dead",
    "the light switch in the hall isn't working, no sparks, nothing",
]


@pytest.mark.parametrize("text", DEAD_NO_SPARKS)
def test_a_dead_socket_with_no_sparks_stays_routine(text):
    assert_routine(text)


def test_a_socket_that_stopped_working_and_sparks_is_still_p0():
    assert_p0_by("the socket stopped working and now it's sparking", "electric_hazard")
    assert_p0_by("Die Steckdose geht nicht mehr und jetzt funkt sie", "electric_hazard")


# --- radiators that need bleeding are heating, not a wound ------------------------------------------------------------

RADIATOR_WORDS = [
    "the radiators upstairs are cold at the top, do they need bleeding?",
    "our radiators want bleeding, could someone pop round next week",
    "Die Heizkörper oben sind oben kalt, müssen die entlüftet werden?",
    "die heizung röchelt und gluckert, muss die entlüftet werden",
]


@pytest.mark.parametrize("text", RADIATOR_WORDS)
def test_radiators_that_need_bleeding_stay_routine(text):
    assert_routine(text)


def test_a_person_bleeding_is_still_p0():
    assert_p0_by("he fell on the radiator and he's bleeding, it won't stop", "medical")
    assert_p0_by("er ist gegen den Heizkörper gefallen und blutet stark", "medical")


# --- no air told by its signs, with words between: whose lips, gasping ------------------------------------------------

NO_AIR_SIGNS = [
    "die lippen von meiner tochter werden ganz blau",
    "Opa japst nur noch, bitte kommen Sie schnell",
    "her lips and fingertips are turning blue",
    "the lips on the baby are gone grey",
    "she's gasping and she can't say anything",
]


@pytest.mark.parametrize("text", NO_AIR_SIGNS)
def test_signs_of_no_air_are_p0_without_the_model(text):
    assert_p0_by(text, "medical")


GASPING_FOR_A_DRINK = [
    "ich japse nach einem kaffee, wann machen sie morgen auf",
    "she's gasping for a cuppa, what time do you open tomorrow",
]


@pytest.mark.parametrize("text", GASPING_FOR_A_DRINK)
def test_gasping_for_a_drink_stays_routine(text):
    assert_routine(text, "apotheke-am-markt")


# --- a cleaner taken, named as the recogniser splits it, or licked ----------------------------------------------------

CLEANER_TAKEN = [
    "mein sohn hat was vom rohr frei getrunken",
    "die kleine hat am backofen reiniger geleckt",
    "he's licked the toilet cleaner off the brush",
    "my toddler tasted some of the dishwasher tablets",
]


@pytest.mark.parametrize("text", CLEANER_TAKEN)
def test_a_cleaner_taken_is_p0_without_the_model(text):
    assert_p0_by(text, "medical", "apotheke-am-markt")


# --- a hazard dated in the past that is so now ------------------------------------------------------------------------

DATED_BUT_NOW = [
    "Der Gasgeruch von gestern ist jetzt wieder da und noch stärker.",
    "the gas smell from yesterday is back now and it's worse",
]


@pytest.mark.parametrize("text", DATED_BUT_NOW)
def test_a_hazard_dated_yesterday_that_is_so_now_is_p0(text):
    assert_p0_by(text, "gas_smell")


EXPLAINED_AWAY = [
    "Nur zur Info, der Gasgeruch von gestern war doch nur der Mülleimer.",
    "just so you know, the gas smell yesterday was only the bins, no need to come",
]


@pytest.mark.parametrize("text", EXPLAINED_AWAY)
def test_yesterdays_gas_smell_explained_away_stays_routine(text):
    assert_routine(text)
