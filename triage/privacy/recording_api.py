"""Playing a call's recording from the agent console: what the console says about it, and the audio.

Agents and admins of the call's client (and platform admins) may listen; anyone else gets 404, as for
a call that does not exist. Every play is an entry in the audit log, written before the first byte is
sent. The audio is decrypted chunk by chunk as it is sent (privacy/recording.py), never kept whole.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy import select

from ..auth import Principal, current_user
from ..store.tables import Call, Recording
from .recording import RecordingVault, status

router = APIRouter(tags=["privacy"])  # included by privacy/api.py under /api/privacy
Viewer = Annotated[Principal, Depends(current_user)]


class RecordingStatus(BaseModel):
    """What the console shows next to a call."""

    call_id: str
    status: Literal["recorded", "withdrawn", "declined", "not_stored", "not_asked"]
    consent_prompt: str | None = None
    consent_at: str | None = None
    consent_withdrawn_at: str | None = None
    # the phone went to someone who never heard the consent question: nothing after this was recorded
    consent_handed_over_at: str | None = None
    seconds: float | None = None


def _iso(value: datetime | None) -> str | None:
    """ISO 8601 with its offset: SQLite hands back naive datetimes, and everything stored is UTC."""
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def _find(request: Request, user: Principal, call_id: str) -> tuple[Call, Recording | None]:
    with request.app.state.triage.store.sessions() as db:
        call = db.get(Call, call_id)
        if call is None or not user.can_see(call.client_id):
            raise HTTPException(status_code=404, detail=f"no call {call_id}")
        row = db.scalars(select(Recording).where(Recording.call_id == call_id).limit(1)).first()
        db.expunge_all()
        return call, row


@router.get("/calls/{call_id}/recording", summary="Whether a call was recorded, and its consent record")
async def recording_status(call_id: str, request: Request, user: Viewer) -> RecordingStatus:
    call, row = await asyncio.to_thread(_find, request, user, call_id)
    return RecordingStatus(
        call_id=call_id,
        status=status(call, row),
        consent_prompt=call.consent_prompt,
        consent_at=_iso(call.consent_at),
        consent_withdrawn_at=_iso(call.consent_withdrawn_at),
        consent_handed_over_at=_iso(call.consent_handed_over_at),
        seconds=row.pcm_bytes / (row.sample_rate * row.channels * 2) if row else None,
    )


@router.get(
    "/calls/{call_id}/recording.wav",
    summary="Play a call's recording (caller left, bot right); each play is in the audit log",
    response_class=StreamingResponse,
)
async def play_recording(call_id: str, request: Request, user: Viewer) -> StreamingResponse:
    call, row = await asyncio.to_thread(_find, request, user, call_id)
    vault: RecordingVault | None = request.app.state.triage.engines.vault
    if row is None or vault is None:
        raise HTTPException(status_code=404, detail=f"call {call_id} has no recording to play")
    await asyncio.to_thread(
        request.app.state.triage.audit.record,
        user.username,
        "recording_played",
        call.client_id,
        call_id=call_id,
        recording_id=row.id,
    )
    chunks: Iterator[bytes] = vault.wav(row)
    return StreamingResponse(  # a sync iterator: Starlette reads it in a thread, off the event loop
        chunks,
        media_type="audio/wav",
        headers={
            "Cache-Control": "no-store",
            "Content-Disposition": f'inline; filename="{call_id}.wav"',
            "Content-Length": str(44 + row.pcm_bytes),
        },
    )
