"""Two things a caller says about the start of a fault, found by calling as a new user.

"The printer has been broken since Monday, can a technician come round?": "since Monday" is when the fault
began, but it was taken as the day the caller wants someone, and as next Monday at that, so the visit was
never asked about and the agent read "wanted: Monday". A day or hour after "seit" / "since" now tells only
the past. "Our heating has been off since this morning" is a total heating loss in December (PRODUCT.md: P1),
but the perfect tense ("has been off", "'s been out", "been out of action") was not read as one. Both
languages, the real `Dialogue` and `analyze` with the shipped packs and classifier.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.caller_families import decide
from tests.dialogue_calls import call, prompt
from triage.brain.extract.when import extract_when

NOW = datetime(2026, 12, 6, 20, 0)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "The heating has been off since Monday"),
        ("en", "ever since this morning the server is down"),
        ("en", "since 9 o'clock nobody can log in"),
        ("de", "Seit Montag tropft der Wasserhahn"),
        ("de", "seit heute früh geht das Internet nicht"),
        ("de", "seit 8 Uhr ist der Drucker aus"),
        ("de", "seit dem 3. ist die Heizung aus"),
    ],
)
def test_a_time_after_since_is_no_time_the_caller_wants(lang, said):
    dates, times, words = extract_when(said, lang, NOW)
    assert (dates, times, words) == ([], [], None)


@pytest.mark.parametrize(
    ("lang", "said", "wanted"),
    [
        ("en", "it drips since Tuesday, could someone come Thursday afternoon", (["2026-12-10"], ["afternoon"])),
        ("de", "seit Montag tropft es, können Sie am Mittwoch kommen?", (["2026-12-09"], [])),
        ("de", "ab Montag bin ich zu Hause", (["2026-12-07"], [])),
    ],
)
def test_the_time_wanted_beside_it_stays(lang, said, wanted):
    dates, times, _ = extract_when(said, lang, NOW)
    assert (dates, times) == wanted


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "The printer in our office has been broken since Monday, can a technician come round?"),
        ("de", "Seit Montag geht unser Drucker nicht, kann ein Techniker vorbeikommen?"),
    ],
)
def test_a_visit_asked_for_a_fault_since_monday_asks_when(lang, said):
    d = call("it-service-hansa", lang)
    reply = d.hear(said)
    assert reply.says == [prompt("it-service-hansa", "appointment_ask_when", lang)]
    assert not d.state.when


@pytest.mark.parametrize(
    "said",
    [
        "Our heating has been off since this morning, can someone come and have a look?",
        "our heatings been out since yesterday",
        "the boiler has been off all day and the house is cold",
        "the boiler's been out of action since Monday",
        "the central heating has been down all night",
        "Die Heizung ist seit gestern aus, die Wohnung ist eiskalt.",
    ],
)
def test_heating_off_for_hours_is_a_heating_loss(said):
    assert decide(said, "sanitaer-notdienst").urgency == "P1"


@pytest.mark.parametrize(
    "said",
    [
        "the boiler has been out of warranty for years, what would a new one cost?",
        "the heating has been off for the summer, can you service it before winter?",
    ],
)
def test_off_for_the_season_or_out_of_warranty_is_not(said):
    assert decide(said, "sanitaer-notdienst").urgency not in ("P0", "P1")
