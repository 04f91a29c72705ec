"""Recording ends when the phone is handed to someone who never heard the consent question.

§ 201 StGB protects the spoken word of each speaker: the caller who said yes to recording agreed for themselves, not
for the husband or daughter they pass the phone to ("actually let me put my husband on", "ich geb Ihnen mal meine
Tochter"). Before, the recording went on through the new speaker's words. Now the brain notes when the phone changed
hands (`recording_stopped_at`) and the recorder stops there, keeping what the first speaker consented to (nobody took
consent back, so nothing is deleted). The call itself goes on as before; nothing is recorded for the rest of it.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from tests.dialogue_calls import call
from triage.brain.state import CallState
from triage.privacy.recording_pipeline import CallRecorder

PLUMBER = "sanitaer-notdienst"  # records calls


@pytest.mark.parametrize(
    ("lang", "yes", "handover"),
    [
        ("de", "ja", "Moment, ich geb Ihnen mal meinen Mann, der kennt sich damit aus."),
        ("en", "yes", "Hi, actually let me put my husband on, he knows the boiler."),
    ],
)
def test_the_phone_handed_over_stops_the_recording_and_keeps_the_consent(lang, yes, handover):
    d = call(PLUMBER, lang)
    d.hear(yes)
    assert d.state.recording_consent is True and d.state.recording_stopped_at is None
    d.hear(handover)
    assert d.state.recording_stopped_at is not None
    assert d.state.recording_consent is True  # the first speaker's consent stands: what they said is kept
    assert d.state.consent_withdrawn_at is None


@pytest.mark.parametrize(("lang", "no"), [("de", "nein"), ("en", "no")])
def test_a_call_not_recorded_has_nothing_to_stop(lang, no):
    d = call(PLUMBER, lang)
    d.hear(no)
    d.hear("ich geb Ihnen mal meine Tochter" if lang == "de" else "I'll pass you to my daughter")
    assert d.state.recording_stopped_at is None


class _Vault:
    def __init__(self) -> None:
        self.done: list[str] = []

    def begin(self, call_id, client_id, *, consent_prompt, consent_at):
        self.done.append("begin")
        return "rec-1", "/dev/null"

    def finish(self, recording_id):
        self.done.append(f"finish {recording_id}")

    def discard(self, recording_id, call_id, withdrawn_at):
        self.done.append(f"discard {recording_id}")


def test_the_recorder_stops_at_the_handover_keeps_the_recording_and_never_starts_again():
    async def run() -> list[str]:
        vault = _Vault()
        recorder = CallRecorder(vault, "call-1", PLUMBER)  # type: ignore[arg-type]

        async def nothing() -> None:
            return None

        recorder.processor.start_recording = nothing  # type: ignore[method-assign]
        recorder.processor.stop_recording = nothing  # type: ignore[method-assign]
        d = call(PLUMBER, "en")
        d.hear("yes")
        await recorder.follow(d.state)
        assert recorder.recording
        d.hear("Hi, actually let me put my husband on, he knows the boiler.")
        await recorder.follow(d.state)
        await recorder.follow(d.state)
        await recorder.close()
        return vault.done

    assert asyncio.run(run()) == ["begin", "finish rec-1"]


def test_a_state_stopped_before_any_consent_never_records():
    async def run() -> list[str]:
        vault = _Vault()
        recorder = CallRecorder(vault, "call-1", PLUMBER)  # type: ignore[arg-type]
        state = CallState(client_id=PLUMBER, lang="de", recording_consent=True)
        state.recording_stopped_at = datetime(2026, 12, 7, 4, 0, tzinfo=UTC)
        await recorder.follow(state)
        return vault.done

    assert asyncio.run(run()) == []
