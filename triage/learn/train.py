"""Train the classifier heads on sentence embeddings and write them for `triage.brain.model`.

The multilingual sentence encoder (USE v3) is pretrained and stays fixed; only small heads are
learned here: one hidden layer shared by urgency, intent and distress, trained with torch on the
embeddings of the corpus's train split plus the public and hand-written rows of data/public/. A
temperature per head is then fitted on the held-out split (minimum negative log-likelihood), so
the probabilities the brain compares with thresholds mean what they say. The heads are saved as
numpy arrays: serving needs neither torch nor ONNX.

With `ensemble` > 1 the heads are trained that many times on the same embeddings with seeds `seed`,
`seed + 1`, ..., each calibrated on its own, and stacked along a leading member axis; the brain averages
their probabilities (triage.brain.model). The embedding, the costly part, is done once.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import torch
from torch import nn

from triage.brain.model import (
    ENCODER,
    EXPECTED_LABELS,
    HEADS,
    HEADS_FILE,
    META_FILE,
    TextModel,
    load_encoder,
)
from triage.brain.types import URGENCIES
from triage.learn.metrics import per_label_report

HIDDEN = 256
EPOCHS = 25
LEARNING_RATE = 2e-3
WEIGHT_DECAY = 1e-2
DROPOUT = 0.5
# Urgency decides who gets a human first; its errors cost most, so it weighs most in the loss.
HEAD_WEIGHTS = {"urgency": 1.5, "intent": 1.0, "distress": 1.0}
# Neighbours kept for the out-of-domain signal: every urgent example, and a sample of the rest.
ROUTINE_EXAMPLES = 2500

Log = Callable[[str], None]


# Development sets of data/dev/ that are training rows. Each was written blind by a different writer, measured
# once untuned, and its errors were then read and fixed against, so it no longer measures anything independent;
# as training rows they teach the heads and the example store how many writers phrase callers' turns (a
# leave-one-writer-out check of the heads alone gained on every writer: data/dev/README.md). A set written
# later stays out of this list until its first figures are taken and reported.
DEV_TRAINING_SETS: tuple[str, ...] = (
    "callers.jsonl", "callers_more.jsonl", "callers_third.jsonl", "callers_fourth.jsonl", "callers_fifth.jsonl",
    "callers_sixth.jsonl", "callers_seventh.jsonl", "callers_eighth.jsonl", "callers_ninth.jsonl",
    "callers_tenth.jsonl", "callers_eleventh.jsonl", "callers_twelfth.jsonl", "callers_thirteenth.jsonl",
    "callers_fourteenth.jsonl", "callers_fifteenth.jsonl", "callers_sixteenth.jsonl", "callers_seventeenth.jsonl",
    "callers_eighteenth.jsonl", "callers_nineteenth.jsonl", "callers_twentieth.jsonl", "callers_twentyfirst.jsonl",
    "callers_twentysecond.jsonl", "callers_twentythird.jsonl", "callers_twentyfourth.jsonl",
    "callers_twentyfifth.jsonl", "callers_twentysixth.jsonl", "callers_twentyseventh.jsonl",
    "callers_twentyeighth.jsonl", "callers_twentyninth.jsonl", "callers_thirtieth.jsonl", "callers_thirtyfirst.jsonl",
    "callers_thirtysecond.jsonl", "callers_thirtythird.jsonl",
)
# Each development row is trained on this many times: about 1,800 of them sit among about 12,000 templated and
# public rows, and the leave-one-writer-out check gave fewer false emergencies at equal recall with 3 than with 1.
DEV_REPEAT = 3
# Measurement-only folders: never training rows (data/eval/README.md).
MEASUREMENT_DIRS = ("eval", "outside")


def dev_training_files(data_dir: Path) -> list[Path]:
    """The development sets that are training rows, in `data_dir`/dev/."""
    return [data_dir / "dev" / name for name in DEV_TRAINING_SETS]


def _read_extra(path: Path) -> list[dict]:
    """Extra training rows; a measurement set or an unlisted development set is refused, not read."""
    if path.parent.name in MEASUREMENT_DIRS:
        raise SystemExit(f"{path} is a measurement set (data/{path.parent.name}/); it is never training data")
    if path.parent.name == "dev" and path.name not in DEV_TRAINING_SETS:
        raise SystemExit(f"{path} is a development set kept for measurement (not in DEV_TRAINING_SETS)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if path.parent.name == "dev":
        rows = [{**r, "split": "train", "source": f"dev/{path.stem}"} for r in rows for _ in range(DEV_REPEAT)]
    return [r for r in rows if r.get("split", "train") == "train"]


def load_rows(corpus: Path, extras: list[Path]) -> tuple[list[dict], list[dict]]:
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    train = [r for r in rows if r.get("split") == "train"]
    test = [r for r in rows if r.get("split") == "test"]
    for path in extras:
        if not path.is_file():
            raise SystemExit(f"extra training rows {path}: no such file")
        train += _read_extra(path)
    if not train or not test:
        raise SystemExit(f"{corpus} needs rows with split 'train' and 'test'")
    return train, test


class Heads(nn.Module):
    def __init__(self, dim: int) -> None:
        super().__init__()
        self.hidden = nn.Linear(dim, HIDDEN)
        self.drop = nn.Dropout(DROPOUT)
        self.out = nn.ModuleDict({h: nn.Linear(HIDDEN, len(EXPECTED_LABELS[h])) for h in HEADS})

    def forward(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        h = self.drop(torch.relu(self.hidden(x)))
        return {name: layer(h) for name, layer in self.out.items()}


def _targets(rows: list[dict]) -> dict[str, torch.Tensor]:
    return {h: torch.tensor([EXPECTED_LABELS[h].index(r[h]) for r in rows]) for h in HEADS}


def _class_weights(labels: torch.Tensor, n: int) -> torch.Tensor:
    """Rare labels (P0, acute) count as much in total as common ones, softened by a square root."""
    counts = torch.bincount(labels, minlength=n).float().clamp(min=1)
    weights = (counts.sum() / counts).sqrt()
    return weights / weights.mean()


def _fit(x: torch.Tensor, y: dict[str, torch.Tensor], seed: int, epochs: int, log: Log) -> Heads:
    torch.manual_seed(seed)
    model = Heads(x.shape[1])
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    losses = {h: nn.CrossEntropyLoss(weight=_class_weights(y[h], len(EXPECTED_LABELS[h]))) for h in HEADS}
    generator = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        model.train()
        order = torch.randperm(len(x), generator=generator)
        total = 0.0
        for start in range(0, len(x), 128):
            batch = order[start : start + 128]
            out = model(x[batch])
            loss = sum(HEAD_WEIGHTS[h] * losses[h](out[h], y[h][batch]) for h in HEADS)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += loss.item() * len(batch)
        if epoch % 10 == 0 or epoch == epochs - 1:
            log(f"epoch {epoch + 1}/{epochs}: loss {total / len(x):.3f}")
    model.eval()
    return model


def _temperature(logits: torch.Tensor, target: torch.Tensor) -> float:
    """The single temperature that minimises held-out negative log-likelihood (a grid is enough)."""
    grid = np.exp(np.linspace(np.log(0.3), np.log(5.0), 60))
    nll = [float(nn.functional.cross_entropy(logits / t, target)) for t in grid]
    return float(grid[int(np.argmin(nll))])


def _member(
    x_train: torch.Tensor, y_train: dict[str, torch.Tensor], x_test: torch.Tensor, y_test: dict[str, torch.Tensor],
    seed: int, epochs: int, log: Log,
) -> tuple[dict[str, np.ndarray], dict[str, float]]:
    """One member's head arrays (as serving reads them) and its temperature per head."""
    model = _fit(x_train, y_train, seed, epochs, log)
    with torch.no_grad():
        test_logits = model(x_test)
    temperature = {h: _temperature(test_logits[h], y_test[h]) for h in HEADS}
    arrays = {
        "hidden_w": model.hidden.weight.detach().numpy().T.astype(np.float16),
        "hidden_b": model.hidden.bias.detach().numpy().astype(np.float32),
    }
    for h in HEADS:
        arrays[f"{h}_w"] = model.out[h].weight.detach().numpy().T.astype(np.float32)
        arrays[f"{h}_b"] = model.out[h].bias.detach().numpy().astype(np.float32)
    return arrays, temperature


def _examples(rows: list[dict], vectors: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray, list[str]]:
    first: dict[str, int] = {}
    for i, r in enumerate(rows):  # a repeated row (DEV_REPEAT) is one example, named once in the evidence
        first.setdefault(r["text"], i)
    unique = sorted(first.values())
    urgent = [i for i in unique if rows[i]["urgency"] in ("P0", "P1", "P2")]
    rest = [i for i in unique if rows[i]["urgency"] not in ("P0", "P1", "P2")]
    random.Random(seed).shuffle(rest)
    keep = sorted(urgent + rest[:ROUTINE_EXAMPLES])
    quantised = np.clip(np.round(vectors[keep] * 127), -127, 127).astype(np.int8)
    labels = np.array([URGENCIES.index(rows[i]["urgency"]) for i in keep], dtype=np.int8)
    return quantised, labels, [rows[i]["text"] for i in keep]


def train(
    corpus: Path,
    out: Path,
    *,
    extras: list[Path] | None = None,
    epochs: int = EPOCHS,
    seed: int = 13,
    max_rows: int | None = None,
    ensemble: int = 1,
    log: Log = print,
) -> dict:
    """Embed, fit the heads (`ensemble` times, one seed each), calibrate, write `out`, return meta.json's content."""
    if ensemble < 1:
        raise SystemExit(f"--ensemble {ensemble}: at least one member is needed")
    started = time.monotonic()
    torch.set_num_threads(2)
    train_rows, test_rows = load_rows(corpus, extras or [])
    if max_rows:
        random.Random(seed).shuffle(train_rows)
        train_rows = train_rows[:max_rows]
    encoder = load_encoder()
    encoder.threads = 2

    def embed(rows: list[dict]) -> np.ndarray:
        vectors = np.concatenate(
            [np.asarray(encoder.encode([r["text"] for r in rows[i : i + 256]])) for i in range(0, len(rows), 256)]
        ).astype(np.float32)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-8)

    log(f"embedding {len(train_rows)} training and {len(test_rows)} held-out rows with {ENCODER}")
    x_train, x_test = embed(train_rows), embed(test_rows)
    log(f"embedded in {time.monotonic() - started:.0f} s")
    y_train, y_test = _targets(train_rows), _targets(test_rows)
    seeds = [seed + member for member in range(ensemble)]
    members = []
    for member_seed in seeds:
        if ensemble > 1:
            log(f"member seed {member_seed}")
        members.append(_member(torch.from_numpy(x_train), y_train, torch.from_numpy(x_test), y_test, member_seed,
                               epochs, log))
    log(f"temperatures: {[m[1] for m in members]}")

    examples, example_urgency, example_texts = _examples(train_rows, x_train, seed)
    arrays: dict[str, np.ndarray] = {"examples": examples, "example_urgency": example_urgency}
    for name in members[0][0]:  # a single model keeps 2-D arrays; an ensemble stacks its members first
        stacked = np.stack([m[0][name] for m in members])
        arrays[name] = stacked if ensemble > 1 else stacked[0]
    temperature = {h: [m[1][h] for m in members] if ensemble > 1 else members[0][1][h] for h in HEADS}
    meta = {
        "encoder": ENCODER,
        "labels": {h: list(EXPECTED_LABELS[h]) for h in HEADS},
        "temperature": temperature,
        "hidden": HIDDEN,
        "epochs": epochs,
        "seed": seed,
        "members": ensemble,
        "seeds": seeds,
        "train_rows": len(train_rows),
        "train_sources": dict(Counter(r.get("source", "corpus") for r in train_rows)),
        "examples": example_texts,
    }
    out.mkdir(parents=True, exist_ok=True)
    for stale in ("model.onnx", "tokenizer.json"):  # the from-scratch transformer this replaced
        (out / stale).unlink(missing_ok=True)
    np.savez_compressed(out / HEADS_FILE, **arrays)
    (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")

    loaded = TextModel.load(out)
    predictions = loaded.predict_vectors(x_test)
    heldout = {}
    for h in HEADS:
        report = per_label_report([r[h] for r in test_rows], [getattr(p, f"top_{h}")[0] for p in predictions],
                                  EXPECTED_LABELS[h])
        heldout[h] = {row["label"]: round(row["f1"], 3) for row in report}
    meta["heldout"] = heldout
    meta["seconds"] = round(time.monotonic() - started)
    (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    log(f"done in {meta['seconds']} s")
    return meta
