"""Storage: Alembic migrations build exactly the schema the code uses, and outcomes round-trip, on
SQLite and on PostgreSQL (the `database_url` fixture)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from triage.store.db import engine_for, migrate
from triage.store.repo import open_store
from triage.store.tables import Base


def test_migrations_match_the_tables_in_code(database_url: str):
    migrate(database_url)
    with engine_for(database_url).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_migrating_twice_is_harmless(database_url: str):
    migrate(database_url)
    migrate(database_url)
    with engine_for(database_url).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_the_queue_puts_danger_first_then_acute_distress_then_the_longest_waiting(database_url: str):
    store = open_store(database_url)
    made = []
    for urgency, distress in (("P3", "none"), ("P1", "none"), ("P3", "acute"), ("P0", "none"), ("P1", "none")):
        call_id = store.start_call("kanzlei-berg", "v1", "de")
        outcome = {"type": "handoff", "urgency": urgency, "intent": "other", "distress": distress, "summary": {}}
        made.append(store.save_outcome(call_id, outcome, "kanzlei-berg"))
    order = [h.id for h in store.waiting_handoffs("kanzlei-berg")]
    assert order == [made[3], made[1], made[4], made[2], made[0]]


def test_transcript_is_appended_in_order(database_url: str):
    store = open_store(database_url)
    call_id = store.start_call("sanitaer-notdienst", "v1", "de")
    store.add_turns(call_id, [("bot", "Guten Tag"), ("caller", "Hallo")])
    store.add_turns(call_id, [("bot", "Wie kann ich helfen?")])
    store.end_call(call_id)
    call = store.call(call_id)
    assert [t["text"] for t in call["transcript"]] == ["Guten Tag", "Hallo", "Wie kann ich helfen?"]
    assert call["ended"]
