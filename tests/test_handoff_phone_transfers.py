"""A transfer the phone line refuses leaves the handoff where agents can still act on it
(triage/handoff/phone_transfers.py): the accepting agent keeps it, and an on-call contact whose
put-through failed is called with the summary instead, the handoff back in the queue.

Real queue on SQLite and PostgreSQL, real packs. `RefusingLine` is a second `PhoneLine` that stands
in for Twilio's REST API (a service outside this machine, see tests/test_twilio_transfer.py for the
same over Twilio's documented HTTP API): it refuses every move of a live call and records what it
was asked to do.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

from triage.handoff.phone_transfers import PhoneTransfers
from triage.handoff.queue import HandoffQueue
from triage.packs.load import load_pack
from triage.packs.schema import Contact
from triage.store.repo import open_store

CLIENT = "sanitaer-notdienst"


class RefusingLine:
    """A configured phone line that refuses to move any call (Twilio answering an error)."""

    configured = True

    def __init__(self) -> None:
        self.asked: list[tuple[str, ...]] = []

    def reachable(self) -> bool:
        return True

    async def move_call(self, line_call_id: str, handoff_id: str, target: str) -> None:
        self.asked.append(("move_call", line_call_id, target))
        raise ConnectionError("the provider refused: call is not in progress")

    async def send_sms(self, to: str, sender: str, body: str) -> str:
        self.asked.append(("send_sms", to, body))
        return "SM1"

    async def call_with_summary(self, to: str, sender: str, handoff_id: str) -> str:
        self.asked.append(("call_with_summary", to, sender))
        return "CA2"

    def hangup_twiml(self) -> str:
        return "<Response><Hangup/></Response>"

    def reconnect_twiml(self, stream_url: str, view: Mapping[str, Any]) -> str:
        return f"<Response><Connect><Stream url={stream_url!r}/></Connect></Response>"


def _phone_handoff(database_url: str) -> tuple[HandoffQueue, str]:
    store = open_store(database_url)
    call_id = store.start_call(CLIENT, "v1", "de", channel="twilio", line_call_id="CA1")
    outcome = {"type": "handoff", "urgency": "P1", "intent": "report_problem", "distress": "none"}
    return store.handoffs, store.save_outcome(call_id, outcome, CLIENT, "de")


def _events(queue: HandoffQueue, handoff_id: str) -> list[str]:
    return [e["kind"] for e in queue.get(handoff_id)["events"]]


def test_a_refused_transfer_to_the_agent_leaves_the_handoff_with_the_agent(database_url) -> None:
    queue, handoff_id = _phone_handoff(database_url)
    line = RefusingLine()
    transfers = PhoneTransfers(queue, lambda client: load_pack(client), line)
    accepted = queue.accept(handoff_id, "anna")
    result = asyncio.run(transfers.connect(accepted, SimpleNamespace(username="anna", phone="+49 170 1111111")))
    assert result["status"] == "failed" and "not in progress" in result["why"]
    assert line.asked == [("move_call", "CA1", "+49 170 1111111")]
    view = queue.get(handoff_id)
    assert (view["status"], view["assigned_to"]) == ("accepted", "anna")
    assert _events(queue, handoff_id) == ["created", "accepted", "offered", "transfer_failed", "accepted"]


def test_an_on_call_contact_whose_put_through_failed_is_called_with_the_summary(database_url) -> None:
    queue, handoff_id = _phone_handoff(database_url)
    line = RefusingLine()
    transfers = PhoneTransfers(queue, lambda client: load_pack(client), line)
    pack = load_pack(CLIENT)
    contact = Contact(name="Bereitschaft", channel="phone", phone="+49 171 3456789")
    result = asyncio.run(transfers.alert(contact, queue.get(handoff_id), pack))
    assert result == {"status": "calling", "to": contact.phone, "sid": "CA2"}
    assert line.asked == [
        ("move_call", "CA1", contact.phone),
        ("call_with_summary", contact.phone, pack.phone_numbers[0]),
    ]
    assert queue.get(handoff_id)["status"] == "returned"  # back in the queue for any agent
    assert _events(queue, handoff_id) == ["created", "offered", "transfer_failed", "returned"]
