"""Recording that follows consent, and the AI disclosure heard in full, on the phone path: scripted callers
placed as Twilio places them (tests/voice_suite/place.py) into a real `triage serve` with the REAL speech
models from PyPI (Whisper base, the English voice en_US-joe-medium), so that "Yes", "No" and "stop
recording" are understood as a caller says them. The server has a recording key; recordings land in its
data dir, sealed. The reference plumber records calls.

The callers are English: no real German clip of ../shared/audio/de/ says yes, no or a withdrawal, and
espeak-ng German is barely understood by Whisper base on the 8 kHz line (see tests/test_voice_suite.py),
so German consent, refusal and withdrawal are checked in text (tests/test_recording_consent.py). The
bot's own German greeting is the random-weight stand-in voice (noise to the caller), as in the suite.

Then an agent of the plumber plays the consenting call's recording in the agent console in Chromium;
the play is in the audit log, and an agent of another client cannot reach it.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import numpy as np
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from tests.test_voice_suite import caller_voices, german_stand_in  # noqa: F401 (fixtures)
from tests.voice_server import PASSWORD, REPO, VoiceServer, signed_in_client, start_server, stop_server
from tests.voice_suite.calls import ScriptedCall
from tests.voice_suite.place import (
    PlacedCall,
    models_dir_for_suite,
    place_call,
    read_call,
    read_placed_call,
    signature,
)
from tests.voice_suite.speech import CallerVoices, en
from triage.privacy.recording import RecordingVault
from triage.settings import Settings
from triage.store.tables import AuditEntry, Call, Recording
from triage.telephony.simulated_caller import TwilioCaller

CLIENT = "sanitaer-notdienst"
KEY = Fernet.generate_key().decode()
HUMAN = en("I'd like to speak to a real person, please.")
SCRIPTS = {
    "consents": ScriptedCall(CLIENT, [en("Yes."), HUMAN]),
    "refuses": ScriptedCall(CLIENT, [en("No."), HUMAN]),
    "withdraws": ScriptedCall(CLIENT, [en("Yes."), en("Please stop the recording."), HUMAN]),
}
EARLY = HUMAN  # a whole sentence: Whisper base on the 8 kHz line heard the bare "A real person" as "A radio person"


@dataclass
class EarlyCall:
    """A caller who starts talking the moment the line opens, over the greeting."""

    spoke_at: float
    disclosure_heard_at: float | None
    clears: list[float]
    placed: PlacedCall


@pytest.fixture(scope="module")
def server(real_models: Path, german_stand_in: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: F811
    models = models_dir_for_suite(real_models, german_stand_in, tmp_path_factory.mktemp("models"))
    prompts = tmp_path_factory.mktemp("prompts")
    for folder in ("_defaults", CLIENT):  # only the plumber: less to synthesise while Whisper works
        shutil.copytree(REPO / "prompts" / folder, prompts / folder)
    env = {
        "TRIAGE_STT_MODEL": "base",
        "TRIAGE_TTS_VOICE_EN": "en_US-joe-medium",
        "TRIAGE_TTS_VOICE_DE": "de_DE-synth-medium",
        "TRIAGE_PROMPTS_DIR": str(prompts),
        "TRIAGE_RECORDING_KEY": KEY,
    }
    started = start_server(models, tmp_path_factory.mktemp("recording-data"), extra_env=env)
    deadline = time.monotonic() + 600
    while not httpx.get(f"{started.url}/readyz", timeout=30).json().get("all_prompts_cached"):
        assert time.monotonic() < deadline, "the server never finished synthesising its prompts"
        time.sleep(2)  # every sentence cached: the calls' Whisper does not share the CPU with Piper
    started.create_account("agent-kai")
    started.create_account("agent-other", clients=["kanzlei-berg"])
    yield started
    stop_server(started)
    print(f"--- server log (tail) ---\n{started.log()[-6000:]}")


async def _early(server: VoiceServer, voices: CallerVoices) -> EarlyCall:
    url = server.ws_url + "/twilio/stream"
    pcm = await asyncio.to_thread(voices.render, EARLY)
    caller = TwilioCaller(url, client=CLIENT, headers=signature(url), record=True)
    async with caller:
        spoke_at = time.monotonic()
        await caller.say(pcm)  # at once: the greeting has not even started playing
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            _call, handoffs, _, _ = await asyncio.to_thread(read_call, server, caller.call_sid)
            if handoffs and caller.log.marks and any(n == "disclosure" for _, n in caller.log.marks):
                break
            await asyncio.sleep(0.5)
        await caller.wait_quiet(1.5, timeout=120)
        await caller.hang_up()
    heard = next((t for t, name in caller.log.marks if name == "disclosure"), None)
    placed = await read_placed_call(server, caller.call_sid, "early", ScriptedCall(CLIENT, [EARLY]))
    return EarlyCall(spoke_at, heard, list(caller.log.clears), placed)


class Calls(dict):
    """Each call placed the first time a test asks for it (so `-k` places only the calls it needs)."""

    def __init__(self, server: VoiceServer, voices: CallerVoices) -> None:
        super().__init__()
        self.server, self.voices = server, voices

    def __missing__(self, name: str):
        if name == "early":
            call = _early(self.server, self.voices)
        else:
            call = place_call(self.server, name, SCRIPTS[name], self.voices)
        with ThreadPoolExecutor(1) as thread:  # its own event loop, whatever runs in this one (Playwright)
            placed = thread.submit(asyncio.run, call).result()
        self[name] = placed
        return placed


@pytest.fixture(scope="module")
def calls(server: VoiceServer, caller_voices: CallerVoices) -> Calls:  # noqa: F811
    return Calls(server, caller_voices)


def _db(server: VoiceServer) -> Iterator[Session]:
    engine = create_engine(f"sqlite:///{server.data_dir / 'triage.db'}")
    try:
        with Session(engine, expire_on_commit=False) as db:
            yield db
    finally:
        engine.dispose()


def recordings(server: VoiceServer, call_id: str) -> list[Recording]:
    for db in _db(server):
        return list(db.scalars(select(Recording).where(Recording.call_id == call_id)))
    return []


def stored(server: VoiceServer, call_id: str) -> Call:
    for db in _db(server):
        return db.get(Call, call_id)
    raise AssertionError


def vault(server: VoiceServer) -> RecordingVault:
    settings = Settings(data_dir=server.data_dir, recording_key=KEY)
    return RecordingVault.open(settings, None)


def channel_rms(pcm: bytes) -> tuple[float, float]:
    samples = np.frombuffer(pcm, dtype="<i2").reshape(-1, 2).astype(np.float64)
    return tuple(float(np.sqrt(np.mean(samples[:, c] ** 2))) for c in (0, 1))


def test_a_consenting_caller_is_recorded_sealed_one_channel_each(server: VoiceServer, calls) -> None:
    placed = calls["consents"]
    assert placed.call is not None and placed.handoffs, placed.describe()
    call = stored(server, placed.call.id)
    assert call.recording_consent is True and call.consent_withdrawn_at is None, placed.describe()
    assert call.consent_prompt and "aufzeichnen" in call.consent_prompt  # the German question as said
    assert call.consent_at is not None
    deadline = time.monotonic() + 60
    while not (rows := recordings(server, call.id)) or rows[0].ended_at is None:  # the last chunk is written
        assert time.monotonic() < deadline, f"the recording was never completed: {rows}"
        time.sleep(0.5)
    [row] = rows
    seconds = row.pcm_bytes / (row.sample_rate * row.channels * 2)
    sealed = Path(row.file).read_bytes()
    assert Path(row.file).is_relative_to(server.data_dir.resolve() / "recordings")
    pcm = b"".join(vault(server).chunks(row.file))[: row.pcm_bytes]
    assert pcm[:64] not in sealed[:4096]
    caller_rms, bot_rms = channel_rms(pcm)
    print(f"recording: {seconds:.1f} s, caller RMS {caller_rms:.0f}, bot RMS {bot_rms:.0f}")
    assert seconds > 2 and caller_rms > 50 and bot_rms > 50  # both sides are in it, each on its channel


def test_a_refusing_caller_is_not_recorded(server: VoiceServer, calls) -> None:
    placed = calls["refuses"]
    assert placed.call is not None and placed.handoffs, placed.describe()
    deadline = time.monotonic() + 30
    while (call := stored(server, placed.call.id)).consent_at is None and time.monotonic() < deadline:
        time.sleep(0.5)  # the consent record is written when the line closes, right after the call's end
    assert call.recording_consent is False and call.consent_at is not None, placed.describe()
    assert "will not be recorded" in " ".join(placed.bot_turns) or "nicht aufgezeichnet" in " ".join(placed.bot_turns)
    assert recordings(server, call.id) == []


def test_a_withdrawal_mid_call_stops_and_discards_the_recording(server: VoiceServer, calls) -> None:
    placed = calls["withdraws"]
    assert placed.call is not None, placed.describe()
    call = stored(server, placed.call.id)
    assert call.recording_consent is False and call.consent_withdrawn_at is not None, placed.describe()
    assert recordings(server, call.id) == []
    # nothing of it on disk either: the only files are the consenting callers' recordings
    files = {p.name for p in (server.data_dir / "recordings").iterdir()}
    others = [calls_id(calls, name) for name in calls if name != "withdraws"]
    kept = {Path(r.file).name for call_id in others for r in recordings(server, call_id)}
    assert files == kept
    agent = signed_in_client(server, "agent-kai")
    try:
        answer = agent.get(f"/api/privacy/calls/{call.id}/recording")
        assert answer.json()["status"] == "withdrawn"
        assert agent.get(f"/api/privacy/calls/{call.id}/recording.wav").status_code == 404
    finally:
        agent.close()


def calls_id(calls, name: str) -> str:
    placed = calls[name].placed if isinstance(calls[name], EarlyCall) else calls[name]
    return placed.call.id if placed.call is not None else ""


def test_the_disclosure_is_heard_in_full_by_a_caller_who_talks_at_once(calls) -> None:
    early: EarlyCall = calls["early"]
    placed = early.placed
    assert placed.call is not None, placed.describe()
    assert early.disclosure_heard_at is not None, "the line never played the disclosure to its end"
    print(
        f"caller started {early.disclosure_heard_at - early.spoke_at:.1f} s before the disclosure was heard in full; "
        f"clears: {len(early.clears)}"
    )
    assert early.spoke_at < early.disclosure_heard_at
    assert not [c for c in early.clears if c < early.disclosure_heard_at]  # nothing cut the disclosure off
    # the words said over it were kept and answered afterwards
    assert any("person" in t.lower() for t in placed.caller_turns), placed.describe()
    assert placed.handoffs and placed.handoffs[0].reason == "requested", placed.describe()


def test_an_agent_plays_the_recording_in_the_console_and_the_play_is_audited(server: VoiceServer, calls, browser):
    from playwright.sync_api import expect

    placed = calls["consents"]
    call_id = placed.call.id
    handoff_id = placed.handoffs[0].id
    context = browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{server.url}/agent")
    page.fill("#username", "agent-kai")
    page.fill("#password", PASSWORD)
    page.click("#signin-submit")
    expect(page.locator("#console")).to_be_visible()
    page.locator(f'#queue li[data-handoff-id="{handoff_id}"] button').click()
    expect(page.locator("#detail")).to_have_attribute("data-handoff-id", handoff_id)
    expect(page.locator("#detail-recording-status")).to_have_attribute("data-status", "recorded")
    expect(page.locator("#detail-recording-status")).to_contain_text("Mit Einwilligung aufgezeichnet")
    audio = page.locator("#detail-recording-audio")
    expect(audio).to_be_visible()
    duration = page.evaluate(
        """async () => {
            const audio = document.getElementById('detail-recording-audio');
            audio.muted = true;
            await audio.play();
            await new Promise((done) => setTimeout(done, 1500));
            return audio.duration;
        }"""
    )
    print(f"the console played a recording of {duration:.1f} s")
    assert duration > 2
    context.close()
    for db in _db(server):
        plays = list(db.scalars(select(AuditEntry).where(AuditEntry.action == "recording_played")))
    assert [(p.actor, p.client_id) for p in plays][:1] == [("agent-kai", CLIENT)]
    detail = plays[0].detail if isinstance(plays[0].detail, dict) else json.loads(plays[0].detail)
    assert detail["call_id"] == call_id
    # another client's agent cannot tell the call exists
    other = signed_in_client(server, "agent-other")
    try:
        assert other.get(f"/api/privacy/calls/{call_id}/recording.wav").status_code == 404
        assert other.get(f"/api/privacy/calls/{call_id}/recording").status_code == 404
    finally:
        other.close()
