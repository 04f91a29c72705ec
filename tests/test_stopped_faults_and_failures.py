"""A fault that has stopped is over; a system that has stopped its work has failed (issue 11, coord19).

"the boiler has stopped making that banging noise" and "die Therme hat aufgehört zu klopfen" report a noise that is
gone, not a heating failure; "the boiler has stopped" (working), "die Heizung hat aufgehört zu heizen" and "er hat
aufgehört zu atmen" report that the heating, or a person's breathing, has stopped. Run through the real analyser
(rules + the shipped classifier), as a call would analyse the turn, for the plumber's own phrases too.
"""

from __future__ import annotations

import pytest

from tests.caller_families import decide, why

FAULTS_THAT_STOPPED = [
    "the boiler has stopped making that banging noise",
    "The boiler has stopped making that banging noise, but I'd like someone to look at it.",
    "the heating has stopped making that noise",
    "our furnace has finally stopped rattling",
    "the heat pump has stopped humming",
    "the boiler stopped dripping",
    "the boiler has stopped leaking, could someone check it next week",
    "Die Therme hat aufgehört zu klopfen.",
    "Die Therme hat aufgehört zu tropfen, kann trotzdem mal jemand vorbeischauen?",
    "Die Heizung hat endlich aufgehört zu gluckern.",
]


@pytest.mark.parametrize("text", FAULTS_THAT_STOPPED)
def test_a_fault_that_has_stopped_is_no_heating_failure(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in ("P0", "P1"), why(text, result)
    assert not any("heating_failure" in e or "heizungsausfall" in e for e in result.evidence), why(text, result)


HEATING_THAT_STOPPED = [
    "the boiler has stopped",
    "our boiler has stopped and the house is freezing",
    "the boiler stopped working last night",
    "the furnace has stopped heating",
    "the heating has stopped",
    "Die Heizung hat aufgehört zu heizen.",
    "Die Therme hat gestern Abend einfach aufgehört zu funktionieren.",
    "Seit heute früh ist es kalt, weil der Kessel aufgehört hat zu arbeiten.",
]


@pytest.mark.parametrize("text", HEATING_THAT_STOPPED)
def test_heating_that_has_stopped_its_work_is_a_heating_failure(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P1", why(text, result)


BREATHING_THAT_STOPPED = [
    "Mein Vater hat aufgehört zu atmen!",
    "Hilfe, er hat plötzlich aufgehört zu atmen",
    "my dad has stopped breathing",
    # sparks or smoke that are over say nothing of the person beside them
    "Er atmet nicht mehr, die Funken sind weg",
    "Mein Mann ist bewusstlos, der Rauch ist weg",
    "my dad has stopped breathing, the sparks have stopped",
    "my wife is unconscious, the smoke has gone",
]


@pytest.mark.parametrize("text", BREATHING_THAT_STOPPED)
def test_a_person_who_has_stopped_breathing_is_a_medical_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)
    assert result.distress == "acute", why(text, result)
