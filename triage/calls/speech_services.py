"""Pipecat services that borrow the server's shared engines instead of loading their own model.

They are thin: they hand a VAD segment to the shared faster-whisper pool and a sentence to the
shared Piper voice, and report an engine failure to the brain as a frame, so the caller is
handed to a human instead of waiting in silence.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass

from pipecat.frames.frames import Frame, SystemFrame, TranscriptionFrame
from pipecat.processors.frame_processor import FrameDirection
from pipecat.services.settings import STTSettings, TTSSettings
from pipecat.services.stt_service import SegmentedSTTService
from pipecat.services.tts_service import TTSService
from pipecat.transcriptions.language import Language
from pipecat.utils.time import time_now_iso8601

from ..speech.engines import EngineError, SpeechToText, TextToSpeech
from .voice import VoiceCall

log = logging.getLogger(__name__)

STT_TIMEOUT_SECS = 15.0


@dataclass
class EngineFailedFrame(SystemFrame):
    """An engine failed inside this call; the brain hands the caller to a human."""

    engine: str = ""
    error: str = ""


@dataclass
class HeardFrame(SystemFrame):
    """How long the last transcription took, for the brain's latency breakdown."""

    stt_seconds: float = 0.0


class SharedWhisperSTT(SegmentedSTTService):
    """Transcribes each VAD segment with the server's one faster-whisper model."""

    def __init__(self, engine: SpeechToText, call: VoiceCall) -> None:
        super().__init__(settings=STTSettings(model=None, language=None), ttfs_p99_latency=2.0)
        self._engine = engine
        self._call = call

    @property
    def wants_wav_segments(self) -> bool:
        return False

    async def run_stt(self, audio: bytes) -> AsyncGenerator[Frame | None, None]:
        started = time.monotonic()
        try:
            heard = await asyncio.wait_for(
                self._engine.transcribe(audio, self._call.listening_languages), timeout=STT_TIMEOUT_SECS
            )
        except (EngineError, TimeoutError) as exc:
            log.error("call %s: speech-to-text failed: %s", self._call.call_id, exc)
            await self.push_frame(EngineFailedFrame(engine="stt", error=str(exc) or "timeout"))
            return
        await self.push_frame(HeardFrame(stt_seconds=time.monotonic() - started))
        if heard.text:
            yield TranscriptionFrame(heard.text, self._user_id, time_now_iso8601(), Language(heard.language))


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
        lang = self._call.lang
        rate = self._engine.voice(lang).sample_rate
        try:
            async for frame in self._stream_audio_frames_from_iterator(
                self._engine.stream(text, lang), in_sample_rate=rate, context_id=context_id
            ):
                yield frame
        except EngineError as exc:
            log.error("call %s: text-to-speech failed: %s", self._call.call_id, exc)
            await self.push_frame(EngineFailedFrame(engine="tts", error=str(exc)), FrameDirection.UPSTREAM)
