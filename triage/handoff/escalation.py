"""When nobody accepts a handoff in time (the pack's `escalation.accept_timeout_s`):

- P0/P1 (and acute distress) go up the client's on-call chain: the first contact, then the next
  one `secondary_after_min` minutes later, and so on. Webhook contacts get a signed webhook (the
  outbox writes it in the same transaction); SMS and phone contacts are reached through Twilio.
- Everything else gets a callback promise, stored, shown to agents, and told to the caller.

The state lives in the database (`escalation_level`, `escalated_at`), so a restarted server picks up
where the last one stopped, and several instances can scan the same queue: each step is a
compare-and-set that only one of them wins.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from ..packs.schema import Contact, Pack
from ..store.tables import Handoff
from .background import repeat
from .queue import QUEUED, HandoffQueue, QueueConflict, UnknownHandoff, _aware

log = logging.getLogger(__name__)


class Alerter(Protocol):
    """Reaches an on-call contact by SMS or phone (phone_transfers.PhoneTransfers over Twilio's line)."""

    async def alert(self, contact: Contact, view: dict[str, Any], pack: Pack) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Step:
    handoff_id: str
    action: str  # "escalate" or "callback"
    level: int = 0
    contact: Contact | None = None


def urgent(h: Handoff) -> bool:
    return h.urgency in ("P0", "P1") or h.distress == "acute"


def due_steps(handoffs: list[Handoff], pack_for: Callable[[str], Pack | None], now: datetime) -> list[Step]:
    """Pure: what should happen now to these open handoffs."""
    steps: list[Step] = []
    for h in handoffs:
        if h.status not in QUEUED:
            continue
        pack = pack_for(h.client_id)
        if pack is None:
            continue
        rules = pack.escalation
        waited = now - _aware(h.created_at)
        if waited < timedelta(seconds=rules.accept_timeout_s):
            continue
        if not urgent(h):
            steps.append(Step(h.id, "callback"))
            continue
        level = h.escalation_level
        if level >= len(rules.on_call):
            continue  # the whole chain has been alerted: agents still see it at the top of the queue
        escalated_at = _aware(h.escalated_at)
        if level > 0 and escalated_at and now - escalated_at < timedelta(minutes=rules.secondary_after_min):
            continue
        steps.append(Step(h.id, "escalate", level + 1, rules.on_call[level]))
    return steps


class Escalator:
    def __init__(
        self,
        queue: HandoffQueue,
        pack_for: Callable[[str], Pack | None],
        alerter: Callable[[], Alerter | None] = lambda: None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.queue = queue
        self.pack_for = pack_for
        self.alerter = alerter
        self.now = now

    async def run(self, stop: asyncio.Event, every: float = 1.0) -> None:
        await repeat(stop, every, self.tick, "escalation pass")

    async def tick(self) -> list[Step]:
        handoffs = await asyncio.to_thread(self.queue.open_handoffs)
        taken = []
        # the packs come from the database (packs/versions.py): looked up off the event loop
        for step in await asyncio.to_thread(due_steps, handoffs, self.pack_for, self.now()):
            try:
                if step.action == "callback":
                    await asyncio.to_thread(self.queue.promise_callback, step.handoff_id)
                else:
                    await self._escalate(step)
                taken.append(step)
            except (QueueConflict, UnknownHandoff):
                continue  # accepted meanwhile, or another instance took this step
        return taken

    async def _escalate(self, step: Step) -> None:
        contact = step.contact
        assert contact is not None
        view = await asyncio.to_thread(
            self.queue.escalate, step.handoff_id, step.level, contact.model_dump(exclude_none=True)
        )
        if contact.channel == "webhook":
            log.info("handoff %s: on-call contact %s alerted by webhook", step.handoff_id, contact.name)
            return  # written by the webhook outbox in the same transaction; its attempts show in the console
        alerter = self.alerter()
        pack = await asyncio.to_thread(self.pack_for, view["client_id"])
        if alerter is None or pack is None:
            result: dict[str, Any] = {"status": "not_configured"}
        else:
            try:
                full = await asyncio.to_thread(self.queue.get, step.handoff_id)
                result = await alerter.alert(contact, full, pack)
            except Exception as exc:  # the next contact is still alerted on time; agents see why this one failed
                log.exception("alerting %s failed", contact.name)
                result = {"status": "error", "why": f"{type(exc).__name__}: {exc}"[:300]}
        kind, detail = alert_event(contact, result)
        if kind == "alert":
            log.info("handoff %s: on-call contact %s alerted (%s)", step.handoff_id, contact.name, result["status"])
        else:
            log.warning(
                "handoff %s: on-call contact %s (%s %s) NOT alerted: %s%s",
                step.handoff_id,
                contact.name,
                contact.channel,
                contact.phone or "",
                detail["reason"],
                f" ({detail['why']})" if detail.get("why") else "",
            )
        await asyncio.to_thread(self.queue.record, step.handoff_id, kind, **detail)


ALERT_SENT = frozenset({"sms_sent", "calling", "ringing"})  # what Alerter.alert returns when a contact is reached


def alert_event(contact: Contact, result: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Pure: the event an SMS or phone alert leaves for agents. `alert` when the contact was reached;
    otherwise `alert_not_sent` with `reason`, a code the console words in the agent's language
    (not_configured, no_from_number, no_public_url, unsupported, conflict, failed, error), and the
    technical `why` when there is one. Both name the contact, the channel and the number."""
    status = str(result.get("status") or "error")
    detail: dict[str, Any] = {"contact": contact.name, "channel": contact.channel, "to": contact.phone}
    if status in ALERT_SENT:
        return "alert", {**detail, "result": status, "sid": result.get("sid")}
    return "alert_not_sent", {**detail, "reason": status, "why": result.get("why") or result.get("error")}
