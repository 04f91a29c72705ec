"""Every demo pack's own test cases pass: what the admin wrote down as expected is what callers get."""

from __future__ import annotations

import pytest

from triage.brain.model import TextModel, default_model_dir
from triage.brain.pack_tests import run_pack_test
from triage.packs.load import load_all
from triage.packs.schema import PackTest

PACKS = load_all()
CASES = [(pack, test) for pack in PACKS.values() for test in pack.tests]


@pytest.fixture(scope="module")
def model() -> TextModel:
    return TextModel.load(default_model_dir())


def test_every_demo_client_carries_tests():
    assert all(len(pack.tests) >= 2 for pack in PACKS.values())


@pytest.mark.parametrize(("pack", "test"), CASES, ids=[f"{p.id}: {t.name}" for p, t in CASES])
def test_pack_case(pack, test, model):
    result = run_pack_test(pack, test, model)
    assert result.passed, result.failures


def test_a_failing_expectation_is_reported(model):
    pack = PACKS["sanitaer-notdienst"]
    wrong = PackTest(name="wrong", turns=["ja", "es riecht nach gas"], expect_urgency="P3", bot_says=["Pizza"])
    result = run_pack_test(pack, wrong, model)
    assert result.failures == ["urgency: expected P3, got P0", "the bot never said 'Pizza'"]
