"""What a rule is: typed data read from this package's YAML files, patterns kept per language.

A rule names a situation (`id`), what kind of situation it is (`kind`, which decides the modifiers that
apply: see `modifiers.MODIFIERS`), the labels it sets and its patterns. Patterns are written as a speech
recogniser writes (lower case, no punctuation, umlauts in any spelling; see `text.fold`). Every language's
patterns are matched whatever language the call is in: a German caller who says "burst pipe" is heard.
A piece several patterns share (an idiom to exclude) is written once in `fragments.yaml` and named `{{name}}`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

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
    # a plea for help ("bitte helfen Sie mir", "please help"): acute distress beside a danger to life
    plea: bool = False
    # False: the words weigh nothing beside the model's distress on their own (a two-word plea, "please help i cry all
    # night" stays the model's to call); they only make a danger to life acute
    weighs: bool = True
    # words that, among the three just before a match, make it about something else: "der Drucker reagiert nicht
    # mehr", "the website is not responding" are no person
    not_after: Patterns = Field(default_factory=Patterns)


# "{{raucht}}" in a pattern: a piece several rules share (fragments.yaml)
_FRAGMENT = re.compile(r"\{\{(\w+)\}\}")


@cache
def fragments() -> dict[str, str]:
    """The shared pieces of patterns by name (fragments.yaml), so an idiom excluded in one pattern is excluded in every
    pattern that names the same word."""
    return dict(yaml.safe_load((_DIR / "fragments.yaml").read_text(encoding="utf-8")))


def _expand(pattern: str, rule_id: str) -> str:
    def piece(m: re.Match[str]) -> str:
        if m.group(1) not in fragments():
            raise ValueError(f"rule {rule_id}: no fragment {m.group(1)!r} in fragments.yaml")
        return fragments()[m.group(1)]

    return _FRAGMENT.sub(piece, pattern)


def _with_fragments(row: dict[str, Any]) -> dict[str, Any]:
    """A rule as its file gives it, every {{name}} in its patterns replaced by the shared piece."""
    for key in ("patterns", "not_after"):
        if key in row:
            row[key] = {lang: [_expand(p, row["id"]) for p in ps] for lang, ps in row[key].items()}
    return row


@cache
def load(name: str) -> tuple[Rule, ...]:
    """The rules of one file of this package (`p0`, `intent`, ...), in file order (earlier wins ties)."""
    rows = yaml.safe_load((_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    return tuple(Rule.model_validate(_with_fragments(row)) for row in rows)
