"""The handoff queue and the change feed, on SQLite and on PostgreSQL (the `database_url` fixture):
every state change with who and when, the queue order, tenants, agents racing for the same handoff,
and changes that reach other instances only once they are committed."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from triage.handoff.queue import HandoffQueue, QueueConflict, UnknownHandoff
from triage.store.changes import ChangeFeed
from triage.store.repo import CallStore, open_store
from triage.store.tables import HandoffEvent

CLIENT = "sanitaer-notdienst"


@pytest.fixture
def store(database_url: str) -> CallStore:
    return open_store(database_url)


@pytest.fixture
def queue(store: CallStore) -> HandoffQueue:
    return HandoffQueue(store.sessions, store.feed)


def make_handoff(
    store: CallStore,
    client: str = CLIENT,
    urgency: str = "P2",
    distress: str = "none",
    channel: str = "twilio",
) -> str:
    call_id = store.start_call(client, "v1", "de", channel=channel)
    outcome = {
        "type": "handoff",
        "urgency": urgency,
        "intent": "other",
        "distress": distress,
        "handoff_reason": "caller_request",
        "summary": {"anliegen": "Rohrbruch"},
    }
    return store.save_outcome(call_id, outcome, client)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def events(queue: HandoffQueue, handoff_id: str) -> list[tuple[str, str, str]]:
    return [(e["kind"], e["actor"], e["status"]) for e in queue.get(handoff_id)["events"]]


# --- states and events, with who and when -----------------------------------------------------------
def test_a_new_handoff_waits_with_its_created_event(store, queue):
    before = datetime.now(UTC)
    handoff_id = make_handoff(store)
    view = queue.get(handoff_id)
    assert view["status"] == "waiting"
    assert view["caller_on_line"] is True
    assert view["assigned_to"] is None
    assert view["summary"] == {"anliegen": "Rohrbruch"}
    assert events(queue, handoff_id) == [("created", "caller", "waiting")]
    assert before <= at(view["events"][0]["at"]) <= datetime.now(UTC)
    assert queue.client_of(handoff_id) == CLIENT


def test_accepting_records_who_and_when_and_a_second_accept_conflicts(store, queue):
    handoff_id = make_handoff(store)
    before = datetime.now(UTC)
    view = queue.accept(handoff_id, "anna")
    assert view["status"] == "accepted"
    assert view["assigned_to"] == "anna"
    assert before <= at(view["accepted_at"]) <= datetime.now(UTC)
    with pytest.raises(QueueConflict) as conflict:
        queue.accept(handoff_id, "ben")
    assert conflict.value.status == "accepted"
    stored = queue.get(handoff_id)
    assert stored["assigned_to"] == "anna"
    assert events(queue, handoff_id) == [("created", "caller", "waiting"), ("accepted", "anna", "accepted")]
    accepted = stored["events"][1]
    assert before <= at(accepted["at"]) <= datetime.now(UTC)


def test_notes_are_kept_with_author_and_time_in_any_state(store, queue):
    handoff_id = make_handoff(store)
    queue.note(handoff_id, "anna", "Ruft gleich zurück")
    queue.accept(handoff_id, "anna")
    queue.note(handoff_id, "ben", "Wasser abgestellt")
    view = queue.get(handoff_id)
    assert [(n["by"], n["text"]) for n in view["notes"]] == [
        ("anna", "Ruft gleich zurück"),
        ("ben", "Wasser abgestellt"),
    ]
    assert view["notes"][0]["at"] <= view["notes"][1]["at"]
    assert view["status"] == "accepted"  # a note changes no state


def test_resolving_closes_the_handoff_for_good(store, queue):
    handoff_id = make_handoff(store)
    queue.accept(handoff_id, "anna")
    with pytest.raises(ValueError):
        queue.resolve(handoff_id, "anna", "made_up")
    view = queue.resolve(handoff_id, "anna", "dispatched", note="Monteur unterwegs")
    assert view["status"] == "resolved"
    assert view["resolution"] == "dispatched"
    assert view["resolved_at"] is not None
    assert view["caller_on_line"] is False
    for change in (lambda: queue.accept(handoff_id, "ben"), lambda: queue.resolve(handoff_id, "ben", "helped")):
        with pytest.raises(QueueConflict) as conflict:
            change()
        assert conflict.value.status == "resolved"
    stored = queue.get(handoff_id)
    assert stored["events"][-1]["detail"] == {"resolution": "dispatched", "text": "Monteur unterwegs"}
    assert stored["notes"] == []  # the resolution note is part of the resolved event, not a note event
    assert events(queue, handoff_id)[-1] == ("resolved", "anna", "resolved")
    assert handoff_id not in [h["id"] for h in queue.list()]
    assert handoff_id in [h["id"] for h in queue.list(statuses=["resolved"])]


def test_a_returned_handoff_is_back_in_the_queue_for_anyone(store, queue):
    handoff_id = make_handoff(store)
    with pytest.raises(QueueConflict):
        queue.return_to_queue(handoff_id, "anna", "not mine")  # nobody has it yet
    queue.accept(handoff_id, "anna")
    view = queue.return_to_queue(handoff_id, "anna", "wrong department")
    assert view["status"] == "returned"
    assert view["assigned_to"] is None and view["accepted_at"] is None
    assert queue.get(handoff_id)["events"][-1]["detail"] == {"why": "wrong department"}
    assert queue.accept(handoff_id, "ben")["assigned_to"] == "ben"
    assert [k for k, _, _ in events(queue, handoff_id)] == ["created", "accepted", "returned", "accepted"]


def test_a_callback_is_promised_only_while_nobody_has_it(store, queue):
    handoff_id = make_handoff(store)
    view = queue.promise_callback(handoff_id)
    assert view["status"] == "callback"
    assert view["callback_promised_at"] is not None
    assert events(queue, handoff_id)[-1] == ("callback", "system", "callback")
    with pytest.raises(QueueConflict):
        queue.promise_callback(handoff_id)  # promised once
    assert queue.accept(handoff_id, "anna")["status"] == "accepted"  # someone calls back

    taken = make_handoff(store)
    queue.accept(taken, "anna")
    with pytest.raises(QueueConflict):
        queue.promise_callback(taken)


def test_escalation_moves_one_level_at_a_time(store, queue):
    handoff_id = make_handoff(store, urgency="P0")
    first = queue.escalate(handoff_id, 1, {"name": "Meister", "phone": "+49301"})
    assert first["escalation_level"] == 1
    assert first["escalated_at"] is not None
    with pytest.raises(QueueConflict):
        queue.escalate(handoff_id, 1, {"name": "Meister"})  # another instance alerted level 1 already
    with pytest.raises(QueueConflict):
        queue.escalate(handoff_id, 3, {"name": "Chefin"})  # level 2 first
    assert queue.escalate(handoff_id, 2, {"name": "Chefin"})["escalation_level"] == 2
    escalated = [e for e in queue.get(handoff_id)["events"] if e["kind"] == "escalated"]
    assert [(e["actor"], e["detail"]["level"]) for e in escalated] == [("system", 1), ("system", 2)]
    assert escalated[0]["detail"]["contact"] == {"name": "Meister", "phone": "+49301"}
    queue.resolve(handoff_id, "anna", "helped")
    with pytest.raises(QueueConflict):
        queue.escalate(handoff_id, 3, {"name": "Chefin"})  # nothing to escalate once closed


def test_the_caller_leaving_is_recorded_once_and_the_handoff_stays_queued(store, queue):
    handoff_id = make_handoff(store)
    view = queue.caller_left(handoff_id)
    assert view is not None
    assert view["caller_on_line"] is False
    assert view["status"] == "waiting"
    assert queue.caller_left(handoff_id) is None  # already gone
    assert events(queue, handoff_id)[-1] == ("caller_left", "caller", "waiting")
    text_handoff = make_handoff(store, channel="text")
    assert queue.get(text_handoff)["caller_on_line"] is False
    assert queue.caller_left(text_handoff) is None


def test_an_unknown_handoff_is_reported_as_such(store, queue):
    with pytest.raises(UnknownHandoff):
        queue.accept("0" * 32, "anna")
    with pytest.raises(UnknownHandoff):
        queue.get("0" * 32)
    with pytest.raises(UnknownHandoff):
        queue.client_of("0" * 32)


# --- order and tenants ------------------------------------------------------------------------------
def test_the_queue_is_p0_then_p1_and_acute_distress_then_the_rest_by_urgency_then_waiting_time(store, queue):
    """A caller in acute distress (crying, begging for someone) waits with the P1 callers, ahead of them, whatever
    their urgency: never behind a P2."""
    made = {}
    for name, urgency, distress in (
        ("p3-old", "P3", "none"),
        ("p1-old", "P1", "none"),
        ("p3-acute", "P3", "acute"),
        ("p2", "P2", "mild"),
        ("p0", "P0", "none"),
        ("p1-new", "P1", "none"),
        ("p1-acute", "P1", "acute"),
        ("p0-acute", "P0", "acute"),
    ):
        made[name] = make_handoff(store, urgency=urgency, distress=distress)
    order = [h["id"] for h in queue.list()]
    expected = ["p0-acute", "p0", "p1-acute", "p3-acute", "p1-old", "p1-new", "p2", "p3-old"]
    assert order == [made[name] for name in expected]
    # the claim follows the same order
    assert queue.claim_next("anna")["id"] == made["p0-acute"]
    assert queue.claim_next("ben")["id"] == made["p0"]
    assert [h["id"] for h in queue.list()][:2] == [made["p0-acute"], made["p0"]]  # accepted is still active
    assert next(h["id"] for h in queue.list(statuses=["waiting"])) == made["p1-acute"]


def test_each_client_sees_only_its_own_handoffs(store, queue):
    mine = [make_handoff(store, client="sanitaer-notdienst") for _ in range(2)]
    theirs = [make_handoff(store, client="kanzlei-berg") for _ in range(3)]
    assert {h["id"] for h in queue.list(["sanitaer-notdienst"])} == set(mine)
    assert {h["id"] for h in queue.list(["kanzlei-berg"])} == set(theirs)
    assert {h["id"] for h in queue.list(None)} == set(mine + theirs)  # a platform admin
    assert queue.list([]) == []  # an account with no clients sees nothing
    assert {h["client_id"] for h in queue.list(["kanzlei-berg", "sanitaer-notdienst"])} == {
        "kanzlei-berg",
        "sanitaer-notdienst",
    }
    for row in queue.list(["kanzlei-berg"]):
        assert row["channel"] == "twilio"
    claimed = [queue.claim_next("anna", ["sanitaer-notdienst"]) for _ in range(3)]
    assert {c["id"] for c in claimed[:2]} == set(mine)
    assert claimed[2] is None  # the other client's handoffs are not hers to take
    assert all(h["status"] == "waiting" for h in queue.list(["kanzlei-berg"]))


# --- agents racing ----------------------------------------------------------------------------------
THREADS = 16
ROUNDS = 5


def test_of_many_agents_accepting_at_the_same_moment_exactly_one_wins(store, queue):
    handoffs = [make_handoff(store) for _ in range(ROUNDS)]
    barrier = threading.Barrier(THREADS)
    results: list[list[tuple[str, str]]] = [[] for _ in range(ROUNDS)]
    lock = threading.Lock()

    def agent(n: int) -> None:
        user = f"agent{n:02d}"
        for r, handoff_id in enumerate(handoffs):
            barrier.wait(timeout=60)
            try:
                queue.accept(handoff_id, user)
                outcome = "won"
            except QueueConflict as conflict:
                outcome = f"conflict:{conflict.status}"
            with lock:
                results[r].append((user, outcome))

    with ThreadPoolExecutor(THREADS) as pool:
        for future in [pool.submit(agent, n) for n in range(THREADS)]:
            future.result(timeout=120)  # any other exception fails the test here

    for handoff_id, round_results in zip(handoffs, results, strict=True):
        outcomes = Counter(outcome for _, outcome in round_results)
        assert outcomes == {"won": 1, "conflict:accepted": THREADS - 1}, round_results
        winner = next(user for user, outcome in round_results if outcome == "won")
        view = queue.get(handoff_id)
        assert view["assigned_to"] == winner
        assert [(k, a) for k, a, _ in events(queue, handoff_id)] == [("created", "caller"), ("accepted", winner)]


def test_agents_claiming_at_once_each_get_a_different_handoff(store, queue):
    waiting = {make_handoff(store, urgency=f"P{i % 4}") for i in range(48)}
    barrier = threading.Barrier(THREADS)

    def agent(n: int) -> list[str]:
        user = f"agent{n:02d}"
        claimed = []
        barrier.wait(timeout=60)
        while True:
            view = queue.claim_next(user)
            if view is None:
                return claimed
            assert view["status"] == "accepted" and view["assigned_to"] == user
            claimed.append(view["id"])

    with ThreadPoolExecutor(THREADS) as pool:
        per_agent = [f.result(timeout=120) for f in [pool.submit(agent, n) for n in range(THREADS)]]

    claimed = [handoff_id for ids in per_agent for handoff_id in ids]
    assert len(claimed) == len(set(claimed)), "a handoff was claimed twice"
    assert set(claimed) == waiting, "a handoff was left in the queue"
    for n, ids in enumerate(per_agent):
        for handoff_id in ids:
            assert queue.get(handoff_id)["assigned_to"] == f"agent{n:02d}"
    with store.sessions() as db:
        accepted = db.scalar(select(func.count()).select_from(HandoffEvent).where(HandoffEvent.kind == "accepted"))
    assert accepted == len(waiting)
    assert queue.list(statuses=["waiting", "returned"]) == []


def test_of_two_instances_escalating_at_once_one_alerts_the_contact(store, queue):
    handoffs = [make_handoff(store, urgency="P0") for _ in range(ROUNDS)]
    barrier = threading.Barrier(THREADS)

    def scanner(_n: int) -> int:
        alerted = 0
        for handoff_id in handoffs:
            barrier.wait(timeout=60)
            try:
                queue.escalate(handoff_id, 1, {"name": "Meister"})
                alerted += 1
            except QueueConflict:
                pass
        return alerted

    with ThreadPoolExecutor(THREADS) as pool:
        alerted = sum(f.result(timeout=120) for f in [pool.submit(scanner, n) for n in range(THREADS)])
    assert alerted == ROUNDS
    for handoff_id in handoffs:
        assert [k for k, _, _ in events(queue, handoff_id)].count("escalated") == 1


# --- the change feed --------------------------------------------------------------------------------
def publish(feed: ChangeFeed, store: CallStore, change: dict[str, Any], *, commit: bool) -> None:
    with store.sessions() as db:
        feed.publish(db, change)
        if commit:
            db.commit()
        else:
            db.rollback()


def test_a_committed_change_is_delivered_and_a_rolled_back_one_never(database_url: str, store: CallStore):
    if store.feed.postgres:
        changes_reach_another_instance_through_listen(database_url, store)
    else:
        changes_are_delivered_in_process_after_commit(store)


def changes_are_delivered_in_process_after_commit(store: CallStore) -> None:
    """SQLite: one process, so the subscribers hear of a change right after its commit."""
    got: list[dict] = []
    store.feed.subscribe(got.append)
    publish(store.feed, store, {"kind": "test", "n": 1}, commit=False)
    assert got == []
    with store.sessions() as db:
        store.feed.publish(db, {"kind": "test", "n": 2})
        assert got == []  # not before the commit
        db.commit()
    assert got == [{"kind": "test", "n": 2}]
    queue = HandoffQueue(store.sessions, store.feed)
    handoff_id = make_handoff(store)
    queue.accept(handoff_id, "anna")
    with pytest.raises(QueueConflict):
        queue.accept(handoff_id, "ben")  # the loser's transaction publishes nothing
    assert [(c.get("event"), c.get("status")) for c in got[1:]] == [("created", None), ("accepted", "accepted")]


def changes_reach_another_instance_through_listen(database_url: str, store: CallStore) -> None:
    """PostgreSQL: pg_notify in the transaction; another instance's listen() gets it once committed."""
    writer = store.feed  # instance A publishes ...
    reader = ChangeFeed(database_url, store.sessions)  # ... instance B listens on its own connection
    assert writer.postgres and reader.postgres
    queue = HandoffQueue(store.sessions, writer)
    run = uuid.uuid4().hex

    async def scenario() -> None:
        got: asyncio.Queue[tuple[float, dict]] = asyncio.Queue()
        loop = asyncio.get_running_loop()
        reader.subscribe(lambda change: loop.call_soon_threadsafe(got.put_nowait, (time.monotonic(), change)))
        stop = asyncio.Event()
        listener = asyncio.create_task(reader.listen(stop))
        try:
            # LISTEN has no "ready" signal: publish probes until one arrives
            deadline = time.monotonic() + 20
            while True:
                assert time.monotonic() < deadline, "the listener never received a committed change"
                await asyncio.to_thread(publish, writer, store, {"kind": "probe", "run": run}, commit=True)
                try:
                    await asyncio.wait_for(got.get(), 0.2)
                    break
                except TimeoutError:
                    continue
            await asyncio.sleep(0.3)
            while not got.empty():
                got.get_nowait()  # late probes

            await asyncio.to_thread(publish, writer, store, {"kind": "test", "n": "rolled back"}, commit=False)
            committed_at = time.monotonic()
            await asyncio.to_thread(publish, writer, store, {"kind": "test", "n": "committed"}, commit=True)
            committed_at = (committed_at + time.monotonic()) / 2
            arrived_at, change = await asyncio.wait_for(got.get(), 1.0)
            assert change == {"kind": "test", "n": "committed"}  # the rolled-back one would have come first
            assert arrived_at - committed_at < 1.0

            handoff_id = await asyncio.to_thread(make_handoff, store)
            await asyncio.to_thread(queue.accept, handoff_id, "anna")
            with pytest.raises(QueueConflict):
                await asyncio.to_thread(queue.accept, handoff_id, "ben")
            seen = [(await asyncio.wait_for(got.get(), 1.0))[1] for _ in range(2)]
            assert [(c["event"], c["id"]) for c in seen] == [("created", handoff_id), ("accepted", handoff_id)]
            assert seen[1]["status"] == "accepted" and seen[1]["client_id"] == CLIENT

            await asyncio.sleep(0.5)
            assert got.empty(), f"unexpected changes: {[got.get_nowait()[1] for _ in range(got.qsize())]}"
        finally:
            stop.set()
            await asyncio.wait_for(listener, 5)

    asyncio.run(scenario())
