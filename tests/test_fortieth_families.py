"""Issue 11, fortieth set: acute distress and explicit life threats as callers say them on the phone.

A caller who first plays it down and then corrects themselves to something worse ("nichts Wildes – nein, Moment …",
"nothing serious, no wait …"); a person named again after a denial of something else ("der ist nicht müde, der wacht
gar nicht mehr auf", "she isn't drunk, she's not waking up"); self-harm said as doing something to oneself ("dass sie
sich heute was antut", "he's going to do something to himself"). Beside them the look-alikes with the same words that
stay routine. Each family holds in German and English, run through the real analyser (rules + the shipped classifier)
or the rules alone where a life threat must never depend on the model.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, assert_p0_by, decide, rules_only, why

# --- played down, then corrected to worse: what follows the correction counts ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Es tropft ein bisschen unter der Spüle, nichts Wildes – nein, Moment, jetzt spritzt es richtig raus und der "
        "ganze Boden steht unter Wasser.",
        "kein notfall eigentlich nein warte das rohr ist geplatzt und das wasser läuft in den flur",
        "nothing serious no wait the pipe just burst and water's pouring out",
        "it's not urgent well actually it is the pipe's burst and the kitchen is flooding",
    ],
)
def test_a_leak_played_down_then_corrected_to_a_flood_is_an_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "meine oma ist nur ein bisschen müde nein eigentlich die wacht nicht mehr auf",
        "mein vater schläft nur glaub ich nein moment er atmet nicht mehr",
        "my nan's just a bit tired i think no actually she's not waking up at all",
        "he's just having a nap no wait he's not breathing",
    ],
)
def test_a_person_played_down_then_corrected_to_unresponsive_is_p0_by_the_rules(text):
    assert_p0_by(text, "medical")


@pytest.mark.parametrize(
    "text",
    [
        "nichts wildes nur ein tropfender wasserhahn in der küche",
        "kein Notfall, der Wasserhahn im Bad tropft ein bisschen, wann hätten Sie Zeit?",
        "nothing serious, the tap in the bathroom just drips",
        "not an emergency, the kitchen tap drips a bit, when could someone come?",
    ],
)
def test_played_down_without_a_correction_stays_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a person named again after a denial of something else -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mein opa ist nicht müde der wacht gar nicht mehr auf",
        "meine frau ist nicht betrunken sie reagiert nicht mehr",
        "she isn't drunk she's not waking up",
        "he isn't messing about he's not breathing",
    ],
)
def test_a_denial_of_something_else_does_not_deny_the_person_unresponsive(text):
    assert_p0_by(text, "medical")


@pytest.mark.parametrize(
    "text",
    [
        "er ist nicht verletzt er ist nur hingefallen und schon wieder aufgestanden",
        "he's not hurt he just slipped and he's up again",
        "nein er ist nicht bewusstlos er schläft nur",
        "no she's not unconscious she's just asleep",
    ],
)
def test_a_person_said_to_be_fine_is_no_emergency_by_the_rules(text):
    result = rules_only(text)
    assert result.urgency not in EMERGENCY, why(text, result)


# --- self-harm said as doing something to oneself ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "meine schwester hat geschrieben dass sie sich heute was antut",
        "mein bruder hat gesagt er tut sich was an und geht nicht ans telefon",
        "ich glaub mein sohn hat sich was angetan er macht die tür nicht auf",
        "my brother said he's going to do something to himself",
        "she said she might do something to herself tonight",
        "i'm scared i'll do something stupid to myself",
    ],
)
def test_doing_something_to_oneself_is_self_harm(text):
    assert_p0_by(text, "self_harm")
    result = decide(text, "sanitaer-notdienst")
    assert result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "tut sich was an der baustelle, kommt heute noch jemand?",
        "Hat sich schon was an meiner Bestellung getan?",
        "can you do something to the boiler before winter?",
        "has anything been done to the radiator yet?",
    ],
)
def test_something_happening_to_a_job_or_a_device_is_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)
    assert result.distress != "acute", why(text, result)


# --- water with the electrics denied, or no more than a puddle --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ähm wir haben ein bisschen wasser im keller nach dem regen aber nur eine pfütze und da ist keine elektrik in "
        "der nähe können sie sich das mal anschauen",
        "Wasser im Keller, aber keine Steckdosen in der Nähe, kann jemand vorbeikommen?",
        "um there's a bit of water in the cellar after the rain just a puddle and nowhere near any electrics could "
        "someone have a look",
        "there's water on the floor but no electrics anywhere near it",
    ],
)
def test_water_with_the_electrics_denied_is_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "das Wasser tropft auf die Lampe, aber kein Licht mehr",
        "im keller steht wasser und die steckdose ist nass",
        "water's dripping onto the light but no power now",
        "the basement's flooded and the water is up to the sockets",
    ],
)
def test_water_on_electrics_stays_p0_by_the_rules(text):
    assert_p0_by(text, "electric_hazard")


# --- a danger to life with a short plea: acute ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "es riecht nach gas bitte hilfe",
        "es qualmt aus der steckdose, hilfe bitte",
        "there is gas smell überall in der wohnung, bitte help",
        "there's gas smell everywhere please help",
        "it smells of gas please what do we do",
    ],
)
def test_a_danger_to_life_with_a_short_plea_is_acute(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P0", why(text, result)
    assert result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "bitte hilfe beim ausfüllen des formulars",
        "es tropft unter der spüle bitte hilfe",
        "can you please help me with my order",
        "the tap in the kitchen drips, help please",
    ],
)
def test_a_short_plea_without_a_danger_is_not_acute(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY, why(text, result)
    assert result.distress != "acute", why(text, result)


# --- a toilet about to overflow is not yet sewage backing up ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "das klo ist verstopft und läuft fast über aber nur das eine, das andere geht",
        "die toilette ist verstopft und läuft gleich über",
        "the toilet's blocked and nearly overflowing but it's only the one, the other one works",
        "the toilet's blocked and about to overflow",
    ],
)
def test_a_toilet_about_to_overflow_is_urgent_not_an_emergency(text):
    result = rules_only(text)
    assert result.urgency == "P2", why(text, result)


@pytest.mark.parametrize(
    "text",
    ["die toilette läuft schon über", "das klo läuft über", "the toilet is overflowing and sewage is coming up"],
)
def test_a_toilet_overflowing_now_is_p1(text):
    result = rules_only(text)
    assert result.urgency == "P1", why(text, result)
