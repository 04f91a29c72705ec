"""The agent console: one static page (triage/web/agent.*) on top of the agents' API and WS /ws/agent."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from ..settings import WEB_DIR

router = APIRouter(tags=["agents"])


@router.get("/agent", summary="The agent console: sign in, the live queue, a handoff's details")
async def agent_console() -> FileResponse:
    return FileResponse(WEB_DIR / "agent.html", media_type="text/html", headers={"Cache-Control": "no-store"})
