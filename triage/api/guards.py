"""What every request passes before any route sees it: a size limit, JSON that is plain data, an
Origin check for what a browser sends with the session cookie, and security headers on the way out.

One pure ASGI middleware, because each of these must happen before FastAPI reads or parses a body:
a 100 MB JSON document is refused by its Content-Length (413) without being read; a body that
claims less but sends more is cut off at the limit. JSON with NaN or Infinity, or integers longer
than any id or count (nothing the database could store), is refused with 422 before a route
could store or echo it. The body is parsed here once more only to check it; it is bounded.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse

from ..auth import SESSION_COOKIE

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_INT_DIGITS = 18  # below 2**63, SQLite's and PostgreSQL's bigint
MAX_DEPTH = 64  # a pack is about 6 levels deep; YAML dumping and validation recurse
PAGE_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "media-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
}
EVERY_RESPONSE_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


class _BadJson(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _BadJson(f"{name} is not a JSON number")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _BadJson(f"the number {text[:20]}… is out of range")
    return int(text)


def json_problem(body: bytes) -> str | None:
    """Why this JSON body is refused (NaN, Infinity, a huge integer, nesting deeper than Python's
    parser can follow), or None. Malformed JSON is left to the route, which says where it is broken."""
    try:
        value = json.loads(body, parse_constant=_refuse_constant, parse_int=_bounded_int)
    except _BadJson as exc:
        return str(exc)
    except RecursionError:
        return "the JSON is nested too deeply"
    except ValueError:
        return None
    return None if _depth(value) <= MAX_DEPTH else f"the JSON is nested deeper than {MAX_DEPTH} levels"


def _depth(value: Any) -> int:
    """How deeply lists and objects nest, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def origin_allowed(headers: Headers, allowed: frozenset[str]) -> bool:
    """No Origin (not a browser, or a same-origin GET) passes; otherwise its host must be this
    server's Host, or one of the configured origins."""
    origin = headers.get("origin")
    if origin is None:
        return True
    if origin.rstrip("/") in allowed:
        return True
    return urlsplit(origin).netloc.lower() == headers.get("host", "").lower()


class Guards:
    def __init__(self, app: ASGIApp, max_body_bytes: int, allowed_origins: list[str], public_url: str | None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        origins = {o.rstrip("/") for o in allowed_origins}
        if public_url:
            parts = urlsplit(public_url)
            origins.add(f"{parts.scheme}://{parts.netloc}")
        self.allowed = frozenset(origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            if not origin_allowed(Headers(scope=scope), self.allowed):
                await send({"type": "websocket.close", "code": 1008, "reason": "foreign origin"})
                return
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        send = _with_security_headers(send)
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            await _answer(scope, receive, send, 413, f"the body may have at most {self.max_body_bytes} bytes")
            return
        if scope["method"] in UNSAFE:
            cookie_only = SESSION_COOKIE in headers.get("cookie", "") and "authorization" not in headers
            if cookie_only and not origin_allowed(headers, self.allowed):
                await _answer(scope, receive, send, 403, "a request from another site's page is refused")
                return
            body = await _read(receive, self.max_body_bytes)
            if body is None:
                await _answer(scope, receive, send, 413, f"the body may have at most {self.max_body_bytes} bytes")
                return
            if body and "json" in headers.get("content-type", ""):
                problem = json_problem(body)
                if problem:
                    await _answer(scope, receive, send, 422, problem)
                    return
            receive = _replay(body, receive)
        await self.app(scope, receive, send)


async def _read(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it grows past `limit` (the rest is never read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break  # the client went away; the route will see the disconnect
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _answer(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
    headers = {"connection": "close"} if status == 413 else None
    await JSONResponse({"detail": detail}, status_code=status, headers=headers)(scope, receive, send)


def _with_security_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in EVERY_RESPONSE_HEADERS.items():
                headers.setdefault(name, value)
            if headers.get("content-type", "").startswith("text/html"):
                for name, value in PAGE_HEADERS.items():
                    headers.setdefault(name, value)
        await send(message)

    return sending


_TOKEN_IN_QUERY = re.compile(r"((?:^|[?&])token=)[^&\s\"]+")


class RedactTokens(logging.Filter):
    """The access log shows `?token=…` as `?token=***`: a log file is no place for a session."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_TOKEN_IN_QUERY.sub(r"\1***", a) if isinstance(a, str) else a for a in record.args)
        return True
