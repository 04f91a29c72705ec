"""The handoff queue: a handoff's creation (`create`) and every state change, each recorded with who and when.

States: waiting → offered (an agent's phone is ringing) → accepted → resolved; `returned` is back in
the queue after a transfer nobody answered; `callback` means the caller was promised a call back.
Every change is a compare-and-set on the row (`UPDATE … WHERE status IN …`), so when two agents
accept the same handoff at the same moment exactly one update matches and wins, on SQLite (one
writer at a time) and PostgreSQL (the row lock of the UPDATE) alike.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, cast, overload

from pydantic import BaseModel, ConfigDict
from sqlalchemy import CursorResult, and_, case, select, update
from sqlalchemy.orm import Session, sessionmaker

from ..phones import phone_text
from ..store.changes import ChangeFeed
from ..store.channels import TEST_CHANNEL, VOICE_CHANNELS
from ..store.tables import Call, Handoff, HandoffEvent, WebhookDelivery

QUEUED = ("waiting", "returned")  # in the queue, nobody has it
OPEN = (*QUEUED, "offered", "callback")  # an agent may still accept it
ACTIVE = (*OPEN, "accepted")  # not finished
STATUSES = (*OPEN, "accepted", "resolved", "abandoned", "test")  # test: a test call's, never queued (issue 13)
RESOLUTIONS = ("helped", "called_back", "dispatched", "transferred", "unreachable", "no_action", "spam")

SYSTEM = "system"


class QueueConflict(Exception):
    """The handoff was not in a state that allows this (someone else got there first)."""

    def __init__(self, message: str, status: str | None = None) -> None:
        super().__init__(message)
        self.status = status


class UnknownHandoff(LookupError):
    pass


def _now() -> datetime:
    return datetime.now(UTC)


def queue_order():
    """P0 first; then P1 and every caller in acute distress, whatever their urgency (PRODUCT.md: acute distress goes
    to a human now, so a caller crying "please send someone" never waits behind a cold radiator); then the rest by
    urgency (the labels sort as text); within each, acute distress first, then the caller's own urgency, then
    waiting time."""
    acute = Handoff.distress == "acute"
    rank = case((and_(acute, Handoff.urgency > "P1"), "P1"), else_=Handoff.urgency)
    return (rank, case((acute, 0), else_=1), Handoff.urgency, Handoff.created_at)


@overload
def _aware(at: datetime) -> datetime: ...
@overload
def _aware(at: datetime | None) -> datetime | None: ...
def _aware(at: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


class HandoffEventView(BaseModel):
    kind: str
    actor: str
    status: str
    detail: dict[str, Any]
    at: str
    phone_text: str | None = None  # the number the event names (alerted, escalated to, put through to), grouped


class NoteView(BaseModel):
    by: str
    text: str
    at: str


class TurnView(BaseModel):
    role: str
    text: str


class DeliveryView(BaseModel):
    """One webhook delivery of a handoff with every attempt (status code, error, duration)."""

    id: str
    event: str
    url: str
    status: str
    attempts: list[dict[str, Any]]
    next_attempt_at: str | None
    created_at: str | None
    delivered_at: str | None


class HandoffView(BaseModel):
    """What agents, the console and the webhook see of a handoff: the API's response model (with
    `response_model_exclude_unset`, so a field a route does not fill is left out, as before), and
    the `handoff` of every webhook body. Times are ISO 8601 strings in UTC.

    The queue's methods return it as a dict (`model_dump` of this shape) because the queue, the
    transfer code and the live websocket pass it on as JSON; `handoff_view` is the one place it is
    built. Fields beyond the list are kept (`extra="allow"`) so that a column added later reaches
    the console before the model names it."""

    model_config = ConfigDict(extra="allow")

    id: str
    client_id: str
    call_id: str | None
    status: str
    urgency: str
    distress: str
    reason: str | None
    language: str | None
    caller_on_line: bool
    assigned_to: str | None
    created_at: str
    accepted_at: str | None
    resolved_at: str | None
    resolution: str | None
    escalation_level: int
    escalated_at: str | None
    callback_promised_at: str | None
    transfer_target: str | None
    summary: dict[str, Any]
    # of its call (the queue's lists and `get`)
    channel: str | None = None
    caller_number: str | None = None
    caller_number_text: str | None = None  # the line's caller ID as agents read it ("+49 421 998877")
    line_call_id: str | None = None
    # only `get`: the call's words, what happened, the agents' notes, the webhook deliveries
    transcript: list[TurnView] | None = None
    events: list[HandoffEventView] | None = None
    notes: list[NoteView] | None = None
    deliveries: list[DeliveryView] | None = None
    # accepting a handoff whose caller is on a phone line: what happened to the call
    transfer: dict[str, Any] | None = None


class HandoffList(BaseModel):
    handoffs: list[HandoffView]


class DeliveryList(BaseModel):
    deliveries: list[DeliveryView]


class NewHandoff(BaseModel):
    """What a handoff is made from (`HandoffQueue.create`): the call's triage, why it is handed over
    and the agents' summary. Where it stands (waiting, or `test` for a test call) and whether the
    caller is still on a line follow from its call."""

    client_id: str
    urgency: str
    distress: str
    reason: str = ""
    summary: dict[str, Any] = {}
    language: str | None = None  # the caller's language now; None: the call's
    actor: str = "caller"  # who made it: the caller (the call's outcome) or `system` (a lost call rescued)


def handoff_view(h: Handoff, call: Call | None = None, events: Iterable[HandoffEvent] = ()) -> dict[str, Any]:
    """What agents, the console and the webhook see of a handoff (the shape of `HandoffView`)."""
    summary = h.summary or {}
    view: dict[str, Any] = {
        "id": h.id,
        "client_id": h.client_id,
        "call_id": h.call_id,
        "status": h.status,
        "urgency": h.urgency,
        "distress": h.distress,
        "reason": h.reason,
        "language": h.language,
        "caller_on_line": h.caller_on_line,
        "assigned_to": h.assigned_to,
        "created_at": _iso(h.created_at),
        "accepted_at": _iso(h.accepted_at),
        "resolved_at": _iso(h.resolved_at),
        "resolution": h.resolution,
        "escalation_level": h.escalation_level,
        "escalated_at": _iso(h.escalated_at),
        "callback_promised_at": _iso(h.callback_promised_at),
        "transfer_target": h.transfer_target,
        "summary": summary,
    }
    if call is not None:
        view |= _call_fields(call)
        view["transcript"] = [{"role": t.role, "text": t.text} for t in call.turns]
    events = list(events)
    if events:
        view["events"] = [
            {
                "kind": e.kind,
                "actor": e.actor,
                "status": e.status,
                "detail": e.detail,
                "at": _iso(e.at),
                "phone_text": phone_text(_event_number(e.detail or {})),
            }
            for e in events
        ]
        view["notes"] = [
            {"by": e.actor, "text": e.detail.get("text", ""), "at": _iso(e.at)} for e in events if e.kind == "note"
        ]
    return view


def _event_number(detail: dict[str, Any]) -> str | None:
    """The phone number an event names: the contact alerted (`to`), the one escalated to, the transfer target."""
    contact = detail.get("contact")
    number = detail.get("to") or (contact.get("phone") if isinstance(contact, dict) else None) or detail.get("target")
    return number if isinstance(number, str) else None


def _call_fields(call: Call) -> dict[str, Any]:
    """The call's line; its caller ID grouped here, the one place agents' numbers are grouped (`phone_text`: a
    line gives "+49…", which is grouped by its own country)."""
    return {
        "channel": call.channel,
        "caller_number": call.caller_number,
        "caller_number_text": phone_text(call.caller_number),
        "line_call_id": call.line_call_id,
    }


def _row(h: Handoff, call: Call) -> dict[str, Any]:
    return handoff_view(h) | _call_fields(call)


def _iso(at: datetime | None) -> str | None:
    aware = _aware(at)
    return aware.isoformat() if aware is not None else None


def delivery_view(d: WebhookDelivery) -> dict[str, Any]:
    return {
        "id": d.id,
        "event": d.event,
        "url": d.url,
        "status": d.status,
        "attempts": d.attempts,
        "next_attempt_at": _iso(d.next_attempt_at) if d.status == "pending" else None,
        "created_at": _iso(d.created_at),
        "delivered_at": _iso(d.delivered_at),
    }


class HandoffQueue:
    def __init__(self, sessions: sessionmaker, feed: ChangeFeed) -> None:
        self.sessions = sessions
        self.feed = feed

    # --- reading ----------------------------------------------------------------------------------
    def list(
        self, clients: Iterable[str] | None = None, statuses: Iterable[str] = ACTIVE, limit: int = 200
    ) -> list[dict[str, Any]]:
        """Most urgent first. `clients=None` means every client (a platform admin)."""
        with self.sessions() as db:
            query = select(Handoff, Call).join(Call, Call.id == Handoff.call_id)
            query = query.where(Handoff.status.in_(list(statuses)))
            if clients is not None:
                query = query.where(Handoff.client_id.in_(list(clients)))
            rows = db.execute(query.order_by(*queue_order()).limit(limit)).all()
            return [_row(h, call) for h, call in rows]

    def row(self, handoff_id: str) -> dict[str, Any]:
        """One handoff as the queue lists it (no transcript or events): what a live push carries."""
        with self.sessions() as db:
            found = db.execute(
                select(Handoff, Call).join(Call, Call.id == Handoff.call_id).where(Handoff.id == handoff_id)
            ).first()
            if found is None:
                raise UnknownHandoff(handoff_id)
            return _row(*found)

    def get(self, handoff_id: str) -> dict[str, Any]:
        with self.sessions() as db:
            h = db.get(Handoff, handoff_id)
            if h is None:
                raise UnknownHandoff(handoff_id)
            return handoff_view(h, db.get(Call, h.call_id), h.events)

    def client_of(self, handoff_id: str) -> str:
        with self.sessions() as db:
            client = db.scalar(select(Handoff.client_id).where(Handoff.id == handoff_id))
        if client is None:
            raise UnknownHandoff(handoff_id)
        return client

    def deliveries(self, handoff_id: str) -> builtins.list[dict[str, Any]]:
        with self.sessions() as db:
            rows = db.scalars(
                select(WebhookDelivery)
                .where(WebhookDelivery.handoff_id == handoff_id)
                .order_by(WebhookDelivery.created_at)
            )
            return [delivery_view(d) for d in rows]

    # --- changing ---------------------------------------------------------------------------------
    def create(self, call_id: str, new: NewHandoff, db: Session | None = None) -> str:
        """The one place a handoff is made: its row, the `created` event and the change-feed push
        (none for a test call's handoff, which never joins the live queue). Returns its id.

        Given `db`, it is added to that transaction and the caller commits: the call's outcome and
        its triage are then stored together or not at all (persist before you promise). Without,
        it commits on its own."""
        if db is None:
            with self.sessions.begin() as own:
                return self.create(call_id, new, db=own)
        call = db.get(Call, call_id)
        if call is None:
            raise LookupError(f"no call {call_id}")
        handoff = Handoff(
            call_id=call.id,
            client_id=new.client_id,
            urgency=new.urgency,
            distress=new.distress,
            reason=new.reason,
            summary=new.summary,
            language=new.language or call.language,
            caller_on_line=call.channel in VOICE_CHANNELS and call.ended_at is None,
            status="test" if call.channel == TEST_CHANNEL else "waiting",
        )
        db.add(handoff)
        db.flush()
        db.add(
            HandoffEvent(
                handoff_id=handoff.id,
                kind="created",
                actor=new.actor,
                status=handoff.status,
                detail={"reason": handoff.reason, "urgency": handoff.urgency, "channel": call.channel},
            )
        )
        if handoff.status != "test":  # a test call's is never in the live queue, escalated, pushed or sent
            self.feed.publish(db, {"kind": "handoff", "event": "created", "id": handoff.id, "client_id": new.client_id})
        return handoff.id

    def accept(self, handoff_id: str, user: str) -> dict[str, Any]:
        """Exactly one of several agents accepting at once wins; the others get QueueConflict."""
        now = _now()
        return self._change(
            handoff_id,
            allowed=OPEN,
            values={"status": "accepted", "assigned_to": user, "accepted_at": now},
            kind="accepted",
            actor=user,
        )

    def claim_next(self, user: str, clients: Iterable[str] | None = None) -> dict[str, Any] | None:
        """Accept the most urgent queued handoff. On PostgreSQL the candidate row is locked with
        SKIP LOCKED, so agents claiming at once each get a different one instead of queueing behind
        the same row; on SQLite the single writer does the same job."""
        for _ in range(20):
            with self.sessions() as db:
                query = select(Handoff.id).where(Handoff.status.in_(QUEUED))
                if clients is not None:
                    query = query.where(Handoff.client_id.in_(list(clients)))
                query = query.order_by(*queue_order()).limit(1)
                if self.feed.postgres:
                    query = query.with_for_update(skip_locked=True)
                handoff_id = db.scalar(query)
                if handoff_id is None:
                    return None
                try:
                    return self._change(
                        handoff_id,
                        allowed=QUEUED,
                        values={"status": "accepted", "assigned_to": user, "accepted_at": _now()},
                        kind="accepted",
                        actor=user,
                        db=db,
                    )
                except QueueConflict:
                    db.rollback()
                    continue
        return None

    def offer(
        self, handoff_id: str, target: str, actor: str = SYSTEM, allowed: Iterable[str] = (*OPEN, "accepted")
    ) -> dict[str, Any]:
        """A phone is ringing for this handoff (a warm transfer to `target`). A transfer nobody asked
        for (straight to a number, or to on-call) passes `allowed=("waiting",)` or similar, so that of
        several server instances only one starts it."""
        return self._change(
            handoff_id,
            allowed=allowed,
            values={"status": "offered", "transfer_target": target},
            kind="offered",
            actor=actor,
            detail={"target": target},
        )

    def return_to_queue(self, handoff_id: str, actor: str, why: str) -> dict[str, Any]:
        return self._change(
            handoff_id,
            allowed=("offered", "accepted"),
            values={"status": "returned", "assigned_to": None, "accepted_at": None, "transfer_target": None},
            kind="returned",
            actor=actor,
            detail={"why": why},
        )

    def note(self, handoff_id: str, user: str, text: str) -> dict[str, Any]:
        return self._change(handoff_id, allowed=STATUSES, values={}, kind="note", actor=user, detail={"text": text})

    def resolve(self, handoff_id: str, user: str, resolution: str, note: str | None = None) -> dict[str, Any]:
        if resolution not in RESOLUTIONS:
            raise ValueError(f"unknown resolution {resolution!r}; one of {', '.join(RESOLUTIONS)}")
        detail: dict[str, Any] = {"resolution": resolution}
        if note:
            detail["text"] = note
        return self._change(
            handoff_id,
            allowed=ACTIVE,
            values={"status": "resolved", "resolution": resolution, "resolved_at": _now(), "caller_on_line": False},
            kind="resolved",
            actor=user,
            detail=detail,
        )

    def promise_callback(self, handoff_id: str) -> dict[str, Any]:
        """Nobody took the call in time: the caller is promised a call back, and agents see it."""
        return self._change(
            handoff_id,
            allowed=QUEUED,
            values={"status": "callback", "callback_promised_at": _now()},
            kind="callback",
            actor=SYSTEM,
        )

    def escalate(self, handoff_id: str, level: int, contact: dict[str, Any]) -> dict[str, Any]:
        """Alert contact number `level` of the on-call chain. Only moves from level-1 to level, so two
        server instances scanning the same queue alert each contact once."""
        return self._change(
            handoff_id,
            allowed=OPEN,
            values={"escalation_level": level, "escalated_at": _now()},
            kind="escalated",
            actor=SYSTEM,
            detail={"level": level, "contact": contact},
            where_level=level - 1,
        )

    def caller_left(self, handoff_id: str) -> dict[str, Any] | None:
        """The caller hung up while waiting (or while an agent had the call in the console). The
        handoff stays where it is: someone calls back. A line closed because the call is being
        transferred (`offered`) is not the caller leaving."""
        try:
            return self._change(
                handoff_id,
                allowed=(*QUEUED, "callback", "accepted"),
                values={"caller_on_line": False},
                kind="caller_left",
                actor="caller",
                where_on_line=True,
            )
        except QueueConflict:
            return None

    def line_lost(self, handoff_id: str, why: str) -> dict[str, Any] | None:
        """The server holding the caller's line stopped: the caller is not on the line any more,
        whatever state the handoff is in, so nobody tries to take a call that is gone."""
        try:
            return self._change(
                handoff_id,
                allowed=STATUSES,
                values={"caller_on_line": False},
                kind="line_lost",
                actor=SYSTEM,
                detail={"why": why},
                where_on_line=True,
            )
        except QueueConflict:
            return None

    def caller_back(self, handoff_id: str) -> dict[str, Any]:
        """The caller is on our line again (a transfer nobody answered brought them back)."""
        return self._change(
            handoff_id, allowed=STATUSES, values={"caller_on_line": True}, kind="caller_back", actor="caller"
        )

    def record(self, handoff_id: str, kind: str, actor: str = SYSTEM, **detail: Any) -> dict[str, Any]:
        """An event that changes no state (a transfer failed, a notification was sent)."""
        return self._change(handoff_id, allowed=STATUSES, values={}, kind=kind, actor=actor, detail=detail)

    def open_handoffs(self) -> builtins.list[Handoff]:
        """Everything escalation has to look at (small: what is waiting right now)."""
        with self.sessions() as db:
            return list(db.scalars(select(Handoff).where(Handoff.status.in_(OPEN))))

    # --- one compare-and-set --------------------------------------------------------------------
    def _change(
        self,
        handoff_id: str,
        *,
        allowed: Iterable[str],
        values: dict[str, Any],
        kind: str,
        actor: str,
        detail: dict[str, Any] | None = None,
        where_level: int | None = None,
        where_on_line: bool | None = None,
        db: Session | None = None,
    ) -> dict[str, Any]:
        own = db is None
        db = db or self.sessions()
        try:
            statement = (
                update(Handoff)
                .where(Handoff.id == handoff_id, Handoff.status.in_(list(allowed)))
                .values(**values, updated_at=_now())
                .execution_options(synchronize_session=False)
            )
            if where_level is not None:
                statement = statement.where(Handoff.escalation_level == where_level)
            if where_on_line is not None:
                statement = statement.where(Handoff.caller_on_line == where_on_line)
            matched = cast(CursorResult, db.execute(statement)).rowcount
            if matched != 1:
                db.rollback()
                found = db.execute(select(Handoff.status, Handoff.assigned_to).where(Handoff.id == handoff_id)).first()
                if found is None:
                    raise UnknownHandoff(handoff_id)
                status, holder = found
                has = f" by {holder}" if holder and status in ("accepted", "offered") else ""  # a 409 names who
                raise QueueConflict(f"handoff {handoff_id} is {status}{has}: cannot be {kind} now", status)
            h = db.get(Handoff, handoff_id, populate_existing=True)
            assert h is not None  # the update above matched it, inside this transaction
            db.add(HandoffEvent(handoff_id=handoff_id, kind=kind, actor=actor, status=h.status, detail=detail or {}))
            change = {"kind": "handoff", "event": kind, "id": handoff_id, "client_id": h.client_id, "status": h.status}
            if kind == "escalated":  # the webhook outbox needs the contact; other details stay in the row
                change["detail"] = detail
            self.feed.publish(db, change)
            view = handoff_view(h)
            db.commit()
            return view
        finally:
            if own:
                db.close()
