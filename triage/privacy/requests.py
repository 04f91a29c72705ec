"""A data subject's requests (access and erasure) and legal holds, each written to the audit log.

The audit entry says who asked, when, by which kind of key (phone or name), the reference the
operator gave (a ticket number) and how many calls were found or erased: never the number or name,
which would otherwise outlive their erasure in the audit log.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import sessionmaker

from .. import audit
from ..store.tables import Handoff
from .records import Counts, erase_calls, export_calls, find_calls

log = logging.getLogger(__name__)


class UnknownHandoff(LookupError):
    pass


def _key_kind(phone: str | None, name: str | None) -> str:
    if not phone and not name:
        raise ValueError("give a phone number or a name")
    return "+".join(k for k, v in (("phone", phone), ("name", name)) if v)


def export(
    sessions: sessionmaker,
    actor: str,
    *,
    phone: str | None = None,
    name: str | None = None,
    reference: str = "",
) -> dict[str, Any]:
    """Everything stored about the caller, as one JSON-ready document."""
    by = _key_kind(phone, name)
    with sessions.begin() as db:
        found = find_calls(db, phone=phone, name=name)
        calls = export_calls(db, found.call_ids)
        audit.record(db, actor, "privacy_export", None, by=by, reference=reference, calls=len(calls))
    log.info("privacy export by %s (%s): %d calls", actor, by, len(calls))
    return {
        "exported_at": datetime.now(UTC).isoformat(),
        "found_by": by,
        "reference": reference,
        "calls": calls,
        "legal_hold": found.held,
    }


def erase(
    sessions: sessionmaker,
    actor: str,
    *,
    phone: str | None = None,
    name: str | None = None,
    reference: str = "",
) -> dict[str, Any]:
    """Anonymise every call stored about the caller, except those under legal hold (listed)."""
    by = _key_kind(phone, name)
    with sessions.begin() as db:
        found = find_calls(db, phone=phone, name=name)
        counts: Counts = erase_calls(db, [c for c in found.call_ids if c not in found.held])
        counts.held = len(found.held)
        audit.record(db, actor, "privacy_delete", None, by=by, reference=reference, **counts.as_dict())
    log.info("privacy erasure by %s (%s): %d calls, %d kept under legal hold", actor, by, counts.calls, counts.held)
    return {
        "found_by": by,
        "reference": reference,
        "calls": len(found.call_ids),
        "erased": counts.as_dict(),
        "legal_hold": found.held,
    }


def set_hold(sessions: sessionmaker, handoff_id: str, hold: bool, actor: str, reference: str = "") -> dict[str, Any]:
    """Put a handoff (and its call) under legal hold, or release it."""
    with sessions.begin() as db:
        handoff = db.get(Handoff, handoff_id)
        if handoff is None:
            raise UnknownHandoff(handoff_id)
        handoff.legal_hold = hold
        audit.record(
            db,
            actor,
            "legal_hold_set" if hold else "legal_hold_released",
            handoff.client_id,
            handoff_id=handoff_id,
            reference=reference,
        )
        return {"id": handoff_id, "client_id": handoff.client_id, "legal_hold": hold}


def client_of(sessions: sessionmaker, handoff_id: str) -> str:
    with sessions() as db:
        handoff = db.get(Handoff, handoff_id)
        if handoff is None:
            raise UnknownHandoff(handoff_id)
        return handoff.client_id
