"""The transfer and alert policy in text, without Twilio or a server (triage/handoff/transfers.py):
who is rung for which handoff, how an on-call contact is reached, what a failed or unanswered
transfer leaves behind. The Twilio adapter carries these out (tests/test_twilio_transfer.py)."""

from __future__ import annotations

from pathlib import Path

from triage.handoff.transfers import (
    Transfer,
    agent_transfer,
    alert_route,
    call_instead,
    dial_outcome,
    direct_transfer,
    on_call_transfer,
)
from triage.packs.load import load_pack
from triage.packs.schema import Contact

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"
CLIENT = "sanitaer-notdienst"
PHONE_CALLER = {"id": "h1", "channel": "twilio", "caller_on_line": True, "urgency": "P0"}
BROWSER_CALLER = {**PHONE_CALLER, "channel": "browser"}


def _pack(**escalation):
    pack = load_pack(CLIENT, PROMPTS)
    return pack.model_copy(
        update={"escalation": pack.escalation.model_copy(update=escalation), "phone_numbers": ["+49 40 1234567"]}
    )


def test_an_accepting_agent_is_rung_only_for_a_phone_caller_and_keeps_the_handoff_if_it_fails():
    assert agent_transfer(BROWSER_CALLER, "+4917012345", configured=True) == "in_console"
    assert agent_transfer(PHONE_CALLER, "+4917012345", configured=False) == "not_configured"
    assert agent_transfer(PHONE_CALLER, None, configured=True) == "no_phone"
    plan = agent_transfer(PHONE_CALLER, "+4917012345", configured=True)
    assert isinstance(plan, Transfer)
    assert (plan.target, plan.via, plan.on_failure) == ("+4917012345", "agent", "keep_accepted")
    assert "accepted" in plan.offer_from


def test_a_direct_transfer_takes_only_the_urgencies_the_pack_names_and_only_from_waiting():
    pack = _pack(transfer_number="+49 40 999", transfer_directly=["P0"])
    plan = direct_transfer(PHONE_CALLER, pack)
    assert plan is not None and (plan.target, plan.via, plan.offer_from) == ("+49 40 999", "direct", ("waiting",))
    assert plan.on_failure == "return_to_queue"
    assert direct_transfer({**PHONE_CALLER, "urgency": "P2"}, pack) is None
    assert direct_transfer({**PHONE_CALLER, "caller_on_line": False}, pack) is None
    assert direct_transfer(PHONE_CALLER, _pack(transfer_number=None, transfer_directly=["P0"])) is None


def test_an_on_call_contact_is_reached_by_text_by_the_caller_put_through_or_by_a_call():
    pack = _pack()
    sms = Contact(name="Meister", channel="sms", phone="+49 171 1")
    phone = Contact(name="Bereitschaft", channel="phone", phone="+49 171 2")
    hook = Contact(name="Leitstand", channel="webhook", url="https://hooks.example.com/x")
    assert alert_route(sms, PHONE_CALLER, pack, configured=True) == "sms"
    assert alert_route(phone, PHONE_CALLER, pack, configured=True) == "put_through"
    assert alert_route(phone, BROWSER_CALLER, pack, configured=True) == "call"
    assert alert_route(phone, {**PHONE_CALLER, "caller_on_line": False}, pack, configured=True) == "call"
    assert alert_route(hook, PHONE_CALLER, pack, configured=True) == "unsupported"
    assert alert_route(phone, PHONE_CALLER, pack, configured=False) == "not_configured"
    assert alert_route(phone, PHONE_CALLER, pack.model_copy(update={"phone_numbers": []}), True) == "no_from_number"
    plan = on_call_transfer(phone)
    assert (plan.target, plan.via, plan.on_failure) == ("+49 171 2", "on_call", "return_to_queue")
    assert "callback" in plan.offer_from and "accepted" not in plan.offer_from
    # a put-through that does not ring (another phone rings for it, Twilio refused): call instead
    assert not call_instead("ringing") and call_instead("conflict") and call_instead("failed")


def test_a_dial_result_either_ends_the_call_or_brings_the_caller_back_unless_they_hung_up():
    assert dial_outcome("completed", "in-progress").answered
    unanswered = dial_outcome("no-answer", "in-progress")
    assert not unanswered.answered and not unanswered.caller_gone
    assert dial_outcome("no-answer", "completed").caller_gone
