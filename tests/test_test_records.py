"""Orders and messages taken in test calls are stored as tests, like their handoffs: never in a live
list, but there for the admins' "show test calls" switch. On SQLite and PostgreSQL (the
`database_url` fixture), with the schema Alembic builds (migration 0007)."""

from __future__ import annotations

from sqlalchemy import text

from triage.store.db import engine_for, migrate
from triage.store.repo import TEST_CHANNEL, open_store

ORDER = {
    "type": "order",
    "urgency": "P4",
    "intent": "place_order",
    "distress": "none",
    "order": {"items": [{"sku": "ibu400", "name": "Ibuprofen 400", "qty": 2}], "name": "Jolanda Quast"},
}
MESSAGE = {
    "type": "message",
    "urgency": "P3",
    "intent": "leave_message",
    "distress": "none",
    "message": {"kind": "message", "text": "Bitte wegen des Mietvertrags zurückrufen", "phone": "01712345678"},
}
HANDOFF = {"type": "handoff", "urgency": "P3", "intent": "other", "distress": "none", "summary": {}}


def test_a_test_calls_order_and_message_are_tests_and_never_live(database_url: str) -> None:
    migrate(database_url)
    store = open_store(database_url)
    made: dict[str, dict[str, str]] = {"live": {}, "test": {}}
    for kind, channel in (("live", "text"), ("test", TEST_CHANNEL)):
        for client, outcome in (("apotheke-am-markt", ORDER), ("kanzlei-berg", MESSAGE), ("kanzlei-berg", HANDOFF)):
            call_id = store.start_call(client, "v1", "de", channel=channel)
            made[kind][outcome["type"]] = store.save_outcome(call_id, outcome, client)

    # the live lists have only the real ones
    assert [o.id for o in store.orders("apotheke-am-markt")] == [made["live"]["order"]]
    assert [m.id for m in store.messages("kanzlei-berg")] == [made["live"]["message"]]
    assert [h.id for h in store.waiting_handoffs("kanzlei-berg")] == [made["live"]["handoff"]]
    # marked as tests, the same way as the handoff, and listed only under the switch
    assert [o.id for o in store.orders("apotheke-am-markt", test=True)] == [made["test"]["order"]]
    assert [m.id for m in store.messages("kanzlei-berg", test=True)] == [made["test"]["message"]]
    tests = store.outcomes_of_test_calls(["apotheke-am-markt", "kanzlei-berg"])
    assert [(o["id"], o["status"]) for o in tests["orders"]] == [(made["test"]["order"], "test")]
    assert [(m["id"], m["text"]) for m in tests["messages"]] == [(made["test"]["message"], MESSAGE["message"]["text"])]
    assert store.outcomes_of_test_calls(["sanitaer-notdienst"]) == {"orders": [], "messages": []}  # other tenants'
    with engine_for(database_url).connect() as db:
        statuses = dict(db.execute(text("SELECT id, status FROM messages")).all())
        assert statuses == {made["live"]["message"]: "new", made["test"]["message"]: "test"}
        handoff = db.execute(text("SELECT status FROM handoffs WHERE id = :i"), {"i": made["test"]["handoff"]})
        assert handoff.scalar() == "test"


def test_messages_stored_before_migration_0007_are_live(database_url: str) -> None:
    """Upgrading keeps every existing message as it was: a live one ("new")."""
    from alembic import command

    from triage.store.db import alembic_config

    config = alembic_config(database_url)
    command.upgrade(config, "0006")
    with engine_for(database_url).begin() as db:
        db.execute(
            text(
                "INSERT INTO calls (id, client_id, pack_version, channel, language, started_at)"
                " VALUES ('c1', 'kanzlei-berg', 'v1', 'text', 'de', CURRENT_TIMESTAMP)"
            )
        )
        db.execute(
            text(
                "INSERT INTO messages (id, call_id, client_id, kind, text, created_at)"
                " VALUES ('m1', 'c1', 'kanzlei-berg', 'message', 'Rückruf bitte', CURRENT_TIMESTAMP)"
            )
        )
    command.upgrade(config, "head")
    store = open_store(database_url)
    assert [m.id for m in store.messages("kanzlei-berg")] == ["m1"]
    command.downgrade(config, "0006")  # and back: the column goes, the message stays
    with engine_for(database_url).connect() as db:
        assert db.execute(text("SELECT count(*) FROM messages")).scalar() == 1
