"""A call that switches language mid-call switches between Piper voices of different sample rates: the
German test voice and the English medium one. Each voice's audio must reach the line resampled from its
own rate (the engine resamples it to the line's rate, speech/engines.py TextToSpeech.stream). Real pipecat
(its own test runner), the real shared TextToSpeech engine with random-weight voices (their words are
noise; only their rates and lengths matter here), a real VoiceCall on SQLite."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pipecat.frames.frames import TTSAudioRawFrame, TTSSpeakFrame
from pipecat.pipeline.worker import PipelineParams
from pipecat.tests.utils import run_test

from triage.calls.speech_services import SharedPiperTTS
from triage.calls.voice import VoiceCall
from triage.metrics import Metrics
from triage.packs.load import load_pack
from triage.speech.engines import TextToSpeech, Voice
from triage.speech.models import voice_file
from triage.store.repo import open_store

LINE_RATE = 16000


@pytest.fixture(scope="module")
def two_rate_voices(tmp_path_factory: pytest.TempPathFactory) -> TextToSpeech:
    from triage.speech.synth import synth

    out = tmp_path_factory.mktemp("two-rates")
    synth(out, whisper=[], voices=["test"], languages=["de_DE"], echo=lambda _line: None)
    synth(out, whisper=[], voices=["medium"], languages=["en_US"], echo=lambda _line: None)
    # without Piper's random noise, the same text has the same length every time
    voices = {
        "de": Voice(voice_file(out, "de_DE-synth-test"), varied=False),
        "en": Voice(voice_file(out, "en_US-synth-medium"), varied=False),
    }
    return TextToSpeech(voices)


def native_seconds(voice: Voice, text: str) -> float:
    return len(b"".join(voice.sentences(text))) / 2 / voice.sample_rate


def test_a_call_switching_language_speaks_each_voice_at_its_own_rate(two_rate_voices: TextToSpeech, tmp_path: Path):
    tts = two_rate_voices
    assert tts.voice("de").sample_rate != tts.voice("en").sample_rate  # else this test shows nothing

    async def scenario() -> dict[str, float]:
        store = open_store(f"sqlite:///{tmp_path / 'rates.db'}")
        call = VoiceCall.open(load_pack("kanzlei-berg"), None, store, Metrics(), "browser")
        service = SharedPiperTTS(tts, call)
        spoken: dict[str, float] = {}
        turns = (("de", "Guten Tag, hier ist die Kanzlei."), ("en", "Hello, this is the law office."), ("de", "Danke."))
        for lang, text in turns:
            call.session.dialogue.state.lang = lang  # the call follows its caller into the other language
            down, _up = await run_test(
                service,
                frames_to_send=[TTSSpeakFrame(text)],
                pipeline_params=PipelineParams(audio_out_sample_rate=LINE_RATE),
            )
            audio = [f for f in down if isinstance(f, TTSAudioRawFrame)]
            assert audio and {f.sample_rate for f in audio} == {LINE_RATE}, lang
            got = sum(len(f.audio) for f in audio) / 2 / LINE_RATE
            spoken[f"{lang}:{text}"] = got / native_seconds(tts.voice(lang), text)
        return spoken

    ratios = asyncio.run(scenario())
    for what, ratio in ratios.items():  # each voice resampled from its own rate keeps its length
        assert 0.95 < ratio < 1.05, (what, ratio)
