"""The learned text classifier at inference time: ONNX Runtime and a `tokenizers` tokenizer only.

It sits beside the explicit rules and gives probabilities for urgency, intent and distress of one
caller utterance. It imports neither torch nor transformers so that a call-serving process stays
small and starts fast; the model files are produced by `triage train` (triage/learn/train.py).
Sessions run on one thread: many calls run at once and each one must not steal the others' cores.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from triage.brain.types import DISTRESSES, INTENTS, URGENCIES

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "meta.json"
HEADS: tuple[str, ...] = ("urgency", "intent", "distress")
EXPECTED_LABELS: dict[str, tuple[str, ...]] = {
    "urgency": URGENCIES,
    "intent": INTENTS,
    "distress": DISTRESSES,
}
PAD_TOKEN = "[PAD]"
BATCH_SIZE = 64  # bounds memory in predict_many; larger batches barely run faster on one thread


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
class Prediction:
    """Softmax probabilities per head, keyed by label, in the label order of triage.brain.types."""

    urgency: dict[str, float]
    intent: dict[str, float]
    distress: dict[str, float]

    @property
    def top_urgency(self) -> tuple[str, float]:
        return _top(self.urgency)

    @property
    def top_intent(self) -> tuple[str, float]:
        return _top(self.intent)

    @property
    def top_distress(self) -> tuple[str, float]:
        return _top(self.distress)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


class TextModel:
    """A loaded classifier; thread-safe for prediction (ONNX Runtime sessions and tokenizers are)."""

    def __init__(self, session: ort.InferenceSession, tokenizer: Tokenizer, meta: dict) -> None:
        self.session = session
        self.tokenizer = tokenizer
        self.meta = meta
        self.labels: dict[str, tuple[str, ...]] = {head: tuple(meta["labels"][head]) for head in HEADS}

    @classmethod
    def load(cls, model_dir: Path) -> TextModel:
        """Open a directory written by `triage train`; any failure is a ModelError saying what to do."""
        model_dir = Path(model_dir)
        for name in (MODEL_FILE, TOKENIZER_FILE, META_FILE):
            if not (model_dir / name).is_file():
                raise ModelError(
                    f"classifier file {model_dir / name} is missing; build the model with `triage train` "
                    f"(or set TRIAGE_CLASSIFIER_DIR to a directory holding {MODEL_FILE}, {TOKENIZER_FILE} "
                    f"and {META_FILE})"
                )
        try:
            meta = json.loads((model_dir / META_FILE).read_text(encoding="utf-8"))
            max_length = int(meta["max_length"])
            labels = {head: tuple(meta["labels"][head]) for head in HEADS}
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
            tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        except Exception as exc:  # tokenizers raises a bare Exception on bad JSON
            raise ModelError(
                f"{model_dir / TOKENIZER_FILE} is unreadable ({exc}); retrain with `triage train`"
            ) from exc
        pad_id = tokenizer.token_to_id(PAD_TOKEN)
        if pad_id is None:
            raise ModelError(f"{model_dir / TOKENIZER_FILE} has no {PAD_TOKEN} token; retrain with `triage train`")
        tokenizer.enable_truncation(max_length)
        tokenizer.enable_padding(pad_id=pad_id, pad_token=PAD_TOKEN)

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        try:
            session = ort.InferenceSession(
                str(model_dir / MODEL_FILE), sess_options=options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # ONNX Runtime's errors share no base class below Exception
            raise ModelError(f"{model_dir / MODEL_FILE} cannot be loaded ({exc}); retrain with `triage train`") from exc
        outputs = {o.name for o in session.get_outputs()}
        if not set(HEADS) <= outputs:
            raise ModelError(
                f"{model_dir / MODEL_FILE} has outputs {sorted(outputs)}, expected {list(HEADS)}; "
                "retrain with `triage train`"
            )
        return cls(session, tokenizer, meta)

    def predict(self, text: str) -> Prediction:
        return self.predict_many([text])[0]

    def predict_many(self, texts: list[str]) -> list[Prediction]:
        """Batched prediction; texts of similar length share a batch so little time goes on padding.

        With the int8 model, activations are quantised with one scale per batch, so a probability
        can differ from `predict` of the same text by up to about 0.01; top labels practically never.
        """
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        results: list[Prediction | None] = [None] * len(texts)
        for start in range(0, len(order), BATCH_SIZE):
            chunk = order[start : start + BATCH_SIZE]
            encodings = self.tokenizer.encode_batch([texts[i] for i in chunk])
            feeds = {
                "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            }
            logits = self.session.run(list(HEADS), feeds)
            probs = {head: _softmax(out).tolist() for head, out in zip(HEADS, logits, strict=True)}
            for row, index in enumerate(chunk):
                results[index] = Prediction(
                    **{head: dict(zip(self.labels[head], probs[head][row], strict=True)) for head in HEADS}
                )
        return [p for p in results if p is not None]
