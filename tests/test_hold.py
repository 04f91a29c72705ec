"""What a caller on hold for a human hears as their handoff changes (brain/hold.py), in text.

The words themselves come from the pack through `Dialogue.waiting`; this checks which of them a
caller hears, when, and when their wait is over.
"""

from __future__ import annotations

from triage.brain.dialogue import Dialogue
from triage.brain.hold import Hold, HoldStep
from triage.packs.load import load_pack


def _held(channel: str = "browser") -> Hold:
    hold = Hold(channel, has_desk=True)
    hold.start("h1")
    return hold


def test_a_handoff_puts_the_caller_on_hold_only_where_a_desk_keeps_them() -> None:
    assert Hold("twilio", has_desk=True).holds("handoff", "h1")
    assert not Hold("twilio", has_desk=False).holds("handoff", "h1")
    assert not Hold("twilio", has_desk=True).holds("order", "h1")
    assert not Hold("twilio", has_desk=True).holds("handoff", None)
    assert not _held().holds("handoff", "h2")  # already waiting: the goodbye after it is no new hold


def test_escalation_is_announced_once() -> None:
    hold = _held()
    assert hold.changed("escalated", bridged=False) == HoldStep(says="escalated")
    assert hold.changed("escalated", bridged=False).says is None
    assert hold.waiting_for == "h1"


def test_an_accepted_browser_call_hears_connecting_a_phone_call_is_moved_by_telephony() -> None:
    assert _held("browser").changed("accepted", bridged=False).says == "connecting"
    assert _held("twilio").changed("accepted", bridged=False).says is None


def test_a_failed_transfer_puts_the_caller_back_in_the_queue() -> None:
    hold = _held("twilio")
    assert hold.changed("returned", bridged=False).says == "agent_unavailable"
    assert hold.waiting_for == "h1"
    back = Hold("twilio", has_desk=True)
    assert back.resume("h9").says == "agent_unavailable" and back.waiting_for == "h9"


def test_a_callback_or_a_resolution_ends_the_wait_with_a_goodbye() -> None:
    for event in ("callback", "resolved"):
        hold = _held()
        step = hold.changed(event, bridged=False)
        assert step.says == event and step.leaves_hold and hold.waiting_for is None


def test_an_agent_talking_to_the_caller_is_never_talked_over() -> None:
    hold = _held()
    for event in ("escalated", "accepted", "returned", "callback"):
        assert hold.changed(event, bridged=True).says is None
    assert hold.quiet(bridged=True).says is None
    assert hold.quiet(bridged=False).says == "hold"
    assert hold.caller_spoke().says == "hold"


def test_the_agent_leaving_ends_the_call_or_returns_the_caller_to_the_queue() -> None:
    assert _held().agent_left(hung_up=True, resolved=False, closing=False).ends_call
    assert _held().agent_left(hung_up=False, resolved=False, closing=False).says == "agent_unavailable"
    resolved = _held()
    assert resolved.agent_left(hung_up=False, resolved=True, closing=False) == HoldStep(
        says="resolved", leaves_hold=True
    )
    assert resolved.waiting_for is None
    assert _held().agent_left(hung_up=False, resolved=False, closing=True).says is None


def test_every_hold_step_is_a_sentence_the_pack_has_in_both_languages() -> None:
    hold = _held()
    steps = [
        hold.caller_spoke(),
        hold.changed("escalated", bridged=False),
        hold.changed("returned", bridged=False),
        _held().changed("accepted", bridged=False),
        _held().changed("callback", bridged=False),
    ]
    for lang in ("de", "en"):
        dialogue = Dialogue(load_pack("sanitaer-notdienst"), lang=lang)
        for step in steps:
            said = dialogue.waiting(step.says).says
            assert said and all(s.strip() for s in said)
