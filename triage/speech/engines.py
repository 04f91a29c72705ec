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
import re
import threading
import time
import wave
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from ctranslate2 import Device, StorageView
from faster_whisper.tokenizer import Tokenizer
from faster_whisper.transcribe import get_compression_ratio, get_suppressed_tokens

from ..brain.language import decode_language, needs_recheck

log = logging.getLogger(__name__)

WHISPER_RATE = 16_000
# Whisper's own line for a decode stuck in a loop (faster-whisper's compression_ratio_threshold).
COMPRESSION_RATIO_LIMIT = 2.4
# faster-whisper's defaults: a window whose no-speech probability is above this while its words'
# mean log probability is at most LOG_PROB_THRESHOLD counts as silence
NO_SPEECH_THRESHOLD = 0.6
LOG_PROB_THRESHOLD = -1.0


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
    window_seconds: float = 0.0  # the encoder input: the speech padded to the window (30 s = Whisper's full one)
    encode_seconds: float = 0.0  # of `seconds`, the encoder's share
    # Whisper's probabilities for the client's languages (most likely first) when the turn's language was re-checked
    languages: tuple[tuple[str, float], ...] = ()
    reheard: bool = False  # unsure in the shortened window, heard again in a larger one

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


def among(probabilities: Iterable[tuple[str, float]], allowed: Sequence[str]) -> list[tuple[str, float]]:
    """Whisper's language probabilities for the client's languages only, most likely first.

    Whisper knows 99 languages; a German caller with an accent is sometimes heard as Dutch.
    A call centre only answers in its client's languages, so only those may win.
    """
    return sorted(((lang, p) for lang, p in probabilities if lang in allowed), key=lambda lp: -lp[1])


def shares(probabilities: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    """The client's languages' probabilities as shares of their sum: which of them Whisper hears.

    Whisper spreads its probability over 99 languages; on 3.5 s of English through the phone line
    it gave English 0.79 and German 0.0003 (the rest to languages no caller of the client speaks),
    so an absolute line of 0.9 kept that English caller's turn decoded in German."""
    total = sum(p for _, p in probabilities)
    return [(lang, p / total) for lang, p in probabilities] if total > 0 else list(probabilities)


# Whisper's encoder is trained on 30 s windows (3000 mel frames); faster-whisper pads every segment
# to one, so a 3 s answer costs as much as 30 s of speech. CTranslate2 encodes a shorter input just
# as well when the speech is followed by true silence (silent_frame_value) and the decode is
# timestamped (words_in_speech). Everything longer than SHORTEN_UP_TO_SECS keeps the full window;
# words Whisper is unsure of are heard again in a larger one (REHEAR_MARGIN_SECS).
# `python -m triage.speech.stt_eval window --margins 2,3,4,6 --rehear 0,16` on the 64 clips through the
# phone line (2026-12-05): full 30 s window WER de/en 0.165/0.078; speech + 4 s re-heard + 16 s
# 0.165/0.094 (one English word), mean window 9.4 s, 11 of 64 re-heard; + 2 s 0.177/0.094; + 3 s
# 0.184/0.094; + 6 s 0.165/0.094; + 4 s never re-heard 0.179/0.094. Padded with 0 and decoded without
# timestamps (as before), + 4 s re-heard + 16 s gave 0.172/0.109; padded with silence but without
# timestamps, + 2 s never re-heard gave 0.544 (sentences said twice).
FULL_WINDOW_FRAMES = 3000
FRAMES_PER_SECOND = 100
WINDOW_MARGIN_SECS = 4.0
SHORTEN_UP_TO_SECS = 24.0
# Words Whisper is unsure of in the shortened window are heard again in one of the speech plus this
# (at most the full window): WER de 0.179 without it, 0.165 with it (above).
REHEAR_MARGIN_SECS = 16.0


def window_frames(
    content_frames: int, margin_secs: float = WINDOW_MARGIN_SECS, shorten_up_to_secs: float = SHORTEN_UP_TO_SECS
) -> int:
    """Mel frames to encode for `content_frames` of audio (at most one full window of them): the
    audio plus `margin_secs` of padding, or the full window for audio longer than `shorten_up_to_secs`
    (python -m triage.speech.stt_eval window measures the choice)."""
    if content_frames > shorten_up_to_secs * FRAMES_PER_SECOND:
        return FULL_WINDOW_FRAMES
    frames = content_frames + round(margin_secs * FRAMES_PER_SECOND)
    return min(FULL_WINDOW_FRAMES, frames + frames % 2)  # even: the encoder's convolution has stride 2


@dataclass(frozen=True)
class EncodedWindow:
    """One encoder pass: its output, the window's length and how much of it is the caller's audio."""

    output: object  # CTranslate2 StorageView
    seconds: float
    speech_seconds: float


# faster-whisper's default: the first segment starts within the first second of the window
MAX_INITIAL_TIMESTAMP_INDEX = 50
SECONDS_PER_TIMESTAMP = 0.02


def words_in_speech(ids: Sequence[int], timestamp_begin: int, speech_seconds: float) -> list[int]:
    """The text tokens of a timestamped decode whose segment starts before the speech ends: what a
    decoder says in the silence after the speech (the sentence again) is not the caller's."""
    kept: list[int] = []
    stamped = 0.0
    for token in ids:
        if token >= timestamp_begin:
            stamped = (token - timestamp_begin) * SECONDS_PER_TIMESTAMP
        elif stamped < speech_seconds:
            kept.append(token)
    return kept


def said_twice(text: str) -> bool:
    """The words are one phrase said twice over ("Yes. Yes.", "Sarah Jones. Sarah Jones."): what a
    decoder in a short window says when noise follows the speech, and seldom what a caller says once."""
    words = re.findall(r"\w+", text.lower())
    half = len(words) // 2
    return half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]


def silent_frame_value(features: np.ndarray) -> float:
    """The value a frame of digital silence has in these features: Whisper's log-mel is clamped 8
    decades (2 after its scaling by 4) below its loudest value, and never below log10(1e-10).

    Whisper was trained on windows whose tail after the speech is silence at that floor (openai-whisper
    pads the audio, not the features). faster-whisper's pad_or_trim pads the features with 0, a steady
    hum at 1e-4, and in a window shortened to the speech plus a few seconds that hum makes the decoder
    stop early or loop ("She had a j j j" for a 2.9 s sentence); padded with true silence the same
    window hears the whole sentence (python -m triage.speech.stt_eval window)."""
    return max(float(features.max()) - 2.0, -1.5) if features.size else -1.5


def pad_with_silence(features: np.ndarray, frames: int, silence: float) -> np.ndarray:
    """`features` cut or padded with silent frames to `frames` frames."""
    if features.shape[-1] >= frames:
        return features[:, :frames]
    return np.pad(features, ((0, 0), (0, frames - features.shape[-1])), constant_values=silence)


class SpeechToText:
    """One Whisper model serving every call through a bounded pool of workers.

    faster-whisper loads the model and computes the mel features; encoding and decoding call
    CTranslate2 directly, so the encoder input can follow the length of the speech (window_frames)
    and one encoder pass serves both decoding and language detection.
    """

    def __init__(
        self,
        model_path: Path,
        *,
        device: str = "auto",
        compute_type: str = "default",
        workers: int = 2,
        cpu_threads: int = 0,
        max_new_tokens: int = 96,
        beam_size: int = 5,
        window_margin_secs: float = WINDOW_MARGIN_SECS,
        rehear_margin_secs: float = REHEAR_MARGIN_SECS,
    ) -> None:
        from faster_whisper import WhisperModel

        if compute_type == "default":
            compute_type = "int8" if device in ("cpu", "auto") and not _has_cuda() else "float16"
        self.model_path = model_path
        self.max_new_tokens = max_new_tokens
        self.beam_size = beam_size
        self.window_margin_secs = window_margin_secs
        self.rehear_margin_secs = rehear_margin_secs
        # both on in the server; off only to measure the choice (python -m triage.speech.stt_eval window)
        self.timestamps = True  # shortened windows decoded with timestamps (_decode)
        self.silence_padding = True  # windows padded with silence, not faster-whisper's 0 (silent_frame_value)
        self.workers = workers
        self.model = WhisperModel(
            str(model_path),
            device=device,
            compute_type=compute_type,
            cpu_threads=cpu_threads or os.cpu_count() or 1,
            num_workers=workers,
            local_files_only=True,
        )
        self._tokenizers: dict[str, Tokenizer] = {}
        self._suppress: list[int] = list(get_suppressed_tokens(self._tokenizer("en"), [-1]))
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stt")
        self._in_flight = 0  # jobs given to the pool and not yet done
        self._counting = threading.Lock()

    def transcribe_sync(self, pcm16: bytes, languages: str | Sequence[str]) -> Transcript:
        """16 kHz PCM16 in the first of `languages` (the call's). With more (the client's other
        languages), the language token on the same encoder output comes first: the turn is decoded
        in another of them when Whisper is sure of it (brain/language.py), and implausible words are
        decoded once more in the call's language, or in the one the languages' shares pick, the more
        confident kept. Words still implausible after that, heard in a shortened window, are heard
        again in a larger one (REHEAR_MARGIN_SECS): shortening must not cost accuracy where Whisper
        is unsure."""
        if isinstance(languages, str):
            languages = (languages,)
        language = languages[0]
        started = time.perf_counter()
        audio = np.frombuffer(pcm16, dtype=np.int16).astype(np.float32) / 32768.0
        seconds = len(audio) / WHISPER_RATE
        features = self.model.feature_extractor(audio)[:, :-1]  # faster-whisper's content frames
        starts = range(0, max(features.shape[-1], 1), FULL_WINDOW_FRAMES)
        chunks = [features[:, i : i + FULL_WINDOW_FRAMES] for i in starts]
        featured = time.perf_counter()
        silence = silent_frame_value(features) if self.silence_padding else 0.0
        windows = self._encode_all(chunks, self.window_margin_secs, silence)
        encoded_at = time.perf_counter()
        encoded = encoded_at - started
        checked: list[tuple[str, float]] = []
        first = language
        if len(languages) >= 2:
            # Every turn of a multilingual client: the language token costs one decoder step on the
            # encoder output already made. A confident translation ("Yes, that's it." decoded as
            # "Ja, das ist es." on a German call, confidence 0.67) is not caught by confidence alone.
            result = self.model.model.detect_language(windows[0].output)[0]
            checked = among(((token[2:-2], p) for token, p in result), languages)
            first = decode_language(language, checked, seconds)
        # Implausible words in the first language are decoded again: in the language Whisper was sure of,
        # then in the call's; in the call's, then in the one brain/language.py picks from the client's
        # languages' shares (English 0.79 against German 0.0003 is sure among those two, though below 0.9
        # of all 99); German short answers Whisper leans English on ("Lauter.", p 0.81) are still decoded
        # in German first. When the shares pick another language than the call's, the caller likely
        # speaks it: both are decoded at once, in one batch (400 ms against 560 ms one after the other
        # for an English sentence on a German call), and the same rule chooses.
        other = first
        if checked:
            other = language if first != language else decode_language(language, shares(checked), seconds)
        both = first == language and other != first
        heard, *others = self._decode(windows, first, other) if both else self._decode(windows, first)
        if checked and needs_recheck(heard.confidence) and other != heard.language:
            again = others[0] if others else self._decode(windows, other)[0]
            heard = again if again.confidence > heard.confidence else heard
        decoded = time.perf_counter()
        looping = bool(heard.text) and (
            get_compression_ratio(heard.text) > COMPRESSION_RATIO_LIMIT or said_twice(heard.text)
        )
        shortened = any(w.seconds < window_frames(c.shape[-1], self.rehear_margin_secs) / FRAMES_PER_SECOND
                        for c, w in zip(chunks, windows, strict=True))
        if shortened and (needs_recheck(heard.confidence) or looping):
            # implausible words from a shortened window, or a repetition loop ("five five five" heard as a
            # hundred fives, sure of itself; "Yes. Yes." for "Yes." in café noise): a larger window
            # decides (python -m triage.speech.stt_eval window: this keeps the word error rate of the
            # full 30 s window)
            again_started = time.perf_counter()
            windows = self._encode_all(chunks, self.rehear_margin_secs, silence)
            encoded += time.perf_counter() - again_started
            heard = replace(self._decode(windows, heard.language)[0], reheard=True)
        done = time.perf_counter()
        log.debug(
            "heard %.2f s of audio in %.0f ms: features %.0f, encoder %.0f (window %.1f s), decoder %.0f"
            " (%d tokens, with the language token and any second language), heard again in a larger window %.0f",
            seconds, 1000 * (done - started), 1000 * (featured - started), 1000 * (encoded_at - featured),
            sum(w.seconds for w in windows), 1000 * (decoded - encoded_at), heard.tokens, 1000 * (done - decoded),
        )
        return replace(
            heard,
            audio_seconds=seconds,
            seconds=time.perf_counter() - started,
            encode_seconds=encoded,
            languages=tuple(checked),
        )

    def _encode_all(self, chunks: list[np.ndarray], margin_secs: float, silence: float) -> list[EncodedWindow]:
        """Each chunk of at most one full window of features, encoded in its window after `silence`
        (the features' silent frame, silent_frame_value)."""
        windows = []
        for chunk in chunks:
            frames = window_frames(chunk.shape[-1], margin_secs)
            output = self._encode(pad_with_silence(chunk, frames, silence))
            windows.append(EncodedWindow(output, frames / FRAMES_PER_SECOND, chunk.shape[-1] / FRAMES_PER_SECOND))
        return windows

    def _tokenizer(self, language: str) -> Tokenizer:
        if language not in self._tokenizers:
            multilingual = self.model.model.is_multilingual
            self._tokenizers[language] = Tokenizer(self.model.hf_tokenizer, multilingual, "transcribe", language)
        return self._tokenizers[language]

    def _encode(self, features: np.ndarray):
        return self.model.model.encode(StorageView.from_array(np.ascontiguousarray(features[None])), to_cpu=False)

    def _decode(self, windows: list[EncodedWindow], *languages: str) -> list[Transcript]:
        """Beam search on each encoded window in each of `languages` (one batch for all of them, on the
        same encoder output), with faster-whisper's options for one decode at temperature 0 (and its
        rule: no speech and unsure words is nothing heard). A shortened window is decoded with
        timestamps: without them, a decoder with little silence after the speech often says the
        sentence twice; with them, the second saying is stamped after the speech has ended and is
        dropped (words_in_speech). The full window is decoded without them, as faster-whisper decodes
        one window: timestamped, a 25 s turn in it stopped at a timestamp 3 s before its end, leaving
        the rest to a next window that a turn does not have."""
        tokenizers = [self._tokenizer(language) for language in languages]
        texts: list[list[str]] = [[] for _ in languages]
        tokens = [0 for _ in languages]
        logprob = [0.0 for _ in languages]
        no_speech: list[list[float]] = [[] for _ in languages]
        for window in windows:
            timestamped = self.timestamps and window.seconds < FULL_WINDOW_FRAMES / FRAMES_PER_SECOND
            prompts = [
                [*tokenizer.sot_sequence] if timestamped else [*tokenizer.sot_sequence, tokenizer.no_timestamps]
                for tokenizer in tokenizers
            ]
            results = self.model.model.generate(
                self._batch_of(window.output, len(prompts)),
                prompts,
                # A beam of 5 is what Whisper is measured with; greedy decoding cost a third more word
                # errors on phone audio (0.079 against 0.056 on the same turns) for ~100 ms less.
                beam_size=self.beam_size,
                max_length=max(len(prompt) for prompt in prompts) + self.max_new_tokens,
                return_scores=True,
                return_no_speech_prob=True,
                suppress_blank=True,
                suppress_tokens=self._suppress,
                max_initial_timestamp_index=MAX_INITIAL_TIMESTAMP_INDEX,
            )
            for i, (tokenizer, result) in enumerate(zip(tokenizers, results, strict=True)):
                ids = result.sequences_ids[0]
                avg_logprob = result.scores[0] * len(ids) / (len(ids) + 1)
                if result.no_speech_prob > NO_SPEECH_THRESHOLD and avg_logprob <= LOG_PROB_THRESHOLD:
                    continue
                words = words_in_speech(ids, tokenizer.timestamp_begin, window.speech_seconds) if timestamped else ids
                text = tokenizer.decode(words).strip()
                if text:
                    texts[i].append(text)
                    tokens[i] += len(words)
                    logprob[i] += (
                        self._words_logprob(window, tokenizer, words) if timestamped else avg_logprob * len(ids)
                    )
                    no_speech[i].append(result.no_speech_prob)
        return [
            Transcript(
                text=" ".join(texts[i]),
                language=language,
                audio_seconds=0.0,
                seconds=0.0,
                tokens=tokens[i],
                avg_logprob=logprob[i] / tokens[i] if tokens[i] else 0.0,
                no_speech_prob=max(no_speech[i], default=1.0),
                window_seconds=sum(w.seconds for w in windows),
            )
            for i, language in enumerate(languages)
        ]

    @staticmethod
    def _batch_of(output: StorageView, n: int) -> StorageView:
        """The encoder output once per decode of a batch (copied through the CPU: a few hundred kB)."""
        if n == 1:
            return output
        on_cpu = output if output.device == "cpu" else output.to_device(Device.cpu)
        batch = StorageView.from_array(np.repeat(np.asarray(on_cpu), n, axis=0))
        return batch if output.device == "cpu" else batch.to_device(Device.cuda)

    def _words_logprob(self, window: EncodedWindow, tokenizer: Tokenizer, words: list[int]) -> float:
        """The summed log probability of the kept words alone, as a decode without timestamps would
        score them (Transcript.confidence and brain/language.py's thresholds were measured so): a
        timestamped decode's score also counts its timestamps, which Whisper is seldom sure of to the
        20 ms. One teacher-forced pass over the words, 20-45 ms here."""
        aligned = self.model.model.align(
            window.output, [*tokenizer.sot_sequence, tokenizer.no_timestamps], [words],
            max(1, round(window.speech_seconds * FRAMES_PER_SECOND)),
        )[0]
        return sum(math.log(max(p, 1e-9)) for p in aligned.text_token_probs)

    def warm(self, speech: dict[str, bytes]) -> dict[str, Transcript]:
        """Transcribe one utterance per language (16 kHz PCM16 by language) as a turn of a client with
        all of them would be, on every worker: CTranslate2 allocates its buffers and picks its kernels for
        an input shape on first use, which would otherwise make a caller's first turn the slowest."""
        languages = list(speech)
        jobs = [
            (lang, self.pool.submit(self.transcribe_sync, pcm, (lang, *(o for o in languages if o != lang))))
            for lang, pcm in speech.items()
            for _worker in range(self.workers)
        ]
        return {lang: job.result() for lang, job in jobs}

    async def transcribe(self, pcm16: bytes, languages: str | Sequence[str]) -> Transcript:
        """Transcribe 16 kHz PCM16 audio in the first of `languages` (re-checked among all), off the event loop."""
        return await self._run(self.transcribe_sync, pcm16, languages)

    @property
    def idle(self) -> bool:
        """A worker is free: work that may be wasted (an early decode, calls/speech_services.py) would
        delay nobody's transcript."""
        return self._in_flight < self.workers

    async def _run(self, fn, *args):
        with self._counting:
            self._in_flight += 1
        job = self.pool.submit(fn, *args)
        job.add_done_callback(self._job_done)  # also when the caller stopped waiting: the worker was busy until then
        try:
            return await asyncio.wrap_future(job)
        except Exception as exc:
            raise EngineError(f"speech-to-text failed: {exc}") from exc

    def _job_done(self, _job: object) -> None:
        with self._counting:
            self._in_flight -= 1

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


# espeak-ng, which Piper uses to turn text into phonemes, keeps global state in C: one thread at a
# time, across all voices. The neural part (onnxruntime) is thread-safe and runs unlocked.
_ESPEAK_LOCK = threading.Lock()
GIVE_WAY_POLL_SECS = 0.25  # background synthesis looks this often whether the calls are over


class Voice:
    """A Piper voice, loaded once; synthesis yields one chunk per sentence."""

    def __init__(self, onnx_path: Path, *, varied: bool = True) -> None:
        """`varied=False`: without Piper's sampling noise, so a text always gives the same audio (a test's
        scripted caller; with the noise each run heard another caller and passed or failed by draw)."""
        from piper import PiperVoice, SynthesisConfig

        self.path = onnx_path
        self.piper = PiperVoice.load(str(onnx_path))
        self.sample_rate: int = self.piper.config.sample_rate
        self._config = SynthesisConfig() if varied else SynthesisConfig(noise_scale=0.0, noise_w_scale=0.0)

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

    def warm(
        self,
        texts: dict[str, set[str]],
        stop: threading.Event | None = None,
        give_way: Callable[[], bool] | None = None,
    ) -> int:
        """Synthesise texts (by language) that are not cached yet, until `stop` is set. Returns how many were made.

        `give_way`: while it says so (calls are live), no sentence is started. Synthesis takes both cores
        for a second or two a sentence; done beside a live call it delayed that caller's turns by seconds
        (transcription timed out on a two-core machine). A sentence a caller needs before it is cached is
        synthesised for that call as it is said, as it always was."""
        stop = stop or threading.Event()
        made = 0
        for lang, items in texts.items():
            for text in sorted(items):
                while give_way is not None and give_way() and not stop.is_set():
                    stop.wait(GIVE_WAY_POLL_SECS)
                if stop.is_set():
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
