"""The speech engines every call shares: one faster-whisper model, one Piper voice per language.

Loading a Whisper model takes seconds and hundreds of megabytes; doing it per call (as pipecat's
stock services do) would make the tenth simultaneous caller wait and run the machine out of
memory. So the server loads each engine once and calls borrow it. Inference is blocking C++
work, so it runs in bounded thread pools, never on the event loop that carries everyone's audio.
"""

from __future__ import annotations

import asyncio
import io
import logging
import math
import os
import threading
import time
import wave
from collections.abc import AsyncIterator, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

WHISPER_RATE = 16_000


class EngineError(RuntimeError):
    """An engine failed on one request; the call that asked is handed to a human."""


@dataclass(frozen=True)
class Transcript:
    text: str
    language: str  # the language it was decoded in
    audio_seconds: float
    seconds: float
    tokens: int
    avg_logprob: float = 0.0  # Whisper's mean token log probability (token-weighted over segments)
    no_speech_prob: float = 0.0  # Whisper's probability that there was no speech at all

    @property
    def confidence(self) -> float:
        """How far to trust the words, in [0, 1]: the mean token probability, lowered when Whisper
        thinks there was no speech at all (below an even chance it leaves the figure alone: short
        answers score 0.1-0.4 there). Measured on real clips through the 8 kHz line with Whisper
        base: English sentences in English 0.71-0.95, short German words in German 0.34-0.73,
        English forced into German 0.15-0.67 ("Yes, that's it." as "Ja, das ist es." 0.67). Nothing
        heard is 0."""
        if not self.text:
            return 0.0
        speech = min(1.0, 2.0 * (1.0 - self.no_speech_prob))
        return max(0.0, min(1.0, math.exp(self.avg_logprob) * speech))


def among(probabilities: Iterable[tuple[str, float]], allowed: list[str]) -> list[tuple[str, float]]:
    """Whisper's language probabilities for the client's languages only, most likely first.

    Whisper knows 99 languages; a German caller with an accent is sometimes heard as Dutch.
    A call centre only answers in its client's languages, so only those may win.
    """
    return sorted(((lang, p) for lang, p in probabilities if lang in allowed), key=lambda lp: -lp[1])


class SpeechToText:
    """One faster-whisper model serving every call through a bounded pool of workers."""

    def __init__(
        self,
        model_path: Path,
        *,
        device: str = "auto",
        compute_type: str = "default",
        workers: int = 2,
        max_new_tokens: int = 96,
        beam_size: int = 5,
    ) -> None:
        from faster_whisper import WhisperModel

        if compute_type == "default":
            compute_type = "int8" if device in ("cpu", "auto") and not _has_cuda() else "float16"
        self.model_path = model_path
        self.max_new_tokens = max_new_tokens
        self.beam_size = beam_size
        self.model = WhisperModel(
            str(model_path),
            device=device,
            compute_type=compute_type,
            cpu_threads=os.cpu_count() or 1,
            num_workers=workers,
            local_files_only=True,
        )
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stt")

    def transcribe_sync(self, pcm16: bytes, language: str) -> Transcript:
        """16 kHz PCM16 in `language` (the call's, or the one a re-check chose: brain/language.py)."""
        started = time.perf_counter()
        audio = np.frombuffer(pcm16, dtype=np.int16).astype(np.float32) / 32768.0
        segments, _info = self.model.transcribe(
            audio,
            language=language,
            # A beam of 5 is what Whisper is measured with; greedy decoding cost a third more word
            # errors on phone audio (0.079 against 0.056 on the same turns) for ~100 ms less.
            beam_size=self.beam_size,
            temperature=0.0,  # one decode: fallbacks at higher temperatures double the latency
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,  # pipecat's VAD already cut the turn
            max_new_tokens=self.max_new_tokens,
        )
        parts = [s for s in segments if s.text.strip()]
        tokens = sum(len(s.tokens) for s in parts)
        return Transcript(
            text=" ".join(s.text.strip() for s in parts),
            language=language,
            audio_seconds=len(audio) / WHISPER_RATE,
            seconds=time.perf_counter() - started,
            tokens=tokens,
            avg_logprob=sum(s.avg_logprob * len(s.tokens) for s in parts) / tokens if tokens else 0.0,
            no_speech_prob=max((s.no_speech_prob for s in parts), default=1.0),
        )

    def detect_sync(self, pcm16: bytes, languages: list[str]) -> list[tuple[str, float]]:
        """Whisper's probability for each of `languages` on this audio, most likely first."""
        audio = np.frombuffer(pcm16, dtype=np.int16).astype(np.float32) / 32768.0
        _lang, _p, probabilities = self.model.detect_language(audio)
        return among(probabilities, languages)

    async def transcribe(self, pcm16: bytes, language: str) -> Transcript:
        """Transcribe 16 kHz PCM16 audio in `language`, off the event loop."""
        return await self._run(self.transcribe_sync, pcm16, language)

    async def detect(self, pcm16: bytes, languages: list[str]) -> list[tuple[str, float]]:
        """Which of `languages` this audio is in, by Whisper's probabilities (one more encoder pass)."""
        return await self._run(self.detect_sync, pcm16, languages)

    async def _run(self, fn, *args):
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self.pool, fn, *args)
        except Exception as exc:
            raise EngineError(f"speech-to-text failed: {exc}") from exc

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


# espeak-ng, which Piper uses to turn text into phonemes, keeps global state in C: one thread at a
# time, across all voices. The neural part (onnxruntime) is thread-safe and runs unlocked.
_ESPEAK_LOCK = threading.Lock()


class Voice:
    """A Piper voice, loaded once; synthesis yields one chunk per sentence."""

    def __init__(self, onnx_path: Path) -> None:
        from piper import PiperVoice, SynthesisConfig

        self.path = onnx_path
        self.piper = PiperVoice.load(str(onnx_path))
        self.sample_rate: int = self.piper.config.sample_rate
        self._config = SynthesisConfig()

    def stream_sync(self, text: str):
        """A generator for one utterance; each next() synthesises one more sentence."""
        with _ESPEAK_LOCK:
            sentences = self.piper.phonemize(text)
        for phonemes in sentences:
            if not phonemes:
                continue
            audio = self.piper.phoneme_ids_to_audio(self.piper.phonemes_to_ids(phonemes), self._config)
            if isinstance(audio, tuple):  # voices with alignments return (audio, samples per phoneme)
                audio = audio[0]
            peak = float(np.max(np.abs(audio))) if audio.size else 0.0
            audio = audio / peak if peak > 1e-8 else np.zeros_like(audio)
            yield (np.clip(audio, -1.0, 1.0) * 32767).astype(np.int16).tobytes()

    def sentences(self, text: str) -> list[bytes]:
        return list(self.stream_sync(text))


class TextToSpeech:
    """The Piper voices (one per language) and the cache of every client's fixed prompts."""

    def __init__(self, voices: dict[str, Voice], workers: int = 2) -> None:
        self.voices = voices
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tts")
        self.cache = PromptAudioCache()

    def voice(self, lang: str) -> Voice:
        return self.voices.get(lang) or next(iter(self.voices.values()))

    async def stream(self, text: str, lang: str) -> AsyncIterator[bytes]:
        """PCM16 chunks of `text` at the voice's sample rate: cached prompts at once, the rest sentence by sentence.

        The first sentence leaves as soon as it is synthesised, so the caller hears the start of a
        long answer while the rest is still being made.
        """
        voice = self.voice(lang)
        cached = self.cache.get(lang, text)
        if cached is not None:
            yield cached
            return
        loop = asyncio.get_running_loop()
        generator = voice.stream_sync(text)
        while True:
            try:
                chunk = await loop.run_in_executor(self.pool, next, generator, None)
            except Exception as exc:
                raise EngineError(f"text-to-speech failed: {exc}") from exc
            if chunk is None:
                return
            yield chunk

    def synthesize(self, text: str, lang: str) -> bytes:
        return b"".join(self.voice(lang).sentences(text))

    def warm(self, texts: dict[str, set[str]], stop: threading.Event | None = None) -> int:
        """Synthesise texts (by language) that are not cached yet, until `stop` is set. Returns how many were made."""
        made = 0
        for lang, items in texts.items():
            for text in sorted(items):
                if stop is not None and stop.is_set():
                    return made
                if self.cache.get(lang, text) is None and text.strip():
                    self.cache.put(lang, text, self.synthesize(text, lang))
                    made += 1
        return made

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def wav_bytes(pcm16: bytes, rate: int) -> bytes:
    """Mono 16-bit PCM as a WAV file, for what is fetched over HTTP (Twilio's <Play>, previews)."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm16)
    return out.getvalue()


class PromptAudioCache:
    """Audio of fixed sentences, so the greeting needs no synthesis when a call connects.

    Keyed by language and the exact rendered text: when an admin changes a prompt, its new text
    is simply not in the cache until it is warmed, and the old audio can never be played for it.
    """

    def __init__(self) -> None:
        self._audio: dict[tuple[str, str], bytes] = {}
        self._lock = threading.Lock()

    def get(self, lang: str, text: str) -> bytes | None:
        return self._audio.get((lang, text))

    def put(self, lang: str, text: str, audio: bytes) -> None:
        with self._lock:
            self._audio[(lang, text)] = audio

    def __len__(self) -> int:
        return len(self._audio)


def _has_cuda() -> bool:
    try:
        import ctranslate2

        return ctranslate2.get_cuda_device_count() > 0
    except Exception:
        return False
