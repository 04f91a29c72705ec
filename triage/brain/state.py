"""What the brain remembers about one call, and what it hands back after each caller turn."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from .types import Address, Analysis, Distress, Hazard, Intent, Lang, OrderLine, Urgency

Phase = Literal[
    "consent",
    "need",
    "collect",  # P1/P2 details: address, callback number, name
    "order",
    "order_option",
    "order_fulfilment",
    "order_confirm",
    "message",
    "message_confirm",
    "appointment",
    "anything_else",
    "danger_check",  # only the learned model thought it urgent: the caller was asked if anyone is in danger
    "done",
]
Slot = Literal["address", "phone", "name"]
OutcomeType = Literal["handoff", "order", "message", "ended"]


@dataclass
class Turn:
    role: Literal["bot", "caller"]
    text: str


@dataclass
class Outcome:
    """A result the call centre must keep. The session commits it before the caller hears it is done."""

    type: OutcomeType
    urgency: Urgency
    intent: Intent
    distress: Distress
    at_turn: int
    summary: dict[str, Any] | None = None
    order: dict[str, Any] | None = None
    message: dict[str, Any] | None = None
    handoff_reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "urgency": self.urgency,
            "intent": self.intent,
            "distress": self.distress,
            "at_turn": self.at_turn,
        }
        if self.handoff_reason:
            out["handoff_reason"] = self.handoff_reason
        if self.summary is not None:
            out["summary"] = self.summary
        if self.order is not None:
            out["order"] = self.order
        if self.message is not None:
            out["message"] = self.message
        return out


@dataclass
class Reply:
    """What the bot says next. If `outcome` is set, it must be stored before `says` is spoken."""

    says: list[str] = field(default_factory=list)
    outcome: Outcome | None = None
    end: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.says)


@dataclass
class CallState:
    client_id: str
    lang: Lang
    phase: Phase = "need"
    caller_turns: int = 0
    transcript: list[Turn] = field(default_factory=list)
    recording_consent: bool | None = None
    # the consent record (brain/consent.py): the question as the caller heard it, when they answered,
    # and when they took it back
    consent_prompt: str | None = None
    consent_at: datetime | None = None
    consent_withdrawn_at: datetime | None = None
    # the phone was handed to someone the consent question was never put to: recording ends then (§ 201 StGB),
    # what was recorded under the first speaker's consent is kept (brain/consent.py `handed_over`)
    recording_stopped_at: datetime | None = None

    # triage so far: urgency and distress only ever rise within a call
    urgency: Urgency = "P4"
    intent: Intent = "other"
    distress: Distress = "none"
    hazard: Hazard | None = None
    emergency_id: str | None = None
    reason: str | None = None
    evidence: list[str] = field(default_factory=list)
    problem: str | None = None  # the caller's first words about their need, for the summary
    acknowledged_distress: bool = False

    # details, with which ones the caller confirmed by read-back
    name: str | None = None
    phone: str | None = None
    address: Address = field(default_factory=Address)
    when: list[str] = field(default_factory=list)
    when_text: str | None = None
    needs: list[Slot] = field(default_factory=list)
    confirmed: set[str] = field(default_factory=set)
    confirming: Slot | None = None
    after_collect: Literal["handoff", "message", "order"] = "handoff"
    handoff_reason: str | None = None  # why details are collected for a human: "p1", "p2"; None otherwise
    declined: set[str] = field(default_factory=set)  # optional details the caller chose not to give
    phone_fragment: str | None = None  # the digits of a number said so far, when a pause cut it
    phone_regroup: bool = False  # the digits heard make no number of their country: asked again, in groups
    unfinished: str | None = None  # the start of a request a pause cut off ("Ich möchte"), joined to the next turn
    name_read_back: str | None = None  # the name as last read back, which a one-word correction amends
    line_number_offered: bool = False  # the number the caller rings from was offered as the callback number
    site_asked_again: bool = False  # a booking's site question was answered with the name: asked once more
    # the caller is not the one concerned: whom the call is for, as said ("für meinen Vater", "I work for Mr Walsh"),
    # and whose number the callback number is when it is not the caller's ("Herr Jansen ist unter ...")
    for_whom: str | None = None
    firm: str | None = None  # "Müller GmbH, Schmidt hier": the firm the caller calls from, as said
    callback_of: str | None = None

    # what the bot asked last, asked again when a turn was not understood with confidence
    last_question: str | None = None
    # the caller's turn a danger question is pending on, and what it meant
    pending: Analysis | None = None
    pending_text: str | None = None
    served: bool = False  # the caller's need was met without an outcome (an information answered)

    # order and message in progress
    order: list[OrderLine] = field(default_factory=list)
    # catalogue items named in a question the pack answered ("what does a guard for a wedding cost?"): "then I'd
    # like to book one" orders them
    asked_about: list[OrderLine] = field(default_factory=list)
    option_queue: list[tuple[int, str]] = field(default_factory=list)  # (line index, option group)
    option_unanswered: int = 0  # times the option question at the head of the queue got no answer it could take
    name_unanswered: int = 0  # times the name question got no answer that could be read as a name
    # what the caller asked to order that no catalogue item matched: twice, and it goes to the team as a message
    unknown_items: list[str] = field(default_factory=list)
    fulfilment: str | None = None
    asked_more: bool = False
    fixing: bool = False  # "nein" to the order's or message's read-back: asked what to change
    message: str | None = None
    message_kind: Literal["message", "appointment", "complaint", "problem"] = "message"

    misunderstood: int = 0
    silences: int = 0
    outcome: Outcome | None = None
    ended: bool = False
