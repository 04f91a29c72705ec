"""A text call over a websocket: the same dialogue and storage as a phone call, without speech.

For admins trying a pack and for tests. The protocol, all JSON text frames:

client → server: `{"text": "what the caller says"}` (an empty string is silence), or `{"dtmf": "0"}`
server → client: `{"type": "bot", "text": …}` for each sentence the bot says, `{"type": "outcome",
"outcome": {…}, "handoff_id": …}` once an outcome is stored, `{"type": "end"}` before the server
closes the call, and `{"type": "error", "error": …}` for a malformed message (the call goes on).

Every outcome is committed before its sentences are sent (CallSession), so a handoff is in the agents'
queue by the time the caller reads that someone will call back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketDisconnect, WebSocketState

from ..brain.dialogue import Dialogue
from ..brain.state import Reply
from ..calls.session import CallSession
from ..runtime import ServerState
from ..store.repo import TEST_CHANNEL
from .browser import accept_for_client

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 4096
DTMF_KEYS = frozenset("0123456789*#")

router = APIRouter(tags=["text"])


class BadMessage(ValueError):
    pass


def parse_message(raw: str | None) -> tuple[str, str]:
    """One client text frame (None for a binary one) as ("text", words) or ("dtmf", key). Raises
    BadMessage with the reason."""
    if raw is None:
        raise BadMessage('binary frames are not understood; send JSON text like {"text": "hallo"}')
    size = len(raw.encode())
    if size > MAX_MESSAGE_BYTES:
        raise BadMessage(f"message too long: {size} bytes, at most {MAX_MESSAGE_BYTES}")
    try:
        message = json.loads(raw)
    except json.JSONDecodeError:
        raise BadMessage('not JSON; send {"text": "what the caller says"} or {"dtmf": "0"}') from None
    if not isinstance(message, dict):
        raise BadMessage('expected a JSON object like {"text": "hallo"}')
    if "dtmf" in message:
        key = message["dtmf"]
        if not isinstance(key, str) or key not in DTMF_KEYS:
            raise BadMessage(f"dtmf must be one key of 0-9, * or #, not {key!r}"[:200])
        return "dtmf", key
    text = message.get("text")
    if not isinstance(text, str):
        raise BadMessage('no "text": send {"text": "what the caller says"} (or {"dtmf": "0"})')
    return "text", text.strip()


async def _send_reply(websocket: WebSocket, reply: Reply, session: CallSession) -> None:
    for sentence in reply.says:
        await websocket.send_json({"type": "bot", "text": sentence})
    if reply.outcome is not None:
        message: dict[str, Any] = {"type": "outcome", "outcome": reply.outcome.as_dict()}
        if session.handoff_id:
            message["handoff_id"] = session.handoff_id
        await websocket.send_json(message)


@router.websocket("/ws/text/{client}")
async def text_call(websocket: WebSocket, client: str, test: bool = False) -> None:
    """`?test=1`: an admin trying a pack; its handoff never reaches the live queue, escalation or webhooks."""
    state: ServerState = websocket.app.state.triage
    pack = await accept_for_client(websocket, state, client)
    if pack is None:
        return

    channel = TEST_CHANNEL if test else "text"

    def start() -> tuple[CallSession, Reply]:
        session = CallSession(Dialogue(pack, state.engines.model), state.store, channel=channel)
        return session, session.greet()

    session, greeting = await asyncio.to_thread(start)
    ended = False
    try:
        await _send_reply(websocket, greeting, session)
        while True:
            frame = await websocket.receive()
            if frame["type"] == "websocket.disconnect":
                break
            try:
                kind, value = parse_message(frame.get("text"))
            except BadMessage as exc:
                await websocket.send_json({"type": "error", "error": str(exc)})
                continue
            hear = session.dtmf if kind == "dtmf" else session.hear
            reply = await asyncio.to_thread(hear, value)
            await _send_reply(websocket, reply, session)
            if reply.end:
                ended = True
                await websocket.send_json({"type": "end"})
                await websocket.close(code=1000, reason="call ended")
                break
    except (WebSocketDisconnect, RuntimeError):
        pass  # the caller went away mid-send
    finally:
        if not ended:
            try:
                await asyncio.to_thread(session.hangup)
            except Exception:
                log.exception("could not store the hang-up of text call %s", session.call_id)
            if websocket.client_state == WebSocketState.CONNECTED:
                with contextlib.suppress(RuntimeError, WebSocketDisconnect):
                    await websocket.close()
