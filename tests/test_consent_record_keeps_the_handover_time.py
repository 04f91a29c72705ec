"""The consent record says when the phone was handed over.

Since the seventeenth session the recording ends when the caller passes the phone to someone who never heard the
consent question (tests/test_consent_after_the_phone_is_handed_over.py), but the stored consent record kept only when
the caller agreed and when consent was taken back: an agent or a data-protection officer looking at the call could not
tell which part of the recording the first speaker's consent covers. Now the call's consent record stores the time of
the handover, as it stores the other times, and the agent console's recording status shows it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.privacy_console import console_api, ended_call
from triage.store.tables import Call

PLUMBER = "sanitaer-notdienst"  # records calls
REPO = Path(__file__).resolve().parent.parent
HANDOVERS = [
    ("de", "ja", "Moment, ich geb Ihnen mal meinen Mann, der kennt sich damit aus."),
    ("en", "yes", "Hi, actually let me put my husband on, he knows the boiler."),
]


def _naive(at: datetime) -> datetime:
    """The dialogue's clock and the database may differ in carrying a zone; the moment is what counts."""
    return at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at


def _ended_call(tmp_path: Path, lang: str, turns: list[str]):
    """A call that heard these turns, its consent record stored as the phone line stores it when the line closes."""
    return ended_call(f"sqlite:///{tmp_path / 'triage.db'}", PLUMBER, lang, turns)


@pytest.mark.parametrize(("lang", "yes", "handover"), HANDOVERS)
def test_the_stored_consent_record_says_when_the_phone_was_handed_over(tmp_path, lang, yes, handover):
    store, call_id, state = _ended_call(tmp_path, lang, [yes, handover])
    with store.sessions() as db:
        stored = db.get(Call, call_id)
        assert stored.recording_consent is True  # the first speaker's consent stands
        assert stored.consent_at is not None and stored.consent_handed_over_at is not None
        assert _naive(stored.consent_handed_over_at) == _naive(state.recording_stopped_at)
        assert stored.consent_handed_over_at >= stored.consent_at


@pytest.mark.parametrize(("lang", "yes"), [("de", "ja"), ("en", "yes")])
def test_a_call_kept_by_one_speaker_has_no_handover_time(tmp_path, lang, yes):
    store, call_id, _ = _ended_call(tmp_path, lang, [yes])
    with store.sessions() as db:
        assert db.get(Call, call_id).consent_handed_over_at is None



@pytest.mark.parametrize(("lang", "yes", "handover"), HANDOVERS)
def test_the_agent_console_is_told_when_the_phone_was_handed_over(tmp_path, lang, yes, handover):
    store, call_id, state = _ended_call(tmp_path, lang, [yes, handover])
    got = console_api(store, PLUMBER).get(f"/api/privacy/calls/{call_id}/recording").json()
    assert _naive(datetime.fromisoformat(got["consent_handed_over_at"])) == _naive(state.recording_stopped_at)
    assert got["consent_at"] is not None


def test_the_console_shows_the_handover_time_in_both_languages():
    script = (REPO / "triage/web/agent.js").read_text(encoding="utf-8")
    assert 'recordingHandedOver: "Um {time} wurde das Telefon' in script
    assert 'recordingHandedOver: "At {time} the phone was handed to someone else' in script
    assert "rec.consent_handed_over_at" in script
    assert 'id="detail-recording-handover"' in (REPO / "triage/web/agent.html").read_text(encoding="utf-8")
