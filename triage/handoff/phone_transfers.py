"""Carrying out the transfer and alert policy (transfers.py) over a phone line: the queue changes a
transfer makes (offered, accepted again, back in the queue, each step recorded for agents) and the
order they happen in. What a phone line can do is the `PhoneLine` protocol; Twilio is one
(triage/telephony/transfer.py's `TwilioLine`, which changes no queue state and decides nothing).

A warm transfer: the handoff is offered to the target first (of several server instances only one
wins), then the line moves the caller's call; a line that refuses leaves the handoff as the plan
says. When the target picks up (the line fetches the whisper) or the dial ends, the line reports it
here: an answered call is accepted, an unanswered one goes back to the queue and the caller back on
our line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from ..packs.schema import Contact, Pack
from .live import LiveHub, next_change
from .queue import SYSTEM, HandoffQueue, QueueConflict, UnknownHandoff
from .transfers import (
    Transfer,
    agent_transfer,
    alert_route,
    call_instead,
    dial_outcome,
    direct_transfer,
    on_call_transfer,
    on_phone_line,
)

log = logging.getLogger(__name__)

SMS_MAX_CHARS = 300


class PhoneLine(Protocol):
    """What a phone line can do for a handoff. Each action raises when the provider refuses it;
    none changes the queue."""

    @property
    def configured(self) -> bool:
        """Credentials are set: live calls can be moved and contacts reached."""
        ...

    def reachable(self) -> bool:
        """The provider can fetch our audio and callbacks (our public address is known)."""
        ...

    async def move_call(self, line_call_id: str, handoff_id: str, target: str) -> None:
        """Move the live call to `target` (a number or SIP address): the caller hears the handoff's
        connecting sentence, the target its summary before the two are connected; the provider
        reports the pick-up and the dial's end back (`PhoneTransfers.agent_answered`, `dial_result`)."""
        ...

    async def send_sms(self, to: str, sender: str, body: str) -> str:
        """Send a text from one of the client's numbers; returns the provider's message id."""
        ...

    async def call_with_summary(self, to: str, sender: str, handoff_id: str) -> str:
        """Place a call that plays the handoff's summary; returns the provider's call id."""
        ...

    def hangup_twiml(self) -> str:
        """What the caller's call does after the target took it and hung up: it ends."""
        ...

    def reconnect_twiml(self, stream_url: str, view: Mapping[str, Any]) -> str:
        """What puts a caller whose transfer nobody answered back on our line, resuming the handoff."""
        ...


class Agent(Protocol):
    """Who accepted a handoff (auth.Principal): their phone rings."""

    @property
    def username(self) -> str: ...

    @property
    def phone(self) -> str | None: ...


class PhoneTransfers:
    """Transfers live phone calls to people and alerts on-call contacts by SMS or phone, as the
    policy in transfers.py decides: who is rung, how a contact is reached, what a failure leaves
    behind. The escalation's `Alerter`."""

    def __init__(
        self, queue: HandoffQueue, pack_for: Callable[[str], Pack], line: PhoneLine, hub: LiveHub | None = None
    ) -> None:
        self.queue = queue
        self.pack_for = pack_for
        self.line = line
        self.hub = hub
        self._tasks: set[asyncio.Task[None]] = set()

    # --- the call behind a handoff ----------------------------------------------------------------
    async def _with_call(self, view: dict[str, Any]) -> dict[str, Any]:
        """The view with its call's channel and line call id (a view from a state change has
        neither; `queue.get` gives both)."""
        if "channel" in view:
            return view
        return await asyncio.to_thread(self.queue.get, view["id"])

    async def _return(self, handoff_id: str, why: str) -> None:
        with contextlib.suppress(QueueConflict, UnknownHandoff):
            await asyncio.to_thread(self.queue.return_to_queue, handoff_id, SYSTEM, why)

    async def _accept_answered(self, view: dict[str, Any]) -> None:
        """The rung phone was picked up: an `offered` handoff is `accepted` again, by whoever it was
        offered to."""
        if view["status"] == "offered":
            who = view.get("assigned_to") or view.get("transfer_target") or SYSTEM
            with contextlib.suppress(QueueConflict):
                await asyncio.to_thread(self.queue.accept, view["id"], who)

    async def _record(self, handoff_id: str, kind: str, actor: str = SYSTEM, **detail: Any) -> None:
        try:
            await asyncio.to_thread(self.queue.record, handoff_id, kind, actor, **detail)
        except (UnknownHandoff, QueueConflict) as exc:
            log.warning("event %s of handoff %s not recorded: %s", kind, handoff_id, exc)

    # --- transfers --------------------------------------------------------------------------------
    async def connect(self, view: dict[str, Any], user: Agent) -> dict[str, Any]:
        """An agent accepted a handoff whose caller is on the line: ring the agent's phone, whisper
        the summary, then connect them. Browser and text callers stay in the console."""
        view = await self._with_call(view)
        plan = agent_transfer(view, user.phone, self.line.configured)
        if isinstance(plan, str):
            if plan != "in_console":
                await self._record(view["id"], f"transfer_{plan}", user.username)
            return {"status": plan}
        return await self._warm_transfer(view, plan, actor=user.username)

    async def direct(self, view: dict[str, Any]) -> dict[str, Any] | None:
        """A new handoff whose pack sends its urgency straight to `transfer_number`. None when this
        handoff is not one (or another server instance got it first)."""
        plan = direct_transfer(view, self.pack_for(view["client_id"]))
        if plan is None:
            return None
        view = await self._with_call(view)
        if not on_phone_line(view):
            return None
        if not self.line.configured:
            await self._record(view["id"], "transfer_not_configured")
            return {"status": "not_configured"}
        return await self._warm_transfer(view, plan, actor=SYSTEM)

    async def _undo(self, handoff_id: str, plan: Transfer, actor: str) -> None:
        """The line did not move the call: the caller stays with us, the handoff as the plan says."""
        if plan.on_failure == "return_to_queue":
            await self._return(handoff_id, "transfer failed")
            return
        with contextlib.suppress(QueueConflict, UnknownHandoff):  # the agent keeps it
            await asyncio.to_thread(self.queue.accept, handoff_id, actor)

    async def _warm_transfer(self, view: dict[str, Any], plan: Transfer, *, actor: str) -> dict[str, Any]:
        handoff_id, target, via = view["id"], plan.target, plan.via
        call_sid = view.get("line_call_id")
        if not call_sid or not self.line.reachable():
            why = "no Twilio call id" if not call_sid else "public_url is not set and no Twilio request seen yet"
            await self._record(handoff_id, "transfer_failed", actor, target=target, why=why)
            return {"status": "failed", "why": why}
        try:
            await asyncio.to_thread(self.queue.offer, handoff_id, target, actor, plan.offer_from)
        except QueueConflict as exc:
            return {"status": "conflict", "why": str(exc)}
        try:
            await self.line.move_call(call_sid, handoff_id, target)
        except Exception as exc:
            log.warning("transfer of handoff %s to %s failed: %s", handoff_id, target, exc)
            await self._record(handoff_id, "transfer_failed", actor, target=target, why=str(exc)[:300])
            await self._undo(handoff_id, plan, actor)
            return {"status": "failed", "target": target, "why": str(exc)[:300]}
        await self._record(handoff_id, "transfer_started", actor, target=target, via=via, call_sid=call_sid)
        log.info("handoff %s: caller %s being transferred to %s (%s)", handoff_id, call_sid, target, via)
        return {"status": "ringing", "target": target, "via": via, "language": view.get("language")}

    # --- what the line reports back ---------------------------------------------------------------
    async def agent_answered(self, handoff_id: str) -> None:
        """The line fetched the whisper: the phone was picked up. An offered handoff is accepted again."""
        view = await asyncio.to_thread(self.queue.get, handoff_id)
        await self._accept_answered(view)
        await self._record(handoff_id, "transfer_answered", target=view.get("transfer_target"))

    async def dial_result(self, handoff_id: str, status: str, stream_url: str, params: dict[str, str]) -> str:
        """The dial of a transfer ended (`status`: the dial's, `params`: the line's report). Answers
        what the caller's call does next, in the line's words (TwiML)."""
        view = await asyncio.to_thread(self.queue.get, handoff_id)
        outcome = dial_outcome(status, params.get("CallStatus"))
        if outcome.answered:
            await self._accept_answered(view)
            duration = params.get("DialCallDuration")
            await self._record(handoff_id, "transfer_completed", dial_status=status, duration=duration)
            return self.line.hangup_twiml()  # the conversation with the agent is over
        why = f"transfer to {view.get('transfer_target') or 'the agent'}: {status or 'no status'}"
        try:
            await asyncio.to_thread(self.queue.return_to_queue, handoff_id, SYSTEM, why)
        except QueueConflict as exc:
            await self._record(handoff_id, "transfer_unanswered", dial_status=status, why=str(exc))
        if outcome.caller_gone:  # the caller hung up while it rang: nobody to reconnect
            await asyncio.to_thread(self.queue.caller_left, handoff_id)
        return self.line.reconnect_twiml(stream_url, view)

    # --- on-call alerts ---------------------------------------------------------------------------
    async def alert(self, contact: Contact, view: dict[str, Any], pack: Pack) -> dict[str, Any]:
        """Alert an on-call contact by SMS, or by phone: the live caller is put through when still on
        a phone line (and nobody else's phone is ringing), otherwise the contact gets a call that
        plays the summary."""
        if contact.channel == "phone" and view.get("caller_on_line"):
            view = await self._with_call(view)  # on which line the caller waits
        route = alert_route(contact, view, pack, self.line.configured)
        if route == "not_configured":
            return {"status": "not_configured"}
        if route == "unsupported":
            return {"status": "unsupported", "channel": contact.channel}
        if route == "no_from_number":
            return {"status": "no_from_number", "why": f"pack {pack.id} has no phone_numbers"}
        assert contact.phone is not None  # alert_route: an SMS or phone contact without a number is unsupported
        sender = pack.phone_numbers[0]
        if route == "sms":
            sid = await self.line.send_sms(contact.phone, sender, sms_text(view, pack))
            return {"status": "sms_sent", "to": contact.phone, "sid": sid}
        if route == "put_through":
            result = await self._warm_transfer(view, on_call_transfer(contact), actor=SYSTEM)
            if not call_instead(result["status"]):
                return result
        if not self.line.reachable():
            return {"status": "no_public_url", "why": "TRIAGE_PUBLIC_URL is not set and no Twilio request seen yet"}
        sid = await self.line.call_with_summary(contact.phone, sender, view["id"])
        return {"status": "calling", "to": contact.phone, "sid": sid}

    # --- direct transfers of new handoffs ---------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        """Watch for new handoffs; those whose pack transfers their urgency directly are put through."""
        assert self.hub is not None, "run() watches the live hub"
        created = lambda c: c.get("kind") == "handoff" and c.get("event") == "created"  # noqa: E731
        stopped = asyncio.ensure_future(stop.wait())
        try:
            with self.hub.watch(created) as changes:
                while (change := await next_change(changes, stopped)) is not None:
                    task = asyncio.create_task(self._maybe_direct(change["id"]))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
        finally:
            stopped.cancel()

    async def _maybe_direct(self, handoff_id: str) -> None:
        try:
            view = await asyncio.to_thread(self.queue.get, handoff_id)
            result = await self.direct(view)
            if result is not None:
                log.info("handoff %s transferred directly: %s", handoff_id, result)
        except Exception:
            log.exception("direct transfer of handoff %s failed", handoff_id)


def sms_text(view: Mapping[str, Any], pack: Pack) -> str:
    """What an on-call contact reads: the client, the urgency and the agents' summary, in one text."""
    summary = view.get("summary") or {}
    text = summary.get("text") or view.get("reason") or ""
    head = f"{pack.name} {view.get('urgency', '')}: ".replace(" :", ":")
    body = head + " ".join(text.split())
    return body if len(body) <= SMS_MAX_CHARS else body[: SMS_MAX_CHARS - 1].rstrip() + "…"
