"""Pure: which live call is put through to whom, how an on-call contact is reached, and what happens
when a transfer fails or nobody answers. Beside `escalation.due_steps` (when a step is due), this
decides what the step does; phone_transfers.py carries it out over a phone line (Twilio:
triage/telephony/transfer.py).

Only phone callers (channel `twilio`) can be transferred: browser and text callers stay in the
console, where the agent takes the call (triage/handoff/voice_api.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..packs.schema import Contact, Pack
from .queue import OPEN, QUEUED

Via = Literal["agent", "direct", "on_call"]
# What is done when the phone line refuses to move the call: the accepting agent keeps the handoff
# (`keep_accepted`), or the handoff goes back to the queue for anyone (`return_to_queue`).
OnFailure = Literal["keep_accepted", "return_to_queue"]
# How an on-call contact is reached; the other values are why they are not (shown to agents).
AlertRoute = Literal["sms", "put_through", "call", "not_configured", "unsupported", "no_from_number"]
ANSWERED = ("completed", "answered")
CALL_OVER = ("completed", "canceled", "failed", "busy", "no-answer")  # the caller's own call has ended


@dataclass(frozen=True)
class Transfer:
    """One warm transfer: whose phone rings, why, from which statuses the handoff may be offered
    (of several server instances only one wins the offer), and what a failure leaves behind."""

    target: str
    via: Via
    offer_from: tuple[str, ...]
    on_failure: OnFailure


def on_phone_line(view: Mapping[str, Any]) -> bool:
    return view.get("channel") == "twilio"


def agent_transfer(view: Mapping[str, Any], phone: str | None, configured: bool) -> Transfer | str:
    """An agent accepted a handoff whose caller is on the line: their phone rings, or the reason it
    does not (`in_console`, `not_configured`, `no_phone`). A failed transfer leaves the handoff with
    the agent, who can call back."""
    if not on_phone_line(view):
        return "in_console"
    if not configured:
        return "not_configured"
    if not phone:
        return "no_phone"
    return Transfer(phone, "agent", (*OPEN, "accepted"), "keep_accepted")


def direct_transfer(view: Mapping[str, Any], pack: Pack) -> Transfer | None:
    """A new handoff whose urgency the pack sends straight to `transfer_number` (only from
    `waiting`: every instance hears "created", one wins). None when it is not one."""
    rules = pack.escalation
    if not rules.transfer_number or view.get("urgency") not in rules.transfer_directly:
        return None
    if not view.get("caller_on_line"):
        return None
    return Transfer(rules.transfer_number, "direct", ("waiting",), "return_to_queue")


def alert_route(contact: Contact, view: Mapping[str, Any], pack: Pack, configured: bool) -> AlertRoute:
    """How an SMS or phone contact of the on-call chain is reached: a text, the live caller put
    through to them (still on a phone line), or a call that plays the summary."""
    if not configured:
        return "not_configured"
    if contact.channel not in ("sms", "phone") or not contact.phone:
        return "unsupported"
    if not pack.phone_numbers:
        return "no_from_number"
    if contact.channel == "sms":
        return "sms"
    if view.get("caller_on_line") and on_phone_line(view):
        return "put_through"
    return "call"


def on_call_transfer(contact: Contact) -> Transfer:
    """The live caller put through to an on-call contact; if that does not ring (another phone
    rings for it already, or Twilio refused), the contact gets a call with the summary instead
    (`call_instead`)."""
    assert contact.phone is not None
    return Transfer(contact.phone, "on_call", (*QUEUED, "callback"), "return_to_queue")


def call_instead(transfer_status: str) -> bool:
    return transfer_status != "ringing"


@dataclass(frozen=True)
class DialOutcome:
    """What Twilio's Dial result means: `answered` (the agent took the call; the caller's call ends
    after it), else the handoff goes back to the queue and the caller back on our line, unless the
    caller hung up while it rang (`caller_gone`)."""

    answered: bool
    caller_gone: bool


def dial_outcome(dial_status: str, call_status: str | None) -> DialOutcome:
    return DialOutcome(answered=dial_status in ANSWERED, caller_gone=call_status in CALL_OVER)
