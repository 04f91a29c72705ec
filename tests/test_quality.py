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
        # measured (triage eval): corpus test 0.886 / 0.862 / 0.879; challenge 0.919 / 0.919. Since the development
        # sets are training rows (2026-12-05): corpus test 0.924 / 0.887 / 0.837. Distress fell because the corpus
        # labels calm reports of gas, water on sockets, ransomware or a flooding cellar `none`, where the label
        # contract of data/eval/README.md (and the dev sets) says `elevated`; acute recall rose (0.966 -> 0.973).
        ("corpus.jsonl", "test", "urgency", 0.86),
        ("corpus.jsonl", "test", "intent", 0.84),
        ("corpus.jsonl", "test", "distress", 0.81),
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


def test_eval_scores_a_chosen_set_with_the_issue_11_figures(tmp_path):
    """`triage eval --set FILE`: a labelled file gets the figures, an unlabelled one the P0/P1 rate per language."""
    from typer.testing import CliRunner

    from triage.cli import app

    labelled = tmp_path / "dev.jsonl"
    labelled.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in [
            {"text": "es riecht im ganzen keller nach gas", "lang": "de", "urgency": "P0", "intent": "report_problem",
             "distress": "elevated", "explicit_hazard": True},
            {"text": "what time do you close today", "lang": "en", "urgency": "P3", "intent": "information",
             "distress": "none", "explicit_hazard": False},
        ]) + "\n",
        encoding="utf-8",
    )
    plain = tmp_path / "ordinary.jsonl"
    row = {"id": "1", "text": "wie wird das wetter morgen", "lang": "de"}
    plain.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--set", str(labelled), "--set", str(plain)])
    assert result.exit_code == 0, result.output
    assert "P0 recall, explicit hazards    1.000 (1/1)" in result.output
    assert "false emergencies              0.000 (0/1)" in result.output
    assert "[de]" in result.output and "P0/P1 rate                     0.000 (0/1)" in result.output
    assert "rows of split" not in result.output  # the corpus is not scored
    missing = CliRunner().invoke(app, ["eval", "--set", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code != 0 and "no such file" in missing.output
