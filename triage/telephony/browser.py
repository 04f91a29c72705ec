"""Calls from a browser: the call page and its websocket (PCM16 audio plus JSON events)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, HTTPException, Request, WebSocket
from fastapi.responses import FileResponse

from ..api.limits import SlidingWindow
from ..auth import request_token
from ..calls.pipeline import CallLine, run_call
from ..packs.schema import Pack
from ..runtime import ServerState
from ..settings import WEB_DIR
from .browser_serializer import BrowserFrameSerializer

BROWSER_RATE = 16_000

router = APIRouter(tags=["browser"])


async def call_refusal(websocket: WebSocket, state: ServerState) -> str | None:
    """Why this call may not start, or None. A signed-in user (token or session cookie) may always
    call; an anonymous caller only if the server allows anonymous calls, and at most
    `public_calls_per_minute` times a minute from one address: every call may become a handoff in
    the agents' queue, so a script must not be able to fill it."""
    token = request_token(websocket.headers, websocket.cookies, websocket.query_params)
    if token and await asyncio.to_thread(state.accounts.principal, token) is not None:
        return None
    if state.settings.calls_require_sign_in:
        return "sign in first: this server takes calls from signed-in users only"
    limiter: SlidingWindow = websocket.app.state.call_limiter
    if not limiter.allow(websocket.client.host if websocket.client else "?"):
        return "too many calls from your address: try again in a minute"
    return None


async def accept_for_client(websocket: WebSocket, state: ServerState, client: str) -> Pack | None:
    """Accept a call's websocket and return the client's pack; a refused call or an unknown client is told
    why, and closed (None)."""
    await websocket.accept()
    refusal = await call_refusal(websocket, state)
    if refusal is not None:
        await websocket.send_json({"type": "error", "error": refusal})
        await websocket.close(code=1008, reason=refusal[:120])
        return None
    pack = await asyncio.to_thread(state.packs.find, client)  # the database, off the event loop
    if pack is None:
        await websocket.send_json({"type": "error", "error": f"unknown client {client!r}"})
        await websocket.close(code=1008, reason="unknown client")
    return pack


@router.get("/call/{client}", summary="A browser call to this client, with live transcript and triage")
async def call_page(client: str, request: Request) -> FileResponse:
    state: ServerState = request.app.state.triage
    if not await asyncio.to_thread(state.packs.exists, client):
        raise HTTPException(status_code=404, detail=f"unknown client {client!r}")
    return FileResponse(WEB_DIR / "call.html", media_type="text/html")


@router.websocket("/ws/call/{client}")
async def call_socket(websocket: WebSocket, client: str) -> None:
    state: ServerState = websocket.app.state.triage
    pack = await accept_for_client(websocket, state, client)
    if pack is None:
        return
    line = CallLine(websocket=websocket, serializer=BrowserFrameSerializer(), channel="browser", out_rate=BROWSER_RATE)
    await run_call(line, pack, state.engines, state.store, state.metrics, state.desk)
