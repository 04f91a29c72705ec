"""Writing and reading calls and outcomes. Each write that a caller is promised commits before returning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, select, update
from sqlalchemy.orm import sessionmaker

from ..brain.flows.message import stored_text
from ..handoff.queue import HandoffQueue, NewHandoff
from ..phones import phone_text
from .changes import ChangeFeed
from .channels import TEST, TEST_CHANNEL
from .db import open_database
from .tables import Call, Handoff, Message, Order, ServerInstance, TranscriptTurn

# Queue order: danger to life first, then emergencies, then the rest.
PRIORITY = {"P0": 0, "P1": 1, "P2": 2, "P3": 3, "P4": 4}


EMERGENCIES = ("P0", "P1")

# What agents read on a handoff made for an emergency call that was lost before it ended.
_LOST_TEXT = {
    "de": "{urgency}-Notfall: Der Anruf brach ab, bevor er abgeschlossen war. Bitte Verlauf lesen und zurückrufen.",
    "en": "{urgency} emergency: the call was lost before it was finished. Read the transcript and call back.",
}


class CallStore:
    def __init__(self, sessions: sessionmaker, feed: ChangeFeed) -> None:
        self.sessions = sessions
        self.feed = feed
        # a handoff is the queue's to make, also inside this store's transactions (persist before promise)
        self.handoffs = HandoffQueue(sessions, feed)
        # set by a server: its voice calls are marked as held by it (see handoff/lines.py)
        self.instance_id: str | None = None

    def start_call(
        self,
        client_id: str,
        pack_version: str,
        language: str,
        channel: str = "text",
        line_call_id: str | None = None,
        caller_number: str | None = None,
        call_id: str | None = None,
    ) -> str:
        """`call_id` lets a session that could not store its start (the database failed) retry
        with the id it already uses. Every call is marked with the server holding it, so that an
        emergency in a call whose server stopped can be found (see rescue_lost_emergencies)."""
        with self.sessions.begin() as db:
            call = Call(
                client_id=client_id,
                pack_version=pack_version,
                language=language,
                channel=channel,
                line_call_id=line_call_id,
                caller_number=caller_number,
                served_by=self.instance_id,
            )
            if call_id is not None:
                call.id = call_id
            db.add(call)
            db.flush()
            return call.id

    def add_turns(self, call_id: str, turns: list[tuple[str, str]]) -> None:
        """Append transcript lines; the transcript is kept as it happens, not only at the end."""
        if not turns:
            return
        with self.sessions.begin() as db:
            seq = len(db.scalars(select(TranscriptTurn.id).where(TranscriptTurn.call_id == call_id)).all())
            for i, (role, text) in enumerate(turns):
                db.add(TranscriptTurn(call_id=call_id, seq=seq + i, role=role, text=text))

    def mark_urgency(self, call_id: str, urgency: str, intent: str, distress: str) -> None:
        """The call's triage as soon as it is known, before any outcome. For a P0/P1 this makes the
        call a handoff-to-be: if the call is lost before its outcome is stored (the server killed,
        the pipeline dead), rescue_lost_emergencies turns it into a handoff for agents."""
        with self.sessions.begin() as db:
            matched = db.execute(
                update(Call)
                .where(Call.id == call_id, Call.outcome_type.is_(None))
                .values(urgency=urgency, intent=intent, distress=distress)
            ).rowcount
            if matched != 1 and db.get(Call, call_id) is None:
                raise LookupError(f"no call {call_id}")

    def rescue_lost_emergencies(self, dead_after_s: float) -> list[str]:
        """Handoffs for P0/P1 calls without an outcome whose server has not been seen for
        `dead_after_s` (a server beats before it takes its first call). Returns the new handoff ids.

        The call is claimed with a compare-and-set on its outcome, so of several instances
        sweeping at once exactly one creates the handoff."""
        alive_since = datetime.now(UTC) - timedelta(seconds=dead_after_s)
        alive = exists().where(and_(ServerInstance.id == Call.served_by, ServerInstance.seen_at >= alive_since))
        with self.sessions() as db:
            lost = list(
                db.scalars(
                    select(Call.id).where(
                        Call.urgency.in_(EMERGENCIES),
                        Call.outcome_type.is_(None),
                        Call.ended_at.is_(None),
                        Call.served_by.is_not(None),
                        ~alive,
                    )
                )
            )
        rescued = []
        for call_id in lost:
            with self.sessions.begin() as db:
                claimed = db.execute(
                    update(Call)
                    .where(Call.id == call_id, Call.outcome_type.is_(None))
                    .values(outcome_type="handoff", ended_at=datetime.now(UTC))
                ).rowcount
                if claimed != 1:
                    continue
                call = db.get(Call, call_id)
                text = _LOST_TEXT.get(call.language, _LOST_TEXT["en"]).format(urgency=call.urgency)
                summary = {
                    "client": call.client_id,
                    "urgency": call.urgency,
                    "intent": call.intent,
                    "distress": call.distress,
                    "callback_number": call.caller_number,
                    "callback_number_text": phone_text(call.caller_number),
                    "caller_language": call.language,
                    "handoff_reason": "lost",
                    "text": text,
                }
                lost_handoff = NewHandoff(
                    client_id=call.client_id,
                    urgency=call.urgency,
                    distress=call.distress,
                    reason="lost",
                    summary=summary,
                    actor="system",
                )
                rescued.append(self.handoffs.create(call_id, lost_handoff, db=db))
        return rescued

    def save_outcome(self, call_id: str, outcome: dict[str, Any], client_id: str, language: str | None = None) -> str:
        """Store a handoff, order or message with the call's triage, in one transaction. Returns its id.
        `language` is the caller's language now (it may have changed since the call started)."""
        with self.sessions.begin() as db:
            call = db.get(Call, call_id)
            if call is None:
                raise LookupError(f"no call {call_id}")
            call.urgency, call.intent = outcome["urgency"], outcome["intent"]
            call.distress, call.outcome_type = outcome["distress"], outcome["type"]
            row: Order | Message | None = None
            if outcome["type"] == "handoff":
                new = NewHandoff(
                    client_id=client_id,
                    urgency=outcome["urgency"],
                    distress=outcome["distress"],
                    reason=outcome.get("handoff_reason") or "",
                    summary=outcome.get("summary") or {},
                    language=language,
                )
                return self.handoffs.create(call_id, new, db=db)
            elif outcome["type"] == "order":
                order = outcome["order"]
                row = Order(
                    call_id=call_id,
                    client_id=client_id,
                    items=order["items"],
                    fulfilment=order.get("fulfilment"),
                    name=order.get("name"),
                    phone=order.get("phone"),
                    address=order.get("address"),
                    status=TEST if call.channel == TEST_CHANNEL else "new",
                )
            elif outcome["type"] == "message":
                message = outcome["message"]
                row = Message(
                    call_id=call_id,
                    client_id=client_id,
                    kind=message.get("kind", "message"),
                    text=stored_text(message),
                    name=message.get("name"),
                    phone=message.get("phone"),
                    when=message.get("when"),
                    status=TEST if call.channel == TEST_CHANNEL else "new",
                )
            if row is None:
                return call_id
            db.add(row)
            db.flush()
            return row.id

    def end_call(self, call_id: str, recording_consent: bool | None = None, language: str | None = None) -> None:
        """The call's end; `language` is the one it ended in (a call follows its caller from the first)."""
        with self.sessions.begin() as db:
            call = db.get(Call, call_id)
            if call is not None:
                call.ended_at = datetime.now(UTC)
                call.recording_consent = recording_consent
                call.language = language or call.language

    def call(self, call_id: str) -> dict[str, Any] | None:
        with self.sessions() as db:
            call = db.get(Call, call_id)
            if call is None:
                return None
            return {
                "id": call.id,
                "client_id": call.client_id,
                "channel": call.channel,
                "line_call_id": call.line_call_id,
                "caller_number": call.caller_number,
                "urgency": call.urgency,
                "outcome_type": call.outcome_type,
                "ended": call.ended_at is not None,
                "transcript": [{"role": t.role, "text": t.text} for t in call.turns],
            }

    def call_ids_for_line(self, line_call_id: str) -> list[str]:
        with self.sessions() as db:
            return list(db.scalars(select(Call.id).where(Call.line_call_id == line_call_id)))

    def waiting_handoffs(self, client_id: str | None = None, status: str = "waiting") -> list[Handoff]:
        """The queue: most urgent first, acute distress next, then who waited longest (status="test": the
        handoffs of test calls, which never join it)."""
        with self.sessions() as db:
            query = select(Handoff).where(Handoff.status == status)
            if client_id:
                query = query.where(Handoff.client_id == client_id)
            rows = list(db.scalars(query))
        return sorted(rows, key=lambda h: (PRIORITY[h.urgency], h.distress != "acute", h.created_at))

    def orders(self, client_id: str, *, test: bool = False) -> list[Order]:
        """A client's orders, oldest first: the live ones, or (test=True) only those of test calls."""
        with self.sessions() as db:
            query = select(Order).where(Order.client_id == client_id, _is_test(Order, test))
            return list(db.scalars(query.order_by(Order.created_at)))

    def messages(self, client_id: str, *, test: bool = False) -> list[Message]:
        """A client's messages, oldest first: the live ones, or (test=True) only those of test calls."""
        with self.sessions() as db:
            query = select(Message).where(Message.client_id == client_id, _is_test(Message, test))
            return list(db.scalars(query.order_by(Message.created_at)))

    def outcomes_of_test_calls(self, clients: list[str] | None, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
        """The orders and messages of test calls, newest first, of `clients` (None: every client), for
        the admins' "show test calls" switch."""
        out: dict[str, list[dict[str, Any]]] = {}
        with self.sessions() as db:
            for name, table in (("orders", Order), ("messages", Message)):
                query = select(table).where(table.status == TEST)
                if clients is not None:
                    query = query.where(table.client_id.in_(clients))
                rows = db.scalars(query.order_by(table.created_at.desc()).limit(limit))
                out[name] = [_outcome_row(row) for row in rows]
        return out


def _outcome_row(row: Order | Message) -> dict[str, Any]:
    fields = ("items", "fulfilment", "address") if isinstance(row, Order) else ("kind", "text", "when")
    return {
        "id": row.id,
        "call_id": row.call_id,
        "client_id": row.client_id,
        "status": row.status,
        "created_at": row.created_at.isoformat(),
        "name": row.name,
        "phone": row.phone,
        **{f: getattr(row, f) for f in fields},
    }


def _is_test(table: type[Order] | type[Message], test: bool):
    return table.status == TEST if test else table.status != TEST


def open_store(url: str) -> CallStore:
    sessions = open_database(url)
    return CallStore(sessions, ChangeFeed(url, sessions))
