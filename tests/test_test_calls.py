"""Trying a pack never alerts anyone: a `triage simulate` or `triage chat` call is a test call. Its
handoff is stored (an admin can look at it with ?status=test) but is never in the live queue, never
escalated and never sent to the client's webhook, even after the accept timeout and a restart."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from triage.handoff.escalation import Escalator
from triage.handoff.queue import ACTIVE, HandoffQueue
from triage.handoff.webhooks import WebhookOutbox
from triage.packs.load import load_pack
from triage.packs.schema import Webhook
from triage.settings import get_settings
from triage.store.repo import open_store
from triage.store.tables import Handoff, WebhookDelivery

CLIENT = "sanitaer-notdienst"
BURST_PIPE = ["ja", "bei uns ist ein rohr geplatzt das wasser läuft überall", "goethestraße 14 in 20095 hamburg"]


def test_a_simulated_emergency_is_a_test_handoff_nobody_is_alerted_for(simulate, cli) -> None:
    call = simulate(CLIENT, [*BURST_PIPE, "ich will sofort einen menschen sprechen"])
    assert call["outcome"]["type"] == "handoff" and call["outcome"]["urgency"] == "P1"
    store = open_store(get_settings().db_url())
    pack = load_pack(CLIENT).model_copy(update={"webhook": Webhook(url="http://127.0.0.1:9/never")})
    store.feed.on_publish(WebhookOutbox(lambda _c: pack))
    queue = HandoffQueue(store.sessions, store.feed)
    assert queue.list([CLIENT], list(ACTIVE)) == []  # the agents' live queue
    tests = queue.list([CLIENT], ["test"])  # what an admin filters for
    assert [(h["status"], h["channel"], h["urgency"]) for h in tests] == [("test", "test", "P1")]

    with store.sessions.begin() as db:  # long past the accept timeout
        db.execute(update(Handoff).values(created_at=datetime.now(UTC) - timedelta(hours=1)))
    taken = asyncio.run(Escalator(queue, lambda _c: pack).tick())
    assert taken == []
    assert [e["kind"] for e in queue.get(tests[0]["id"])["events"]] == ["created"]
    with store.sessions() as db:
        assert db.scalars(select(WebhookDelivery)).all() == []
    # and the chat in the terminal says so
    result = cli("chat", "--client", CLIENT)
    assert "Testanruf" in result.output or "test call" in result.output
