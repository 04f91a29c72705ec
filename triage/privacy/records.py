"""What is stored about callers, table by table, and how it is exported, anonymised or kept.

A call keeps for statistics what says nothing about the caller: client, pack version, channel,
language, start and end, urgency, intent, distress, outcome type, recording consent. Everything else
(transcript, number, name, address, orders' and messages' details, summaries, agents' notes,
webhook bodies) is caller data and is removed in three parts, each with its own retention period
and its own mark on the call: the transcript, the caller's details, and the notes.

A handoff under legal hold keeps its call whole: neither the purge nor an erasure request touches it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, exists, inspect, or_, select, update
from sqlalchemy.orm import Session

from ..store.tables import Call, Handoff, HandoffEvent, Message, Order, Recording, TranscriptTurn, WebhookDelivery
from .recording import delete_recordings, recordings_of

BATCH = 200  # calls anonymised per transaction: a purge never holds long locks or much memory


class Part(StrEnum):
    TRANSCRIPT = "transcript"
    DETAILS = "details"
    NOTES = "notes"


MARK = {
    Part.TRANSCRIPT: Call.transcript_erased_at,
    Part.DETAILS: Call.details_erased_at,
    Part.NOTES: Call.notes_erased_at,
}

# Every table that holds caller data, and every table that holds none (tests/test_privacy_records.py
# checks that each table of the schema is in one of the two lists, so a new table is not forgotten).
CALLER_TABLES = (
    "calls",
    "transcript_turns",
    "handoffs",
    "handoff_events",
    "orders",
    "messages",
    "webhook_deliveries",
    "recordings",
)
OTHER_TABLES = ("users", "api_tokens", "pack_versions", "audit_log", "server_instances", "alembic_version")

# What a summary keeps once anonymised: the triage, nothing the caller said or is.
SUMMARY_KEPT = ("client", "urgency", "intent", "distress", "caller_language", "handoff_reason", "confirmed")
SUMMARY_TRANSCRIPT = ("transcript", "evidence", "urgency_reason")
SUMMARY_DETAILS = (
    "caller_name",
    "callback_number",
    "callback_number_text",  # the same number, grouped for agents: erased with it
    "address",
    "collected",
    "recommended_action",
)
# What a handoff event keeps once its notes are removed: what happened, not what anyone wrote.
EVENT_KEPT = ("reason", "urgency", "channel", "resolution", "level", "via", "dial_status", "duration")
ERASED = "erased"  # a webhook delivery whose body was removed; never sent again


@dataclass
class Counts:
    """How many rows were changed, by table: what the log and the audit log keep of a purge or an
    erasure (never the data itself)."""

    calls: int = 0
    transcript_turns: int = 0
    handoffs: int = 0
    handoff_events: int = 0
    orders: int = 0
    messages: int = 0
    webhook_deliveries: int = 0
    recordings: int = 0  # audio files removed with their rows
    held: int = 0  # calls kept whole because one of their handoffs is under legal hold

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def __bool__(self) -> bool:
        return any(self.as_dict().values())


def held_calls():
    """Calls with a handoff under legal hold (a subquery)."""
    return select(Handoff.call_id).where(Handoff.legal_hold.is_(True))


def _reduced_summary(summary: dict[str, Any], call: Call) -> dict[str, Any]:
    """The summary without the parts already erased from its call (the mark set before this runs)."""
    keep = set(SUMMARY_KEPT)
    if call.transcript_erased_at is None:
        keep |= set(SUMMARY_TRANSCRIPT)
    if call.details_erased_at is None:
        keep |= set(SUMMARY_DETAILS)
    if call.transcript_erased_at is None and call.details_erased_at is None:
        return summary
    reduced = {k: v for k, v in summary.items() if k in keep}
    reduced["anonymised"] = True
    return reduced


def anonymise(db: Session, call: Call, parts: Iterable[Part], now: datetime | None = None) -> Counts:
    """Remove `parts` of one call's caller data in `db`'s transaction. Idempotent."""
    now = now or datetime.now(UTC)
    parts = {p for p in parts if getattr(call, MARK[p].key) is None}
    counts = Counts()
    if not parts:
        return counts
    for part in parts:
        setattr(call, MARK[part].key, now)
    counts.calls = 1
    handoffs = list(db.scalars(select(Handoff).where(Handoff.call_id == call.id)))
    if Part.TRANSCRIPT in parts:
        counts.transcript_turns = db.execute(delete(TranscriptTurn).where(TranscriptTurn.call_id == call.id)).rowcount
        db.expire(call, ["turns"])
        for message in db.scalars(select(Message).where(Message.call_id == call.id)):
            message.text = ""  # the caller's own words, taken down
            counts.messages += 1
    if Part.DETAILS in parts:
        call.caller_number = None
        call.line_call_id = None
        for order in db.scalars(select(Order).where(Order.call_id == call.id)):
            order.name = order.phone = order.address = None
            counts.orders += 1
        for message in db.scalars(select(Message).where(Message.call_id == call.id)):
            message.name = message.phone = None
            message.when = None
            counts.messages += Part.TRANSCRIPT not in parts  # counted once per message
    if Part.TRANSCRIPT in parts or Part.DETAILS in parts:
        for handoff in handoffs:
            handoff.summary = _reduced_summary(handoff.summary or {}, call)
            counts.handoffs += 1
        if handoffs:  # a webhook body is a copy of the handoff as it was: summary, transcript and all
            counts.webhook_deliveries = db.execute(
                update(WebhookDelivery)
                .where(WebhookDelivery.handoff_id.in_([h.id for h in handoffs]), WebhookDelivery.body != "")
                .values(body="", status=ERASED)
            ).rowcount
    if Part.NOTES in parts:
        for handoff in handoffs:
            handoff.transfer_target = None
            for event in db.scalars(select(HandoffEvent).where(HandoffEvent.handoff_id == handoff.id)):
                kept = {k: v for k, v in (event.detail or {}).items() if k in EVENT_KEPT}
                if kept != event.detail:
                    event.detail = kept
                    counts.handoff_events += 1
    return counts


# --- finding one caller's calls ------------------------------------------------------------------
@dataclass
class Found:
    """The calls stored about one caller, and those kept back by a legal hold."""

    call_ids: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)


def _stream(db: Session, query) -> Iterator[Any]:
    yield from db.execute(query.execution_options(yield_per=500))


def find_calls(db: Session, *, phone: str | None = None, name: str | None = None, country: str = "49") -> Found:
    """Every call where the number is the caller's line, a callback number, an order's or a
    message's number, or written in digits in the transcript; or where the name is the caller's
    name as taken down, an order's or a message's name, or said in the transcript."""
    from .keys import name_in, name_key, phone_key, phone_keys_in

    ids: set[str] = set()
    if phone:
        key = phone_key(phone, country)
        if key is None:
            raise ValueError(f"{len(phone)} characters are not a phone number (at least 6 digits)")

        def same(value: Any) -> bool:
            return isinstance(value, str) and phone_key(value, country) == key

        for call_id, number in _stream(db, select(Call.id, Call.caller_number).where(Call.caller_number.is_not(None))):
            if same(number):
                ids.add(call_id)
        for table in (Order, Message):
            for call_id, number in _stream(db, select(table.call_id, table.phone).where(table.phone.is_not(None))):
                if same(number):
                    ids.add(call_id)
        for call_id, summary in _stream(db, select(Handoff.call_id, Handoff.summary)):
            summary = summary or {}
            if same(summary.get("callback_number")) or same((summary.get("collected") or {}).get("phone")):
                ids.add(call_id)
        for call_id, text in _stream(db, select(TranscriptTurn.call_id, TranscriptTurn.text)):
            if key in phone_keys_in(text, country):
                ids.add(call_id)
    if name:
        key = name_key(name)
        if len(key) < 2:
            raise ValueError("a name needs at least two letters")
        for table in (Order, Message):
            for call_id, value in _stream(db, select(table.call_id, table.name).where(table.name.is_not(None))):
                if name_key(value) == key:
                    ids.add(call_id)
        for call_id, summary in _stream(db, select(Handoff.call_id, Handoff.summary)):
            value = (summary or {}).get("caller_name")
            if isinstance(value, str) and name_key(value) == key:
                ids.add(call_id)
        for call_id, text in _stream(db, select(TranscriptTurn.call_id, TranscriptTurn.text)):
            if name_in(text, key):
                ids.add(call_id)
    held = set(db.scalars(select(Handoff.call_id).where(Handoff.call_id.in_(ids), Handoff.legal_hold.is_(True))))
    return Found(call_ids=sorted(ids), held=sorted(held))


# --- export --------------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_dict(row: Any) -> dict[str, Any]:
    """Every column of a row (new columns included without changing this module)."""
    return {attr.key: _plain(getattr(row, attr.key)) for attr in inspect(row).mapper.column_attrs}


def export_calls(db: Session, call_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Each call with everything stored about it, as JSON-ready dicts."""
    result = []
    for call_id in call_ids:
        call = db.get(Call, call_id)
        if call is None:
            continue
        item = row_dict(call)
        item["transcript"] = [row_dict(t) for t in call.turns]
        item["handoffs"] = []
        for handoff in db.scalars(select(Handoff).where(Handoff.call_id == call_id)):
            h = row_dict(handoff)
            h["events"] = [row_dict(e) for e in handoff.events]
            h["webhook_deliveries"] = [
                row_dict(d) for d in db.scalars(select(WebhookDelivery).where(WebhookDelivery.handoff_id == handoff.id))
            ]
            item["handoffs"].append(h)
        item["orders"] = [row_dict(o) for o in db.scalars(select(Order).where(Order.call_id == call_id))]
        item["messages"] = [row_dict(m) for m in db.scalars(select(Message).where(Message.call_id == call_id))]
        # the encrypted audio files (`file`); the console and GET /api/privacy/recordings/{id} play them
        item["recordings"] = [row_dict(r) for r in recordings_of(db, [call_id])]
        result.append(item)
    return result


def erase_calls(db: Session, call_ids: Iterable[str]) -> Counts:
    """Anonymise every part of these calls and delete their recordings, files and rows (held ones
    excluded by the caller)."""
    counts = Counts()
    for call_id in call_ids:
        call = db.get(Call, call_id)
        if call is not None:
            counts.add(anonymise(db, call, list(Part)))
            counts.recordings += delete_recordings(db, recordings_of(db, [call_id]))
    return counts


def due_recordings(db: Session, client_id: str, cutoff: datetime, limit: int = BATCH) -> list[Recording]:
    """A client's recordings started before `cutoff`, none of a call under legal hold."""
    query = (
        select(Recording)
        .where(Recording.client_id == client_id, Recording.started_at < cutoff, ~Recording.call_id.in_(held_calls()))
        .order_by(Recording.started_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list(db.scalars(query))


def due_calls(db: Session, client_id: str, part: Part, cutoff: datetime, limit: int = BATCH) -> list[Call]:
    """Calls of a client started before `cutoff` whose `part` is still there, none under legal hold.
    Locked for the transaction (PostgreSQL; SQLite has one writer anyway)."""
    query = (
        select(Call)
        .where(
            Call.client_id == client_id,
            Call.started_at < cutoff,
            MARK[part].is_(None),
            ~Call.id.in_(held_calls()),
        )
        .order_by(Call.started_at)
        .limit(limit)
        .with_for_update(skip_locked=True)  # several servers purging at once take different calls
    )
    return list(db.scalars(query))


def held_count(db: Session, client_id: str, cutoff: datetime) -> int:
    """Calls past the cutoff kept only because of a legal hold."""
    query = select(Call.id).where(
        Call.client_id == client_id,
        Call.started_at < cutoff,
        exists().where(Handoff.call_id == Call.id, Handoff.legal_hold.is_(True)),
        or_(*(mark.is_(None) for mark in MARK.values())),
    )
    return len(db.scalars(query).all())
