"""Which server holds which caller's line, and what happens when a server stops.

A voice call lives in the server that answered it. Each server writes a heartbeat; when one stops
being seen (killed, crashed, unplugged), its handed-over callers are no longer waiting on the line,
and agents must see that rather than try to take a call that is gone.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, exists, select
from sqlalchemy.orm import sessionmaker

from ..store.tables import Call, Handoff, ServerInstance
from .background import repeat
from .queue import HandoffQueue

log = logging.getLogger(__name__)

HEARTBEAT_SECS = 5.0
DEAD_AFTER_SECS = 30.0


class LineWatch:
    def __init__(
        self, sessions: sessionmaker, queue: HandoffQueue, instance_id: str, dead_after: float = DEAD_AFTER_SECS
    ) -> None:
        self.sessions = sessions
        self.queue = queue
        self.instance_id = instance_id
        self.dead_after = dead_after

    async def run(self, stop: asyncio.Event, every: float = HEARTBEAT_SECS) -> None:
        await repeat(stop, every, self.tick, "line watch")

    async def tick(self) -> list[str]:
        await asyncio.to_thread(self.beat)
        lost = await asyncio.to_thread(self.orphaned)
        for handoff_id in lost:
            log.warning("handoff %s: the server holding the caller's line stopped", handoff_id)
            await asyncio.to_thread(self.queue.line_lost, handoff_id, "the server holding the call stopped")
        return lost

    def beat(self) -> None:
        with self.sessions.begin() as db:
            db.merge(ServerInstance(id=self.instance_id, seen_at=datetime.now(UTC)))

    def orphaned(self) -> list[str]:
        """Handoffs whose caller is marked on the line of a server not seen for `dead_after` (a
        server beats before it takes its first call, so one never seen is one that is gone)."""
        alive_since = datetime.now(UTC) - timedelta(seconds=self.dead_after)
        alive = exists().where(and_(ServerInstance.id == Call.served_by, ServerInstance.seen_at >= alive_since))
        with self.sessions() as db:
            return list(
                db.scalars(
                    select(Handoff.id)
                    .join(Call, Call.id == Handoff.call_id)
                    .where(Handoff.caller_on_line.is_(True), Call.served_by.is_not(None), ~alive)
                )
            )
