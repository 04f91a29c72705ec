"""Pieces of patterns several rules share are written once (brain/rules/fragments.yaml, coord19).

"mein Handy-Akku raucht gleich ab" (the battery is about to die) is no smoke: the exclusion of the idiom stood copied
in four patterns of two fire rules, so a fifth pattern, or a change to the idiom, could miss one. Now the rules name
the shared piece ({{raucht}}) and the idiom is excluded in one place, with the same behaviour as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.caller_families import decide, why
from triage.brain.rules import schema

RULES = Path(schema.__file__).parent


def test_the_raucht_ab_idiom_is_excluded_in_one_place():
    assert "raucht" in schema.fragments()
    for path in RULES.glob("*.yaml"):
        if path.name != "fragments.yaml":
            assert "raucht(?!" not in path.read_text(encoding="utf-8"), path.name
    fire = [r for r in schema.load("p0") if r.id in ("fire", "fire_burning")]
    expanded = [p for r in fire for p in r.patterns.all() if schema.fragments()["raucht"] in p]
    assert len(expanded) == 4  # every pattern that had the idiom copied in has the shared piece


def test_a_pattern_naming_a_fragment_that_does_not_exist_is_refused_with_the_rule_named():
    row = {"id": "typo_rule", "kind": "hazard", "patterns": {"de": ["akku (\\w+ ){0,3}{{rauch}}"]}}
    with pytest.raises(ValueError, match=r"typo_rule.*rauch"):
        schema._with_fragments(row)


SMOKE = [
    "Der Akku im Flur raucht!",
    "Das Ladegerät in der Küche raucht und stinkt.",
    "Unser Server im Keller raucht.",
    "Der E-Bike-Akku im Flur zischt und raucht.",
    "The charger in the kitchen is smoking!",
]


@pytest.mark.parametrize("text", SMOKE)
def test_a_device_that_smokes_is_a_fire(text):
    result = decide(text, "it-service-hansa")
    assert result.urgency == "P0", why(text, result)


ABOUT_TO_DIE = [
    "Mein Handy-Akku raucht gleich ab, können Sie mich zurückrufen?",
    "Der Laptop-Akku raucht mir bald ab, ich brauche einen neuen.",
    "Unser alter Server raucht uns noch ab, wir brauchen ein Angebot.",
    "My phone battery is about to die, can you call me back?",
]


@pytest.mark.parametrize("text", ABOUT_TO_DIE)
def test_a_battery_that_raucht_gleich_ab_is_no_fire(text):
    result = decide(text, "it-service-hansa")
    assert result.urgency not in ("P0", "P1"), why(text, result)
