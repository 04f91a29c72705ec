"""Explicit situations are recognised by the rules alone, whatever the learned model makes of them.

The sentences (data/lexicon/explicit.txt) were written from PRODUCT.md's labels and how callers talk, in
both languages and as speech recognition writes them; no model is loaded, so a miss here is a miss of
the rules: an explicit hazard must never depend on how well a model generalises.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.brain.classify import classify

LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "explicit.txt"


def _cases() -> list[tuple[str, str, str]]:
    out = []
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        head, text = line.split("|", 1)
        lang, expected = head.split()
        out.append((lang, expected, text.strip()))
    return out


CASES = _cases()


def test_the_lexicon_covers_both_languages_and_every_expectation():
    assert {lang for lang, _, _ in CASES} == {"de", "en"}
    kinds = {expected.split(":")[0] for _, expected, _ in CASES}
    assert kinds == {"P0", "P1", "acute", "calm"}


@pytest.mark.parametrize(("lang", "expected", "text"), CASES, ids=[f"{c[0]}-{c[2][:40]}" for c in CASES])
def test_explicit_situation(lang: str, expected: str, text: str):
    d = classify(text)
    why = (text, d.urgency, d.distress, d.hazard, d.evidence)
    kind, *rest = expected.split(":")
    if kind == "P0":
        assert d.urgency == "P0" and d.rule_id is not None, why
        assert d.hazard == rest[0], why
        if rest[1:] == ["acute"]:
            assert d.distress == "acute" and d.acute_by_rule, why
    elif kind == "P1":
        assert d.urgency == "P1" and d.rule_id is not None, why
    elif kind == "acute":
        assert d.distress == "acute" and d.acute_by_rule, why
    else:
        assert d.urgency not in ("P0", "P1") and d.distress != "acute", why
