"""Changes pushed to whoever is watching in this process: agent consoles, and calls on hold waiting
to hear what happened to their handoff. Fed by the store's ChangeFeed (on PostgreSQL, every
instance's changes arrive here through LISTEN/NOTIFY).

A `revoked` change (an admin revoked a user's sessions and tokens) completes the `revocation`
future of every socket that user holds open in this process, whatever the socket is for: the
console's queue and the agent's call line close at once, not at the next request."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterator

from starlette.websockets import WebSocket, WebSocketDisconnect

from ..store.changes import Change, ChangeFeed

REVOKED = "your access was revoked: sign in again"


class LiveHub:
    def __init__(self, feed: ChangeFeed) -> None:
        self.feed = feed
        self._loop: asyncio.AbstractEventLoop | None = None
        self._watchers: list[tuple[Callable[[Change], bool], asyncio.Queue[Change]]] = []
        self._revocations: dict[str, set[asyncio.Future[None]]] = {}
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
        if change.get("kind") == "revoked":
            for revoked in self._revocations.get(str(change.get("user_id")), set()):
                if not revoked.done():
                    revoked.set_result(None)
        for wants, queue in list(self._watchers):
            if wants(change):
                queue.put_nowait(change)

    @contextlib.contextmanager
    def revocation(self, user_id: str) -> Iterator[asyncio.Future[None]]:
        """A future that completes when the user's access is revoked, for as long as the block runs.
        Callers check the token once more inside the block: a revocation between their first check
        and the block would otherwise go unseen."""
        revoked: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._revocations.setdefault(user_id, set()).add(revoked)
        try:
            yield revoked
        finally:
            waiting = self._revocations.get(user_id, set())
            waiting.discard(revoked)
            if not waiting:
                self._revocations.pop(user_id, None)
            if not revoked.done():
                revoked.cancel()

    @contextlib.contextmanager
    def watch(self, wants: Callable[[Change], bool]) -> Iterator[asyncio.Queue[Change]]:
        """A queue that receives every change `wants` accepts, for as long as the block runs."""
        queue: asyncio.Queue[Change] = asyncio.Queue()
        entry = (wants, queue)
        self._watchers.append(entry)
        try:
            yield queue
        finally:
            self._watchers.remove(entry)


async def next_change(changes: asyncio.Queue[Change], *until: asyncio.Future) -> Change | None:
    """The next change, or None once one of `until` (a socket closing, a revocation, a stop signal)
    completes first."""
    getter = asyncio.ensure_future(changes.get())
    done, _ = await asyncio.wait({getter, *until}, return_when=asyncio.FIRST_COMPLETED)
    if getter in done:
        return getter.result()
    getter.cancel()
    return None


async def close_revoked(websocket: WebSocket) -> None:
    """Tells a revoked user's page why its socket ends, and ends it (1008, policy violation)."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        await websocket.send_json({"type": "error", "error": REVOKED})
        await websocket.close(code=1008, reason="access revoked")
