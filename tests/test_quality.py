"""Measured quality of the whole analyser (rules + model) on data it was not trained on.

`data/corpus.jsonl`'s test split holds out whole phrasing groups from training; `data/challenge.jsonl`
was written separately from PRODUCT.md alone, by someone who had not seen the rules or the corpus.
Thresholds sit a few points under what `triage eval` measured, so a real regression fails.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from triage.brain.analyze import analyze
from triage.brain.model import TextModel, default_model_dir
from triage.packs.load import load_all

DATA = Path(__file__).resolve().parents[1] / "data"


@cache
def scored(name: str, split: str | None) -> list[tuple[dict, object]]:
    model = TextModel.load(default_model_dir())
    packs = load_all()
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if split is None or r.get("split") == split]
    return [
        (r, analyze(r["text"], pack=packs.get(r.get("client") or ""), model=model, lang=r.get("lang"))) for r in rows
    ]


def accuracy(pairs, head: str) -> float:
    return sum(getattr(result, head) == row[head] for row, result in pairs) / len(pairs)


def recall(pairs, head: str, label: str) -> float:
    relevant = [(row, result) for row, result in pairs if row[head] == label]
    return sum(getattr(result, head) == label for _, result in relevant) / len(relevant)


@pytest.mark.parametrize(
    ("name", "split", "head", "minimum"),
    [
        # measured (triage eval): corpus test 0.886 / 0.862 / 0.879; challenge 0.919 / 0.919
        ("corpus.jsonl", "test", "urgency", 0.86),
        ("corpus.jsonl", "test", "intent", 0.84),
        ("corpus.jsonl", "test", "distress", 0.85),
        ("challenge.jsonl", None, "urgency", 0.89),
        ("challenge.jsonl", None, "intent", 0.89),
    ],
)
def test_accuracy_on_held_out_data(name, split, head, minimum):
    assert accuracy(scored(name, split), head) >= minimum


@pytest.mark.parametrize(("name", "split"), [("corpus.jsonl", "test"), ("challenge.jsonl", None)])
def test_danger_to_life_is_rarely_missed(name, split):
    pairs = scored(name, split)
    assert recall(pairs, "urgency", "P0") >= 0.88
    # a P0 caller sent to routine (P3/P4) is the worst mistake the product can make
    missed = [row["text"] for row, result in pairs if row["urgency"] == "P0" and result.urgency in ("P3", "P4")]
    assert len(missed) <= 0.05 * sum(row["urgency"] == "P0" for row, _ in pairs), missed


@pytest.mark.parametrize(("name", "split"), [("corpus.jsonl", "test"), ("challenge.jsonl", None)])
def test_emergencies_are_caught_and_rarely_invented(name, split):
    """Measured: emergency recall 0.970 / 0.953, false emergencies 0.039 / 0.023, acute recall 0.884 / 0.781."""
    pairs = scored(name, split)
    urgent = [result for row, result in pairs if row["urgency"] in ("P0", "P1")]
    routine = [result for row, result in pairs if row["urgency"] not in ("P0", "P1")]
    assert sum(r.urgency in ("P0", "P1") for r in urgent) / len(urgent) >= 0.93
    assert sum(r.urgency in ("P0", "P1") for r in routine) / len(routine) <= 0.05
    assert recall(pairs, "distress", "acute") >= 0.75
