"""Fail safe to a human: an engine that breaks inside one call hands that caller to an agent with
what is known, and the other calls on the server go on as if nothing happened.

The server runs in this process (uvicorn in a thread) so the test can break the real, shared
speech-to-text engine for one caller's audio: the engine raises as a crashed CTranslate2 would.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import uvicorn

from tests.conftest import shared_audio
from tests.voice_server import free_port
from triage.app import create_app
from triage.packs.load import load_pack
from triage.packs.render import say
from triage.settings import Settings
from triage.telephony.simulated_caller import RATE, TwilioCaller, load_audio


@pytest.fixture
def live(synth_models: Path, tmp_path: Path) -> Iterator[tuple[str, object]]:
    settings = Settings(
        data_dir=tmp_path / "data",
        models_dir=synth_models,
        stt_model="synth-test",
        tts_voice_de="de_DE-synth-test",
        tts_voice_en="en_US-synth-test",
        twilio_allow_unsigned=True,  # no Twilio account here: the simulated caller does not sign
    )
    app = create_app(settings)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not (server.started and getattr(app.state, "triage", None) and app.state.triage.ready):
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.1)
    yield f"ws://127.0.0.1:{port}/twilio/stream", app.state.triage
    server.should_exit = True
    thread.join(timeout=20)


def test_a_speech_engine_failure_hands_that_caller_to_a_human_and_spares_the_others(live):
    url, state = live
    stt = state.engines.stt
    real = stt._prepare  # where each turn's audio enters the engine, alone or in a batch with the other's
    quiet = load_audio(shared_audio("timit_ldc93s1_8k.wav"), RATE)
    loud = np.clip(quiet.astype(np.int32) * 3, -32768, 32767).astype(np.int16)
    threshold = 1.8 * float(np.abs(quiet).max())  # the line's codec changes peaks a little, not by 80 %

    def breaks_on_loud_audio(pcm16: bytes, languages: list[str]):
        if np.abs(np.frombuffer(pcm16, dtype=np.int16)).max() > threshold:  # the unlucky caller's audio
            raise RuntimeError("CUDA error: an illegal memory access was encountered")
        return real(pcm16, languages)

    stt._prepare = breaks_on_loud_audio

    async def call(pcm: np.ndarray) -> TwilioCaller:
        async with TwilioCaller(url, client="sanitaer-notdienst") as caller:
            await caller.wait_audio_after(0, timeout=10)
            await caller.wait_quiet(quiet_secs=0.8, timeout=40)
            await caller.say(pcm)
            await caller.wait_audio_after(caller.log.speech_ends[-1], timeout=20)
            await caller.wait_quiet(quiet_secs=0.8, timeout=40)
            await caller.hang_up()
            return caller

    async def both() -> list[TwilioCaller]:
        return await asyncio.gather(call(loud), call(quiet))

    unlucky, other = asyncio.run(both())
    time.sleep(0.5)
    store = state.store
    broken = store.call(store.call_ids_for_line(unlucky.call_sid)[0])
    fine = store.call(store.call_ids_for_line(other.call_sid)[0])

    assert broken["outcome_type"] == "handoff"
    pack = load_pack("sanitaer-notdienst")
    bot_said = [t["text"] for t in broken["transcript"] if t["role"] == "bot"]
    assert say(pack, "handoff_error", "de") in bot_said  # the caller heard that a human takes over
    handoffs = [h for h in store.waiting_handoffs("sanitaer-notdienst") if h.call_id == broken["id"]]
    assert handoffs and handoffs[0].reason == "error"

    # the other call is not handed over for this error (hanging up mid-call leaves a callback: fail safe)
    fine_handoffs = [h for h in store.waiting_handoffs("sanitaer-notdienst") if h.call_id == fine["id"]]
    assert all(h.reason != "error" for h in fine_handoffs)
    assert [t for t in fine["transcript"] if t["role"] == "caller"], "the other call was heard as usual"
    assert fine["ended"]
    metrics = state.metrics.exposition().decode()
    assert 'triage_engine_errors_total{engine="stt"} 1.0' in metrics
