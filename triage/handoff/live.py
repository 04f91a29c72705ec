"""Changes pushed to whoever is watching in this process: agent consoles, and calls on hold waiting
to hear what happened to their handoff. Fed by the store's ChangeFeed (on PostgreSQL, every
instance's changes arrive here through LISTEN/NOTIFY)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from ..store.changes import Change, ChangeFeed


class LiveHub:
    def __init__(self, feed: ChangeFeed) -> None:
        self.feed = feed
        self._loop: asyncio.AbstractEventLoop | None = None
        self._watchers: list[tuple[Callable[[Change], bool], asyncio.Queue[Change]]] = []
        self._unsubscribe: Callable[[], None] | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._unsubscribe = self.feed.subscribe(self._from_any_thread)

    def stop(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()

    def _from_any_thread(self, change: Change) -> None:
        if self._loop is None or self._loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop is shutting down
            self._loop.call_soon_threadsafe(self._fan_out, change)

    def _fan_out(self, change: Change) -> None:
        for wants, queue in list(self._watchers):
            if wants(change):
                queue.put_nowait(change)

    @contextlib.contextmanager
    def watch(self, wants: Callable[[Change], bool]):
        """A queue that receives every change `wants` accepts, for as long as the block runs."""
        queue: asyncio.Queue[Change] = asyncio.Queue()
        entry = (wants, queue)
        self._watchers.append(entry)
        try:
            yield queue
        finally:
            self._watchers.remove(entry)


async def next_change(changes: asyncio.Queue[Change], until: asyncio.Future) -> Change | None:
    """The next change, or None once `until` (a socket closing, a stop signal) completes first."""
    getter = asyncio.ensure_future(changes.get())
    done, _ = await asyncio.wait({getter, until}, return_when=asyncio.FIRST_COMPLETED)
    if getter in done:
        return getter.result()
    getter.cancel()
    return None
