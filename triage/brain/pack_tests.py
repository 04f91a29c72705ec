"""Running the test cases a pack carries: a short call in text and what must come out of it.

Admins attach these to their pack ("a caller who says Rohrbruch hears about the stopcock"), so a
change to wording or emergencies that breaks an expectation is seen before callers hear it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..packs.schema import Pack, PackTest
from .dialogue import Dialogue
from .model import TextModel
from .state import Outcome


@dataclass
class PackTestResult:
    name: str
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def play(dialogue: Dialogue, turns: list[str | dict]) -> Outcome | None:
    """A whole call in text, without storage: greeting, each turn (a string, or {"dtmf": "0"}),
    hang-up. For pack tests and for previews of a pack that is not saved yet."""
    dialogue.greet()
    for turn in turns:
        if dialogue.state.ended:
            break
        if isinstance(turn, dict):
            dialogue.dtmf(str(turn.get("dtmf", "")))
        else:
            dialogue.hear(turn)
    return dialogue.hangup()


def run_pack_test(pack: Pack, test: PackTest, model: TextModel | None) -> PackTestResult:
    dialogue = Dialogue(pack, model, lang=test.lang)
    outcome = play(dialogue, list(test.turns))
    state = dialogue.state
    said = " ".join(t.text for t in state.transcript if t.role == "bot").lower()
    result = PackTestResult(test.name)
    checks = (
        ("urgency", test.expect_urgency, outcome.urgency if outcome else state.urgency),
        ("intent", test.expect_intent, outcome.intent if outcome else state.intent),
        ("outcome", test.expect_outcome, outcome.type if outcome else None),
    )
    for what, expected, actual in checks:
        if expected is not None and expected != actual:
            result.failures.append(f"{what}: expected {expected}, got {actual}")
    result.failures += [f"the bot never said {w!r}" for w in test.bot_says if w.lower() not in said]
    result.failures += [f"the bot said {w!r}" for w in test.bot_never_says if w.lower() in said]
    return result


def run_pack_tests(pack: Pack, model: TextModel | None) -> list[PackTestResult]:
    return [run_pack_test(pack, test, model) for test in pack.tests]
