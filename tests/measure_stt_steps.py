"""Where one short turn's speech-to-text time goes, step by step (issue 15: a reply within half a second).

The bench's two sentences (`triage bench`: timit_ldc93s1_8k.wav, new_home_16k.wav, silence trimmed) as the
server hears them after an early decode: 8 kHz mu-law back to 16 kHz, after the second of audio pipecat keeps
from before the caller started, followed by 0.1 s of the pause and pipecat's 0.5 s of padding; on the bench's
client's languages (the call German and the caller English for the first, English for the second). Each
CTranslate2 call `SpeechToText.transcribe_sync` makes is timed (the log-mel features, the encoder, the
language token, the beam search, the teacher-forced pass that scores the words alone, any re-hear), and the
whole turn both called directly and through the worker pool as the server calls it. With `--threads 1,2`
engines of those CTranslate2 threads per worker take turns on the same audio in one process, so a shared
machine's load falls on all of them alike: read the ratios, not the milliseconds.

    PYTHONPATH=. python tests/measure_stt_steps.py --model /tmp/bench-models/whisper/base [--repeats 8] [--threads 2]

Not a test: it prints figures, since timings on a shared machine are no pass/fail material.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

from triage.speech.engines import WHISPER_RATE, SpeechToText
from triage.speech.stt_eval import through_phone_line
from triage.telephony.simulated_caller import RATE, load_audio
from triage.voice_bench import UTTERANCES, trim_silence

AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"
TIMED = ("encode", "detect_language", "generate", "align")
LANGUAGES = (("de", "en"), ("en", "de"))  # the bench's client starts in German; its caller speaks English


def server_turn(name: str) -> bytes:
    """A bench sentence as the server's early decode hears it (16 kHz PCM16)."""
    speech = np.frombuffer(through_phone_line(trim_silence(load_audio(AUDIO / name, RATE)) / 32768.0, RATE), np.int16)
    before, pause, padding = (np.zeros(round(s * WHISPER_RATE), np.int16) for s in (1.0, 0.1, 0.5))
    return np.concatenate([before, speech, pause, padding]).tobytes()


class _Timed:
    """A CTranslate2 Whisper model whose calls in TIMED add their seconds to `times`."""

    def __init__(self, inner: object, times: dict[str, list[float]]) -> None:
        self._inner, self._times = inner, times

    def __getattr__(self, name: str) -> object:
        attr = getattr(self._inner, name)
        return self._wrap(name, attr) if name in TIMED else attr

    def _wrap(self, name: str, call: Callable) -> Callable:
        def timed(*args: object, **kwargs: object) -> object:
            began = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                self._times[name].append(time.perf_counter() - began)

        return timed


def instrumented(model: Path, threads: int, times: dict[str, list[float]]) -> SpeechToText:
    engine = SpeechToText(model, workers=2, cpu_threads=threads)
    engine.model.model = _Timed(engine.model.model, times)
    features = engine.model.feature_extractor

    def timed_features(audio: np.ndarray) -> np.ndarray:
        began = time.perf_counter()
        out = features(audio)
        times["features"].append(time.perf_counter() - began)
        return out

    engine.model.feature_extractor = timed_features
    return engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="a CTranslate2 Whisper folder")
    parser.add_argument("--repeats", type=int, default=8)
    parser.add_argument("--threads", default="0", help="CTranslate2 threads per worker to compare (0: the server's)")
    args = parser.parse_args()
    turns = [(name, server_turn(name), langs) for name, langs in zip(UTTERANCES, LANGUAGES, strict=True)]
    times: dict[str, list[float]] = defaultdict(list)
    engines = {int(t): instrumented(args.model, int(t), times) for t in args.threads.split(",")}
    for engine in engines.values():  # buffers and kernels are made on first use (runtime.warm_engines)
        for _, pcm16, langs in turns * 2:
            engine.transcribe_sync(pcm16, langs)
    steps: dict[tuple[str, int], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    heard: dict[tuple[str, int], str] = {}
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    for repeat in range(args.repeats):
        order = list(engines) if repeat % 2 == 0 else list(reversed(engines))
        for name, pcm16, langs in turns:
            for threads in order:
                engine = engines[threads]
                times.clear()
                began = time.perf_counter()
                transcript = engine.transcribe_sync(pcm16, langs)
                whole = time.perf_counter() - began
                row = steps[(name, threads)]
                for step, seconds in times.items():
                    row[f"{step} x{len(seconds)}"].append(sum(seconds))
                row["whole turn, direct"].append(whole)
                began = time.perf_counter()
                asyncio.run(engine.transcribe(pcm16, langs))
                row["whole turn, through the pool"].append(time.perf_counter() - began)
                heard[(name, threads)] = (
                    f"{transcript.text!r} ({transcript.language}, confidence {transcript.confidence:.2f},"
                    f" window {transcript.window_seconds:.2f} s, heard again {transcript.reheard})"
                )
    print(f"load average {os.getloadavg()[0]:.1f} at the end; medians of {args.repeats} (share of the direct turn)")
    for (name, threads), row in steps.items():
        whole = statistics.median(row["whole turn, direct"])
        print(f"{name}, {threads or 'default'} threads per worker: {heard[(name, threads)]}")
        for step, seconds in row.items():
            median = statistics.median(seconds)
            print(f"  {step:<30} {1000 * median:8.1f} ms  {median / whole:6.1%}")


if __name__ == "__main__":
    main()
