"""How the suite's callers sound: English turns spoken by the real Piper voice en_US-joe-medium
(in-process, without sampling noise so every run says the same, each utterance synthesised once per
session and cached as a WAV), German turns from the real recordings in ../shared/audio/de/ where one
fits, and Debian's espeak-ng where none does (robotic, but real phonemes: said so in each call that
uses it). Groups of a dictated number or an address are
synthesised one by one and joined with natural pauses of 0.3-0.8 s. Every utterance is brought to the
caller's level (RMS in dBFS) at the 8 kHz of a phone line.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile

from triage.telephony.simulated_caller import RATE, load_audio

SHARED_AUDIO = Path(__file__).resolve().parents[3] / "shared" / "audio"
GERMAN_CLIPS = SHARED_AUDIO / "de"
CAFE_NOISE = SHARED_AUDIO / "noise_coffee_shop_44k.wav"
PAUSE_SECS = (0.3, 0.8)  # between the groups of a dictated number or an address
SPEECH_DBFS = -20.0  # a caller's usual level on the line (RMS)
DROPOUT = "[dropout]"  # a part that is a word lost on a bad line (0.4 s of crackle)


@dataclass(frozen=True)
class Utterance:
    """One caller turn. `parts` are said one after another with a pause between them."""

    parts: tuple[str, ...]
    lang: str = "en"
    source: str = "piper"  # piper (English), espeak (German without a fitting clip), clip (a real recording)
    dbfs: float = SPEECH_DBFS
    pauses: bool = True  # False: the parts run on as one breath (DROPOUT inside a sentence)

    @property
    def text(self) -> str:
        """What the caller says, for word error rates: a clip's transcript from the manifest."""
        if self.source == "clip":
            return " ".join(clip_transcript(name) for name in self.parts)
        return " ".join(p for p in self.parts if p != DROPOUT)


def en(*parts: str, dbfs: float = SPEECH_DBFS) -> Utterance:
    return Utterance(tuple(parts), "en", "piper", dbfs)


def de(*parts: str, dbfs: float = SPEECH_DBFS, pauses: bool = True) -> Utterance:
    """German that no real clip says: espeak-ng."""
    return Utterance(tuple(parts), "de", "espeak", dbfs, pauses)


def clip(name: str, dbfs: float = SPEECH_DBFS) -> Utterance:
    """A real German recording from ../shared/audio/de/ (its transcript is in manifest.jsonl)."""
    return Utterance((name,), "de", "clip", dbfs)


def manifest() -> dict[str, dict]:
    rows = (json.loads(line) for line in (GERMAN_CLIPS / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
    return {row["file"]: row for row in rows}


def clip_transcript(name: str) -> str:
    return manifest()[name]["text"]


def trim(pcm: np.ndarray, threshold: float = 0.02, margin_secs: float = 0.05) -> np.ndarray:
    """Without leading and trailing silence, so pauses are the ones the script asks for."""
    level = np.abs(pcm.astype(np.int32))
    loud = np.flatnonzero(level > threshold * max(1, int(level.max())))
    if not len(loud):
        return pcm
    margin = int(margin_secs * RATE)
    return pcm[max(0, loud[0] - margin) : loud[-1] + margin]


def at_level(pcm: np.ndarray, dbfs: float) -> np.ndarray:
    """Scaled so its RMS is `dbfs` (full scale = 32768)."""
    x = pcm.astype(np.float64)
    rms = float(np.sqrt(np.mean(x**2))) if len(x) else 0.0
    if rms == 0.0:
        return pcm
    gain = 32768.0 * 10 ** (dbfs / 20) / rms
    return np.clip(x * gain, -32768, 32767).astype(np.int16)


def rms_dbfs(pcm: np.ndarray) -> float:
    x = pcm.astype(np.float64)
    return 20 * np.log10(max(1e-9, float(np.sqrt(np.mean(x**2))) / 32768.0))


class CallerVoices:
    """Renders utterances to 8 kHz int16, caching every synthesised piece as a WAV in `cache`."""

    def __init__(self, joe_onnx: Path, cache: Path) -> None:
        self.joe_onnx = joe_onnx
        self.cache = cache
        self._joe = None
        # Two calls are placed at once, each rendering its turns in a thread: both may want the same
        # piece ("Yes.") at the same moment. Without the lock one read the other's half-written WAV (an
        # empty array in a CI run), and both espeak-ng runs shared one temporary file.
        self._lock = threading.Lock()

    def _cached(self, kind: str, text: str, make) -> np.ndarray:
        key = hashlib.sha256(f"{kind}|{text}".encode()).hexdigest()[:24]
        path = self.cache / f"{kind}-{key}.wav"
        with self._lock:
            if not path.exists():
                pcm, rate = make(text)
                part = path.with_suffix(".part.wav")
                soundfile.write(str(part), pcm, rate, subtype="PCM_16")
                part.replace(path)  # whole or not there: never half a file
        return trim(load_audio(path, RATE))

    def _piper(self, text: str) -> tuple[np.ndarray, int]:
        """Without Piper's sampling noise (`varied=False`): with it every run rendered another caller
        ("Hamburg" heard as "Hamburg" in one run and "Ambered" in the next, offline too), so a call
        passed or failed by draw. Each run now places the same audio."""
        from triage.speech.engines import Voice

        if self._joe is None:
            self._joe = Voice(self.joe_onnx, varied=False)
        pcm = b"".join(self._joe.sentences(text))
        return np.frombuffer(pcm, dtype=np.int16), self._joe.sample_rate

    def _espeak(self, text: str) -> tuple[np.ndarray, int]:
        out = self.cache / "espeak-tmp.wav"
        subprocess.run(["espeak-ng", "-v", "de", "-s", "150", "-w", str(out), text], check=True)
        data, rate = soundfile.read(str(out), dtype="int16")
        return data, rate

    def piece(self, source: str, part: str) -> np.ndarray:
        if part == DROPOUT:
            return dropout(0.4)
        if source == "piper":
            return self._cached("joe", part, self._piper)
        if source == "espeak":
            return self._cached("espeak", part, self._espeak)
        return trim(load_audio(GERMAN_CLIPS / part, RATE))

    def render(self, utterance: Utterance) -> np.ndarray:
        """The whole turn: its parts with a pause of 0.3-0.8 s between them (the same every run)."""
        rng = random.Random(utterance.text)
        pieces: list[np.ndarray] = []
        for i, part in enumerate(utterance.parts):
            if i:
                pause = rng.uniform(*PAUSE_SECS) if utterance.pauses else 0.05
                pieces.append(np.zeros(int(pause * RATE), dtype=np.int16))
            pieces.append(self.piece(utterance.source, part))
        speech = np.concatenate(pieces)
        return at_level(speech, utterance.dbfs)


def cafe_noise(snr_db: float, speech_dbfs: float = SPEECH_DBFS) -> np.ndarray:
    """The café recording at 8 kHz, at a level `snr_db` below speech at `speech_dbfs`."""
    return at_level(load_audio(CAFE_NOISE, RATE), speech_dbfs - snr_db)


def dropout(secs: float, dbfs: float = SPEECH_DBFS) -> np.ndarray:
    """A burst of line crackle (white noise) as loud as speech: a word lost on a bad line."""
    noise = np.random.default_rng(7).normal(0, 1, int(secs * RATE))
    return at_level((noise * 1000).astype(np.int16), dbfs)
