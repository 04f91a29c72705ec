"""Nobody accepts in time: P0/P1 go up the on-call chain, the rest get a callback promise; and every
handoff event reaches the client's webhook, signed, retried until it answers 2xx.

Real databases (SQLite and PostgreSQL) and a real HTTP receiver on loopback. The loopback receiver
stands in for a client's receiver outside the platform, so most tests let the sender post to internal
addresses (`allow_private`, as a platform admin can); the rebinding tests use a resolver of their own,
because a DNS name that changes its answer is outside this machine.
"""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import update

from triage.handoff.escalation import Escalator, due_steps
from triage.handoff.queue import HandoffQueue
from triage.handoff.webhooks import (
    WebhookOutbox,
    WebhookSender,
    secret_lookup,
    target_problem,
    verify_signature,
    webhook_client,
)
from triage.packs.load import load_pack
from triage.packs.schema import Contact, Webhook
from triage.store.repo import open_store
from triage.store.tables import Handoff, WebhookDelivery

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"
CLIENT = "sanitaer-notdienst"
SECRET = "test-webhook-secret"


class Receiver:
    """An HTTP endpoint that records what it is sent and answers with the next scripted status."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = list(statuses)
        self.requests: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def receiver():
    r = Receiver([500, 200])
    yield r
    r.close()


def _pack(receiver_url: str | None = None):
    """The reference client with a webhook and a chain of two webhook contacts, as an admin would set it."""
    pack = load_pack(CLIENT, PROMPTS)
    escalation = pack.escalation.model_copy(
        update={
            "accept_timeout_s": 45,
            "secondary_after_min": 3,
            "on_call": [
                Contact(name="Bereitschaft", channel="webhook", url=f"{receiver_url or 'http://x'}/on-call/1"),
                Contact(name="Meister", channel="sms", phone="+49 171 3456789"),
            ],
        }
    )
    webhook = Webhook(url=f"{receiver_url}/events") if receiver_url else None
    return pack.model_copy(update={"escalation": escalation, "webhook": webhook})


def _handoff(store, urgency: str, distress: str = "none") -> str:
    call_id = store.start_call(CLIENT, "v1", "de", channel="twilio")
    outcome = {
        "type": "handoff",
        "urgency": urgency,
        "intent": "report_problem",
        "distress": distress,
        "handoff_reason": "p1",
        "summary": {"address": "Goethestraße 16, 20095 Hamburg"},
    }
    return store.save_outcome(call_id, outcome, CLIENT)


def _backdate(store, handoff_id: str, seconds: float) -> None:
    with store.sessions.begin() as db:
        db.execute(
            update(Handoff)
            .where(Handoff.id == handoff_id)
            .values(created_at=datetime.now(UTC) - timedelta(seconds=seconds))
        )


def test_due_steps_follow_the_pack_timings(database_url):
    store = open_store(database_url)
    queue = HandoffQueue(store.sessions, store.feed)
    pack = _pack()
    p1, p3, _fresh, taken = (_handoff(store, u) for u in ("P1", "P3", "P1", "P1"))
    for h in (p1, p3, taken):
        _backdate(store, h, 50)
    queue.accept(taken, "agent-a")
    now = datetime.now(UTC)
    steps = {s.handoff_id: s for s in due_steps(queue.open_handoffs(), lambda _c: pack, now)}
    assert set(steps) == {p1, p3}, "a fresh handoff waits, an accepted one is not escalated"
    assert (steps[p1].action, steps[p1].level, steps[p1].contact.name) == ("escalate", 1, "Bereitschaft")
    assert steps[p3].action == "callback"

    queue.escalate(p1, 1, {"name": "Bereitschaft"})
    assert p1 not in {s.handoff_id for s in due_steps(queue.open_handoffs(), lambda _c: pack, now)}
    later = now + timedelta(minutes=3, seconds=1)
    second = [s for s in due_steps(queue.open_handoffs(), lambda _c: pack, later) if s.handoff_id == p1]
    assert [(s.level, s.contact.name) for s in second] == [(2, "Meister")]


def test_two_instances_alert_each_contact_once_and_the_caller_gets_a_callback_promise(database_url):
    store = open_store(database_url)
    queue = HandoffQueue(store.sessions, store.feed)
    pack = _pack()
    p0 = _handoff(store, "P0")
    p3 = _handoff(store, "P3")
    _backdate(store, p0, 60)
    _backdate(store, p3, 60)

    async def both():
        # two server instances scanning the same queue at the same moment
        a, b = Escalator(queue, lambda _c: pack), Escalator(queue, lambda _c: pack)
        return await asyncio.gather(a.tick(), b.tick())

    taken_a, taken_b = asyncio.run(both())
    assert sorted(s.handoff_id for s in [*taken_a, *taken_b]) == sorted([p0, p3])
    events = [e["kind"] for e in queue.get(p0)["events"]]
    assert events.count("escalated") == 1
    assert queue.get(p3)["status"] == "callback"
    assert queue.get(p3)["callback_promised_at"] is not None
    # the SMS contact with no telephony configured: agents see that it was not sent, and why
    _backdate(store, p0, 600)
    with store.sessions.begin() as db:
        db.execute(
            update(Handoff).where(Handoff.id == p0).values(escalated_at=datetime.now(UTC) - timedelta(minutes=4))
        )
    asyncio.run(Escalator(queue, lambda _c: pack).tick())
    last = queue.get(p0)["events"][-1]
    assert last["kind"] == "alert_not_sent" and last["detail"]["contact"] == "Meister"


def test_webhooks_are_signed_retried_with_the_same_key_and_their_attempts_recorded(database_url, receiver):
    store = open_store(database_url)
    pack = _pack(receiver.url)
    store.feed.on_publish(WebhookOutbox(lambda _c: pack))
    queue = HandoffQueue(store.sessions, store.feed)
    handoff_id = _handoff(store, "P1")
    sender = WebhookSender(store.sessions, secret_lookup(lambda _c: pack, SECRET), allow_private=True)

    assert asyncio.run(sender.send_due()) == 1  # the receiver answers 500 the first time
    first = queue.deliveries(handoff_id)
    assert first[0]["status"] == "pending" and first[0]["attempts"][0]["error"] == "HTTP 500"
    assert asyncio.run(sender.send_due()) == 0, "a failed delivery waits for its backoff"
    with store.sessions.begin() as db:  # let the 2 s backoff pass
        db.execute(update(WebhookDelivery).values(next_attempt_at=datetime.now(UTC)))
    assert asyncio.run(sender.send_due()) == 1
    (delivery,) = queue.deliveries(handoff_id)
    assert delivery["status"] == "delivered" and len(delivery["attempts"]) == 2
    assert delivery["attempts"][1]["status_code"] == 200

    one, two = receiver.requests
    assert one["body"] == two["body"], "a retry sends the same bytes"
    for request in (one, two):
        headers = request["headers"]
        assert headers["Idempotency-Key"] == delivery["id"]
        assert headers["X-Triage-Event"] == "handoff.created"
        assert verify_signature(SECRET, request["body"], headers["X-Triage-Timestamp"], headers["X-Triage-Signature"])
        assert not verify_signature(
            "wrong", request["body"], headers["X-Triage-Timestamp"], headers["X-Triage-Signature"]
        )
    body = json.loads(one["body"])
    assert body["id"] == delivery["id"] and body["handoff"]["summary"]["address"] == "Goethestraße 16, 20095 Hamburg"
    # a tampered body or an old timestamp fails the check a receiver makes
    assert not verify_signature(
        SECRET, one["body"] + b" ", one["headers"]["X-Triage-Timestamp"], one["headers"]["X-Triage-Signature"]
    )
    old = int(one["headers"]["X-Triage-Timestamp"]) + 3600
    assert not verify_signature(
        SECRET, one["body"], one["headers"]["X-Triage-Timestamp"], one["headers"]["X-Triage-Signature"], now=old
    )


def test_an_escalation_to_a_webhook_contact_reaches_the_contact(database_url, receiver):
    store = open_store(database_url)
    pack = _pack(receiver.url)
    store.feed.on_publish(WebhookOutbox(lambda _c: pack))
    queue = HandoffQueue(store.sessions, store.feed)
    receiver.statuses = []
    handoff_id = _handoff(store, "P1")
    _backdate(store, handoff_id, 60)
    asyncio.run(Escalator(queue, lambda _c: pack).tick())
    sender = WebhookSender(store.sessions, secret_lookup(lambda _c: pack, SECRET), allow_private=True)
    asyncio.run(sender.send_due())
    paths = sorted(r["path"] for r in receiver.requests)
    assert paths == ["/events", "/events", "/on-call/1"]
    on_call = next(json.loads(r["body"]) for r in receiver.requests if r["path"] == "/on-call/1")
    assert on_call["event"] == "handoff.escalated" and on_call["on_call"]["name"] == "Bereitschaft"


def test_without_a_secret_nothing_is_sent_and_the_console_says_why(database_url, receiver):
    store = open_store(database_url)
    pack = _pack(receiver.url)
    store.feed.on_publish(WebhookOutbox(lambda _c: pack))
    handoff_id = _handoff(store, "P2")
    asyncio.run(WebhookSender(store.sessions, secret_lookup(lambda _c: pack, None), allow_private=True).send_due())
    assert receiver.requests == []
    (delivery,) = HandoffQueue(store.sessions, store.feed).deliveries(handoff_id)
    assert delivery["status"] == "pending" and "TRIAGE_WEBHOOK_SECRET" in delivery["attempts"][0]["error"]


def test_a_rolled_back_change_writes_no_webhook(tmp_path, receiver):
    store = open_store(f"sqlite:///{tmp_path / 'outbox.db'}")
    pack = _pack(receiver.url)
    store.feed.on_publish(WebhookOutbox(lambda _c: pack))
    with pytest.raises(LookupError):
        store.save_outcome(
            "no-such-call", {"type": "handoff", "urgency": "P1", "intent": "other", "distress": "none"}, CLIENT
        )
    with store.sessions() as db:
        assert db.query(WebhookDelivery).count() == 0


PUBLIC = "93.184.215.14"  # a public address, what the name resolved to when the pack was saved


def _rebinding_pack(store, receiver: Receiver):
    """A pack whose webhook is a name; at send time the name resolves to the loopback receiver."""
    url = f"http://hooks.example.test:{receiver.server.server_address[1]}"
    pack = _pack(url)
    assert target_problem(pack.webhook.url, resolve=lambda _h, _p: [PUBLIC]) is None, "public at save time"
    store.feed.on_publish(WebhookOutbox(lambda _c: pack))
    return pack


def test_a_name_that_resolves_inside_at_send_time_is_refused_and_the_console_shows_why(tmp_path, receiver):
    store = open_store(f"sqlite:///{tmp_path / 'rebind.db'}")
    pack = _rebinding_pack(store, receiver)
    handoff_id = _handoff(store, "P2")
    rebound = webhook_client(resolve=lambda _h, _p: ["127.0.0.1"])
    sender = WebhookSender(store.sessions, secret_lookup(lambda _c: pack, SECRET), client=rebound)
    assert asyncio.run(sender.send_due()) == 1
    assert receiver.requests == [], "nothing reached the internal address"
    (delivery,) = HandoffQueue(store.sessions, store.feed).deliveries(handoff_id)
    error = delivery["attempts"][0]["error"]
    assert delivery["status"] == "pending" and error.startswith("ConnectError: hooks.example.test is an internal")
    assert "127.0.0.1" in error


def test_the_sender_connects_to_the_address_it_checked(tmp_path, receiver):
    """With internal targets allowed, the same name reaches the loopback receiver: the connection
    goes to the address the sender resolved (the system resolver does not know this name), with the
    name in the Host header."""
    store = open_store(f"sqlite:///{tmp_path / 'resolved.db'}")
    pack = _rebinding_pack(store, receiver)
    receiver.statuses = []
    _handoff(store, "P2")
    resolved = webhook_client(allow_private=True, resolve=lambda _h, _p: ["127.0.0.1"])
    asyncio.run(WebhookSender(store.sessions, secret_lookup(lambda _c: pack, SECRET), client=resolved).send_due())
    (request,) = receiver.requests
    assert request["headers"]["Host"].startswith("hooks.example.test:")


def test_localhost_is_refused_at_send_time_with_the_system_resolver(tmp_path, receiver):
    """A pack written to disk by hand (not through the admin API's save check) aims at localhost."""
    store = open_store(f"sqlite:///{tmp_path / 'localhost.db'}")
    pack = _pack(f"http://localhost:{receiver.server.server_address[1]}")
    store.feed.on_publish(WebhookOutbox(lambda _c: pack))
    handoff_id = _handoff(store, "P2")
    asyncio.run(WebhookSender(store.sessions, secret_lookup(lambda _c: pack, SECRET)).send_due())
    assert receiver.requests == []
    (delivery,) = HandoffQueue(store.sessions, store.feed).deliveries(handoff_id)
    assert "localhost is this server" in delivery["attempts"][0]["error"]
