"""What the call centre keeps: calls with their transcripts, and every outcome a caller was promised."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
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
    language: Mapped[str] = mapped_column(String(8))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    urgency: Mapped[str | None] = mapped_column(String(2))
    intent: Mapped[str | None] = mapped_column(String(32))
    distress: Mapped[str | None] = mapped_column(String(16))
    outcome_type: Mapped[str | None] = mapped_column(String(16))
    recording_consent: Mapped[bool | None]

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
    __tablename__ = "handoffs"

    urgency: Mapped[str] = mapped_column(String(2))
    distress: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="waiting", index=True)
    summary: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)


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
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
