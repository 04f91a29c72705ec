"""Calls from a browser: the call page and its websocket (PCM16 audio plus JSON events)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, WebSocket
from fastapi.responses import FileResponse

from ..calls.pipeline import CallLine, run_call
from ..runtime import ServerState
from ..settings import WEB_DIR
from .browser_serializer import BrowserFrameSerializer

BROWSER_RATE = 16_000

router = APIRouter(tags=["browser"])


async def accept_for_client(websocket: WebSocket, state: ServerState, client: str) -> bool:
    """Accept a call's websocket; an unknown client is told so, with the reason, and closed."""
    await websocket.accept()
    if state.packs.exists(client):
        return True
    await websocket.send_json({"type": "error", "error": f"unknown client {client!r}"})
    await websocket.close(code=1008, reason="unknown client")
    return False


@router.get("/call/{client}", summary="A browser call to this client, with live transcript and triage")
async def call_page(client: str, request: Request) -> FileResponse:
    state: ServerState = request.app.state.triage
    if not state.packs.exists(client):
        raise HTTPException(status_code=404, detail=f"unknown client {client!r}")
    return FileResponse(WEB_DIR / "call.html", media_type="text/html")


@router.websocket("/ws/call/{client}")
async def call_socket(websocket: WebSocket, client: str) -> None:
    state: ServerState = websocket.app.state.triage
    if not await accept_for_client(websocket, state, client):
        return
    line = CallLine(websocket=websocket, serializer=BrowserFrameSerializer(), channel="browser", out_rate=BROWSER_RATE)
    await run_call(line, state.packs.get(client), state.engines, state.store, state.metrics, state.desk)
