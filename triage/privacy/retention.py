"""The retention purge: each client's callers' data older than its pack says is anonymised.

Run by the server every `privacy_purge_every_s` (off the event loop, a bounded batch of calls per
transaction) and by `triage privacy purge` (for cron). What was removed is logged as counts per
client and part, never the data.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from ..handoff.background import repeat
from ..packs.schema import Pack, Retention
from ..store.tables import Call
from .recording import delete_recordings
from .records import BATCH, Counts, Part, anonymise, due_calls, due_recordings, held_count

log = logging.getLogger(__name__)

DAYS = {Part.TRANSCRIPT: "transcripts_days", Part.DETAILS: "caller_details_days", Part.NOTES: "notes_days"}


def cutoffs(retention: Retention, now: datetime) -> dict[Part, datetime]:
    return {part: now - timedelta(days=getattr(retention, days)) for part, days in DAYS.items()}


def purge(
    sessions: sessionmaker,
    pack_for: Callable[[str], Pack | None],
    now: datetime | None = None,
    max_calls: int | None = None,
) -> dict[str, Counts]:
    """Anonymise what is older than each client's retention. A client without a loadable pack gets
    the default retention. Returns the counts per client (only clients where something changed or
    a legal hold kept something). `max_calls` bounds one pass (the server's loop); None: everything."""
    now = now or datetime.now(UTC)
    with sessions() as db:
        clients = sorted(db.scalars(select(Call.client_id).distinct()))
    result: dict[str, Counts] = {}
    budget = max_calls
    for client_id in clients:
        pack = pack_for(client_id)
        limits = cutoffs(pack.retention if pack else Retention(), now)
        counts = Counts()
        touched: set[str] = set()
        for part, cutoff in limits.items():
            while budget is None or budget > 0:
                with sessions.begin() as db:
                    calls = due_calls(db, client_id, part, cutoff, BATCH if budget is None else min(BATCH, budget))
                    for call in calls:
                        counts.add(anonymise(db, call, [part], now))
                        touched.add(call.id)
                if budget is not None:
                    budget -= len(calls)
                if len(calls) < BATCH:
                    break
        audio_cutoff = now - timedelta(days=(pack.retention if pack else Retention()).audio_days)
        while budget is None or budget > 0:
            with sessions.begin() as db:
                rows = due_recordings(db, client_id, audio_cutoff, BATCH if budget is None else min(BATCH, budget))
                counts.recordings += delete_recordings(db, rows)
                touched.update(r.call_id for r in rows)
            if budget is not None:
                budget -= len(rows)
            if len(rows) < BATCH:
                break
        counts.calls = len(touched)
        with sessions() as db:
            counts.held = held_count(db, client_id, min(limits.values()))
        if counts:
            result[client_id] = counts
            log.info("privacy purge of %s: %s", client_id, _counts_text(counts))
    return result


def _counts_text(counts: Counts) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.as_dict().items() if n) or "nothing"


class Purger:
    """The server's background loop: a bounded purge pass every `every` seconds."""

    def __init__(
        self, sessions: sessionmaker, pack_for: Callable[[str], Pack | None], every: float, max_calls: int = 2000
    ) -> None:
        self.sessions = sessions
        self.pack_for = pack_for
        self.every = every
        self.max_calls = max_calls

    async def run(self, stop: asyncio.Event) -> None:
        async def once() -> None:
            await asyncio.to_thread(purge, self.sessions, self.pack_for, max_calls=self.max_calls)

        await repeat(stop, self.every, once, "privacy purge")
