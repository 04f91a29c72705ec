"""An on-call alert that reaches nobody says so: a warning in the log (never an INFO "escalated"), and
an event agents read with the contact, the channel, the number and the reason. Real databases; the
alerter that raises stands in for Twilio's REST API, which is outside this machine."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from triage.handoff.escalation import Escalator, alert_event
from triage.handoff.queue import HandoffQueue
from triage.packs.load import load_pack
from triage.packs.schema import Contact
from triage.store.repo import open_store
from triage.store.tables import Handoff

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"
CLIENT = "sanitaer-notdienst"
TECHNICIAN = Contact(name="Bereitschaftstechniker", channel="phone", phone="+49 171 3456789")


def _pack():
    pack = load_pack(CLIENT, PROMPTS)
    escalation = pack.escalation.model_copy(update={"accept_timeout_s": 30, "on_call": [TECHNICIAN]})
    return pack.model_copy(update={"escalation": escalation})


def _waiting_p1(store) -> str:
    call_id = store.start_call(CLIENT, "v1", "de", channel="twilio")
    handoff_id = store.save_outcome(
        call_id,
        {"type": "handoff", "urgency": "P1", "intent": "report_problem", "distress": "none", "handoff_reason": "p1"},
        CLIENT,
    )
    with store.sessions.begin() as db:
        db.execute(
            update(Handoff).where(Handoff.id == handoff_id).values(created_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    return handoff_id


class BrokenTwilio:
    async def alert(self, contact, view, pack):
        raise ConnectionError("api.twilio.com unreachable")


def test_an_alert_without_telephony_is_a_warning_and_names_contact_and_reason(database_url, caplog) -> None:
    store = open_store(database_url)
    queue = HandoffQueue(store.sessions, store.feed)
    pack = _pack()
    handoff_id = _waiting_p1(store)
    with caplog.at_level(logging.INFO, logger="triage.handoff.escalation"):
        asyncio.run(Escalator(queue, lambda _c: pack).tick())
    event = queue.get(handoff_id)["events"][-1]
    assert event["kind"] == "alert_not_sent"
    assert event["detail"] | {"why": None} == {
        "contact": "Bereitschaftstechniker",
        "channel": "phone",
        "to": "+49 171 3456789",
        "reason": "not_configured",
        "why": None,
    }
    records = [r for r in caplog.records if handoff_id in r.getMessage()]
    assert [r.levelname for r in records] == ["WARNING"], [r.getMessage() for r in records]
    assert "NOT alerted: not_configured" in records[0].getMessage()
    assert "escalated to" not in caplog.text


def test_a_failing_alert_keeps_the_technical_reason_for_agents(database_url, caplog) -> None:
    store = open_store(database_url)
    queue = HandoffQueue(store.sessions, store.feed)
    pack = _pack()
    handoff_id = _waiting_p1(store)
    asyncio.run(Escalator(queue, lambda _c: pack, alerter=lambda: BrokenTwilio()).tick())
    detail = queue.get(handoff_id)["events"][-1]["detail"]
    assert (detail["reason"], detail["why"]) == ("error", "ConnectionError: api.twilio.com unreachable")
    assert any(r.levelname == "WARNING" and "NOT alerted" in r.getMessage() for r in caplog.records)


def test_what_counts_as_reached() -> None:
    assert alert_event(TECHNICIAN, {"status": "sms_sent", "sid": "SM1"})[0] == "alert"
    assert alert_event(TECHNICIAN, {"status": "calling", "sid": "CA1"})[0] == "alert"
    kind, detail = alert_event(TECHNICIAN, {"status": "no_public_url", "why": "TRIAGE_PUBLIC_URL is not set"})
    assert (kind, detail["reason"]) == ("alert_not_sent", "no_public_url")
