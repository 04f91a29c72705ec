"""The agents' API: sign in, the live queue (REST and a websocket that pushes changes), accept,
notes, resolve, and the webhook deliveries of each handoff. Every route checks the tenant: a handoff
of a client the user does not serve is reported as not found."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, WebSocket
from pydantic import BaseModel, Field
from starlette.websockets import WebSocketDisconnect

from ..api.deps import StateDep
from ..api.limits import SignInThrottle
from ..auth import SESSION_COOKIE, AuthError, Principal, current_user, request_token
from ..brain.summary import for_reader
from ..runtime import ServerState
from .live import close_revoked, next_change
from .queue import (
    ACTIVE,
    RESOLUTIONS,
    STATUSES,
    DeliveryList,
    HandoffList,
    HandoffView,
    QueueConflict,
    UnknownHandoff,
)

log = logging.getLogger(__name__)

router = APIRouter(tags=["agents"])


User = Annotated[Principal, Depends(current_user)]


# Handoff routes answer a HandoffView; fields a route does not fill stay out of the JSON, as the
# console and scripts have always read it.
AS_VIEW: dict[str, Any] = {"response_model": HandoffView, "response_model_exclude_unset": True}


async def _visible_handoff(state: ServerState, handoff_id: str, user: Principal) -> dict[str, Any]:
    try:
        view = await asyncio.to_thread(state.queue.get, handoff_id)
    except UnknownHandoff:
        view = None
    if view is None or not user.can_see(view["client_id"]):
        raise HTTPException(status_code=404, detail=f"no handoff {handoff_id}")
    return view


# --- sign-in --------------------------------------------------------------------------------------
class SignIn(BaseModel):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=200)


# Argon2 takes 64 MiB and a CPU core per check: at most this many at once, the rest wait their turn
# on the event loop (not in worker threads, which every call needs).
_HASHING = asyncio.Semaphore(2)


@router.post(
    "/api/session",
    summary="Sign in: sets the session cookie and returns the token",
    responses={429: {"description": "too many wrong passwords for this account or from this address"}},
)
async def sign_in(body: SignIn, request: Request, response: Response, state: StateDep) -> dict[str, Any]:
    throttle: SignInThrottle = request.app.state.sign_in_throttle
    source = request.client.host if request.client else "?"
    if throttle.paused(body.username, source):
        raise HTTPException(status_code=429, detail="too many failed sign-ins: try again in 15 minutes")
    try:
        async with _HASHING:
            user, token = await asyncio.to_thread(state.accounts.sign_in, body.username, body.password)
    except AuthError as exc:
        throttle.failed(body.username, source)
        raise HTTPException(status_code=401, detail=str(exc)) from exc
    throttle.succeeded(body.username)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=12 * 3600,
    )
    return {"user": user.public(), "token": token}


@router.delete("/api/session", summary="Sign out: the session token is revoked")
async def sign_out(request: Request, response: Response, user: User, state: StateDep) -> dict[str, str]:
    token = request_token(request.headers, request.cookies)
    if token:
        await asyncio.to_thread(state.accounts.revoke, token)
    response.delete_cookie(SESSION_COOKIE)
    return {"status": "signed out"}


@router.get("/api/me", summary="The signed-in user")
async def me(user: User) -> dict[str, Any]:
    return user.public()


# --- the queue ------------------------------------------------------------------------------------
@router.get(
    "/api/handoffs",
    summary="Handoffs of your clients, most urgent first",
    response_model=HandoffList,
    response_model_exclude_unset=True,
)
async def list_handoffs(
    state: StateDep,
    user: User,
    status: Annotated[list[str] | None, Query(description="Repeat for several; default: every open status.")] = None,
    client: str | None = None,
) -> dict[str, Any]:
    statuses = status or list(ACTIVE)
    unknown = sorted(set(statuses) - set(STATUSES))
    if unknown:
        raise HTTPException(status_code=422, detail=f"unknown status {unknown}; known: {', '.join(STATUSES)}")
    if "test" in statuses and user.role == "agent":  # operator (issue 13): test calls are the admins' own
        raise HTTPException(status_code=403, detail="only admins see test calls")
    scope = user.scope()
    if client is not None:
        if not user.can_see(client):
            raise HTTPException(status_code=404, detail=f"no client {client!r}")
        scope = [client]
    rows = await asyncio.to_thread(state.queue.list, scope, statuses)
    return {"handoffs": [_for_reader(row, user) for row in rows]}


@router.get("/api/handoffs/{handoff_id}", summary="One handoff: summary, transcript, events and notes", **AS_VIEW)
async def get_handoff(handoff_id: str, state: StateDep, user: User) -> dict[str, Any]:
    view = await _visible_handoff(state, handoff_id, user)
    view["deliveries"] = await asyncio.to_thread(state.queue.deliveries, handoff_id)
    return _for_reader(view, user)


def _for_reader(view: dict[str, Any], user: Principal) -> dict[str, Any]:
    """operator hook (issue 13): the summary in the reading agent's language, not the pack's."""
    return {**view, "summary": for_reader(view.get("summary") or {}, user.language)}


@router.post(
    "/api/handoffs/{handoff_id}/accept",
    summary="Take this handoff. 409 if another agent was first; a caller still on a phone line is transferred",
    responses={409: {"description": "someone else accepted it first, or it is closed"}},
    **AS_VIEW,
)
async def accept(handoff_id: str, state: StateDep, user: User) -> dict[str, Any]:
    await _visible_handoff(state, handoff_id, user)
    return await _put_through(state, await _changed(state.queue.accept, handoff_id, user.username), user)


@router.post("/api/handoffs/next", summary="Take the most urgent waiting handoff of your clients", **AS_VIEW)
async def claim_next(state: StateDep, user: User) -> dict[str, Any]:
    view = await asyncio.to_thread(state.queue.claim_next, user.username, user.scope())
    if view is None:
        raise HTTPException(status_code=404, detail="nothing is waiting")
    return await _put_through(state, view, user)


async def _put_through(state: ServerState, view: dict[str, Any], user: Principal) -> dict[str, Any]:
    """An accepted handoff whose caller is still on a phone line: the call goes to the agent."""
    if state.transfers is not None and view.get("caller_on_line"):
        view["transfer"] = await state.transfers.connect(view, user)
    return view


class Note(BaseModel):
    text: str = Field(min_length=1, max_length=4000)


@router.post("/api/handoffs/{handoff_id}/notes", summary="Add a note", **AS_VIEW)
async def add_note(handoff_id: str, body: Note, state: StateDep, user: User) -> dict[str, Any]:
    await _visible_handoff(state, handoff_id, user)
    return await _changed(state.queue.note, handoff_id, user.username, body.text)


class Resolve(BaseModel):
    resolution: Literal[RESOLUTIONS]  # type: ignore[valid-type]
    note: str | None = Field(default=None, max_length=4000)


@router.post("/api/handoffs/{handoff_id}/resolve", summary="Close the handoff with an outcome", **AS_VIEW)
async def resolve(handoff_id: str, body: Resolve, state: StateDep, user: User) -> dict[str, Any]:
    view = await _visible_handoff(state, handoff_id, user)
    if view["status"] == "accepted" and view["assigned_to"] not in (user.username, None) and not user.all_clients:
        raise HTTPException(status_code=409, detail=f"accepted by {view['assigned_to']}: only they can resolve it")
    return await _changed(state.queue.resolve, handoff_id, user.username, body.resolution, body.note)


class Return(BaseModel):
    why: str = Field(default="returned by agent", max_length=400)


@router.post("/api/handoffs/{handoff_id}/return", summary="Give an accepted handoff back to the queue", **AS_VIEW)
async def give_back(handoff_id: str, body: Return, state: StateDep, user: User) -> dict[str, Any]:
    view = await _visible_handoff(state, handoff_id, user)
    if view["assigned_to"] != user.username and not user.all_clients:
        raise HTTPException(status_code=409, detail="only the agent who accepted it can give it back")
    return await _changed(state.queue.return_to_queue, handoff_id, user.username, body.why)


@router.get(
    "/api/handoffs/{handoff_id}/deliveries",
    summary="Webhook deliveries of this handoff, with attempts",
    response_model=DeliveryList,
)
async def deliveries(handoff_id: str, state: StateDep, user: User) -> dict[str, Any]:
    await _visible_handoff(state, handoff_id, user)
    return {"deliveries": await asyncio.to_thread(state.queue.deliveries, handoff_id)}


async def _changed(change: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    try:
        return await asyncio.to_thread(change, *args)
    except QueueConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc
    except UnknownHandoff as exc:
        raise HTTPException(status_code=404, detail=f"no handoff {exc}") from exc
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


# --- live -----------------------------------------------------------------------------------------
@router.websocket("/ws/agent")
async def live_queue(websocket: WebSocket, state: StateDep) -> None:
    """Sends `{"type": "snapshot", "handoffs": [...]}` at once, then `{"type": "handoff", "event": …,
    "handoff": {...}}` for every change of a handoff the user may see. No polling."""
    token = request_token(websocket.headers, websocket.cookies, websocket.query_params)
    user = await asyncio.to_thread(state.accounts.principal, token)
    await websocket.accept()
    if user is None:
        await websocket.send_json({"type": "error", "error": "sign in first"})
        await websocket.close(code=1008, reason="not signed in")
        return

    def wants(change: dict[str, Any]) -> bool:
        return change.get("kind") == "handoff" and user.can_see(change["client_id"])

    with state.hub.revocation(user.id) as revoked, state.hub.watch(wants) as q:
        if await asyncio.to_thread(state.accounts.principal, token) is None:  # revoked while we got here
            return await close_revoked(websocket)
        snapshot = await asyncio.to_thread(state.queue.list, user.scope(), ACTIVE)
        await websocket.send_json({"type": "snapshot", "user": user.public(), "handoffs": snapshot})
        reader = asyncio.create_task(_drain(websocket))
        try:
            while (change := await next_change(q, reader, revoked)) is not None:
                try:
                    view = await asyncio.to_thread(state.queue.row, change["id"])
                except UnknownHandoff:
                    continue
                await websocket.send_json({"type": "handoff", "event": change.get("event"), "handoff": view})
            if revoked.done():  # signed out by an admin: nothing more reaches this page
                await close_revoked(websocket)
        except (WebSocketDisconnect, RuntimeError):
            pass
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader


async def _drain(websocket: WebSocket) -> None:
    """The console sends nothing we need; reading tells us when it goes away."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while True:
            await websocket.receive_text()
