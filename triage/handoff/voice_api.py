"""The agent's voice line to a browser caller on hold: WS /ws/agent/call/{handoff_id}.

Only the agent the handoff is assigned to (status `accepted`) may connect; they authenticate like on
/ws/agent (session cookie, Bearer token or ?token=). The caller must be on hold on this server
instance (triage/calls/agent_bridge.py keeps the calls of this process).

Both ways, binary messages are PCM16 little-endian mono 16 kHz audio, at most 64 KiB each (a bigger
one is answered with an error and the line goes on). Text messages are JSON:

- server → agent: ``{"type": "connected"}`` once the caller hears the agent, ``{"type": "ended"}``
  when the caller hung up (the socket is then closed), ``{"type": "error", "error": ...}``. When an
  admin revokes the agent's access the socket closes at once (1008) and the caller goes back on hold.
- agent → server: ``{"type": "hangup"}`` ends the caller's call. A socket that closes without it is
  a lost line: the caller goes back on hold and the agent can take the call again.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketDisconnect, WebSocketState

from ..api.deps import StateDep
from ..auth import request_token
from ..calls.agent_bridge import BRIDGES, AgentLeg
from .live import close_revoked
from .queue import UnknownHandoff

log = logging.getLogger(__name__)

MAX_AUDIO_BYTES = 64 * 1024  # two seconds of 16 kHz PCM16; the console sends 20 ms chunks
NOT_ON_LINE = "the caller is not on the line here"

router = APIRouter(tags=["agents"])


@router.websocket("/ws/agent/call/{handoff_id}")
async def agent_call(websocket: WebSocket, handoff_id: str, state: StateDep) -> None:
    """Talk to the caller of an accepted browser handoff: PCM16 16 kHz both ways, JSON events."""
    token = request_token(websocket.headers, websocket.cookies, websocket.query_params)
    user = await asyncio.to_thread(state.accounts.principal, token)
    await websocket.accept()
    if user is None:
        return await _refuse(websocket, "sign in first", 1008)
    try:
        view = await asyncio.to_thread(state.queue.get, handoff_id)
    except UnknownHandoff:
        view = None
    if view is None or not user.can_see(view["client_id"]):
        return await _refuse(websocket, f"no handoff {handoff_id}", 1008)
    if view["status"] != "accepted" or view["assigned_to"] != user.username:
        return await _refuse(websocket, "only the agent who accepted this handoff can take the call", 1008)
    bridge = BRIDGES.get(handoff_id)
    leg = bridge.attach() if bridge is not None else None
    if leg is None:
        return await _refuse(websocket, NOT_ON_LINE, 1000)

    log.info("agent %s is on the line with the caller of handoff %s", user.username, handoff_id)
    hung_up = False
    try:
        with state.hub.revocation(user.id) as revoked:
            if await asyncio.to_thread(state.accounts.principal, token) is None:  # revoked while we got here
                revoked.set_result(None)
            else:
                await websocket.send_json({"type": "connected"})
            sender = asyncio.create_task(_to_agent(websocket, leg))
            receiver = asyncio.create_task(_from_agent(websocket, leg))
            waiting: set[asyncio.Future[Any]] = {sender, receiver, revoked}
            done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            hung_up = receiver in done and receiver.exception() is None and receiver.result()
            for task in (sender, receiver):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError):
                    await task
            if revoked.done():  # the caller goes back on hold (a lost line), the agent's page is told why
                log.info("agent %s: access revoked, the call line to handoff %s closes", user.username, handoff_id)
                await close_revoked(websocket)
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        await leg.leave(hung_up)
        if websocket.application_state == WebSocketState.CONNECTED:
            with contextlib.suppress(WebSocketDisconnect, RuntimeError):
                await websocket.close(code=1000)
        log.info("agent %s left the caller of handoff %s (%s)", user.username, handoff_id, _why(leg, hung_up))


async def _to_agent(websocket: WebSocket, leg: AgentLeg) -> None:
    """The caller's audio, until the caller's call ends."""
    while True:
        audio = await leg.audio.get()
        if audio is None:
            await websocket.send_json({"type": "ended"})
            return
        await websocket.send_bytes(audio)


async def _from_agent(websocket: WebSocket, leg: AgentLeg) -> bool:
    """The agent's audio to the caller. True when the agent hung up, False when the socket closed."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return False
        audio = message.get("bytes")
        if audio is not None:
            problem = _bad_audio(audio)
            if problem:
                await websocket.send_json({"type": "error", "error": problem})
            else:
                await leg.say(audio)
            continue
        event = _json(message.get("text"))
        if event is not None and event.get("type") == "hangup":
            return True
        await websocket.send_json({"type": "error", "error": 'text messages must be {"type": "hangup"}'})


def _bad_audio(audio: bytes) -> str | None:
    if not audio:
        return "empty audio message"
    if len(audio) > MAX_AUDIO_BYTES:
        return f"audio message of {len(audio)} bytes is larger than the {MAX_AUDIO_BYTES}-byte limit"
    if len(audio) % 2:
        return f"audio message has an odd number of bytes ({len(audio)}); PCM16 needs 2 bytes per sample"
    return None


def _json(text: str | None) -> dict[str, Any] | None:
    if not text or len(text) > 1000:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _why(leg: AgentLeg, hung_up: bool) -> str:
    if leg.caller_gone:
        return "the caller hung up"
    return "hung up" if hung_up else "line lost"


async def _refuse(websocket: WebSocket, error: str, code: int) -> None:
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        await websocket.send_json({"type": "error", "error": error})
        await websocket.close(code=code, reason=error[:120])
