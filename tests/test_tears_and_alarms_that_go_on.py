"""Crying said as a need, hopelessness said as nothing mattering, and an alarm that will not stop (issue 11, eleventh
session), in German and English, with their look-alikes: laughing tears, a habit, a battery's beep, "no point in"
an errand. Through the real analyser (rules and the shipped classifier), with the client the caller rang."""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("entschuldigung, ich muss weinen, meine wohnung steht unter wasser", "sanitaer-notdienst"),
        ("mir kommen gleich die tränen, die heizung ist seit drei tagen aus", "sanitaer-notdienst"),
        ("sorry, I have to cry, the whole kitchen is under water", "sanitaer-notdienst"),
        ("i'm welling up here, the boiler's been off for days", "sanitaer-notdienst"),
        ("there's no point anymore, nothing matters", "kanzlei-berg"),
        ("nothing matters any more, they took the flat", "kanzlei-berg"),
        ("nichts hat mehr einen sinn", "kanzlei-berg"),
    ],
)
def test_tears_and_hopelessness_are_acute_distress(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("ich muss weinen vor lachen, ihr werbespot ist so lustig", "sanitaer-notdienst"),
        ("ich muss immer weinen wenn ich die rechnung sehe, kann ich in raten zahlen", "sanitaer-notdienst"),
        ("I have to cry every time I see the bill, anyway can I pay in instalments", "sanitaer-notdienst"),
        ("my eyes are tearing up from the onions, sorry, I'd like to order two filters", "sanitaer-notdienst"),
        ("there's no point in repairing the old boiler, can you quote a new one", "sanitaer-notdienst"),
        ("there's no point calling again, just send me the invoice", "sanitaer-notdienst"),
        ("Ist mir egal.", "sanitaer-notdienst"),
        ("mir ist egal welche farbe, hauptsache schnell", "sanitaer-notdienst"),
    ],
)
def test_tears_of_laughter_a_habit_or_no_point_in_an_errand_are_not(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.distress != "acute", why(text, result)
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "I'm shaking, I can't think straight, the alarm won't stop",
        "the alarm won't stop and there's nobody home",
        "der alarm hört nicht auf und ich bin allein im haus",
        "die alarmanlage hört einfach nicht auf",
    ],
)
def test_an_alarm_that_will_not_stop_is_the_security_companys_emergency(text: str) -> None:
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == "P1", why(text, result)


@pytest.mark.parametrize(
    "text",
    [
        "the alarm won't stop beeping, i think it's the battery",
        "die alarmanlage piept und hört nicht auf, ich glaube die batterie ist leer",
        "mein wecker hört nicht auf zu klingeln, können sie mir eine neue batterie verkaufen",
    ],
)
def test_a_low_battery_beep_that_will_not_stop_is_not(text: str) -> None:
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in EMERGENCY, why(text, result)
