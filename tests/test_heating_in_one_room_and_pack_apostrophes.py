"""A heating failure limited to one room is a repair, and a client pack's phrase written with an apostrophe matches.

The plumber's pack lists "heating (is not|isn't|doesn't|does not|won't) (working|work|come on|start)" as a heating
failure (P1). `fold` spells the caller's "doesn't" as "doesn t", but the pattern kept its apostrophe, so "our heating
doesn't work" was P3. Folding the apostrophe alone would have woken the phrase for a caller whose bathroom alone is
cold, a gap the words without apostrophe already had ("the heating is not working in the bathroom, the rest of the
flat is warm" was P1): one room named beside the heating, the rest said to be warm, or "nur"/"only" before a room is
no total failure in the cold. A room that says how cold the flat is ("im Kinderzimmer ist es eiskalt") is not that,
nor the cellar where the heating itself stands.
"""

from __future__ import annotations

import re

import pytest

from tests.caller_families import EMERGENCY, decide, why
from triage.brain.text import Folded, fold_pattern


@pytest.mark.parametrize(
    "text",
    [
        "our heating doesn't work",
        "the heating doesnt work",
        "Our heating won't start, the kids are at home.",
        "Unsere Heizung geht nicht mehr, es wird immer kälter.",
    ],
)
def test_a_heating_failure_in_the_packs_words_is_p1(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P1", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "die Heizung im Bad geht nicht, sonst ist alles warm",
        "Im Kinderzimmer ist die Heizung kaputt, der Rest der Wohnung ist warm.",
        "Die Heizung geht nur im Schlafzimmer nicht.",
        "heating is not working in the bathroom, the rest is warm",
        "The heating isn't working in the bathroom, the rest of the flat is warm.",
        "the heating doesn't work in the kitchen, everything else is fine",
    ],
)
def test_a_heating_failure_in_one_room_is_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Die Heizung geht nicht, im Kinderzimmer ist es eiskalt.",
        "Unsere Heizung ist komplett ausgefallen, im Wohnzimmer sind es nur noch 12 Grad.",
        "The heating isn't working, in the kids room it's freezing.",
        "The heating has failed, the whole flat is cold, even the bathroom.",
        # where the heating itself stands is all of it
        "Im Keller ist die Heizung ausgefallen.",
        "Our heating isn't working in the basement flat.",
    ],
)
def test_a_room_that_says_how_cold_the_flat_is_keeps_the_failure_p1(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P1", why(text, result)


def test_a_pattern_with_an_apostrophe_is_folded_as_the_text_is():
    for said in ("It isn't working", "It won’t working", "it isnt working"):
        assert re.search(fold_pattern("(isn't|won’t) working"), Folded.of(said).text) is not None, said
