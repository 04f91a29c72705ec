"""The consent record's times are aware UTC, as every other time the store keeps (coord19, issue 11).

The dialogue's clock used to be the machine's naive local time: on a server whose zone is not UTC (a German host set
to Europe/Berlin), "the caller agreed at 13:05" was stored as 13:05 beside a call that started at 12:05 UTC, and the
agent console showed the consent an hour after the call had begun. Now the consent, its withdrawal and the handover are
stored as aware UTC moments, and the console's API gives them in ISO 8601 with their offset, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.dialogue_calls import call, model
from tests.privacy_console import console_api, ended_call
from triage.brain.dialogue import Dialogue
from triage.packs.load import load_pack
from triage.store.tables import Call

PLUMBER = "sanitaer-notdienst"  # records calls
AGREE_THEN_HAND_OVER = [
    ("de", ["ja", "Moment, ich geb Ihnen mal meinen Mann, der kennt sich damit aus."]),
    ("en", ["yes", "Hi, actually let me put my husband on, he knows the boiler."]),
]
AGREE_THEN_WITHDRAW = [
    ("de", ["ja", "Hören Sie bitte auf aufzuzeichnen."]),
    ("en", ["yes", "Please stop recording."]),
]


@pytest.fixture
def berlin_server() -> Iterator[None]:
    """The machine's local zone is Europe/Berlin, as on a German host (an hour ahead of UTC in December)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def _is_utc(at: datetime | None) -> bool:
    return at is not None and at.tzinfo is not None and at.utcoffset() == timedelta(0)


@pytest.mark.parametrize(("lang", "turns"), AGREE_THEN_HAND_OVER + AGREE_THEN_WITHDRAW)
def test_the_dialogue_keeps_consent_times_in_utc(berlin_server, lang, turns):
    dialogue = call(PLUMBER, lang)
    for turn in turns:
        dialogue.hear(turn)
    s = dialogue.state
    assert _is_utc(s.consent_at), s.consent_at
    assert s.recording_stopped_at is None or _is_utc(s.recording_stopped_at), s.recording_stopped_at
    assert s.consent_withdrawn_at is None or _is_utc(s.consent_withdrawn_at), s.consent_withdrawn_at
    assert s.recording_stopped_at is not None or s.consent_withdrawn_at is not None
    assert abs(datetime.now(UTC) - s.consent_at) < timedelta(minutes=5)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_clock_in_local_time_is_stored_as_the_same_moment_in_utc(berlin_server, lang):
    """A clock handed to the dialogue in naive local time (13:05 in Berlin) is kept as 12:05 UTC."""
    dialogue = Dialogue(load_pack(PLUMBER), model(), lang=lang, now=lambda: datetime(2026, 12, 7, 13, 5))
    dialogue.greet()
    dialogue.hear("ja" if lang == "de" else "yes")
    assert dialogue.state.consent_at == datetime(2026, 12, 7, 12, 5, tzinfo=UTC)



@pytest.mark.parametrize(("lang", "turns"), AGREE_THEN_HAND_OVER + AGREE_THEN_WITHDRAW)
def test_the_stored_consent_record_is_utc_beside_the_calls_start(berlin_server, database_url, lang, turns):
    store, call_id, _state = ended_call(database_url, PLUMBER, lang, turns)

    got = console_api(store, PLUMBER).get(f"/api/privacy/calls/{call_id}/recording").json()
    with store.sessions() as db:
        started = db.get(Call, call_id).started_at
    started = started if started.tzinfo else started.replace(tzinfo=UTC)
    for key in ("consent_at", "consent_withdrawn_at", "consent_handed_over_at"):
        if got[key] is None:
            continue
        at = datetime.fromisoformat(got[key])
        assert _is_utc(at), (key, got[key])  # ISO 8601 with its offset, "+00:00"
        # the caller agreed (or handed over) within seconds of the call's start, not an hour after it
        assert timedelta(0) <= at - started < timedelta(minutes=5), (key, got[key], started.isoformat())
    assert got["consent_at"] is not None


@pytest.mark.parametrize(
    "words",
    ["Hören Sie bitte auf aufzuzeichnen.", "Bitte hören Sie auf aufzuzeichnen.", "Hören Sie auf mit der Aufzeichnung."],
)
def test_a_german_caller_who_says_hoeren_sie_auf_aufzuzeichnen_withdraws_consent(words):
    """The words consent.py names as a withdrawal: "hören Sie auf aufzuzeichnen" was not heard as one (the "auf")."""
    dialogue = call(PLUMBER, "de")
    dialogue.hear("ja")
    dialogue.hear(words)
    assert dialogue.state.recording_consent is False
    assert _is_utc(dialogue.state.consent_withdrawn_at)
