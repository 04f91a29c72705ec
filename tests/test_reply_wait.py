"""A caller whose reply is slow (a busy server) hears a short holding sentence, then a human (brain/reply_wait.py).

In text: what the rule decides as the caller's wait grows, and the words it says in both languages.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from triage.brain.reply_wait import WaitStep, counts_from_silence, holding_sentence, overloaded, step
from triage.packs.load import load_pack
from triage.packs.schema import ReplyWait


def _walk(limits: ReplyWait, until: float, overloaded: bool = True) -> list[tuple[float, WaitStep]]:
    """The decisions a timer asking at each `next_at` gets, from the caller's last word on."""
    steps, waited, held = [], 0.0, False
    while waited <= until:
        decision = step(waited, held, limits, overloaded)
        steps.append((waited, decision))
        held = held or decision.says is not None
        if decision.hands_over or decision.next_at is None:
            break
        waited = decision.next_at
    return steps


def test_on_an_overloaded_server_a_slow_reply_gets_one_holding_sentence_within_a_second_then_a_human() -> None:
    limits = load_pack("sanitaer-notdienst").reply_wait
    steps = _walk(limits, until=120)
    said = [(waited, s.says) for waited, s in steps if s.says]
    assert len(said) == 1 and said[0][0] < 1.0  # once per turn, before a second of silence has passed
    waited, last = steps[-1]
    assert last.hands_over and waited == limits.hand_over_after_s  # nobody waits longer than the pack allows


def test_a_reply_ready_in_time_hears_nothing_extra() -> None:
    limits = ReplyWait(hold_after_s=0.8, hand_over_after_s=8)
    assert step(0.0, False, limits, overloaded=True) == WaitStep(next_at=0.8)
    assert step(0.5, False, limits, overloaded=True).says is None
    assert step(3.0, True, limits, overloaded=True) == WaitStep(next_at=8)  # said already: only the hand-over


def test_a_lone_slow_reply_gets_no_holding_sentence_but_still_a_human_in_time() -> None:
    limits = load_pack("sanitaer-notdienst").reply_wait
    steps = _walk(limits, until=120, overloaded=False)
    assert not [s for _, s in steps if s.says]  # the reply is on its way; a sentence would only delay it
    assert steps[-1] == (limits.hand_over_after_s, WaitStep(hands_over=True))


def test_overload_is_a_turn_waiting_for_speech_to_text_or_more_turns_awaiting_a_reply_than_it_works_on() -> None:
    assert not overloaded(awaiting_replies=2, capacity=2)
    assert overloaded(awaiting_replies=3, capacity=2)
    # five callers' turns in two batches on two workers: each reply is on its way, no sentence delays it
    assert not overloaded(awaiting_replies=5, capacity=16, turn_waits=False)
    assert overloaded(awaiting_replies=5, capacity=16, turn_waits=True)  # this caller's turn waits for a worker


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_holding_sentence_is_short_and_in_the_callers_language(lang: str) -> None:
    pack = load_pack("sanitaer-notdienst")
    words = holding_sentence(pack, lang)
    other = holding_sentence(pack, "en" if lang == "de" else "de")
    assert words and words != other
    assert len(words.split()) <= 4  # it must not delay the reply behind it
    assert ("Moment" if lang == "de" else "moment") in words


def test_a_pack_cannot_hand_over_before_the_holding_sentence() -> None:
    with pytest.raises(ValidationError, match="hold_after_s must be shorter"):
        ReplyWait(hold_after_s=5, hand_over_after_s=4)


def test_a_caller_dictating_a_detail_is_not_cut_short_between_its_parts() -> None:
    from triage.brain.dialogue import Dialogue

    assert counts_from_silence(frozenset())  # a question or a story: the wait starts when they fall silent
    assert counts_from_silence(frozenset({"yes_no"}))
    dialogue = Dialogue(load_pack("sanitaer-notdienst"), lang="de")
    dialogue.greet()
    dialogue.hear("Bei mir ist ein Rohr geplatzt, das Wasser steht im Keller")
    assert dialogue.expecting & {"phone", "address", "name"}, dialogue.expecting  # now it asks for a detail
    assert not counts_from_silence(dialogue.expecting)  # the wait starts only when the turn is over
