"""Signed webhooks: every handoff event of a client is POSTed to its receiver until it answers 2xx.

The delivery row is written in the same transaction as the change it reports (an outbox), so a
crash can delay a webhook but never lose it. Each request carries:

- `X-Triage-Timestamp`: unix seconds when it was signed;
- `X-Triage-Signature`: `sha256=` + hex HMAC-SHA256 with the client's secret over
  `"{timestamp}." + raw body` (a receiver checks it with `verify_signature` below, or the same three
  lines in any language, and rejects old timestamps to stop replays);
- `Idempotency-Key`: the delivery's id, the same on every retry of it;
- `X-Triage-Event`: e.g. `handoff.created`.

Retries back off exponentially (2 s, 4 s, 8 s … capped at 10 minutes) for 24 attempts (about 3 hours)
before the delivery is marked failed; every attempt is recorded and shown to agents.

Targets are checked twice: when a pack is saved (`target_problem`) and again at every connection
(`PublicOnly`): a name that resolved to a public address at save time may resolve to loopback or a
private range later (DNS rebinding). The sender resolves the name once, refuses it if any address is
internal, and connects to the very address it checked, so no second lookup can slip in between.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import json
import logging
import os
import socket
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from ..packs.schema import Pack
from ..store.changes import Change
from ..store.tables import Handoff, WebhookDelivery
from .background import repeat
from .queue import handoff_view

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 24
MAX_BACKOFF_SECS = 600
LEASE_SECS = 30  # a sender that died mid-request leaves the delivery to be retried after this
TIMEOUT_SECS = 10
SIGNATURE_TOLERANCE_SECS = 300


def sign(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify_signature(secret: str, body: bytes, timestamp: str, signature: str, now: float | None = None) -> bool:
    """What a receiver runs: the signature matches and the timestamp is recent."""
    try:
        ts = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs((now or time.time()) - ts) > SIGNATURE_TOLERANCE_SECS:
        return False
    return hmac.compare_digest(sign(secret, ts, body), signature or "")


# Resolves a host name to its addresses. The system resolver in production; a test passes its own,
# since DNS (a name that changes its answer) is outside this machine.
Resolve = Callable[[str, int], list[str]]


def resolve_host(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host` (an address stays itself), in its order."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))


def internal_address(host: str, addresses: list[str]) -> str | None:
    """Why `host` with these addresses is inside the platform (loopback, link-local, private,
    multicast, reserved), or None when every address is public."""
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return f"{host} is this server: webhooks go to addresses outside the platform"
    for text in addresses:
        address = ipaddress.ip_address(text)
        if not address.is_global or address.is_multicast:
            return f"{host} is an internal address ({address}): webhooks go to addresses outside the platform"
    return None


def target_problem(url: str, allow_private: bool = False, resolve: Resolve = resolve_host) -> str | None:
    """Why a client admin may not aim webhooks at `url`, or None.

    The server posts from inside the platform's network: a URL on loopback, link-local (cloud
    metadata) or a private range would let a client admin reach internal services and scan ports
    through the delivery log. Names are resolved (at save time); a name that does not resolve now is
    allowed and simply fails at delivery, where `PublicOnly` checks it again. Platform admins can
    allow internal targets in settings.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "must be an http(s) URL with a host"
    if allow_private:
        return None
    host = parts.hostname
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return internal_address(host, [])
    try:
        addresses = resolve(host, parts.port or 443)
    except (OSError, UnicodeError):
        return None
    return internal_address(host, addresses)


class PublicOnly(httpcore.AsyncNetworkBackend):
    """The webhook client's connections: the host is resolved once, refused when any of its
    addresses is internal (unless the platform allows that), and the connection goes to an address
    that was checked. TLS still verifies the certificate against the host name."""

    def __init__(self, allow_private: bool = False, resolve: Resolve = resolve_host) -> None:
        self.allow_private = allow_private
        self.resolve = resolve
        self._backend = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await asyncio.to_thread(self.resolve, host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"{host} does not resolve: {exc}") from exc
        problem = None if self.allow_private else internal_address(host, addresses)
        if problem or not addresses:
            raise httpcore.ConnectError(problem or f"{host} has no address")
        failed: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                return await self._backend.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failed = exc
        assert failed is not None
        raise failed

    async def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None):
        raise httpcore.ConnectError("webhooks go over TCP")

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def webhook_client(allow_private: bool = False, resolve: Resolve = resolve_host) -> httpx.AsyncClient:
    """An HTTP client whose every connection goes through `PublicOnly`; no proxy from the
    environment (a proxy would connect on our behalf, unchecked), no redirects (a redirect could
    point inside)."""
    limits = httpx.Limits()
    transport = httpx.AsyncHTTPTransport(trust_env=False, limits=limits)
    # httpx's transport takes no network backend, its connection pool (httpcore) does: the same
    # pool as httpx builds, with ours.
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=PublicOnly(allow_private, resolve),
    )
    return httpx.AsyncClient(transport=transport, timeout=TIMEOUT_SECS, follow_redirects=False, trust_env=False)


def secret_env_problem(name: str | None, prefix: str) -> str | None:
    """A pack may name only environment variables meant for it: not HOME, not the database password."""
    if name and not name.startswith(prefix):
        return f"must start with {prefix} (an environment variable set for webhooks), not {name!r}"
    return None


def backoff(attempt: int) -> float:
    """Seconds to wait after the `attempt`-th failure (1-based)."""
    return float(min(2**attempt, MAX_BACKOFF_SECS))


class WebhookOutbox:
    """The in-transaction hook (ChangeFeed.on_publish) that writes one delivery per receiver."""

    def __init__(self, pack_for: Callable[[str], Pack | None]) -> None:
        self.pack_for = pack_for

    def __call__(self, db: Session, change: Change) -> None:
        if change.get("kind") != "handoff":
            return
        pack = self.pack_for(change["client_id"])
        if pack is None:
            return
        receivers: list[str] = []
        if pack.webhook is not None:
            receivers.append(pack.webhook.url)
        contact = (change.get("detail") or {}).get("contact") or {}
        if change.get("event") == "escalated" and contact.get("channel") == "webhook" and contact.get("url"):
            receivers.append(contact["url"])
        if not receivers:
            return
        handoff = db.get(Handoff, change["id"])
        if handoff is None:
            return
        view = handoff_view(handoff)
        for url in dict.fromkeys(receivers):
            delivery = WebhookDelivery(
                client_id=change["client_id"],
                handoff_id=handoff.id,
                url=url,
                body="",
                event=f"handoff.{change['event']}",
                attempts=[],
            )
            db.add(delivery)
            db.flush()  # the id is the idempotency key and goes into the body
            body = {
                "id": delivery.id,
                "event": delivery.event,
                "client_id": change["client_id"],
                "at": datetime.now(UTC).isoformat(),
                "handoff": view,
            }
            if contact and url == contact.get("url"):
                body["on_call"] = contact
            delivery.body = json.dumps(body, ensure_ascii=False, sort_keys=True)


class WebhookSender:
    """Delivers due webhooks. Safe with several server instances: a delivery is leased with a
    compare-and-set on `next_attempt_at` before it is sent."""

    def __init__(
        self,
        sessions: sessionmaker,
        secret_for: Callable[[str], str | None],
        client: httpx.AsyncClient | None = None,
        allow_private: bool = False,
    ) -> None:
        self.sessions = sessions
        self.secret_for = secret_for
        self.client = client or webhook_client(allow_private)

    async def run(self, stop: asyncio.Event, every: float = 0.5) -> None:
        await repeat(stop, every, self.send_due, "webhook delivery")
        await self.client.aclose()

    async def send_due(self, limit: int = 20) -> int:
        leased = await asyncio.to_thread(self._lease_due, limit)
        await asyncio.gather(*(self._send(d) for d in leased))
        return len(leased)

    def _lease_due(self, limit: int) -> list[dict[str, Any]]:
        now = datetime.now(UTC)
        out = []
        with self.sessions() as db:
            due = db.execute(
                select(WebhookDelivery.id, WebhookDelivery.next_attempt_at)
                .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now)
                .order_by(WebhookDelivery.next_attempt_at)
                .limit(limit)
            ).all()
            for delivery_id, due_at in due:
                leased = db.execute(
                    update(WebhookDelivery)
                    .where(WebhookDelivery.id == delivery_id, WebhookDelivery.next_attempt_at == due_at)
                    .values(next_attempt_at=now + timedelta(seconds=LEASE_SECS))
                ).rowcount
                db.commit()
                if leased == 1:
                    d = db.get(WebhookDelivery, delivery_id)
                    out.append(
                        {
                            "id": d.id,
                            "url": d.url,
                            "body": d.body,
                            "event": d.event,
                            "client_id": d.client_id,
                            "attempts": list(d.attempts or []),
                        }
                    )
        return out

    async def _send(self, d: dict[str, Any]) -> None:
        body = d["body"].encode()
        secret = self.secret_for(d["client_id"])
        attempt: dict[str, Any] = {"at": datetime.now(UTC).isoformat(), "status_code": None, "error": None}
        started = time.perf_counter()
        if not secret:
            attempt["error"] = "no signing secret: set TRIAGE_WEBHOOK_SECRET (or the pack's webhook.secret_env)"
        else:
            timestamp = int(time.time())
            headers = {
                "Content-Type": "application/json",
                "User-Agent": "triage-webhooks/1",
                "X-Triage-Event": d["event"],
                "X-Triage-Timestamp": str(timestamp),
                "X-Triage-Signature": sign(secret, timestamp, body),
                "Idempotency-Key": d["id"],
            }
            try:
                response = await self.client.post(d["url"], content=body, headers=headers)
                attempt["status_code"] = response.status_code
                if not 200 <= response.status_code < 300:
                    attempt["error"] = f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                attempt["error"] = f"{type(exc).__name__}: {exc}"[:300]
        attempt["ms"] = round((time.perf_counter() - started) * 1000, 1)
        await asyncio.to_thread(self._record, d, attempt)

    def _record(self, d: dict[str, Any], attempt: dict[str, Any]) -> None:
        attempts = [*d["attempts"], attempt]
        now = datetime.now(UTC)
        values: dict[str, Any] = {"attempts": attempts}
        if attempt["error"] is None:
            values |= {"status": "delivered", "delivered_at": now}
        elif len(attempts) >= MAX_ATTEMPTS:
            values |= {"status": "failed"}
            log.error("webhook %s to %s failed %d times; giving up", d["id"], d["url"], len(attempts))
        else:
            values |= {"next_attempt_at": now + timedelta(seconds=backoff(len(attempts)))}
            log.warning("webhook %s to %s: %s (attempt %d)", d["id"], d["url"], attempt["error"], len(attempts))
        with self.sessions.begin() as db:
            db.execute(update(WebhookDelivery).where(WebhookDelivery.id == d["id"]).values(**values))


def secret_lookup(
    pack_for: Callable[[str], Pack | None], default: str | None, prefix: str = "TRIAGE_WEBHOOK_"
) -> Callable[[str], str | None]:
    """The client's own secret (from the environment variable its pack names, if it has the
    webhook prefix: a pack from before that rule cannot sign with $HOME), else the default."""

    def secret_for(client_id: str) -> str | None:
        pack = pack_for(client_id)
        env = pack.webhook.secret_env if pack is not None and pack.webhook is not None else None
        if env and secret_env_problem(env, prefix):
            log.warning("client %s: webhook.secret_env %s ignored (not %s…)", client_id, env, prefix)
            env = None
        return (os.environ.get(env) if env else None) or default

    return secret_for
