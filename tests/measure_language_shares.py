"""Which language does Whisper hear in a turn, as a share of the client's languages (issue 15)? The
first decode of a turn is in the call's language, and in another of the client's languages at once when
Whisper picks that one (speech/engines.py); in it alone when Whisper is sure of it (brain/language.py
`decode_language`). On the phone line Whisper spreads real English over many of its 99 languages, so its
absolute probability stays under 0.9 for sentences whose share of English and German is above 0.99.

For each clip of `python -m triage.speech.stt_eval window` (59 German, 5 English, real speech through the
8 kHz mu-law line): its length, English's share of the two, and each one's absolute probability, from
the language token on the encoder output the server decodes from. German clips are listed by their
English share, highest first; English clips lowest first: the rule's line must lie between them.

    PYTHONPATH=. python tests/measure_language_shares.py --model /tmp/bench-models/whisper/base

Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from triage.brain.language import decode_language
from triage.speech.engines import SpeechToText, among, shares
from triage.speech.stt_eval import load_clips

LANGUAGES = ("de", "en")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="a CTranslate2 Whisper folder")
    parser.add_argument("--show", type=int, default=12, help="clips listed per language")
    args = parser.parse_args()
    engine = SpeechToText(args.model, workers=1)
    rows: list[tuple[str, float, float, float, float]] = []
    for clip in load_clips():
        turn = engine._prepare(clip.pcm16, LANGUAGES)
        engine._encode_together([turn])
        found = engine.model.model.detect_language(turn.windows[0].output)[0]
        checked = among(((token[2:-2], p) for token, p in found), LANGUAGES)
        share, absolute = dict(shares(checked)), dict(checked)
        rows.append((clip.language, turn.seconds, share["en"], absolute["en"], absolute["de"]))
    for language in LANGUAGES:
        clips = sorted((r for r in rows if r[0] == language), key=lambda r: -r[2] if language == "de" else r[2])
        other = "de" if language == "en" else "en"
        heard = [[("en", en), ("de", de)] for _, _, _, en, de in clips]
        moved = sum(decode_language(other, p, r[1]) == language for p, r in zip(heard, clips, strict=True))
        lost = sum(decode_language(language, p, r[1]) == other for p, r in zip(heard, clips, strict=True))
        print(f"{language}: {len(clips)} clips; on a call in {other}, decoded in {language} alone first: {moved};"
              f" on a call in {language}, in {other} alone first: {lost}")
        for _, secs, share, en, de in clips[: args.show]:
            print(f"  {secs:5.1f} s  English share {share:.4f}  (English {en:.3f}, German {de:.3f})")


if __name__ == "__main__":
    main()
