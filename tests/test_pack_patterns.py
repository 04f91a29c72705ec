"""Patterns a client admin writes (emergency phrases, info keywords) are refused when they could hold a
brain thread for minutes on a caller's turn that almost matches; the patterns real packs use pass."""

from __future__ import annotations

import pytest

from triage.packs.load import load_pack
from triage.packs.patterns import pattern_problem

CLIENTS = ["sanitaer-notdienst", "apotheke-am-markt", "kanzlei-berg", "it-service-hansa", "sicherheitsdienst-nord"]


@pytest.mark.parametrize(
    "pattern",
    ["(a+)+$", r"(\w+\s?)*notfall", r"(?:wasser|was)* läuft", r"(rohr)\1", r"(?!x)(\w+)*y", "(kaputt"],
)
def test_a_pattern_that_can_backtrack_without_end_or_does_not_compile_is_refused(pattern: str) -> None:
    assert pattern_problem(pattern) is not None


@pytest.mark.parametrize(
    "pattern",
    ["wann (haben|sind) sie", "e-?rezept", r"abwasser (kommt|drückt)( \w+){0,3} (hoch|zurück)", r"gas\w*", "where is"],
)
def test_the_patterns_packs_are_written_with_are_allowed(pattern: str) -> None:
    assert pattern_problem(pattern) is None


@pytest.mark.parametrize("client", CLIENTS)
def test_every_shipped_pack_passes_the_check(client: str) -> None:
    pack = load_pack(client)  # validated on load: a refused pattern would raise here
    for emergency in pack.emergencies:
        assert all(pattern_problem(p) is None for ps in emergency.phrases.values() for p in ps)
    for answer in pack.info:
        assert all(pattern_problem(k) is None for ks in answer.keywords.values() for k in ks)
