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
