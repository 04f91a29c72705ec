"""Two decoding choices that would make a turn's transcript faster, and what they cost in word errors
(issue 15): a smaller beam, and hearing fewer turns again in Whisper's full window (the engine does
that for words it is unsure of in the shortened window, confidence below brain/language.py's
RECHECK_BELOW, 0.6). On the clips of `python -m triage.speech.stt_eval window` (59 German, 5 English
through the 8 kHz mu-law line), the call's language fixed, the window speech + 8 s.

    PYTHONPATH=. python tests/measure_decoding_choices.py --model /tmp/bench-models/whisper/base 5:0.6 3:0.6 5:0.5 5:0

Each argument is beam:full-window-below. Not a test: it prints figures (timings on a shared machine
are no pass/fail material).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import triage.speech.engines as engines
from triage.speech.stt_eval import load_clips
from triage.speech.wer import word_error_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="a CTranslate2 Whisper folder")
    parser.add_argument("choices", nargs="+", help="beam:full-window-below, e.g. 5:0.6")
    args = parser.parse_args()
    clips = load_clips()
    engine = engines.SpeechToText(args.model, workers=1)
    engine.transcribe_sync(clips[0].pcm16, clips[0].language)  # warm
    for choice in args.choices:
        beam, below = choice.split(":")
        engine.beam_size, engine.greedy_sure = int(beam), None
        engines.needs_recheck = lambda confidence, below=float(below): confidence < below
        started = time.perf_counter()
        heard = [engine.transcribe_sync(c.pcm16, c.language) for c in clips]
        wall = time.perf_counter() - started
        wer = {
            lang: word_error_rate(
                [c.text for c in clips if c.language == lang],
                [h.text for c, h in zip(clips, heard, strict=True) if c.language == lang],
            )
            for lang in ("de", "en")
        }
        print(
            f"beam {beam}, full window below confidence {below}: WER de {wer['de']:.3f} en {wer['en']:.3f} |"
            f" {wall:.1f} s for {len(clips)} clips, mean {1000 * statistics.mean(h.seconds for h in heard):.0f} ms,"
            f" heard again in a larger window {sum(h.reheard for h in heard)}",
            flush=True,
        )
    engine.close()


if __name__ == "__main__":
    main()
