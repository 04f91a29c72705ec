"""Explicit triage rules: the words that decide urgency whatever a learned model thinks.

Life safety must not depend on how well a small model generalises, so every P0 situation of
PRODUCT.md and the global P1/P2 situations are spelled out as typed data (`schema.Rule`) in this
package's YAML files, with patterns per language: `p0.yaml` … `p4.yaml` for urgency, `intent.yaml`
and `distress.yaml` for cues. Each pack adds its own emergencies on top (`analyze.pack_rules`).
Modifiers (`modifiers.MODIFIERS`, one row per kind of rule) lower a situation that is denied, past,
stopped, contained or only asked about.
"""

from __future__ import annotations

from .everyday import FILLER_WORDS, NO_CONTENT_WORDS, mumble, only_everyday_words, shouting
from .matching import Hit, is_negated, match, pack_rule
from .modifiers import MODIFIERS, Found, effective
from .names import name_spans
from .schema import Kind, Label, Patterns, Rule, load

P0_RULES = load("p0")
P1_RULES = load("p1")
P2_RULES = load("p2")
P3_RULES = load("p3")
P4_RULES = load("p4")
INTENT_RULES = load("intent")
DISTRESS_RULES = load("distress")
ALL_URGENCY_RULES: tuple[Rule, ...] = P0_RULES + P1_RULES + P2_RULES + P3_RULES + P4_RULES
PRANK: Rule = next(r for r in P4_RULES if r.id == "prank")
# the kind of each global situation, for a pack emergency that covers one
RULE_KINDS: dict[str, Kind] = {rule.id: rule.kind for rule in ALL_URGENCY_RULES}

__all__ = [
    "ALL_URGENCY_RULES", "DISTRESS_RULES", "FILLER_WORDS", "INTENT_RULES", "MODIFIERS", "NO_CONTENT_WORDS", "P0_RULES",
    "P1_RULES", "P2_RULES", "P3_RULES", "P4_RULES", "PRANK", "RULE_KINDS", "Found", "Hit", "Kind", "Label", "Patterns",
    "Rule", "effective", "is_negated", "load", "match", "mumble", "name_spans", "only_everyday_words", "pack_rule",
    "shouting",
]
