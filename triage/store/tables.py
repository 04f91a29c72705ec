"""What the call centre keeps: calls with their transcripts, and every outcome a caller was promised."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def _now() -> datetime:
    return datetime.now(UTC)


def _uuid() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012 - SQLAlchemy reads it here


class Call(Base):
    __tablename__ = "calls"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_uuid)
    client_id: Mapped[str] = mapped_column(String(64), index=True)
    pack_version: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16), default="text")
    # the telephone network's id of this call (Twilio's CallSid), to find it again and to move it
    line_call_id: Mapped[str | None] = mapped_column(String(64), index=True)
    caller_number: Mapped[str | None] = mapped_column(String(32))
    # the server instance holding a voice call's line (see ServerInstance)
    served_by: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(8))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    urgency: Mapped[str | None] = mapped_column(String(2))
    intent: Mapped[str | None] = mapped_column(String(32))
    distress: Mapped[str | None] = mapped_column(String(16))
    outcome_type: Mapped[str | None] = mapped_column(String(16))
    recording_consent: Mapped[bool | None]
    # when the retention purge or an erasure request removed this call's data (triage/privacy/)
    transcript_erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    details_erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    notes_erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # the consent record (brain/consent.py): the question as heard, when answered, when taken back, and when the phone
    # went to someone the question was never put to (recording ended there, what came before is kept)
    consent_prompt: Mapped[str | None] = mapped_column(Text)
    consent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    consent_withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    consent_handed_over_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    turns: Mapped[list[TranscriptTurn]] = relationship(
        back_populates="call", order_by="TranscriptTurn.seq", cascade="all, delete-orphan"
    )


class TranscriptTurn(Base):
    __tablename__ = "transcript_turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int]
    role: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    call: Mapped[Call] = relationship(back_populates="turns")


class _Outcome:
    """What every stored outcome has: which call promised it, for which client, when."""

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_uuid)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id"), index=True)
    client_id: Mapped[str] = mapped_column(String(64), index=True)


class Handoff(_Outcome, Base):
    """A caller handed to a human. Its state changes only through `triage.handoff.queue`, each change
    recorded as a HandoffEvent with who and when."""

    __tablename__ = "handoffs"

    urgency: Mapped[str] = mapped_column(String(2))
    distress: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="waiting", index=True)
    summary: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    language: Mapped[str] = mapped_column(String(8), default="de")
    # the caller is still on a voice line, waiting (False for text calls and once they hung up)
    caller_on_line: Mapped[bool] = mapped_column(Boolean, default=False)
    assigned_to: Mapped[str | None] = mapped_column(String(64))  # the user who accepted it
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolution: Mapped[str | None] = mapped_column(String(32))
    # on-call escalation: how many contacts of the chain have been alerted, and when the last was
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    escalated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    callback_promised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    transfer_target: Mapped[str | None] = mapped_column(String(120))  # number or SIP address being rung
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # kept whole, whatever the retention says, until the hold is released (triage/privacy/)
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)

    events: Mapped[list[HandoffEvent]] = relationship(
        back_populates="handoff", order_by="HandoffEvent.id", cascade="all, delete-orphan"
    )


class HandoffEvent(Base):
    """One change of a handoff: created, offered, accepted, note, returned, escalated, callback,
    resolved, caller_left, transfer_* — with who did it (a user, `system` or `caller`)."""

    __tablename__ = "handoff_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    handoff_id: Mapped[str] = mapped_column(ForeignKey("handoffs.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # the handoff's status after this event
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    handoff: Mapped[Handoff] = relationship(back_populates="events")


class WebhookDelivery(Base):
    """One event to one receiver, kept until the receiver answers 2xx. `id` is the idempotency key
    the receiver sees, the same on every retry."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_uuid)
    client_id: Mapped[str] = mapped_column(String(64), index=True)
    handoff_id: Mapped[str | None] = mapped_column(String(32), index=True)
    event: Mapped[str] = mapped_column(String(48))
    url: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)  # the exact bytes signed and sent, every time
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)  # pending, delivered, failed
    attempts: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{at, status_code, error, ms}]
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class User(Base):
    """A person or machine that signs in: platform_admin (every client), client_admin or agent
    (the clients listed)."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_uuid)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    clients: Mapped[list[Any]] = mapped_column(JSON, default=list)
    language: Mapped[str] = mapped_column(String(8), default="de")
    # where a live call is transferred when this agent accepts it: a phone number or sip: address
    phone: Mapped[str | None] = mapped_column(String(120))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ApiToken(Base):
    """A sign-in session (kind `session`, for the web pages) or a machine token (kind `api`).
    Only a hash of the secret is stored; revoking sets `revoked_at`."""

    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_uuid)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Order(_Outcome, Base):
    __tablename__ = "orders"

    items: Mapped[list[Any]]
    fulfilment: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="new")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Message(_Outcome, Base):
    __tablename__ = "messages"

    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    when: Mapped[list[Any] | None]
    # "new", or "test" for a test call's (like its handoff and order): never in a live list (migration 0007)
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class PackVersion(Base):
    """One saved version of a client's pack: the client's own YAML (what `prompts/<id>/` holds; the
    defaults are not copied in), who saved it, when, why, and how its tests went. Never changed
    once written: a rollback writes a new version with old content."""

    __tablename__ = "pack_versions"
    __table_args__ = (UniqueConstraint("client_id", "number", name="uq_pack_versions_client_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(String(64), index=True)
    number: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))  # files, admin, import, rollback
    author: Mapped[str] = mapped_column(String(80))
    comment: Mapped[str] = mapped_column(Text, default="")
    tests: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{name, passed, failures}]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class AuditEntry(Base):
    """Who did what, when: every change of a pack or an account and every sign-in, kept for the
    platform admins."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(48))
    client_id: Mapped[str | None] = mapped_column(String(64), index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ServerInstance(Base):
    """A running `triage serve`, seen alive at `seen_at`. A voice call's line lives in one instance:
    when that instance stops being seen, its waiting callers are no longer on the line."""

    __tablename__ = "server_instances"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)


class Recording(Base):
    """A call's audio (caller left, bot right), stored encrypted in the recordings directory
    (triage/privacy/recording.py). Only made once the caller agreed; removed with the call's data."""

    __tablename__ = "recordings"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=_uuid)
    call_id: Mapped[str] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[str] = mapped_column(String(64), index=True)
    file: Mapped[str] = mapped_column(Text)  # the encrypted file's full path
    sample_rate: Mapped[int] = mapped_column(Integer)
    channels: Mapped[int] = mapped_column(Integer)
    pcm_bytes: Mapped[int] = mapped_column(BigInteger, default=0)  # the audio so far, decrypted
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
