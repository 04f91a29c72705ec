"""What a call on hold needs from the queue: the changes to its own handoff, and a way to tell
agents what the caller does while waiting (speaks, hangs up, comes back after a failed transfer)."""

from __future__ import annotations

import asyncio
import logging

from .live import LiveHub
from .queue import HandoffQueue, QueueConflict, UnknownHandoff

log = logging.getLogger(__name__)


class HandoffDesk:
    def __init__(self, queue: HandoffQueue, hub: LiveHub) -> None:
        self.queue = queue
        self.hub = hub

    def watch(self, handoff_id: str):
        """A context manager yielding a queue of this handoff's changes."""
        return self.hub.watch(lambda change: change.get("kind") == "handoff" and change.get("id") == handoff_id)

    async def status(self, handoff_id: str) -> str | None:
        try:
            return (await asyncio.to_thread(self.queue.get, handoff_id))["status"]
        except UnknownHandoff:
            return None

    async def caller_said(self, handoff_id: str, text: str) -> None:
        """Shown to agents with the handoff: what a waiting caller added."""
        await self._quietly(self.queue.record, handoff_id, "caller_said", "caller", text=text)

    async def caller_left(self, handoff_id: str) -> None:
        await self._quietly(self.queue.caller_left, handoff_id)

    async def caller_back(self, handoff_id: str) -> None:
        await self._quietly(self.queue.caller_back, handoff_id)

    async def _quietly(self, change, *args, **kwargs) -> None:
        """These only inform; a failure must not disturb the caller's line."""
        try:
            await asyncio.to_thread(change, *args, **kwargs)
        except (QueueConflict, UnknownHandoff):
            pass
        except Exception:
            log.exception("could not record %s for handoff %s", getattr(change, "__name__", change), args[:1])
