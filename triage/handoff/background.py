"""The server's background loops (escalation, webhook delivery) share one shape."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


async def repeat(stop: asyncio.Event, every: float, work: Callable[[], Awaitable[object]], what: str) -> None:
    """Run `work` every `every` seconds until `stop`. A failing pass is logged and tried again: the
    state is in the database, so the next pass picks up whatever this one left."""
    while not stop.is_set():
        try:
            await work()
        except Exception:
            log.exception("%s failed; trying again", what)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)
