"""Measurements behind three speech-to-text choices, printed rather than asserted (timings on a shared
machine are no pass/fail material):

- `window`: word error rate and encoder time of Whisper's full 30 s window against windows of the
  speech plus a margin (speech/engines.py window_frames; words Whisper is unsure of in a shortened
  window are heard again in a larger one, speech + `--rehear` s: "re-heard"), on real recordings
  through the phone path (the 59 German clips of shared/audio/de and the English recordings of shared/audio, brought
  to 8 kHz mu-law and back to 16 kHz as a Twilio call is), and the language found on the same
  encoder pass; the last rows pad the first margin's window with 0 and decode it without timestamps,
  as before 2026-12-05 (speech/engines.py silent_frame_value);
- `workers`: how many transcription workers and threads per worker serve callers speaking at once
  best on this machine (a burst of real clips submitted together, as simultaneous turns would be);
- `tokens`: how many word tokens a second of speech Whisper needs on the same recordings, decoded
  without a budget, against speech/engines.py token_budget (which must never cut a caller's words).

    python -m triage.speech.stt_eval window [--margins 4,6,8] [--rehear 8,16] [--greedy-first -,0.7] [--server-padding]
    python -m triage.speech.stt_eval workers [--burst 6]
    python -m triage.speech.stt_eval tokens
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import statistics
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .engines import GREEDY_SURE, TOKENS_AT_START, TOKENS_PER_SECOND, SpeechToText, token_budget
from .wer import word_error_rate

AUDIO = Path(__file__).resolve().parents[3] / "shared" / "audio"
# the English recordings with exact transcripts (shared/audio/README.md); the stereo file is two speakers
ENGLISH = [
    ("jfk_16k.wav", None, "And so my fellow Americans, ask not what your country can do for you, "
     "ask what you can do for your country."),
    ("timit_ldc93s1_16k.wav", None, "She had your dark suit in greasy wash water all year."),
    ("new_home_16k.wav", None, "We must find a new home in the stars."),
    ("two_speakers_stereo_16k.wav", 0, "He began a confused complaint against the wizard, who had vanished behind "
     "the curtain on the left."),
    ("two_speakers_stereo_16k.wav", 1, "The horizon seems extremely distant."),
]


@dataclass(frozen=True)
class Clip:
    name: str
    language: str
    text: str
    pcm16: bytes  # 16 kHz, after the phone line

    @property
    def seconds(self) -> float:
        return len(self.pcm16) / 32_000


def through_phone_line(audio: np.ndarray, rate: int) -> bytes:
    """Float mono audio as the server hears it from Twilio: 8 kHz mu-law, back to 16 kHz PCM16."""
    import soxr

    with warnings.catch_warnings():  # deprecated from 3.13; Python 3.11 is what the project runs
        warnings.simplefilter("ignore", DeprecationWarning)
        import audioop

    narrow = np.clip(soxr.resample(audio.astype(np.float32), rate, 8000), -1.0, 1.0)
    line = audioop.ulaw2lin(audioop.lin2ulaw((narrow * 32767).astype(np.int16).tobytes(), 2), 2)
    wide = soxr.resample(np.frombuffer(line, np.int16).astype(np.float32) / 32768.0, 8000, 16000)
    return (np.clip(wide, -1.0, 1.0) * 32767).astype(np.int16).tobytes()


# How the server hears a stretch (calls/speech_services.py): pipecat keeps about 0.8 s of the line before
# VAD heard the words begin, the early decode starts 0.06-0.1 s after they end, and pipecat appends 0.5 s of
# silence (SegmentedSTTService's trailing_silence_secs).
SERVER_BEFORE_SECS = 0.8
SERVER_AFTER_SECS = 0.1 + 0.5


def as_the_server_hears(pcm16: bytes) -> bytes:
    """A recording through the phone line (16 kHz PCM16) cut to its words and padded as the server's
    stretches are: recordings carry their own silences, which would measure a window the server never sees."""
    from ..voice_bench import trim_silence

    words = trim_silence(np.frombuffer(pcm16, np.int16), rate=16_000)
    before, after = (np.zeros(round(s * 16_000), np.int16) for s in (SERVER_BEFORE_SECS, SERVER_AFTER_SECS))
    return np.concatenate([before, words, after]).astype(np.int16).tobytes()


def _read(path: Path, channel: int | None = None) -> tuple[np.ndarray, int]:
    import soundfile

    audio, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    return (audio[:, channel] if channel is not None else audio.mean(axis=1)), rate


def load_clips(audio_dir: Path = AUDIO, server_padding: bool = False) -> list[Clip]:
    """The recordings with transcripts through the phone line; with `server_padding`, as the server's
    stretches are padded (as_the_server_hears) instead of with the recordings' own silences."""
    shaped = as_the_server_hears if server_padding else (lambda pcm16: pcm16)
    clips = []
    for line in (audio_dir / "de" / "manifest.jsonl").read_text().splitlines():
        row = json.loads(line)
        audio, rate = _read(audio_dir / "de" / row["file"])
        clips.append(Clip(row["file"], "de", row["text"], shaped(through_phone_line(audio, rate))))
    for name, channel, text in ENGLISH:
        audio, rate = _read(audio_dir / name, channel)
        clips.append(Clip(f"{name}:{channel}" if channel is not None else name, "en", text,
                          shaped(through_phone_line(audio, rate))))
    return clips


def _window(
    engine: SpeechToText, clips: list[Clip], margins: list[float], rehears: list[float], gates: list[float | None]
) -> None:
    print(f"{len([c for c in clips if c.language == 'de'])} German and {len([c for c in clips if c.language == 'en'])}"
          f" English clips through the 8 kHz mu-law line, {sum(c.seconds for c in clips):.0f} s of audio,"
          f" Whisper {engine.model_path.name}, beam {engine.beam_size}, language fixed; \"greedy >= x\": greedy words"
          f" kept when Whisper is that sure of them, else the beam search (speech/engines.py GREEDY_SURE)")
    print(f"{'window':<48} {'WER de':>7} {'WER en':>7} {'encoder s':>10} {'total s':>8} {'mean window s':>14}"
          f" {'re-heard':>12}")
    # the last rows: the first margin as before 2026-12-05 (features padded with 0, no timestamps)
    rows = [
        (30.0, 30.0, True, None),
        *((m, r, True, g) for g in gates for m in margins for r in rehears),
        *((m, r, False, None) for m in margins[:1] for r in rehears),
    ]
    for margin, rehear, current, gate in rows:
        engine.window_margin_secs, engine.rehear_margin_secs = margin, rehear
        engine.timestamps = engine.silence_padding = current
        engine.greedy_sure = gate
        heard = [engine.transcribe_sync(c.pcm16, c.language) for c in clips]
        wer = {
            lang: word_error_rate([c.text for c in clips if c.language == lang],
                                  [h.text for c, h in zip(clips, heard, strict=True) if c.language == lang])
            for lang in ("de", "en")
        }
        label = "full 30 s" if margin >= 30 else f"speech + {margin:g} s, re-heard + {rehear:g} s"
        label += "" if current else ", 0-padded"
        label += f", greedy >= {gate:g}" if gate is not None else ""
        print(f"{label:<48} {wer['de']:>7.3f} {wer['en']:>7.3f} {sum(h.encode_seconds for h in heard):>10.1f}"
              f" {sum(h.seconds for h in heard):>8.1f} {statistics.mean(h.window_seconds for h in heard):>14.1f}"
              f" {sum(h.reheard for h in heard):>12}")
    # the language from the same encoder pass: each clip decoded in the other language first, as a
    # caller of the other language would be, and re-checked among both (brain/language.py's rules)
    engine.timestamps = engine.silence_padding = True
    engine.greedy_sure = gates[-1]
    engine.window_margin_secs = margins[-1] if margins else 30.0
    engine.rehear_margin_secs = rehears[0] if rehears else 30.0
    checked = right = decoded = 0
    for clip in clips:
        other = "en" if clip.language == "de" else "de"
        heard = engine.transcribe_sync(clip.pcm16, (other, clip.language))
        checked += bool(heard.languages)
        right += bool(heard.languages) and heard.languages[0][0] == clip.language
        decoded += heard.language == clip.language
    print(f"language from the same encoder pass (speech + {engine.window_margin_secs:g} s), each clip first decoded"
          f" in the other language: re-checked {checked} of {len(clips)} (brain/language.py: low confidence),"
          f" most likely language right for {right} of those, decoded in the right language {decoded}")


def _workers(model: Path, clips: list[Clip], burst: int, beam: int) -> None:
    """Latency of `burst` turns arriving together (simultaneous callers), per workers x threads."""
    chosen = sorted(clips, key=lambda c: c.seconds)[len(clips) // 2 - burst // 2:][:burst]
    print(f"{burst} turns of {min(c.seconds for c in chosen):.1f}-{max(c.seconds for c in chosen):.1f} s submitted"
          f" at once, {os.cpu_count()} cores; shortened window, beam {beam}; each configuration three times")
    print(f"{'workers':>7} {'threads':>7} {'p50 s':>6} {'max s':>6} {'mean last s':>11}")
    for workers, threads in ((1, 1), (1, 2), (2, 1), (2, 2)):
        engine = SpeechToText(model, workers=workers, cpu_threads=threads, beam_size=beam)
        engine.transcribe_sync(chosen[0].pcm16, chosen[0].language)  # warm up

        async def burst_once(engine: SpeechToText = engine) -> list[float]:
            started = time.perf_counter()

            async def one(clip: Clip) -> float:
                await engine.transcribe(clip.pcm16, clip.language)
                return time.perf_counter() - started

            return await asyncio.gather(*(one(c) for c in chosen))

        runs = [asyncio.run(burst_once()) for _ in range(3)]
        latencies = sorted(t for run in runs for t in run)
        print(f"{workers:>7} {threads:>7} {statistics.median(latencies):>6.2f} {latencies[-1]:>6.2f}"
              f" {statistics.mean(max(run) for run in runs):>11.2f}")
        engine.close()


def _tokens(engine: SpeechToText, clips: list[Clip]) -> None:
    """The densest clips in word tokens a second, decoded in the full window without a token budget."""
    engine.budget_tokens = False
    engine.window_margin_secs = 30.0
    dense = sorted(((engine.transcribe_sync(c.pcm16, c.language), c) for c in clips),
                   key=lambda pair: pair[0].tokens / pair[1].seconds)
    print(f"{'tokens/s':>8} {'tokens':>6} {'budget':>6} {'s':>5}  clip")
    for heard, clip in dense[-8:]:
        budget = token_budget(clip.seconds, engine.max_new_tokens)
        print(f"{heard.tokens / clip.seconds:>8.1f} {heard.tokens:>6} {budget:>6} {clip.seconds:>5.2f}"
              f"  {clip.language} {heard.text[:60]}")
    print(f"densest {dense[-1][0].tokens / dense[-1][1].seconds:.1f} tokens a second; the budget allows"
          f" {TOKENS_PER_SECOND} a second plus {TOKENS_AT_START}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m triage.speech.stt_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["window", "workers", "tokens"])
    parser.add_argument("--model", type=Path, help="a CTranslate2 Whisper folder (default: the server's)")
    parser.add_argument("--audio", type=Path, default=AUDIO)
    parser.add_argument("--margins", default="4,6,8", help="seconds of padding after the speech to compare")
    parser.add_argument("--rehear", default="8", help="padding (s) of the window unsure words are heard again in")
    parser.add_argument("--burst", type=int, default=6)
    parser.add_argument(
        "--server-padding",
        action="store_true",
        help="cut each recording to its words and pad it as the server's stretches are, not with its own silences",
    )
    parser.add_argument("--beam", type=int, default=5, help="beam size of the decoder (1: greedy)")
    parser.add_argument(
        "--greedy-first",
        default="-",
        help=f"window: the confidences above which greedy words are kept, comma-separated ('-': always the beam,"
        f" the server's; {GREEDY_SURE} was measured)",
    )
    args = parser.parse_args(argv)
    if args.model is None:
        from ..settings import Settings
        from .models import resolve_whisper

        args.model = resolve_whisper(Settings())
    clips = load_clips(args.audio, args.server_padding)
    if args.what == "window":
        margins = [float(m) for m in args.margins.split(",") if m]
        # every unsure turn heard again, however long its first pass took (REHEAR_WITHIN_SECS): the words of
        # the choice, not of this machine's load
        gates = [None if g.strip() == "-" else float(g) for g in args.greedy_first.split(",") if g.strip()]
        _window(SpeechToText(args.model, workers=1, beam_size=args.beam, rehear_within_secs=math.inf), clips, margins,
                [float(r) for r in args.rehear.split(",") if r], gates or [None])
    elif args.what == "tokens":
        _tokens(SpeechToText(args.model, workers=1, beam_size=args.beam, max_new_tokens=200), clips)
    else:
        _workers(args.model, clips, args.burst, args.beam)


if __name__ == "__main__":
    main()
