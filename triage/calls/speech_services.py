"""Pipecat services that borrow the server's shared engines instead of loading their own model.

They are thin: they hand a VAD segment to the shared faster-whisper pool and a sentence to the
shared Piper voice, and report an engine failure to the brain as a frame, so the caller is
handed to a human instead of waiting in silence.

Speech-to-text hears each stretch between pauses as it ends (the end of turn needs the words so
far), and when the turn is over, a turn of several stretches once more in one piece: a number or
an address cut at every pause loses the context Whisper needs (word error rate 0.101 per stretch
against 0.056 for the whole turn on the same phone audio). That second decode starts as soon as a
stretch's words are in, while the turn detector still decides whether the caller is done; when the
turn ends with no further stretch, its result is used as it is, and a turn of one stretch reuses
that stretch's transcript. Each stretch is decoded in the call's language; only one implausible in
it is re-checked among the client's languages (brain/language.py), on the same encoder pass.

A stretch is transcribed early, when the caller has been silent for EARLY_AFTER_SECS, instead of
when VAD ends it after its stop_secs (0.2 s): if the caller stays silent, VAD's end of the stretch
finds its words ready or nearly so; if they speak again, the early decode is dropped. Early decodes
start only while a Whisper worker is free, so under load they delay nobody.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import AsyncGenerator
from dataclasses import dataclass

from pipecat.frames.frames import (
    Frame,
    InputAudioRawFrame,
    SystemFrame,
    TranscriptionFrame,
    UserStoppedSpeakingFrame,
    VADUserStoppedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection
from pipecat.services.settings import STTSettings, TTSSettings
from pipecat.services.stt_service import SegmentedSTTService
from pipecat.services.tts_service import TTSService
from pipecat.transcriptions.language import Language
from pipecat.utils.time import time_now_iso8601

from ..speech.engines import EngineError, SpeechToText, TextToSpeech, Transcript
from ..speech.listening import SharedSileroVAD
from .voice import VoiceCall

log = logging.getLogger(__name__)

STT_TIMEOUT_SECS = 15.0
# Silence after which a stretch is transcribed before VAD ends it: two of Silero's 32 ms windows, past
# the gaps between words; VAD's stop_secs (0.2 s) would add 140 ms before the decode could start.
EARLY_AFTER_SECS = 0.06


@dataclass
class EngineFailedFrame(SystemFrame):
    """An engine failed inside this call; the brain hands the caller to a human."""

    engine: str = ""
    error: str = ""


@dataclass
class HeardFrame(SystemFrame):
    """The caller's whole turn as speech recognition heard it: one per turn, after its end.

    `confidence` in [0, 1] is the least sure part's (speech/engines.py Transcript.confidence);
    `stt_seconds` is how long the caller waited for speech-to-text after the end of the turn (the
    wait for the last stretch's words, or for the whole turn's second decode), for the latency breakdown."""

    text: str = ""
    confidence: float = 0.0
    language: str = ""
    stt_seconds: float = 0.0


class _TurnEnd(bytes):
    """Queued behind the turn's stretches: transcribe what they were in one piece."""


class SharedWhisperSTT(SegmentedSTTService):
    """Transcribes each VAD segment, and each turn of several, with the server's one faster-whisper model."""

    def __init__(self, engine: SpeechToText, call: VoiceCall, vad: SharedSileroVAD | None = None) -> None:
        """`vad`: the call's VAD, which says when the caller pauses inside a stretch (none: no early decode)."""
        super().__init__(settings=STTSettings(model=None, language=None), ttfs_p99_latency=2.0)
        self._engine = engine
        self._call = call
        self._vad = vad
        # the stretch being spoken, decoded at the caller's pause
        self._early: asyncio.Task[Transcript | EngineError] | None = None
        self._early_voiced = 0  # the VAD's voiced windows when it started: more since, and the caller went on
        # the early decodes of stretches VAD has ended, in the order their audio is transcribed (None: none)
        self._early_for_stretch: deque[asyncio.Task[Transcript | EngineError] | None] = deque()
        self._turn: list[tuple[bytes, Transcript]] = []  # this turn's stretches, without their padding
        self._transcribing = False
        # the whole turn so far decoded in one piece, started when its last stretch was heard: (stretches, task)
        self._joined: tuple[int, asyncio.Task[Transcript | EngineError]] | None = None

    @property
    def busy(self) -> bool:
        """A stretch the caller said is not transcribed yet (the end of turn wants its words)."""
        return self._transcribing or not self._segment_queue.empty()

    def heard_so_far(self) -> list[Transcript] | None:
        """The transcripts of this turn's stretches so far; None while a stretch is still queued or being
        transcribed (an eager end of turn decides only on words that are all in: calls/turn_stop.py)."""
        if self.busy or self._early_for_stretch:
            return None
        return [heard for _audio, heard in self._turn]

    @property
    def wants_wav_segments(self) -> bool:
        return False

    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        if isinstance(frame, VADUserStoppedSpeakingFrame) and self.is_usable:
            # pipecat queues this stretch's audio now (SegmentedSTTService); its early decode goes with it
            self._early_for_stretch.append(self._early)
            self._early = None
        await super().process_frame(frame, direction)
        if isinstance(frame, UserStoppedSpeakingFrame) and direction == FrameDirection.UPSTREAM:
            # after the turn's stretches, in order (pipecat transcribes its queue one by one)
            await self._segment_queue.put(_TurnEnd(b"\0\0"))

    async def process_audio_frame(self, frame: InputAudioRawFrame, direction: FrameDirection) -> None:
        await super().process_audio_frame(frame, direction)
        if not self._user_speaking or self._vad is None:
            return
        if self._early is not None and self._vad.voiced_windows != self._early_voiced:
            await self._forget_early()  # the caller spoke again: the stretch goes on
        if self._early is None and self._vad.pause_secs >= EARLY_AFTER_SECS and self._engine.idle:
            self._early_voiced = self._vad.voiced_windows
            audio = bytes(self._audio_buffer) + self._padding
            self._early = self._ahead(audio, "early")

    async def run_stt(self, audio: bytes) -> AsyncGenerator[Frame | None, None]:
        self._transcribing = True
        try:
            async for frame in self._run_stt(audio):
                yield frame
        finally:
            self._transcribing = False

    async def _run_stt(self, audio: bytes) -> AsyncGenerator[Frame | None, None]:
        try:
            if isinstance(audio, _TurnEnd):
                await self._turn_heard()
                return
            early = self._early_for_stretch.popleft() if self._early_for_stretch else None
            ready = early is not None and early.done()
            heard = await asyncio.wait_for(self._result(early) if early else self._hear(audio), STT_TIMEOUT_SECS)
            log.debug("call %s: stretch transcribed %s", self._call.call_id,
                      "at VAD's end" if early is None else "early, ready" if ready else "early, awaited")
        except (EngineError, TimeoutError) as exc:
            log.error("call %s: speech-to-text failed: %s", self._call.call_id, exc)
            await self.push_frame(EngineFailedFrame(engine="stt", error=str(exc) or "timeout"))
            return
        padding = self._padding
        self._turn.append((audio[: len(audio) - len(padding)] if padding else audio, heard))
        if sum(1 for _, t in self._turn if t.text) >= 2:
            await self._forget_joined()
            whole = b"".join(audio for audio, _ in self._turn) + padding
            self._joined = (len(self._turn), self._ahead(whole, "whole_turn"))
        if heard.text:
            # final: a stretch is transcribed once, whole, so the turn detector need not wait out pipecat's
            # STT safety net (ttfs_p99_latency after the silence, 2 s) before it may end the turn
            yield TranscriptionFrame(
                heard.text, self._user_id, time_now_iso8601(), Language(heard.language), result=heard, finalized=True
            )

    async def _turn_heard(self) -> None:
        """The turn is over: its words (a turn of several stretches transcribed again in one piece)."""
        turn, self._turn = self._turn, []
        joined, self._joined = self._joined, None
        heard = [t for _, t in turn if t.text]
        waited = turn[-1][1].seconds if turn else 0.0  # the last stretch's words: the turn could not end before
        if joined is not None and (len(heard) < 2 or joined[0] != len(turn)):
            await self.cancel_task(joined[1])  # a decode of other audio than this turn's
            joined = None
        if len(heard) >= 2:
            started = time.perf_counter()
            whole_turn = b"".join(audio for audio, _ in turn) + self._padding
            pending = self._result(joined[1]) if joined else self._hear(whole_turn)
            whole = await asyncio.wait_for(pending, timeout=STT_TIMEOUT_SECS)
            waited += time.perf_counter() - started
            if whole.text:
                heard = [whole]
        frame = HeardFrame(
            text=" ".join(t.text for t in heard),
            confidence=min((t.confidence for t in heard), default=0.0),
            language=heard[-1].language if heard else self._call.lang,
            stt_seconds=waited,
        )
        await self.push_frame(frame)

    async def cleanup(self) -> None:
        await self._forget_joined()
        await self._forget_early()
        for early in self._early_for_stretch:
            if early is not None:
                await self.cancel_task(early)
        await super().cleanup()

    async def _forget_early(self) -> None:
        if self._early is not None:
            await self.cancel_task(self._early)
            self._early = None

    async def _forget_joined(self) -> None:
        """The caller went on: the whole-turn decode started at their last pause is out of date."""
        if self._joined is not None:
            await self.cancel_task(self._joined[1])
            self._joined = None

    @property
    def _padding(self) -> bytes:
        """The silence pipecat appends to each stretch (so Whisper hears its last word end)."""
        return bytes(int(self._trailing_silence_secs * self.sample_rate) * 2)

    def _ahead(self, pcm16: bytes, what: str) -> asyncio.Task[Transcript | EngineError]:
        """Transcribe while the caller may still go on; the task gives the engine's failure as its result
        (pipecat's create_task logs an exception and returns None, which would lose it)."""

        async def hear() -> Transcript | EngineError:
            try:
                return await self._hear(pcm16)
            except EngineError as exc:
                return exc

        return self.create_task(hear(), f"{self}::{what}")

    @staticmethod
    async def _result(task: asyncio.Task[Transcript | EngineError]) -> Transcript:
        heard = await task
        if isinstance(heard, EngineError):
            raise heard
        if heard is None:
            raise EngineError("speech-to-text failed")
        return heard

    async def _hear(self, pcm16: bytes) -> Transcript:
        """In the call's language; re-checked among the client's languages when implausible in it."""
        lang = self._call.lang
        languages = (lang, *(other for other in self._call.languages if other != lang))
        return await self._engine.transcribe(pcm16, languages, owner=self._call.call_id)


class SharedPiperTTS(TTSService):
    """Speaks with the server's Piper voice for the call's current language."""

    def __init__(self, engine: TextToSpeech, call: VoiceCall) -> None:
        super().__init__(
            push_start_frame=True,
            push_stop_frames=True,
            settings=TTSSettings(model=None, voice=None, language=None),
        )
        self._engine = engine
        self._call = call

    async def run_tts(self, text: str, context_id: str) -> AsyncGenerator[Frame | None, None]:
        """The engine gives the audio at the line's rate (resampled off the event loop, each voice from its own
        rate: a call may switch between voices of 22.05 kHz and 16 kHz), so pipecat resamples nothing."""
        lang = self._call.voice_lang
        try:
            async for frame in self._stream_audio_frames_from_iterator(
                self._engine.stream(text, lang, rate=self.sample_rate), in_sample_rate=self.sample_rate,
                context_id=context_id,
            ):
                yield frame
        except EngineError as exc:
            log.error("call %s: text-to-speech failed: %s", self._call.call_id, exc)
            await self.push_frame(EngineFailedFrame(engine="tts", error=str(exc)), FrameDirection.UPSTREAM)
