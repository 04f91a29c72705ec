"""Telling every server instance that stored data changed, without polling.

A change is published inside the transaction that makes it. On PostgreSQL it rides on
`pg_notify`, which the database delivers to every listening instance only if and when the
transaction commits; on SQLite (one process) it is handed to this process's subscribers after the
commit. Hooks registered with `on_publish` run inside the transaction too, so what they write (a
webhook to deliver, say) is committed together with the change or not at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

CHANNEL = "triage_changes"
_PENDING = "triage_pending_changes"

Change = dict[str, Any]


class ChangeFeed:
    def __init__(self, url: str, sessions: sessionmaker) -> None:
        self.url = url
        self.postgres = make_url(url).get_backend_name() == "postgresql"
        self._subscribers: list[Callable[[Change], None]] = []
        self._hooks: list[Callable[[Session, Change], None]] = []
        if not self.postgres:
            event.listen(sessions, "after_commit", self._after_commit)
            event.listen(sessions, "after_rollback", self._after_rollback)

    # --- writing ----------------------------------------------------------------------------------
    def on_publish(self, hook: Callable[[Session, Change], None]) -> None:
        """Run `hook(db, change)` inside every transaction that publishes a change."""
        self._hooks.append(hook)

    def publish(self, db: Session, change: Change) -> None:
        for hook in self._hooks:
            hook(db, change)
        if self.postgres:
            db.execute(
                text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": json.dumps(change)}
            )
        else:
            db.info.setdefault(_PENDING, []).append(change)

    def _after_commit(self, db: Session) -> None:
        for change in db.info.pop(_PENDING, []):
            self._deliver(change)

    def _after_rollback(self, db: Session) -> None:
        db.info.pop(_PENDING, None)

    # --- reading ----------------------------------------------------------------------------------
    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """`callback` may be called from any thread. Returns a function that unsubscribes."""
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback) if callback in self._subscribers else None

    def _deliver(self, change: Change) -> None:
        for callback in list(self._subscribers):
            try:
                callback(change)
            except Exception:  # one broken subscriber must not keep the change from the others
                log.exception("change subscriber failed")

    async def listen(self, stop: asyncio.Event) -> None:
        """On PostgreSQL: LISTEN until `stop`, reconnecting after a lost connection. Elsewhere a no-op,
        since this process's own commits are the only changes."""
        if not self.postgres:
            return
        import psycopg

        conninfo = make_url(self.url).set(drivername="postgresql").render_as_string(hide_password=False)
        delay = 0.5
        while not stop.is_set():
            try:
                async with await psycopg.AsyncConnection.connect(conninfo, autocommit=True) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    delay = 0.5
                    log.info("listening for changes on PostgreSQL")
                    while not stop.is_set():
                        async for note in conn.notifies(timeout=1.0):
                            try:
                                self._deliver(json.loads(note.payload))
                            except ValueError:
                                log.warning("ignored a malformed change notification: %r", note.payload[:200])
            except (OSError, psycopg.Error) as exc:
                log.warning("change listener lost PostgreSQL (%s); reconnecting in %.1f s", exc, delay)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), delay)
                delay = min(delay * 2, 10.0)
