"""The eighteenth session's list from the seventeenth (issue 11): an exclamation mark alone is no panic; a boiler that
has failed is a heating failure for the plumber; annoyance said in an idiom is upset, never a danger to life.

Each family holds in German and English, run through the real analyser (rules + the shipped classifier), as a call
would analyse the turn.
"""

from __future__ import annotations

import pytest

from tests.caller_families import decide, why

# --- one "!" is punctuation, not panic --------------------------------------------------------------------------------

EXCLAIMED = [
    ("Mein Sohn wurde verhaftet!", "kanzlei-berg"),
    ("Mein Mann wurde verhaftet!", "kanzlei-berg"),
    ("My son has been arrested!", "kanzlei-berg"),
    ("My son has been arrested this morning, I need a lawyer!", "kanzlei-berg"),
]


@pytest.mark.parametrize(("text", "client"), EXCLAIMED)
def test_an_exclamation_mark_alone_makes_no_caller_acute(text, client):
    result = decide(text, client)
    assert result.urgency == "P1", why(text, result)
    assert result.distress == "elevated", why(text, result)


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
