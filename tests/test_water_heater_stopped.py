"""The water heater that "stopped" (coord20): stopped working or heating is no hot water (the contract's P2); a noise or
a drip that stopped ("the water heater stopped making that noise", "der Boiler hat aufgehört zu tropfen") is a fault
that is over, never reported as a failure. German and English, through the real analyser and the plumber's pack.
"""

from __future__ import annotations

import pytest

from tests.caller_families import decide, why

PLUMBER = "sanitaer-notdienst"

STOPPED_WORKING = [
    "the water heater stopped working this morning",
    "our water heater has just stopped heating",
    "Der Boiler hat aufgehört zu heizen.",
    "Unser Durchlauferhitzer hat heute früh aufgehört zu funktionieren.",
]


@pytest.mark.parametrize("text", STOPPED_WORKING)
def test_a_water_heater_that_stopped_working_is_no_hot_water(text):
    result = decide(text, PLUMBER)
    assert result.urgency == "P2", why(text, result)
    assert any(e.startswith("rule no_hot_water") for e in result.evidence), why(text, result)


STOPPED_NOISE = [
    "the water heater stopped making that noise, can you still check it next week?",
    "the water heater has stopped dripping now",
    "Der Boiler hat aufgehört zu tropfen.",
    "Der Durchlauferhitzer hat endlich aufgehört zu klopfen, ich wollte nur Bescheid sagen.",
]


@pytest.mark.parametrize("text", STOPPED_NOISE)
def test_a_water_heater_whose_noise_or_drip_stopped_is_no_failure(text):
    result = decide(text, PLUMBER)
    assert result.urgency in ("P3", "P4"), why(text, result)
    assert not any(e.startswith("rule no_hot_water") for e in result.evidence), why(text, result)
