"""A server that stops (killed, crashed) takes its callers' lines with it: the other servers notice
it is no longer seen and mark its waiting callers as gone, so no agent tries to take a call that
does not exist. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from triage.handoff.lines import LineWatch
from triage.handoff.queue import HandoffQueue
from triage.store.repo import open_store
from triage.store.tables import ServerInstance

CLIENT = "sanitaer-notdienst"


def _waiting_caller(store, instance_id: str, channel: str = "twilio") -> str:
    store.instance_id = instance_id
    call_id = store.start_call(CLIENT, "v1", "de", channel=channel)
    outcome = {"type": "handoff", "urgency": "P1", "intent": "report_problem", "distress": "none", "summary": {}}
    return store.save_outcome(call_id, outcome, CLIENT)


def test_callers_of_a_server_no_longer_seen_are_marked_gone(database_url):
    store = open_store(database_url)
    queue = HandoffQueue(store.sessions, store.feed)
    a, b = LineWatch(store.sessions, queue, "server-a"), LineWatch(store.sessions, queue, "server-b")
    a.beat(), b.beat()  # a server is seen before it takes its first call
    on_a = _waiting_caller(store, "server-a")
    on_b = _waiting_caller(store, "server-b")
    typed = _waiting_caller(store, "server-a", channel="text")
    asyncio.run(a.tick())
    assert asyncio.run(b.tick()) == [], "server A is alive: its caller is still on the line"
    assert queue.get(on_a)["caller_on_line"]

    with store.sessions.begin() as db:  # server A stops beating
        db.execute(
            update(ServerInstance)
            .where(ServerInstance.id == "server-a")
            .values(seen_at=datetime.now(UTC) - timedelta(minutes=5))
        )
    assert asyncio.run(b.tick()) == [on_a]
    gone = queue.get(on_a)
    assert not gone["caller_on_line"] and gone["status"] == "waiting", "the handoff itself stays in the queue"
    assert gone["events"][-1]["kind"] == "line_lost" and gone["events"][-1]["actor"] == "system"
    assert queue.get(on_b)["caller_on_line"]
    assert not queue.get(typed)["caller_on_line"]
    assert asyncio.run(b.tick()) == [], "marked once"
