"""Retention, access and erasure on SQLite and PostgreSQL (the `database_url` fixture): real text calls
(`triage simulate`) store transcripts, handoffs, orders and messages; agents add notes through the
real queue, which writes webhook deliveries; then `triage privacy purge|export|delete|hold` run as an
operator runs them, and every table is read back.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from sqlalchemy import JSON, String, Text, create_engine, inspect, select, text, update
from sqlalchemy.orm import Session

from triage.handoff.queue import HandoffQueue
from triage.handoff.webhooks import WebhookOutbox
from triage.packs.load import load_pack
from triage.privacy.keys import phone_key, phone_keys_in
from triage.privacy.records import CALLER_TABLES, OTHER_TABLES
from triage.settings import REPO_ROOT, get_settings
from triage.store.repo import open_store
from triage.store.tables import Base, Call, Handoff, HandoffEvent, Message, Order, TranscriptTurn, WebhookDelivery

HER_PHONE = "null eins sieben eins zwei drei vier fünf sechs sieben acht"  # 0171 2345678
HER_KEY = "491712345678"
BURST_PIPE = [
    "bei uns ist ein rohr geplatzt das wasser läuft überall",
    "goethestraße 14 in 20095 hamburg",
    "ja",
    HER_PHONE,
    "ja",
    "jolanda quast",
    "ja",
]
PHARMACY_ORDER = [
    "ich möchte zwei packungen ibuprofen 400 reservieren",
    "die mit 20 stück",
    "nein das wars",
    "abholen",
    "jolanda quast",
    "ja",
    HER_PHONE,
    "ja",
    "ja",
    "nein danke",
]


def law_firm_message(number: str, name: str) -> list[str]:
    return [
        "ich möchte eine nachricht für herrn berg hinterlassen",
        "bitte rufen sie mich wegen meines mietvertrags zurück",
        f"meine nummer ist {number}",
        "ja",
        name,
        "ja",
        "ja",
        "nein danke das wars",
    ]


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    """The shipped packs; the plumber keeps transcripts 30 days, details 90, notes 60, and sends webhooks."""
    folder = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "prompts", folder)
    path = folder / "sanitaer-notdienst" / "pack.yaml"
    pack = yaml.safe_load(path.read_text(encoding="utf-8"))
    pack["retention"] = {"transcripts_days": 30, "caller_details_days": 90, "notes_days": 60}
    pack["webhook"] = {"url": "http://127.0.0.1:9/hook"}  # nothing is sent in these tests: no sender runs
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture
def run(cli, simulate, database_url: str, prompts: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TRIAGE_DATABASE_URL", database_url)
    monkeypatch.setenv("TRIAGE_PROMPTS_DIR", str(prompts))
    get_settings.cache_clear()

    def triage(*args: str) -> dict:
        result = cli(*args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return triage


@pytest.fixture
def queue(database_url: str, prompts: Path) -> HandoffQueue:
    """The agents' queue, writing webhook deliveries for the plumber as a server does."""
    store = open_store(database_url)
    store.feed.on_publish(WebhookOutbox(lambda client: load_pack(client, prompts)))
    return HandoffQueue(store.sessions, store.feed)


def call(simulate, client: str, turns: list[str], outcome: str) -> str:
    result = simulate(client, turns)
    assert result["outcome"]["type"] == outcome, result["transcript"]
    return result["call_id"]


def handled_by_agent(queue: HandoffQueue, call_id: str, note: str) -> str:
    with queue.sessions.begin() as db:
        handoff_id = db.scalar(select(Handoff.id).where(Handoff.call_id == call_id))
        # `triage simulate` stores a test call, kept out of the agents' queue; these calls stand for live
        # text calls, whose handoffs agents take
        db.execute(update(Handoff).where(Handoff.id == handoff_id).values(status="waiting"))
        db.execute(update(Call).where(Call.id == call_id).values(channel="text"))
    queue.accept(handoff_id, "agent-1")
    queue.note(handoff_id, "agent-1", note)
    return handoff_id


def age(db: Session, call_id: str, days: float) -> None:
    db.execute(update(Call).where(Call.id == call_id).values(started_at=datetime.now(UTC) - timedelta(days=days)))


def triage_of(call: Call) -> tuple:
    return call.client_id, call.urgency, call.intent, call.distress, call.outcome_type, call.started_at, call.language


def turns(db: Session, call_id: str) -> int:
    return len(db.scalars(select(TranscriptTurn.id).where(TranscriptTurn.call_id == call_id)).all())


def handoff_of(db: Session, call_id: str) -> Handoff:
    return db.scalars(select(Handoff).where(Handoff.call_id == call_id)).one()


def notes(db: Session, call_id: str) -> list[str]:
    handoff = handoff_of(db, call_id)
    rows = db.scalars(select(HandoffEvent).where(HandoffEvent.handoff_id == handoff.id, HandoffEvent.kind == "note"))
    return [e.detail.get("text") for e in rows]


def bodies(db: Session, call_id: str) -> list[str]:
    handoff = handoff_of(db, call_id)
    return list(db.scalars(select(WebhookDelivery.body).where(WebhookDelivery.handoff_id == handoff.id)))


def test_purge_removes_exactly_what_is_older_than_each_clients_retention_and_keeps_held_handoffs(
    run, simulate, queue: HandoffQueue, database_url: str
):
    plumber = {days: call(simulate, "sanitaer-notdienst", BURST_PIPE, "handoff") for days in (100, 70, 45, 20, 101)}
    held = plumber.pop(101)
    pharmacy = {days: call(simulate, "apotheke-am-markt", PHARMACY_ORDER, "order") for days in (95, 85)}
    engine = create_engine(database_url)
    for days, call_id in plumber.items():
        handled_by_agent(queue, call_id, f"Frau Quast zurückgerufen ({days})")
    held_handoff = handled_by_agent(queue, held, "Anwalt der Versicherung angefragt")
    with Session(engine) as db, db.begin():
        for days, call_id in [*plumber.items(), (101, held), *pharmacy.items()]:
            age(db, call_id, days)
    with Session(engine) as db:
        triage_before = triage_of(db.get(Call, plumber[100]))
    assert run("privacy", "hold", held_handoff, "--reference", "case 7") == {
        "id": held_handoff,
        "client_id": "sanitaer-notdienst",
        "legal_hold": True,
    }

    counts = run("privacy", "purge")

    with Session(engine) as db:
        # transcripts: the plumber keeps 30 days, the pharmacy the default 90
        assert [turns(db, plumber[d]) > 0 for d in (100, 70, 45, 20)] == [False, False, False, True]
        assert [turns(db, pharmacy[d]) > 0 for d in (95, 85)] == [False, True]
        # caller details: 90 days for both
        details = {d: handoff_of(db, plumber[d]).summary for d in (100, 70, 45, 20)}
        assert [details[d].get("caller_name") for d in (100, 70, 45, 20)] == [None, *["Jolanda Quast"] * 3]
        assert [details[d].get("callback_number") for d in (100, 70)] == [None, "01712345678"]
        assert "address" not in details[100] and "Goethestraße" in details[70]["address"]
        assert [db.get(Call, plumber[d]).details_erased_at is None for d in (100, 70, 45, 20)] == [
            False,
            True,
            True,
            True,
        ]
        orders = {d: db.scalars(select(Order).where(Order.call_id == pharmacy[d])).one() for d in (95, 85)}
        assert (orders[95].name, orders[95].phone) == (None, None)
        assert (orders[85].name, orders[85].phone) == ("Jolanda Quast", "01712345678")
        # a transcript gone means the summary quotes none of it either
        assert "transcript" not in details[70] and details[20]["transcript"]
        # notes: 60 days
        assert [notes(db, plumber[d]) for d in (100, 70, 45)] == [
            [None],
            [None],
            ["Frau Quast zurückgerufen (45)"],
        ]
        # webhook bodies are copies of the summary: gone with the transcript, never sent again
        assert [bodies(db, plumber[d]) for d in (100, 70)] == [["", ""], ["", ""]]
        assert all("Jolanda Quast" in body for body in bodies(db, plumber[20]))
        assert set(db.scalars(select(WebhookDelivery.status).where(WebhookDelivery.body == ""))) == {"erased"}
        # what a call was stays for statistics
        assert triage_of(db.get(Call, plumber[100])) == triage_before
        assert triage_before[:2] == ("sanitaer-notdienst", "P1")
        assert handoff_of(db, plumber[100]).summary["urgency"] == "P1"
        # the held handoff keeps everything, whatever its age
        assert turns(db, held) > 0 and notes(db, held) == ["Anwalt der Versicherung angefragt"]
        assert handoff_of(db, held).summary["caller_name"] == "Jolanda Quast"
        assert all("Jolanda Quast" in body for body in bodies(db, held))

    plumber_counts = counts["sanitaer-notdienst"]
    assert plumber_counts["held"] == 1 and plumber_counts["transcript_turns"] > 0
    assert counts["apotheke-am-markt"]["orders"] == 1  # one order's details (95 days); the 85-day one kept
    # a second pass finds nothing new; releasing the hold lets the next one take the held call
    assert run("privacy", "purge") == {"sanitaer-notdienst": {**dict.fromkeys(plumber_counts, 0), "held": 1}}
    run("privacy", "hold", held_handoff, "--release")
    run("privacy", "purge")
    with Session(engine) as db:
        assert turns(db, held) == 0 and notes(db, held) == [None]
        assert handoff_of(db, held).summary.get("caller_name") is None
        actions = [row.action for row in db.execute(text("SELECT action FROM audit_log ORDER BY id"))]
        assert actions[-2:] == ["legal_hold_set", "legal_hold_released"]
    engine.dispose()


def text_values(database_url: str) -> list[tuple[str, str, str]]:
    """(table, column, value) for every text and JSON column of every table in the database,
    whatever the schema holds (tables are read from the database, not from this code)."""
    engine = create_engine(database_url)
    found = []
    with engine.connect() as connection:
        schema = inspect(connection)
        for table in schema.get_table_names():
            columns = [c["name"] for c in schema.get_columns(table) if isinstance(c["type"], String | Text | JSON)]
            for column in columns:
                for (value,) in connection.execute(text(f'SELECT CAST("{column}" AS TEXT) FROM "{table}"')):
                    if value:
                        found.append((table, column, value))
    engine.dispose()
    return found


def mentions_her(value: str) -> bool:
    decoded = value.encode().decode("unicode_escape", errors="ignore") if "\\u" in value else value
    lowered = decoded.casefold()
    return (
        "quast" in lowered
        or HER_KEY in phone_keys_in(decoded)
        or "zwei drei vier fünf sechs sieben acht" in lowered
        or "goethestra" in lowered
    )


def test_export_and_delete_by_phone_number_leave_nothing_behind_in_any_table(
    run, simulate, queue: HandoffQueue, database_url: str
):
    hers = [
        call(simulate, "sanitaer-notdienst", BURST_PIPE, "handoff"),
        call(simulate, "apotheke-am-markt", PHARMACY_ORDER, "order"),
        call(simulate, "kanzlei-berg", law_firm_message("0171 2345678", "jolanda quast"), "message"),
    ]
    peter = call(simulate, "kanzlei-berg", law_firm_message("040 123456", "peter meier"), "message")
    engine = create_engine(database_url)
    handled_by_agent(queue, hers[0], "Frau Quast will um 17 Uhr unter 0171 2345678 zurückgerufen werden")
    assert any(mentions_her(value) for _, _, value in text_values(database_url))  # the scan can see her

    exported = run("privacy", "export", "--phone", "+49 171 234 5678", "--reference", "DSGVO-12")
    by_name = run("privacy", "export", "--name", "Jolanda  QUAST")
    assert sorted(c["id"] for c in exported["calls"]) == sorted(hers)
    assert sorted(c["id"] for c in by_name["calls"]) == sorted(hers)
    calls = {c["client_id"]: c for c in exported["calls"]}
    plumber = calls["sanitaer-notdienst"]
    assert any(t["text"] == "jolanda quast" for t in plumber["transcript"])
    [handoff] = plumber["handoffs"]
    assert handoff["summary"]["callback_number"] == "01712345678"
    assert [e["detail"]["text"] for e in handoff["events"] if e["kind"] == "note"] == [
        "Frau Quast will um 17 Uhr unter 0171 2345678 zurückgerufen werden"
    ]
    assert handoff["webhook_deliveries"] and all(
        json.loads(d["body"])["handoff"]["summary"]["caller_name"] == "Jolanda Quast"
        for d in handoff["webhook_deliveries"]
    )
    assert calls["apotheke-am-markt"]["orders"][0]["name"] == "Jolanda Quast"
    assert calls["kanzlei-berg"]["messages"][0]["phone"] == "01712345678"

    erased = run("privacy", "delete", "--phone", "0171/2345678", "--reference", "DSGVO-12")
    assert erased["calls"] == 3 and erased["legal_hold"] == []

    left = [(table, column) for table, column, value in text_values(database_url) if mentions_her(value)]
    assert left == []
    with Session(engine) as db:
        # what the calls were stays for statistics; the other caller is untouched
        assert sorted(db.scalars(select(Call.outcome_type).where(Call.id.in_(hers)))) == [
            "handoff",
            "message",
            "order",
        ]
        message = db.scalars(select(Message).where(Message.call_id == peter)).one()
        assert (message.name, message.phone) == ("Peter Meier", "040123456") and turns(db, peter) > 0
        audit = [
            (row.action, json.loads(row.detail) if isinstance(row.detail, str) else row.detail)
            for row in db.execute(text("SELECT action, detail FROM audit_log ORDER BY id"))
        ]
    engine.dispose()
    assert [(action, detail["by"]) for action, detail in audit] == [
        ("privacy_export", "phone"),
        ("privacy_export", "name"),
        ("privacy_delete", "phone"),
    ]
    assert audit[0][1]["reference"] == "DSGVO-12" and audit[0][1]["calls"] == 3
    assert audit[2][1]["calls"] == 3 and audit[2][1]["transcript_turns"] > 0
    # nothing is found any more
    assert run("privacy", "export", "--phone", "01712345678")["calls"] == []


def test_a_held_handoff_is_kept_from_an_erasure_request_and_listed(run, simulate, queue, database_url: str):
    call_id = call(simulate, "sanitaer-notdienst", BURST_PIPE, "handoff")
    with Session(create_engine(database_url)) as db:
        handoff_id = handoff_of(db, call_id).id
    run("privacy", "hold", handoff_id)
    erased = run("privacy", "delete", "--name", "jolanda quast")
    assert (erased["calls"], erased["legal_hold"], erased["erased"]["calls"]) == (1, [call_id], 0)
    assert run("privacy", "export", "--name", "jolanda quast")["calls"][0]["id"] == call_id


def test_a_request_without_a_usable_key_is_refused(cli, run):
    assert "give a phone number or a name" in cli("privacy", "delete").output
    assert "not a phone number" in cli("privacy", "delete", "--phone", "12").output


def test_every_table_is_known_to_hold_caller_data_or_not():
    """A new table must be sorted into one list, so that export and erasure do not miss it."""
    assert sorted(Base.metadata.tables) == sorted(t for t in (*CALLER_TABLES, *OTHER_TABLES) if t != "alembic_version")


@pytest.mark.parametrize(
    "written",
    ["+49 171 2345678", "0049 171 2345678", "0171/2345678", "0171-234 56 78", "01712345678", "+491712345678"],
)
def test_one_number_has_one_key_however_it_is_written(written: str):
    assert phone_key(written) == HER_KEY
    assert phone_keys_in(f"Rückruf unter {written} bitte") == {HER_KEY}
