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
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import soxr
from ctranslate2 import Device, StorageView
from faster_whisper.tokenizer import Tokenizer
from faster_whisper.transcribe import get_compression_ratio, get_suppressed_tokens

from ..brain.language import RECHECK_BELOW, decode_language, needs_recheck
from .espeak_voice import EspeakVoice
from .models import VoiceChoice

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
# The server's stretches end with at least 0.6 s of silence of their own (the early decode's pause and pipecat's
# trailing_silence_secs), which the margin comes on top of. Measured on the same clips cut to their words and
# padded so (`--server-padding --margins 2,3,4 --rehear 8 --greedy-first 0.7`, 2026-12-07): full window
# 0.191/0.094; + 2 s 0.186/0.109 (mean window 8.0 s with the re-heard ones, 17 of 64 re-heard); + 3 s
# 0.186/0.109 (8.7 s); + 4 s 0.184/0.125 (9.4 s); all three with greedy words kept where sure (GREEDY_SURE),
# which gave the beam search's WER at + 4 s. But + 2 s is not kept: with it, "There is a fire in my kitchen." in the
# real voice with 1 s of silence after it (tests/test_eager_turn.py) was heard as "There is a fire in my kitchen. There
# is a fire in my kitchen. There is a" (confidence 0.92; + 4 s heard it once), a repetition said_twice does not catch.
FULL_WINDOW_FRAMES = 3000
FRAMES_PER_SECOND = 100
WINDOW_MARGIN_SECS = 4.0
SHORTEN_UP_TO_SECS = 24.0
# Words Whisper is unsure of in the shortened window are heard again in one of the speech plus this
# (at most the full window): WER de 0.179 without it, 0.165 with it (above). Speech + 8 s hears them as
# well as + 16 s in a smaller window (`--margins 4 --rehear 0,8,16`, 2026-12-07, same clips: full window
# 0.188/0.062; + 4 s never re-heard 0.205/0.109; re-heard + 8 s 0.186/0.109, mean window 8.1 s; re-heard
# + 16 s 0.188/0.109, mean window 9.4 s; 11 of 64 re-heard in both).
REHEAR_MARGIN_SECS = 8.0
# ... but only while the turn is young: hearing it again costs about as much as the first pass did, and
# a turn whose first pass already took this long (a loaded machine, or a batch behind another turn's
# re-hearing) would keep its caller waiting twice as long. In the voice suite (tests/test_voice_suite.py,
# two calls at once, debug log, 2026-12-07) 59 of 168 turns were heard again, at 2.2 s each on average;
# the slowest turns took 6.4-8.9 s, the pack's hand-over after 10 s of waiting (brain/reply_wait.py) was
# one busy moment away, and a CI run handed two callers to a human for "a technical problem" so.
REHEAR_WITHIN_SECS = 2.5
# A turn is decoded greedily first and with the beam search only when the greedy words are unsure (below
# this confidence, Transcript.confidence) or loop: the beam search costs about 1.6 times the greedy decode,
# and on words Whisper is sure of it seldom changes them. `python -m triage.speech.stt_eval window
# --greedy-first 0,0.6,0.7,0.8` on the 64 clips through the phone line (2026-12-07; the threshold was
# chosen on these clips, no other recordings with transcripts exist here): beam always WER de/en
# 0.186/0.109, greedy always 0.207/0.109, greedy kept at >= 0.6 0.191/0.109, at >= 0.7 0.186/0.109 with 23
# of 64 decoded again by the beam search. Not the server's default: in `triage bench --callers 1 --rounds 5
# --systems triage` (2026-12-07, load 0.5, after main's run at load 0.9) the sure sentence's reply went from 1102
# to 906 ms, but the unsure one (confidence 0.63) paid for both decodes, 1221 to 1382 ms, p95 1324 to 1535 ms.
GREEDY_SURE = 0.7


# A turn's decode may produce at most TOKENS_AT_START + TOKENS_PER_SECOND tokens a second of its speech
# (and never more than `max_new_tokens`): a decode that loops ("five five five …", nonsense on a noisy
# line) runs to its cap, and the cap was 96 for a one-second "Yes." as for 24 s of speech. Whisper base
# needs at most 6.0 word tokens a second on the 64 recordings through the phone line (German compounds
# the densest; `python -m triage.speech.stt_eval tokens`, 2026-12-07); a timestamped decode adds two a
# segment. Twice that, and a start for the shortest answers, never cuts words a caller said.
TOKENS_AT_START = 16
TOKENS_PER_SECOND = 12


def token_budget(speech_seconds: float, most: int) -> int:
    """New tokens a decode of `speech_seconds` of speech may produce (at most `most`)."""
    return min(most, TOKENS_AT_START + math.ceil(TOKENS_PER_SECOND * speech_seconds))


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


def loops(text: str) -> bool:
    """The decoder went round in a loop: text far more repetitive than speech (Whisper's compression ratio
    line), or one phrase said twice over."""
    return bool(text) and (get_compression_ratio(text) > COMPRESSION_RATIO_LIMIT or said_twice(text))


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


# Turns transcribed in one batch: at most this many, and the longest window at most this many times the
# shortest (every turn in a batch is padded to its longest window).
MAX_BATCH = 8
BATCH_SPAN = 1.5


def _frames(pcm16: bytes) -> int:
    """The encoder window 16 kHz PCM16 audio needs (window_frames), from its length alone."""
    return window_frames(len(pcm16) // 2 * FRAMES_PER_SECOND // WHISPER_RATE)


@dataclass
class _Turn:
    """One turn on its way through `SpeechToText.transcribe_many`."""

    languages: tuple[str, ...]
    seconds: float
    chunks: list[np.ndarray]
    silence: float
    started: float
    featured: float  # seconds the log-mel features took
    windows: list[EncodedWindow] = field(default_factory=list)
    encode_seconds: float = 0.0
    checked: list[tuple[str, float]] = field(default_factory=list)  # the client's languages, most likely first
    first: str = ""
    other: str = ""

    @property
    def decode_in(self) -> tuple[str, ...]:
        """The first decode: in `first`; with `other` at once when the shares pick another language than
        the call's (the caller likely speaks it)."""
        both = self.first == self.languages[0] and self.other != self.first
        return (self.first, self.other) if both else (self.first,)


@dataclass(frozen=True)
class _Words:
    """What one window said in one language."""

    text: str
    tokens: int
    logprob: float  # summed over the tokens
    no_speech_prob: float


@dataclass
class _Job:
    """A call's turn waiting for a worker (SpeechToText.transcribe)."""

    pcm16: bytes
    languages: str | Sequence[str]
    future: Future
    frames: int
    owner: str | None = None  # the call whose turn it is


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
        rehear_within_secs: float = REHEAR_WITHIN_SECS,
    ) -> None:
        from faster_whisper import WhisperModel

        if compute_type == "default":
            compute_type = "int8" if device in ("cpu", "auto") and not _has_cuda() else "float16"
        self.model_path = model_path
        self.max_new_tokens = max_new_tokens
        self.beam_size = beam_size
        self.window_margin_secs = window_margin_secs
        self.rehear_margin_secs = rehear_margin_secs
        self.rehear_within_secs = rehear_within_secs
        # both on in the server; off only to measure the choice (python -m triage.speech.stt_eval window)
        self.timestamps = True  # shortened windows decoded with timestamps (_decode)
        self.silence_padding = True  # windows padded with silence, not faster-whisper's 0 (silent_frame_value)
        self.budget_tokens = True  # new tokens follow the speech's length (token_budget)
        # greedy words kept when Whisper is that sure of them (GREEDY_SURE), else the beam search; None (the
        # server's): always the beam search
        self.greedy_sure: float | None = None
        # a timestamped decode's words get a pass of their own (`align`) only when the beam's score is below this
        # (and below greedy_sure): no decision hangs on a figure above it (_generate); infinite: every decode
        self.words_scored_below = RECHECK_BELOW
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
        self._pending: deque[_Job] = deque()  # turns no worker has taken yet
        self._busy = 0  # workers transcribing a batch
        self._counting = threading.Lock()

    def transcribe_sync(self, pcm16: bytes, languages: str | Sequence[str]) -> Transcript:
        """16 kHz PCM16 in the first of `languages` (the call's), alone: `transcribe_many` with one turn."""
        return next(self.transcribe_many([(pcm16, languages)]))[1]

    def transcribe_many(self, turns: Sequence[tuple[bytes, str | Sequence[str]]]) -> Iterator[tuple[int, Transcript]]:
        """Several callers' turns at once (16 kHz PCM16, each in the first of its languages, the call's),
        yielded as each is done: (its index, its transcript).

        Turns of one window are encoded in one batch, padded to the longest one's window, and decoded in one
        beam search: CTranslate2 works through a batch in much less than the sum of its turns (five 2.4-2.9 s
        turns: 0.95 s together against 1.22-1.64 s for the last of them on two workers, a script outside the
        repository, 2026-12-05). With more languages (the client's others), the language token on the same
        encoder output comes first: the turn is decoded in another of them when Whisper is sure of it
        (brain/language.py), and implausible words are decoded once more in the call's language, or in the
        one the languages' shares pick, the more confident kept. Words still implausible after that, heard in
        a shortened window, are heard again in a larger one (REHEAR_MARGIN_SECS): shortening must not cost
        accuracy where Whisper is unsure."""
        requests = [self._prepare(pcm16, languages) for pcm16, languages in turns]
        together = [r for r in requests if len(r.chunks) == 1]
        if together:
            self._encode_together(together)
        for r in requests:
            if len(r.chunks) != 1:
                began = time.perf_counter()
                r.windows = self._encode_all(r.chunks, self.window_margin_secs, r.silence)
                r.encode_seconds = time.perf_counter() - began
        for r in requests:
            self._choose_languages(r)
        first_beam = 1 if self.greedy_sure is not None else self.beam_size
        decoded: dict[int, list[Transcript]] = {}
        pairs = [(i, lang) for i, r in enumerate(requests) if len(r.chunks) == 1 for lang in r.decode_in]
        if pairs:
            parts = self._generate([(requests[i].windows[0], lang) for i, lang in pairs], first_beam)
            for (i, lang), part in zip(pairs, parts, strict=True):
                decoded.setdefault(i, []).append(self._transcript([part], lang, requests[i].windows))
        for i, r in enumerate(requests):
            heard, *others = decoded[i] if i in decoded else self._decode(r.windows, *r.decode_in, beam_size=first_beam)
            if first_beam != self.beam_size and not self._sure(heard):
                heard, *others = self._decode(r.windows, *r.decode_in)
            yield i, self._settle(r, heard, others)

    def _sure(self, heard: Transcript) -> bool:
        """Greedy words good enough to keep without the beam search (GREEDY_SURE)."""
        return heard.confidence >= (self.greedy_sure or 0.0) and not loops(heard.text)

    def _prepare(self, pcm16: bytes, languages: str | Sequence[str]) -> _Turn:
        """A turn's log-mel features, cut into windows of at most 30 s."""
        started = time.perf_counter()
        audio = np.frombuffer(pcm16, dtype=np.int16).astype(np.float32) / 32768.0
        features = self.model.feature_extractor(audio)[:, :-1]  # faster-whisper's content frames
        starts = range(0, max(features.shape[-1], 1), FULL_WINDOW_FRAMES)
        return _Turn(
            languages=(languages,) if isinstance(languages, str) else tuple(languages),
            seconds=len(audio) / WHISPER_RATE,
            chunks=[features[:, i : i + FULL_WINDOW_FRAMES] for i in starts],
            silence=silent_frame_value(features) if self.silence_padding else 0.0,
            started=started,
            featured=time.perf_counter() - started,
        )

    def _encode_together(self, turns: list[_Turn]) -> None:
        """One encoder pass for turns of one window each, every one padded with its own silence to the
        longest one's window (a longer window than a turn needs costs it no accuracy: the full one is the
        reference)."""
        frames = max(window_frames(t.chunks[0].shape[-1], self.window_margin_secs) for t in turns)
        batch = np.stack([pad_with_silence(t.chunks[0], frames, t.silence) for t in turns])
        began = time.perf_counter()
        output = self.model.model.encode(StorageView.from_array(np.ascontiguousarray(batch)), to_cpu=False)
        took = time.perf_counter() - began
        rows = [output] if len(turns) == 1 else self._rows(output)
        for turn, row in zip(turns, rows, strict=True):
            speech = turn.chunks[0].shape[-1] / FRAMES_PER_SECOND
            turn.windows = [EncodedWindow(row, frames / FRAMES_PER_SECOND, speech)]
            turn.encode_seconds = took

    def _choose_languages(self, turn: _Turn) -> None:
        """The language(s) a turn is decoded in first: the call's; for a multilingual client the one the
        language token on the same encoder output picks among the client's languages, and when the shares
        pick another than the call's, both at once (400 ms against 560 ms one after the other for an English
        sentence on a German call) and the same rule chooses (`_settle`)."""
        language = turn.languages[0]
        turn.first = turn.other = language
        if len(turn.languages) < 2:
            return
        # Every turn of a multilingual client: the language token costs one decoder step on the encoder
        # output already made. A confident translation ("Yes, that's it." decoded as "Ja, das ist es." on a
        # German call, confidence 0.67) is not caught by confidence alone.
        result = self.model.model.detect_language(turn.windows[0].output)[0]
        turn.checked = among(((token[2:-2], p) for token, p in result), turn.languages)
        turn.first = decode_language(language, turn.checked, turn.seconds)
        # Implausible words in the first language are decoded again: in the language Whisper was sure of,
        # then in the call's; in the call's, then in the one brain/language.py picks from the client's
        # languages' shares (English 0.79 against German 0.0003 is sure among those two, though below 0.9
        # of all 99); German short answers Whisper leans English on ("Lauter.", p 0.81) are still decoded
        # in German first.
        if turn.first == language:
            turn.other = decode_language(language, shares(turn.checked), turn.seconds)
        else:
            turn.other = language

    def _settle(self, turn: _Turn, heard: Transcript, others: list[Transcript]) -> Transcript:
        """The first decode's words, or the other language's when they are implausible, or a larger
        window's when a shortened one left them implausible or looping and the turn is still young
        (REHEAR_WITHIN_SECS)."""
        decoded_at = time.perf_counter()
        if turn.checked and needs_recheck(heard.confidence) and turn.other != heard.language:
            again = others[0] if others else self._decode(turn.windows, turn.other)[0]
            heard = again if again.confidence > heard.confidence else heard
        looping = loops(heard.text)
        shortened = any(w.seconds < window_frames(c.shape[-1], self.rehear_margin_secs) / FRAMES_PER_SECOND
                        for c, w in zip(turn.chunks, turn.windows, strict=True))
        windows = turn.windows
        unsure = shortened and (needs_recheck(heard.confidence) or looping)
        if unsure and decoded_at - turn.started >= self.rehear_within_secs:
            log.info("not heard again in a larger window: %.1f s have passed (REHEAR_WITHIN_SECS)",
                     decoded_at - turn.started)
        elif unsure:
            # implausible words from a shortened window, or a repetition loop ("five five five" heard as a
            # hundred fives, sure of itself; "Yes. Yes." for "Yes." in café noise): a larger window
            # decides (python -m triage.speech.stt_eval window: this keeps the word error rate of the
            # full 30 s window)
            again_started = time.perf_counter()
            windows = self._encode_all(turn.chunks, self.rehear_margin_secs, turn.silence)
            turn.encode_seconds += time.perf_counter() - again_started
            heard = replace(self._decode(windows, heard.language)[0], reheard=True)
        done = time.perf_counter()
        log.debug(
            "heard %.2f s of audio in %.0f ms: features %.0f, encoder %.0f (window %.1f s, its batch's), words after"
            " %.0f (%d tokens, with the language token and any second language), heard again in a larger window %.0f",
            turn.seconds, 1000 * (done - turn.started), 1000 * turn.featured, 1000 * turn.encode_seconds,
            sum(w.seconds for w in windows), 1000 * (decoded_at - turn.started), heard.tokens,
            1000 * (done - decoded_at),
        )
        return replace(
            heard,
            audio_seconds=turn.seconds,
            seconds=done - turn.started,
            encode_seconds=turn.encode_seconds,
            languages=tuple(turn.checked),
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

    def _decode(self, windows: list[EncodedWindow], *languages: str, beam_size: int | None = None) -> list[Transcript]:
        """One turn's windows, each decoded in each of `languages` (one batch per window); `beam_size`:
        the server's (None) or 1, greedy."""
        parts: list[list[_Words | None]] = [[] for _ in languages]
        for window in windows:
            for i, part in enumerate(self._generate([(window, language) for language in languages], beam_size)):
                parts[i].append(part)
        return [self._transcript(parts[i], language, windows) for i, language in enumerate(languages)]

    def _generate(
        self, pairs: Sequence[tuple[EncodedWindow, str]], beam_size: int | None = None
    ) -> list[_Words | None]:
        """Beam search (or a greedy decode: `beam_size` 1) on each encoded window in its language, all in one batch
        (the windows of one length), with faster-whisper's options for one decode at temperature 0 (and its
        rule: no speech and unsure words is nothing heard), and no more new tokens than its speech can hold
        (token_budget). A shortened window is decoded with timestamps: without them, a decoder with little
        silence after the speech often says the sentence twice; with them, the second saying is stamped after
        the speech has ended and is dropped (words_in_speech). The full window is decoded without them, as
        faster-whisper decodes one window: timestamped, a 25 s turn in it stopped at a timestamp 3 s before its
        end, leaving the rest to a next window that a turn does not have."""
        tokenizers = [self._tokenizer(language) for _, language in pairs]
        timestamped = [self.timestamps and w.seconds < FULL_WINDOW_FRAMES / FRAMES_PER_SECOND for w, _ in pairs]
        prompts = [
            [*tokenizer.sot_sequence] if stamped else [*tokenizer.sot_sequence, tokenizer.no_timestamps]
            for tokenizer, stamped in zip(tokenizers, timestamped, strict=True)
        ]
        outputs = [w.output for w, _ in pairs]
        results = self.model.model.generate(
            outputs[0] if len(outputs) == 1 else self._stack(outputs),
            prompts,
            # A beam of 5 is what Whisper is measured with; greedy decoding alone cost a third more word
            # errors on phone audio (0.079 against 0.056 on the same turns) for ~100 ms less, so greedy
            # words are kept only when Whisper is sure of them (GREEDY_SURE).
            beam_size=beam_size or self.beam_size,
            max_length=max(len(prompt) for prompt in prompts)
            + (token_budget(max(w.speech_seconds for w, _ in pairs), self.max_new_tokens) if self.budget_tokens
               else self.max_new_tokens),
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=True,
            suppress_tokens=self._suppress,
            max_initial_timestamp_index=MAX_INITIAL_TIMESTAMP_INDEX,
        )
        parts: list[_Words | None] = []
        for (window, _), tokenizer, stamped, result in zip(pairs, tokenizers, timestamped, results, strict=True):
            ids = result.sequences_ids[0]
            avg_logprob = result.scores[0] * len(ids) / (len(ids) + 1)
            words = words_in_speech(ids, tokenizer.timestamp_begin, window.speech_seconds) if stamped else ids
            text = tokenizer.decode(words).strip()
            if (result.no_speech_prob > NO_SPEECH_THRESHOLD and avg_logprob <= LOG_PROB_THRESHOLD) or not text:
                parts.append(None)
                continue
            if not stamped:
                logprob = avg_logprob * len(ids)
            elif math.exp(avg_logprob) >= max(self.words_scored_below, self.greedy_sure or 0.0):
                # The beam's own score counts its timestamps, which Whisper is seldom sure of: it is below the
                # words' own (0.61-0.81 against 0.70-0.94 on the 64 recordings as the server hears them, 81
                # decodes, a script outside the repository, 2026-12-07). Above the re-check line (and GREEDY_SURE's,
                # when set) it changes no decision (the dialogue's LOW_CONFIDENCE is lower still), so the words' own
                # pass (`align`, about 70 ms of a 0.9 s turn on this machine) is spent only on turns below it.
                logprob = avg_logprob * len(words)
            else:
                logprob = self._words_logprob(window, tokenizer, words)
            parts.append(_Words(text, len(words), logprob, result.no_speech_prob))
        return parts

    @staticmethod
    def _transcript(parts: Sequence[_Words | None], language: str, windows: list[EncodedWindow]) -> Transcript:
        """A turn's words over its windows, in one language."""
        heard = [p for p in parts if p is not None]
        tokens = sum(p.tokens for p in heard)
        return Transcript(
            text=" ".join(p.text for p in heard),
            language=language,
            audio_seconds=0.0,
            seconds=0.0,
            tokens=tokens,
            avg_logprob=sum(p.logprob for p in heard) / tokens if tokens else 0.0,
            no_speech_prob=max((p.no_speech_prob for p in heard), default=1.0),
            window_seconds=sum(w.seconds for w in windows),
        )

    @staticmethod
    def _rows(output: StorageView) -> list[StorageView]:
        """A batch's encoder output, one turn each (copied through the CPU: a few hundred kB a turn)."""
        on_cpu = np.asarray(output if output.device == "cpu" else output.to_device(Device.cpu))
        rows = [StorageView.from_array(np.ascontiguousarray(on_cpu[i : i + 1])) for i in range(on_cpu.shape[0])]
        return rows if output.device == "cpu" else [row.to_device(Device.cuda) for row in rows]

    @staticmethod
    def _stack(outputs: Sequence[object]) -> StorageView:
        """Encoder outputs of one length as one batch (copied through the CPU)."""
        views = [o if o.device == "cpu" else o.to_device(Device.cpu) for o in outputs]  # type: ignore[attr-defined]
        batch = StorageView.from_array(np.ascontiguousarray(np.concatenate([np.asarray(v) for v in views])))
        return batch if outputs[0].device == "cpu" else batch.to_device(Device.cuda)  # type: ignore[attr-defined]

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
        all of them would be, on every worker, alone and all in one batch: CTranslate2 allocates its
        buffers and picks its kernels for an input shape on first use, which would otherwise make a
        caller's first turn the slowest."""
        languages = list(speech)
        turns = {lang: (pcm, (lang, *(o for o in languages if o != lang))) for lang, pcm in speech.items()}
        jobs = [(lang, self.pool.submit(self.transcribe_sync, *turn)) for lang, turn in turns.items()
                for _worker in range(self.workers)]  # fmt: skip
        if len(turns) > 1:
            self.pool.submit(lambda: list(self.transcribe_many(list(turns.values())))).result()
        if self.greedy_sure is not None:  # the beam search of an unsure turn has shapes of its own (GREEDY_SURE)
            for job in [self.pool.submit(self._beam_search, pcm, lang) for lang, (pcm, _) in turns.items()
                        for _worker in range(self.workers)]:  # fmt: skip
                job.result()
        return {lang: job.result() for lang, job in jobs}

    def _beam_search(self, pcm16: bytes, language: str) -> Transcript:
        """A turn decoded with the beam search alone, in its shortened window (to warm its kernels)."""
        turn = self._prepare(pcm16, language)
        return self._decode(self._encode_all(turn.chunks, self.window_margin_secs, turn.silence), language)[0]

    async def transcribe(self, pcm16: bytes, languages: str | Sequence[str], owner: str | None = None) -> Transcript:
        """Transcribe 16 kHz PCM16 audio in the first of `languages` (re-checked among all), off the event
        loop: in one batch with the other calls' turns waiting at the same time (`_serve`). `owner`: the call
        whose turn it is (`waiting`)."""
        job = _Job(pcm16, languages, Future(), _frames(pcm16), owner)
        with self._counting:
            self._pending.append(job)
        self.pool.submit(self._serve)
        try:
            return await asyncio.wrap_future(job.future)
        except Exception as exc:
            raise EngineError(f"speech-to-text failed: {exc}") from exc

    def waiting(self, owner: str) -> bool:
        """A turn of this call waits for a worker to start on it: its reply is late (brain/reply_wait.py)."""
        with self._counting:
            return any(job.owner == owner for job in self._pending)

    @property
    def capacity(self) -> int:
        """The most turns the workers transcribe at once (batches of at most MAX_BATCH)."""
        return self.workers * MAX_BATCH

    @property
    def idle(self) -> bool:
        """A worker is free: work that may be wasted (an early decode, calls/speech_services.py) would
        delay nobody's transcript. Counted in workers, not turns: one worker's batch of three leaves the
        other free, and a decode whose caller went on keeps its worker until it is done."""
        with self._counting:
            return self._busy + len(self._pending) < self.workers

    def _serve(self) -> None:
        """On a worker: the turns waiting now, as one batch (none if another worker took them)."""
        batch = self._take_batch()
        if not batch:
            return
        try:
            self._work(batch)
        finally:
            with self._counting:
                self._busy -= 1

    def _work(self, batch: list[_Job]) -> None:
        log.debug("transcribing %d turns in one batch, %d waiting", len(batch), len(self._pending))
        try:
            for i, heard in self.transcribe_many([(job.pcm16, job.languages) for job in batch]):
                batch[i].future.set_result(heard)
        except Exception:
            # A batch that fails is tried turn by turn, so one caller's audio that breaks the engine hands
            # that caller to a human, not everyone whose turn shared the batch.
            for job in batch:
                if job.future.done():
                    continue
                try:
                    job.future.set_result(self.transcribe_sync(job.pcm16, job.languages))
                except Exception as exc:
                    job.future.set_exception(exc)

    def _take_batch(self) -> list[_Job]:
        """The oldest waiting turn and the others whose window is not much longer or shorter (a batch is
        padded to its longest window), shared out among the workers that are free: two batches on two
        workers finish sooner than one twice as large on one (five turns: 1.6 s in one batch, one beam
        search does not keep two cores busy). A turn whose caller stopped waiting is dropped."""
        with self._counting:
            free = max(1, self.workers - self._busy)
            size = min(MAX_BATCH, -(-len(self._pending) // free))
            taken: list[_Job] = []
            kept: deque[_Job] = deque()
            while self._pending:
                job = self._pending.popleft()
                shortest, longest = sorted((job.frames, taken[0].frames)) if taken else (1, 1)
                fits = not taken or (len(taken) < size and longest <= BATCH_SPAN * shortest)
                if not fits:
                    kept.append(job)
                elif job.future.set_running_or_notify_cancel():
                    taken.append(job)
            self._pending = kept
            self._busy += bool(taken)
        return taken

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        with self._counting:
            waiting, self._pending = list(self._pending), deque()
        for job in waiting:  # no worker will take them now: their callers stop waiting
            job.future.cancel()


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
        self.source = str(onnx_path)  # what /readyz reports
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


# A language's voice: Piper's, or eSpeak NG's where no Piper voice for the language is installed.
AnyVoice = Voice | EspeakVoice


def load_voice(choice: VoiceChoice) -> AnyVoice:
    if choice.onnx is None:
        return EspeakVoice(choice.name)
    return Voice(choice.onnx)


class TextToSpeech:
    """The voices (one per language) and the cache of every client's fixed prompts."""

    def __init__(self, voices: dict[str, AnyVoice], workers: int = 2) -> None:
        self.voices = voices
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tts")
        self.cache = PromptAudioCache()

    def voice(self, lang: str) -> AnyVoice:
        return self.voices.get(lang) or next(iter(self.voices.values()))

    async def stream(self, text: str, lang: str, rate: int | None = None) -> AsyncIterator[bytes]:
        """PCM16 chunks of `text` at `rate` (the voice's own by default): cached prompts at once, the rest
        sentence by sentence.

        The first sentence leaves as soon as it is synthesised, so the caller hears the start of a
        long answer while the rest is still being made. Audio is resampled to the line's rate here, in a
        worker thread, and a cached prompt once per rate: resampled on the event loop (pipecat's TTS
        resampler), every caller's greeting was the loop's largest cost when twenty callers connected at
        once (a py-spy profile of `triage serve`, 2026-12-07)."""
        voice = self.voice(lang)
        rate = rate or voice.sample_rate
        loop = asyncio.get_running_loop()
        cached = self.cache.get(lang, text, None if rate == voice.sample_rate else rate)
        if cached is None and (native := self.cache.get(lang, text)) is not None:
            cached = await loop.run_in_executor(self.pool, resample, native, voice.sample_rate, rate)
            self.cache.put(lang, text, cached, rate)
        if cached is not None:
            yield cached
            return
        generator = voice.stream_sync(text)
        while True:
            try:
                chunk = await loop.run_in_executor(self.pool, _next_at, generator, voice.sample_rate, rate)
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


def resample(pcm16: bytes, rate: int, to_rate: int) -> bytes:
    """Mono PCM16 from `rate` to `to_rate`, with SoX's very high quality (pipecat's TTS resampler's)."""
    if rate == to_rate or not pcm16:
        return pcm16
    audio = soxr.resample(np.frombuffer(pcm16, dtype=np.int16), rate, to_rate, quality="VHQ")
    return audio.astype(np.int16).tobytes()


def _next_at(sentences: Iterator[bytes], rate: int, to_rate: int) -> bytes | None:
    """The next synthesised sentence at `to_rate` (None: no more); each sentence is resampled whole,
    as Piper ends every one in its own silence."""
    chunk = next(sentences, None)
    return None if chunk is None else resample(chunk, rate, to_rate)


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
        self._resampled: dict[tuple[str, str, int], bytes] = {}  # the same audio at a line's rate
        self._lock = threading.Lock()

    def get(self, lang: str, text: str, rate: int | None = None) -> bytes | None:
        """At the voice's own rate, or at `rate` once it has been resampled to it (TextToSpeech.stream)."""
        if rate is None:
            return self._audio.get((lang, text))
        return self._resampled.get((lang, text, rate))

    def put(self, lang: str, text: str, audio: bytes, rate: int | None = None) -> None:
        with self._lock:
            if rate is None:
                self._audio[(lang, text)] = audio
            else:
                self._resampled[(lang, text, rate)] = audio

    def __len__(self) -> int:
        return len(self._audio)


def _has_cuda() -> bool:
    try:
        import ctranslate2

        return ctranslate2.get_cuda_device_count() > 0
    except Exception:
        return False
