"""Issue 11, thirty-ninth set: ordinary callers who use figurative, hyperbolic or emotional words, and the real
emergencies that share those words.

Losing one's mind or one's nerves over an invoice, dying a thousand deaths before a deadline, the traffic that "kills"
the caller, drowning in paperwork, bleeding money, standing at the edge of a car park at street level: upset at most,
never an emergency or acute distress. Beside them the same words with a danger named stay acute and P0. Each family
holds in German and English. Run through the real analyser (rules + the shipped classifier), with the client the
caller rang.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, assert_p0_by, decide, why

# --- losing one's mind, one's nerves, dying a thousand deaths over an everyday matter --------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("I'm losing my mind with this invoice, the numbers don't add up.", "sanitaer-notdienst"),
        ("i'm going out of my mind waiting for the parcel with the toner", "it-service-hansa"),
        ("I'm dying a thousand deaths over tomorrow's deadline, can Mr Berg call me today?", "kanzlei-berg"),
        ("Ich bin mit den Nerven fertig wegen dieser Rechnung, wer kann mir das erklären?", "sanitaer-notdienst"),
        ("Ich sterbe tausend Tode, weil morgen die Frist abläuft, kann Frau Berg mich heute anrufen?", "kanzlei-berg"),
    ],
)
def test_losing_ones_mind_over_an_everyday_matter_is_upset_not_acute(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress == "elevated", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "I'm losing my mind, he's got a knife and he's in the kitchen",
        "I'm going out of my mind, my little boy isn't breathing",
        "ich bin mit den nerven völlig am ende, ich kann nicht mehr",
    ],
)
def test_the_same_words_with_a_danger_or_despair_stay_acute(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.distress == "acute", why(text, result)


# --- a thing that "kills" the caller ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Der Stau bringt mich um, ich bin zwanzig Minuten später beim Termin.",
        "die baustelle vor dem haus bringt mich noch um, wann kommt der monteur",
        "the roadworks are killing me, I'll be twenty minutes late for the appointment",
    ],
)
def test_a_thing_that_kills_the_caller_is_no_violence(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize("text", ["der bringt mich gleich um", "die bringen uns um", "der typ bringt mich um"])
def test_a_person_who_will_kill_the_caller_stays_violence(text):
    assert_p0_by(text, "violence")


# --- drowning in work, bleeding money --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "wir sind in der arbeit am ertrinken, können sie den termin auf nächste woche verschieben",
        "Ich bin im Papierkram am Ertrinken, schicken Sie mir die Rechnung bitte per Mail.",
        "We're bleeding cash on this heating system, what would a heat pump cost?",
        "i'm bleeding money on that old boiler how much is a new one",
    ],
)
def test_drowning_in_work_or_bleeding_money_is_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize("text", ["das kind ist im pool am ertrinken", "he's bleeding from the head"])
def test_a_person_drowning_or_bleeding_stays_p0(text):
    assert_p0_by(text, "medical")


# --- the edge of a car park at street level ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("I'm standing at the edge of the car park by the bins, where's your entrance?", "apotheke-am-markt"),
        ("i'm stood at the edge of the car park outside can you tell me which door it is", "apotheke-am-markt"),
        ("ich stehe am Rand vom Parkplatz, wo ist denn der Eingang?", "apotheke-am-markt"),
    ],
)
def test_the_edge_of_a_car_park_at_street_level_is_no_height(text, client):
    result = decide(text, client)
    assert result.urgency not in EMERGENCY and result.distress != "acute", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "I'm sat on the edge of the top floor of the car park",
        "I'm standing on the edge of the car park roof",
        "ich sitze oben am Rand vom Parkhaus",
    ],
)
def test_the_edge_of_a_car_park_up_high_stays_self_harm(text):
    assert_p0_by(text, "self_harm")


# --- a model-only P0 whose neighbours say a routine case --------------------------------------------------------------


def _prediction(closest_urgency: str, emergency_urgency: str):
    """The model says P0 (acute distress 0.4) with a routine or urgent example closest and an emergency just behind."""
    from triage.brain.model import Example, Prediction
    from triage.brain.types import INTENTS, URGENCIES

    urgency = {label: (0.7 if label == "P0" else 0.3 / (len(URGENCIES) - 1)) for label in URGENCIES}
    intent = {label: (0.9 if label == "report_problem" else 0.1 / (len(INTENTS) - 1)) for label in INTENTS}
    closest = Example("ein training example", closest_urgency, 0.56)
    emergency = Example("an emergency example", emergency_urgency, 0.54)
    return Prediction(
        urgency,
        intent,
        {"none": 0.3, "elevated": 0.3, "acute": 0.4},
        nearest=(closest, emergency),
        nearest_urgent=emergency if closest_urgency not in EMERGENCY else closest,
    )


@pytest.mark.parametrize(
    "text",
    [
        "ich sitze hier auf der bettkante und schaue aus dem fenster",
        "i'm sitting on the edge of the bed looking out of the window",
    ],
)
def test_a_model_only_p0_nearest_a_routine_case_and_only_a_p1_is_asked(text):
    from triage.brain.classify import classify

    asked = classify(text, prediction=_prediction("P3", "P1"))
    assert (asked.urgency, asked.urgency_unsure) == ("P2", True), asked.evidence
    assert asked.distress != "acute", asked.evidence
    # a danger to people close behind the routine example, or an emergency closest of all, still stands
    for closest, emergency in (("P3", "P0"), ("P1", "P1")):
        kept = classify(text, prediction=_prediction(closest, emergency))
        assert (kept.urgency, kept.urgency_unsure) == ("P0", False), kept.evidence
