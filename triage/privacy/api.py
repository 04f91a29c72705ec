"""The data-protection API: a caller's data exported or erased (platform admins), and legal holds on
a handoff (anyone who may see the handoff's client). Every request is in the audit log.

A caller's number or name travels in the request body, never in the URL, so that no access log
keeps it.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field

from ..admin.api import PlatformAdmin
from ..auth import Principal, current_user
from . import recording_api
from .requests import UnknownHandoff, client_of, erase, export, set_hold

router = APIRouter(prefix="/api/privacy", tags=["privacy"])


class Subject(BaseModel):
    """Whose data: a phone number in any usual spelling, or a name as taken down (or both)."""

    phone: str | None = Field(default=None, max_length=40)
    name: str | None = Field(default=None, max_length=200)
    reference: str = Field(default="", max_length=200, description="Your reference (a ticket), kept in the audit log.")


class Hold(BaseModel):
    hold: bool = True
    reference: str = Field(default="", max_length=200)


def _sessions(request: Request):
    return request.app.state.triage.store.sessions


async def _for_subject(request: Request, user: Principal, subject: Subject, action) -> dict[str, Any]:
    """Export or erasure by number or name, off the event loop; a key that finds nobody is 422."""
    try:
        return await asyncio.to_thread(
            action,
            _sessions(request),
            user.username,
            phone=subject.phone,
            name=subject.name,
            reference=subject.reference,
        )
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


@router.post("/export", summary="Everything stored about a caller, as JSON")
async def export_subject(subject: Subject, request: Request, user: PlatformAdmin) -> dict[str, Any]:
    return await _for_subject(request, user, subject, export)


@router.post("/delete", summary="Erase a caller's data everywhere (legal holds excepted)")
async def delete_subject(subject: Subject, request: Request, user: PlatformAdmin) -> dict[str, Any]:
    return await _for_subject(request, user, subject, erase)


@router.put("/handoffs/{handoff_id}/hold", summary="Keep a handoff whatever the retention says, or release it")
async def hold_handoff(
    handoff_id: str, body: Hold, request: Request, user: Annotated[Principal, Depends(current_user)]
) -> dict[str, Any]:
    sessions = _sessions(request)
    try:
        client_id = await asyncio.to_thread(client_of, sessions, handoff_id)
        if not user.can_see(client_id):
            raise UnknownHandoff(handoff_id)
        return await asyncio.to_thread(set_hold, sessions, handoff_id, body.hold, user.username, body.reference)
    except UnknownHandoff as exc:
        raise HTTPException(status_code=404, detail=f"no handoff {handoff_id}") from exc


router.include_router(recording_api.router)  # the console's recording player
