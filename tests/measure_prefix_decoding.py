"""Would decoding while the caller speaks make the transcript at the pause faster (issue 15)? The idea:
every second of a stretch still being spoken, decode the audio so far; keep its words but the last one
or two (a word at the cut is unreliable); at the pause, decode the whole stretch with those tokens forced
as the decoder's prefix (CTranslate2 generate: the tokens after the task tokens of the prompt), so the
beam search only has the tail left to find.

On the clips of `python -m triage.speech.stt_eval window` (59 German, 5 English through the 8 kHz mu-law
line), the call's language fixed, the server's window (speech + 4 s, unsure words heard again in speech +
16 s, without a prefix): the partial decodes at 1 s, 2 s, ... of the audio, the latest one whose start is
at least `--ready` seconds before the speech ends (it must be done by the pause); then the final decode
with and without the prefix, in the same run, interleaved, each `--repeats` times (the fastest kept: the
machine is shared, so only ratios mean anything). Prints the word error rate of each, the final decode's
time (median / p90, and the median of each clip's ratio against the plain decode), the decoder's share
(generate alone) and the encoder's (which the prefix cannot save: the whole audio is encoded again).
`--modes` adds final decodes with another beam (the prefix with a greedy tail: 2:1; greedy without a
prefix: -:1); a larger window's decode (words still unsure, "R" in a clip's line) keeps beam 5, no prefix.

    PYTHONPATH=. python tests/measure_prefix_decoding.py --model /tmp/bench-models/whisper/base

Not a test: it prints figures (timings on a shared machine are no pass/fail material).
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from triage.speech.engines import EncodedWindow, SpeechToText, _Words
from triage.speech.stt_eval import Clip, load_clips
from triage.speech.wer import word_error_rate

RATE = 16_000


class Timed(SpeechToText):
    """The server's engine, with a prefix for the first decode and the time of each step recorded."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.prefix: list[int] = []  # forced tokens for the next decode (used once)
        self.first_beam = 0  # the next decode's beam (used once; a larger window's decode keeps the server's)
        self.last_ids: list[int] = []  # the first decode's tokens, timestamps included
        self.generate_seconds = 0.0
        self.features_seconds = 0.0

    def _prepare(self, pcm16, languages):
        turn = super()._prepare(pcm16, languages)
        self.features_seconds = turn.featured
        return turn

    def _generate(self, pairs: list[tuple[EncodedWindow, str]]) -> list[_Words | None]:
        prefix, self.prefix = self.prefix, []
        beam, self.first_beam = self.first_beam, 0
        model = self.model.model
        original = model.generate
        recorded: dict[str, object] = {}

        def generate(features, prompts, **options):
            if beam:
                options["beam_size"] = beam
            if prefix:
                prompts = [[*prompt, *prefix] for prompt in prompts]
                options["max_length"] = options["max_length"] + len(prefix)
            began = time.perf_counter()
            results = original(features, prompts, **options)
            recorded["seconds"] = time.perf_counter() - began
            recorded["ids"] = list(results[0].sequences_ids[0])
            return results

        class Model:  # the CTranslate2 model with generate wrapped (its attributes are read-only)
            def __getattr__(self, name):
                return generate if name == "generate" else getattr(model, name)

        whisper = self.model
        saved = whisper.model
        whisper.model = Model()
        try:
            parts = super()._generate(pairs)
        finally:
            whisper.model = saved
        if not self.last_ids:
            self.last_ids = recorded["ids"]  # type: ignore[assignment]
            self.generate_seconds = recorded["seconds"]  # type: ignore[assignment]
        return parts

    def hear(self, pcm16: bytes, language: str, prefix: list[int] | None = None, beam: int = 0):
        self.prefix, self.last_ids, self.first_beam = list(prefix or []), [], beam
        heard = self.transcribe_sync(pcm16, language)
        return heard, self.last_ids, self.generate_seconds, self.features_seconds


def prefix_of(engine: Timed, ids: list[int], language: str, speech_seconds: float, drop: int) -> list[int]:
    """A partial decode's tokens as a prefix: those stamped inside its audio, without the last `drop` words
    (and the timestamps after them); nothing when no word is left."""
    tokenizer = engine._tokenizer(language)
    begin = tokenizer.timestamp_begin
    kept: list[int] = []
    for token in ids:
        if token >= begin and (token - begin) * 0.02 >= speech_seconds:
            break
        kept.append(token)
    starts = [i for i, t in enumerate(kept) if t < begin and tokenizer.decode([t]).startswith(" ")]
    if len(starts) <= drop:
        return []
    kept = kept[: starts[-drop]] if drop else kept
    while kept and kept[-1] >= begin:
        kept.pop()
    if not any(t < begin for t in kept):
        return []
    # a timestamped decode opens each segment with a timestamp: the prefix must start with one
    return kept if kept[0] >= begin else []


@dataclass
class Row:
    clip: Clip
    texts: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    generate: dict[str, float] = field(default_factory=dict)
    encode: dict[str, float] = field(default_factory=dict)
    features: dict[str, float] = field(default_factory=dict)
    prefix_tokens: dict[str, int] = field(default_factory=dict)
    tokens: int = 0
    partial_at: float = 0.0
    reheard: dict[str, bool] = field(default_factory=dict)
    # the prefix's words are the first words the plain decode of the whole stretch gives
    agrees: dict[str, bool] = field(default_factory=dict)


def speech_ends(pcm: np.ndarray) -> float:
    """When the words end (as voice_bench.trim_silence finds it: the last sample above 5 % of the peak)."""
    loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > 0.05 * np.abs(pcm.astype(np.int32)).max())
    return (int(loud[-1]) if len(loud) else len(pcm)) / RATE


def p90(values: list[float]) -> float:
    return float(np.percentile(values, 90))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="a CTranslate2 Whisper folder")
    parser.add_argument("--step", type=float, default=1.0, help="seconds between partial decodes")
    parser.add_argument("--ready", type=float, default=0.4,
                        help="a partial is used if it started at least this long before the speech ended")
    parser.add_argument("--modes", default="1:5,2:5",
                        help="final decodes to compare with the plain one (beam 5, no prefix): words dropped from the"
                             " partial's end:beam of the final decode ('-' words: no prefix), e.g. 1:5,2:5,2:1,-:1")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    modes = [(None if d == "-" else int(d), int(b)) for d, b in (m.split(":") for m in args.modes.split(",") if m)]
    clips = load_clips()
    engine = Timed(args.model, workers=1)
    engine.hear(clips[0].pcm16, clips[0].language)  # warm
    rows = []
    for clip in clips:
        row = Row(clip)
        pcm = np.frombuffer(clip.pcm16, np.int16)
        speech_end = speech_ends(pcm)
        # the partials a caller's speech would have had by the pause: the audio so far, every `step` seconds
        partial_ids: list[int] = []
        at = args.step
        while at <= speech_end - args.ready:
            _heard, partial_ids, _, _ = engine.hear(pcm[: int(at * RATE)].tobytes(), clip.language)
            row.partial_at = at
            at += args.step
        prefixes: dict[str, tuple[list[int], int]] = {"plain": ([], 0)}
        for d, b in modes:
            label = f"no prefix, beam {b}" if d is None else f"prefix, last {d} dropped, beam {b}"
            prefixes[label] = (
                prefix_of(engine, partial_ids, clip.language, row.partial_at, d) if partial_ids and d is not None
                else [], b)
        begin = engine._tokenizer(clip.language).timestamp_begin
        plain_words: list[int] = []
        for _ in range(args.repeats):
            for mode, (prefix, beam) in prefixes.items():
                heard, ids, generated, featured = engine.hear(clip.pcm16, clip.language, prefix, beam)
                if mode not in row.seconds or heard.seconds < row.seconds[mode]:
                    row.seconds[mode], row.generate[mode] = heard.seconds, generated
                    row.encode[mode], row.features[mode] = heard.encode_seconds, featured
                row.texts[mode], row.prefix_tokens[mode] = heard.text, len(prefix)
                row.reheard[mode] = heard.reheard
                if mode == "plain":
                    plain_words = [t for t in ids if t < begin]
                words = [t for t in prefix if t < begin]
                row.agrees[mode] = plain_words[: len(words)] == words
                row.tokens = max(row.tokens, len(ids)) if mode == "plain" else row.tokens
        rows.append(row)
        print(f"{clip.name:<34} {clip.seconds:4.1f} s, partial at {row.partial_at:3.0f} s | "
              + " | ".join(f"{m}: {1000 * row.seconds[m]:.0f} ms{' R' if row.reheard[m] else ''}"
                           f" ({row.prefix_tokens[m]}/{row.tokens} forced)" for m in prefixes)
              + ("" if len({row.texts[m] for m in prefixes}) == 1 else
                 " | differs: " + " / ".join(f"{row.texts[m]!r}" for m in prefixes)), flush=True)
    modes = list(rows[0].seconds)
    print(f"\n{len(clips)} clips ({sum(c.language == 'de' for c in clips)} de, {sum(c.language == 'en' for c in clips)}"
          f" en) through the 8 kHz line, Whisper {args.model.name}, beam {engine.beam_size}, speech + 4 s window;"
          f" partials every {args.step:g} s, the latest starting {args.ready:g} s before the speech ends;"
          f" fastest of {args.repeats}; {sum(bool(r.partial_at) for r in rows)} clips had a partial")
    print(f"{'final decode':<34} {'WER de':>7} {'WER en':>7} {'differs':>8} {'re-heard':>9} {'total p50':>10}"
          f" {'p90':>6} {'ratio p50':>10} {'p90':>6} {'generate p50':>13} {'ratio p50':>10} {'encoder p50':>12}"
          f" {'features p50':>13} {'forced tokens':>14}")
    for mode in modes:
        wer = {
            lang: word_error_rate([r.clip.text for r in rows if r.clip.language == lang],
                                  [r.texts[mode] for r in rows if r.clip.language == lang])
            for lang in ("de", "en")
        }
        ratios = [r.seconds[mode] / r.seconds["plain"] for r in rows]
        gen_ratios = [r.generate[mode] / r.generate["plain"] for r in rows]
        forced = sum(r.prefix_tokens[mode] for r in rows) / max(1, sum(r.tokens for r in rows))
        differs = sum(r.texts[mode] != r.texts["plain"] for r in rows)
        print(f"{mode:<34} {wer['de']:>7.3f} {wer['en']:>7.3f} {differs:>8}"
              f" {sum(r.reheard[mode] for r in rows):>9}"
              f" {1000 * statistics.median(r.seconds[mode] for r in rows):>8.0f}ms"
              f" {1000 * p90([r.seconds[mode] for r in rows]):>4.0f}ms {statistics.median(ratios):>10.2f}"
              f" {p90(ratios):>6.2f} {1000 * statistics.median(r.generate[mode] for r in rows):>11.0f}ms"
              f" {statistics.median(gen_ratios):>10.2f}"
              f" {1000 * statistics.median(r.encode[mode] for r in rows):>10.0f}ms"
              f" {1000 * statistics.median(r.features[mode] for r in rows):>11.0f}ms {forced:>14.0%}")
    # the clips that had a partial, alone (the others decode the same way in every mode)
    with_partial = [r for r in rows if r.partial_at]
    for mode in modes[1:]:
        ratios = [r.seconds[mode] / r.seconds["plain"] for r in with_partial]
        forced = [r for r in with_partial if r.prefix_tokens[mode]]
        print(f"  {mode}, the {len(with_partial)} clips with a partial: total ratio p50 {statistics.median(ratios):.2f}"
              f" p90 {p90(ratios):.2f}; generate ratio p50"
              f" {statistics.median(r.generate[mode] / r.generate['plain'] for r in with_partial):.2f};"
              f" of {len(forced)} prefixes, {sum(not r.agrees[mode] for r in forced)} are not how the plain decode of"
              f" the whole stretch begins")
    engine.close()


if __name__ == "__main__":
    main()
