"""`triage eval-calls --spoken --heard FILE`: what Whisper wrote for each turn is kept and replayed, so a brain change
is measured on one run's words (Whisper base writes the same audio differently from run to run)."""

from __future__ import annotations

import numpy as np

from triage.speech.engines import Transcript
from triage.spoken_calls import PhoneEar


class _Voice:
    sample_rate = 16000

    def sentences(self, text: str):
        yield (np.zeros(1600, np.int16)).tobytes()


class _Whisper:
    def __init__(self) -> None:
        self.heard: list[tuple[str, ...]] = []

    def transcribe_sync(self, pcm: bytes, order) -> Transcript:
        self.heard.append(tuple(order))
        return Transcript(f"heard {len(self.heard)}", order[0], 0.1, 0.2, 3, avg_logprob=-0.5,
                          languages=(("en", 0.9), ("de", 0.1)))


def test_a_turn_heard_once_is_replayed_from_the_file(tmp_path):
    kept = tmp_path / "heard.json"
    whisper = _Whisper()
    ear = PhoneEar(whisper, {"en": _Voice(), "de": _Voice()}, kept)  # type: ignore[arg-type]
    first = ear.hear("Yes, that's fine.", "en", "en", ("de", "en"))
    assert whisper.heard == [("en", "de")] and kept.exists()
    again = PhoneEar(_Whisper(), {}, kept).hear("Yes, that's fine.", "en", "en", ("de", "en"))  # type: ignore[arg-type]
    assert again == first and again.confidence == first.confidence
    # the same words heard in a call now in German are another turn for Whisper: heard, not replayed
    ear.hear("Yes, that's fine.", "en", "de", ("de", "en"))
    assert whisper.heard == [("en", "de"), ("de", "en")]


def test_without_a_file_every_turn_is_heard():
    whisper = _Whisper()
    ear = PhoneEar(whisper, {"en": _Voice()})  # type: ignore[arg-type]
    ear.hear("Yes.", "en", "en", ("en",))
    ear.hear("Yes.", "en", "en", ("en",))
    assert len(whisper.heard) == 2
