"""Dates the dialogue reads from its clock are the client's dates (coord20): "morgen" / "tomorrow" said at 00:30 in
Hamburg is the Hamburg tomorrow, although the call's clock (aware UTC, as the store keeps every time) still shows the
day before. The clock is fixed just after midnight on the client's clock (the pack's `timezone`), which is 23:30 of
the previous day in UTC; German and English, with the real `Dialogue` and the shipped packs.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.caller_families import model
from triage.brain.dialogue import Dialogue
from triage.brain.hours import local
from triage.packs.load import load_pack

# Monday 7 December 2026, 23:30 UTC: Tuesday 8 December, 00:30 in Europe/Berlin
JUST_AFTER_MIDNIGHT = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)
LOCAL_TODAY, LOCAL_TOMORROW = "2026-12-08", "2026-12-09"

# (client, lang, turns before, the turn that names a day, the day meant)
BOOKINGS = [
    (
        "sanitaer-notdienst",
        "de",
        ["ja"],
        "Ich hätte gern morgen einen Termin für die Wartung der Heizung.",
        LOCAL_TOMORROW,
    ),
    ("sanitaer-notdienst", "en", ["yes"], "I'd like an appointment tomorrow to service the boiler.", LOCAL_TOMORROW),
    ("kanzlei-berg", "de", [], "Kann ich heute Nachmittag einen Beratungstermin bekommen?", LOCAL_TODAY),
    ("kanzlei-berg", "en", [], "Could I book a consultation for tomorrow morning?", LOCAL_TOMORROW),
]


def _call_at(client: str, lang: str, at: datetime) -> Dialogue:
    d = Dialogue(load_pack(client), model(), lang=lang, now=lambda: at)
    d.greet()
    return d


def test_the_fixed_clock_is_the_next_day_on_the_clients_clock():
    pack = load_pack("sanitaer-notdienst")
    assert JUST_AFTER_MIDNIGHT.date().isoformat() == "2026-12-07"
    assert local(pack, JUST_AFTER_MIDNIGHT).date().isoformat() == LOCAL_TODAY


@pytest.mark.parametrize(("client", "lang", "before", "said", "day"), BOOKINGS)
def test_today_and_tomorrow_are_the_clients_days(client, lang, before, said, day):
    d = _call_at(client, lang, JUST_AFTER_MIDNIGHT)
    for turn in before:
        d.hear(turn)
    reply = d.hear(said)
    assert d.state.intent == "appointment", reply.says
    assert [w for w in d.state.when if w[:4].isdigit()] == [day], (d.state.when, reply.says)


@pytest.mark.parametrize(("client", "lang", "before", "said", "day"), BOOKINGS[:2])
def test_the_same_words_at_noon_mean_the_same_calendar_day(client, lang, before, said, day):
    """At 11:30 UTC (12:30 in Hamburg) both clocks agree: the fix changes nothing by day."""
    d = _call_at(client, lang, datetime(2026, 12, 8, 11, 30, tzinfo=UTC))
    for turn in before:
        d.hear(turn)
    d.hear(said)
    assert [w for w in d.state.when if w[:4].isdigit()] == [day]
