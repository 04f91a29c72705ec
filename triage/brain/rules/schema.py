"""What a rule is: typed data read from this package's YAML files, patterns kept per language.

A rule names a situation (`id`), what kind of situation it is (`kind`, which decides the modifiers that
apply: see `modifiers.MODIFIERS`), the labels it sets and its patterns. Patterns are written as a speech
recogniser writes (lower case, no punctuation, umlauts in any spelling; see `text.fold`). Every language's
patterns are matched whatever language the call is in: a German caller who says "burst pipe" is heard.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from ..types import Distress, Hazard, Intent, Urgency

# What kind of situation a rule names; `modifiers.MODIFIERS` has one row per kind.
Kind = Literal[
    "hazard",  # danger to people now (P0)
    "self_harm",
    "water",
    "no_water",
    "heating",
    "hot_water",
    "toilet",
    "security",
    "legal",
    "it",
    "medication",
    "deadline",
    "fault",
    "noise",  # wrong number, sales, prank: no business at all
    "intent",
    "distress",
    "pack",  # a client's own emergency that covers no global situation
]

_DIR = Path(__file__).parent


class Patterns(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    de: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def all(self) -> tuple[str, ...]:
        return self.de + self.en


class Label(BaseModel):
    """The reason an agent reads, in the agent's language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    de: str = ""
    en: str = ""


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    kind: Kind
    patterns: Patterns
    urgency: Urgency | None = None
    intent: Intent | None = None
    distress: Distress | None = None
    hazard: Hazard | None = None
    label: Label = Field(default_factory=Label)
    # "kein Rohrbruch" denies a burst pipe; "ich will nicht mehr leben" is no denial of anything
    negatable: bool = True
    # words that, among the three just before a match, make it about something else: "der Drucker reagiert nicht
    # mehr", "the website is not responding" are no person
    not_after: Patterns = Field(default_factory=Patterns)


@cache
def load(name: str) -> tuple[Rule, ...]:
    """The rules of one file of this package (`p0`, `intent`, ...), in file order (earlier wins ties)."""
    rows = yaml.safe_load((_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    return tuple(Rule.model_validate(row) for row in rows)
