"""The eighteenth session's list from the seventeenth (issue 11): crying said with a "!" stays acute; a boiler that has
failed is a heating failure for the plumber; annoyance said in an idiom is upset, never a danger to life.

Each family holds in German and English, run through the real analyser (rules + the shipped classifier), as a call
would analyse the turn.
"""

from __future__ import annotations

import pytest

from tests.caller_families import decide, why

# --- crying and panic with a "!" --------------------------------------------------------------------------------

CRYING_OR_PANIC = [
    ("Mein Sohn wurde verhaftet, ich hab solche Panik!", "kanzlei-berg"),
    ("Mein Sohn wurde verhaftet, ich muss die ganze Zeit weinen!", "kanzlei-berg"),
    ("My son has been arrested and I can't stop crying!", "kanzlei-berg"),
    ("My son has been arrested, I'm panicking!", "kanzlei-berg"),
    ("Hilfe, mein Mann atmet nicht mehr!", "sanitaer-notdienst"),
    ("Someone is breaking in right now, I'm so scared!", "sicherheitsdienst-nord"),
]


@pytest.mark.parametrize(("text", "client"), CRYING_OR_PANIC)
def test_crying_panic_and_danger_with_an_exclamation_mark_stay_acute(text, client):
    result = decide(text, client)
    assert result.distress == "acute", why(text, result)


# --- a boiler that has failed is a heating failure --------------------------------------------------------------------

FAILED_BOILERS = [
    "Die Therme im Keller ist ausgefallen.",
    "Unser Heizkessel im Keller ist seit heute früh kaputt.",
    "Der Brenner unten im Heizungsraum springt nicht mehr an.",
    "Die Therme geht seit heute früh nicht mehr.",
    "Die Heizung läuft seit gestern nicht mehr.",
    "meine mutter ist 90 die heizung geht seit vorgestern nicht es sind minus 5 grad",
    "The boiler in the basement has broken down.",
    "Our furnace in the cellar stopped working last night.",
    "the gas boiler up in the loft has packed up",
    "My combi boiler is showing a fault and won't fire up.",
]


@pytest.mark.parametrize("text", FAILED_BOILERS)
def test_a_failed_boiler_is_a_heating_failure_for_the_plumber(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P1", why(text, result)
    assert any(e.startswith("rule heating_failure") for e in result.evidence), why(text, result)


BOILER_ERRANDS = [
    "I'd like to book a boiler service for next week.",
    "my boiler service is overdue, can someone come",
    "Could I get a quote for a new boiler, the old one is fifteen years old?",
    "Ich möchte eine Wartung für meine Therme im Keller buchen.",
    "Können Sie mir ein Angebot für einen neuen Heizkessel machen?",
    "Die Therme ist nicht kaputt, ich will nur eine Wartung.",
]


@pytest.mark.parametrize("text", BOILER_ERRANDS)
def test_a_boiler_service_or_quote_is_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in ("P0", "P1"), why(text, result)


HOT_WATER_ONLY = [
    "Die Therme ist ausgefallen, aber nur das Warmwasser, die Heizung läuft.",
    "The boiler has stopped doing hot water but the heating works.",
]


@pytest.mark.parametrize("text", HOT_WATER_ONLY)
def test_a_boiler_that_only_lost_hot_water_is_no_heating_failure(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P2", why(text, result)


# --- annoyance said in an idiom: elevated, never acute ----------------------------------------------------------------

ANNOYED = [
    ("Das ist doch lächerlich, schon das dritte Mal.", "sanitaer-notdienst"),
    ("Das geht mir so auf die Nerven mit eurer Hotline.", "it-service-hansa"),
    ("Der Lärm von der Baustelle macht mich wahnsinnig.", "kanzlei-berg"),
    ("Mir platzt gleich der Kragen, keiner ruft zurück.", "sanitaer-notdienst"),
    ("Mir reicht's jetzt echt mit eurer Hotline.", "it-service-hansa"),
    ("Die Warteschleife bringt mich noch um, ich will einen Termin.", "sanitaer-notdienst"),
    ("Ich dreh gleich durch mit eurer Hotline.", "it-service-hansa"),
    ("This is doing my head in, the printer jammed again.", "it-service-hansa"),
    ("This dripping tap is driving me up the wall.", "sanitaer-notdienst"),
    ("I've had enough of this, nobody ever calls back.", "sanitaer-notdienst"),
    ("I'm going mad with this noise from next door.", "kanzlei-berg"),
    ("This bill is killing me, can someone explain it?", "sanitaer-notdienst"),
]


@pytest.mark.parametrize(("text", "client"), ANNOYED)
def test_annoyance_in_an_idiom_is_elevated(text, client):
    result = decide(text, client)
    assert result.distress == "elevated", why(text, result)
    assert result.urgency not in ("P0", "P1"), why(text, result)


KILLED_BY_A_THING = [
    ("Die Rechnung bringt mich um.", "sanitaer-notdienst"),
    ("Die Rechnung bringt mich noch um, das kann doch nicht stimmen.", "sanitaer-notdienst"),
    ("This invoice is going to kill me, can someone explain it?", "sanitaer-notdienst"),
    ("the hold music is killing me", "it-service-hansa"),
]


@pytest.mark.parametrize(("text", "client"), KILLED_BY_A_THING)
def test_a_bill_or_a_wait_that_kills_the_caller_is_no_violence(text, client):
    result = decide(text, client)
    assert result.urgency not in ("P0", "P1"), why(text, result)
    assert result.distress == "elevated", why(text, result)


THREATS = [
    ("Er bringt mich um, er steht mit einem Messer vor der Tür.", "kanzlei-berg"),
    ("He's going to kill me, he's at the door with a knife.", "kanzlei-berg"),
    ("Ich dreh durch vor Angst, jemand ist im Haus.", "sicherheitsdienst-nord"),
]


@pytest.mark.parametrize(("text", "client"), THREATS)
def test_a_threat_to_life_beside_the_same_words_stays_acute(text, client):
    result = decide(text, client)
    assert (result.urgency, result.distress) == ("P0", "acute"), why(text, result)
