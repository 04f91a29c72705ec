"""Word error rate of speech recognition, for the voice-call suite and `triage bench --wer`: reference and
transcript normalised the same way (case, punctuation, and numbers: "zero one seven six", "0176",
"null eins sieben sechs" and "fünftausend" all become digits, one token per digit), then jiwer's WER over
all words of all utterances (jiwer is in the [dev] extra)."""

from __future__ import annotations

import re

import numpy as np

from ..brain.numbers import de_cardinal

EN_NUMBERS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
def normalise(text: str) -> str:
    words = re.sub(r"[^\w\s']", " ", text.lower().replace("-", " ")).split()
    out: list[str] = []
    for word in words:
        word = word.strip("'")
        if word in EN_NUMBERS:
            word = str(EN_NUMBERS[word])
        elif word not in ("ein", "eine") and (n := de_cardinal(word)) is not None:
            word = str(n)
        if word.isdigit():
            out.extend(word)  # one token per digit: "0176" and "zero one seven six" score alike
        elif word:
            out.append(word)
    return " ".join(out)


def word_error_rate(references: list[str], hypotheses: list[str]) -> float:
    import jiwer

    pairs = [(normalise(r), normalise(h)) for r, h in zip(references, hypotheses, strict=True)]
    pairs = [(r, h) for r, h in pairs if r]
    return float(jiwer.wer([r for r, _ in pairs], [h for _, h in pairs]))


def transcribe_offline(model, pcm8k: np.ndarray, language: str, beam_size: int = 5) -> str:
    """The same Whisper outside the server: the phone audio brought to 16 kHz, the language fixed, the
    server's decoding options (speech/engines.py: a beam of 5, no temperature fallback)."""
    import soxr

    audio = soxr.resample(pcm8k.astype(np.float32) / 32768.0, 8000, 16000)
    segments, _info = model.transcribe(
        audio, language=language, beam_size=beam_size, temperature=0.0, condition_on_previous_text=False,
        without_timestamps=True, vad_filter=False,
    )
    return " ".join(s.text.strip() for s in segments if s.text.strip())
