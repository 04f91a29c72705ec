"""What the caller-family tests (tests/test_*_families.py) share: the shipped model loaded once, a turn analysed
as a client's call would analyse it, and the reason printed when a check fails."""

from __future__ import annotations

from functools import cache

from triage.brain.analyze import analyze
from triage.brain.model import TextModel, default_model_dir
from triage.brain.types import Analysis
from triage.packs.load import load_pack

EMERGENCY = ("P0", "P1")


@cache
def model() -> TextModel:
    return TextModel.load(default_model_dir())


def decide(text: str, client: str | None = None) -> Analysis:
    return analyze(text, pack=load_pack(client) if client else None, model=model())


def why(text: str, result: Analysis) -> tuple:
    return (text, result.urgency, result.intent, result.distress, result.evidence)


def rules_only(text: str, client: str = "sanitaer-notdienst") -> Analysis:
    """The rules alone, no model: what must never depend on one (explicit hazards, their look-alikes)."""
    return analyze(text, pack=load_pack(client), model=None)


def assert_p0_by(text: str, rule: str, client: str = "sanitaer-notdienst") -> None:
    """P0 by the rules alone, and by `rule` (the start of its name in the evidence)."""
    result = rules_only(text, client)
    assert result.urgency == "P0", why(text, result)
    assert any(e.startswith(f"rule {rule}") for e in result.evidence), why(text, result)


def assert_no_emergency_by(text: str, rule: str, client: str = "sanitaer-notdienst") -> None:
    """A look-alike: no emergency by the rules alone, and `rule` did not fire."""
    result = rules_only(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)
    assert not any(e.startswith(f"rule {rule}") for e in result.evidence), why(text, result)
