"""The audit log: every change to a pack or an account and every sign-in, with who and when.
Written in the same transaction as the change it records wherever there is one."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from .store.tables import AuditEntry


def record(db: Session, actor: str, action: str, client_id: str | None = None, **detail: Any) -> None:
    db.add(AuditEntry(actor=actor, action=action, client_id=client_id, detail=detail))


class AuditLog:
    def __init__(self, sessions: sessionmaker) -> None:
        self.sessions = sessions

    def record(self, actor: str, action: str, client_id: str | None = None, **detail: Any) -> None:
        with self.sessions.begin() as db:
            record(db, actor, action, client_id, **detail)

    def entries(self, limit: int = 200, client_id: str | None = None, action: str | None = None) -> list[dict]:
        with self.sessions() as db:
            query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
            if client_id:
                query = query.where(AuditEntry.client_id == client_id)
            if action:
                query = query.where(AuditEntry.action == action)
            return [
                {
                    "at": (e.at if e.at.tzinfo else e.at.replace(tzinfo=UTC)).isoformat(),
                    "actor": e.actor,
                    "action": e.action,
                    "client_id": e.client_id,
                    "detail": e.detail,
                }
                for e in db.scalars(query)
            ]
