"""The admins' API: client packs as versioned data (read, validate, save, create, history, diff,
rollback, export, import), pack tests, preview calls and spoken prompts, accounts and the audit log.

Who may do what: a platform admin everything; a client admin the packs of their own clients (any
other client is "not found" to them); agents nothing here.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import yaml
from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi import Path as FastPath
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field

from ..api.deps import server_state
from ..auth import ROLES, AuthError, Principal, current_user
from ..brain.hours import time_of_day
from ..brain.summary import for_reader
from ..packs.load import PackError, safe_yaml
from ..packs.render import say
from ..packs.schema import Pack
from ..packs.versions import VersionConflict
from ..speech.engines import wav_bytes
from .drafts import DraftCheck, check_draft, document_of, preview_call

router = APIRouter(prefix="/api/admin", tags=["admin"])
MAX_DOCUMENT = 512 * 1024
# A version number as the database keeps it; a larger one is a 422, not an overflow inside a query.
MAX_VERSION = 2**31 - 1
VersionNumber = Annotated[int, Field(ge=1, le=MAX_VERSION)]


async def admin_user(user: Annotated[Principal, Depends(current_user)]) -> Principal:
    if user.role not in ("platform_admin", "client_admin"):
        raise HTTPException(status_code=403, detail="only admins may change client packs")
    return user


async def platform_admin(user: Annotated[Principal, Depends(current_user)]) -> Principal:
    if user.role != "platform_admin":
        raise HTTPException(status_code=403, detail="only platform admins may do this")
    return user


Admin = Annotated[Principal, Depends(admin_user)]
PlatformAdmin = Annotated[Principal, Depends(platform_admin)]


def _versions(request: Request):
    return server_state(request).packs.versions


async def _known_clients(request: Request) -> list[str]:
    """Every client id (the database and the prompts folder): read off the event loop, which carries the
    live calls' audio."""
    return await asyncio.to_thread(_versions(request).clients)


async def _visible(request: Request, user: Principal, client_id: str) -> None:
    if not user.can_see(client_id) or client_id not in await _known_clients(request):
        raise HTTPException(status_code=404, detail=f"no client {client_id!r}")


class Draft(BaseModel):
    """A pack as the editor has it: raw YAML, or the form's fields."""

    yaml: str | None = Field(default=None, max_length=MAX_DOCUMENT, description="The client's YAML document.")
    document: dict[str, Any] | None = Field(default=None, description="The same as JSON fields.")


class Save(Draft):
    comment: str = Field(default="", max_length=1000)
    base_version: VersionNumber | None = Field(
        default=None, description="The version the edit started from; 409 if someone saved since."
    )
    require_tests: bool = Field(default=False, description="Refuse to save when one of the pack's tests fails.")


def _document(draft: Draft) -> str:
    try:
        return document_of(draft.yaml, draft.document)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


# The language the editor shows a pack's problems in: its own (?lang=de|en), else the account's.
EditorLang = Annotated[Literal["de", "en"] | None, Query(description="Problems in this language; default: yours.")]


def _reader(user: Principal, lang: str | None) -> Literal["de", "en"]:
    chosen = lang or user.language
    return "en" if chosen == "en" else "de"


async def _check(
    request: Request, user: Principal, client_id: str, document: str, lang: str | None = None
) -> DraftCheck:
    state = server_state(request)
    settings = state.settings
    packs = await asyncio.to_thread(state.packs.all)  # the database (packs/versions.py), off the event loop
    return await asyncio.to_thread(
        check_draft,
        client_id,
        document,
        state.packs.prompts_dir,
        state.engines.model,
        packs,
        settings.webhook_allow_private,
        settings.webhook_secret_prefix,
        user.can_see,
        _reader(user, lang),
    )


async def _draft_or_live(request: Request, user: Principal, client_id: str, draft: Draft) -> Pack:
    """The pack a preview runs: the editor's draft when it sends one (refused if invalid), else the live one."""
    if draft.yaml is None and draft.document is None:
        return (await asyncio.to_thread(_versions(request).live, client_id))[0]
    check = await _check(request, user, client_id, _document(draft))
    if check.pack is None:
        raise _refused(check)
    return check.pack


def _refused(check: DraftCheck) -> HTTPException:
    return HTTPException(status_code=422, detail={"message": "not saved: the pack has problems", **check.as_dict()})


# --- reading --------------------------------------------------------------------------------------
@router.get("/clients", summary="The clients you administer, with their live version")
async def list_clients(request: Request, user: Admin) -> dict[str, Any]:
    versions = _versions(request)

    def rows() -> list[dict[str, Any]]:
        out = []
        for client_id in versions.clients():
            if not user.can_see(client_id):
                continue
            try:
                pack, version = versions.live(client_id)
                out.append({"id": client_id, "name": pack.name, "languages": pack.languages, **version.info()})
            except PackError as exc:
                out.append({"id": client_id, "error": str(exc)})
        return out

    return {"clients": await asyncio.to_thread(rows)}


@router.get("/clients/{client_id}", summary="The live pack: its YAML, its fields, its version")
async def get_client(client_id: str, request: Request, user: Admin) -> dict[str, Any]:
    await _visible(request, user, client_id)
    pack, version = await asyncio.to_thread(_versions(request).live, client_id)
    try:
        document = await asyncio.to_thread(safe_yaml, version.document)
    except yaml.YAMLError:
        document = None  # saved before aliases were refused; the YAML view still shows it
    return {
        "id": client_id,
        "version": version.info(),
        "yaml": version.document,
        "document": document or {},
        "pack": pack.model_dump(mode="json"),
        "tests": version.tests,
    }


@router.get("/clients/{client_id}/versions", summary="Every saved version, newest first")
async def versions(client_id: str, request: Request, user: Admin) -> dict[str, Any]:
    await _visible(request, user, client_id)
    return {"versions": await asyncio.to_thread(_versions(request).history, client_id)}


@router.get("/clients/{client_id}/versions/{number}", summary="One version's YAML")
async def version(
    client_id: str, number: Annotated[int, FastPath(ge=1, le=MAX_VERSION)], request: Request, user: Admin
) -> dict[str, Any]:
    await _visible(request, user, client_id)
    found = await asyncio.to_thread(_versions(request).get, client_id, number)
    if found is None:
        raise HTTPException(status_code=404, detail=f"{client_id} has no version {number}")
    return {**found.info(), "yaml": found.document, "test_results": found.tests}


@router.get("/clients/{client_id}/diff", summary="What changed between two versions (unified diff)")
async def diff(
    client_id: str,
    request: Request,
    user: Admin,
    older: Annotated[int, Query(ge=1, le=MAX_VERSION)],
    newer: Annotated[int, Query(ge=1, le=MAX_VERSION)],
) -> PlainTextResponse:
    await _visible(request, user, client_id)
    try:
        text = await asyncio.to_thread(_versions(request).diff, client_id, older, newer)
    except LookupError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return PlainTextResponse(text)


@router.get("/clients/{client_id}/export", summary="The live pack as a YAML file for prompts/<id>/pack.yaml")
async def export(client_id: str, request: Request, user: Admin) -> Response:
    await _visible(request, user, client_id)
    _, version = await asyncio.to_thread(_versions(request).live, client_id)
    return Response(
        version.document,
        media_type="application/yaml",
        headers={"Content-Disposition": f'attachment; filename="{client_id}-v{version.number}.yaml"'},
    )


# --- checking a draft -----------------------------------------------------------------------------
@router.post("/clients/{client_id}/validate", summary="Check a draft and run its tests; nothing is saved")
async def validate(
    client_id: str, draft: Draft, request: Request, user: Admin, lang: EditorLang = None
) -> dict[str, Any]:
    await _visible(request, user, client_id)
    return (await _check(request, user, client_id, _document(draft), lang)).as_dict()


class Preview(Draft):
    turns: list[str | dict[str, str]] = Field(
        max_length=50, description='What the caller says; {"dtmf": "0"} presses 0.'
    )
    lang: str | None = None


@router.post(
    "/clients/{client_id}/preview", summary="A text call against a draft (or the live pack); nothing is stored"
)
async def preview(client_id: str, body: Preview, request: Request, user: Admin) -> dict[str, Any]:
    await _visible(request, user, client_id)
    state = server_state(request)
    pack = await _draft_or_live(request, user, client_id, body)
    if body.lang and body.lang not in pack.languages:
        raise HTTPException(status_code=422, detail=f"{client_id} offers {pack.languages}, not {body.lang!r}")
    return await asyncio.to_thread(preview_call, pack, state.engines.model, body.turns, body.lang)


class Speak(Draft):
    key: str = Field(description="A prompt's name, e.g. greeting.")
    lang: str = "de"
    time_of_day: str | None = Field(default=None, description="morning, afternoon, evening or night")


@router.post(
    "/clients/{client_id}/speak",
    summary="Hear a prompt with the client's voice (WAV)",
    response_class=Response,
    responses={200: {"content": {"audio/wav": {}}}},
)
async def speak(client_id: str, body: Speak, request: Request, user: Admin) -> Response:
    await _visible(request, user, client_id)
    state = server_state(request)
    pack = await _draft_or_live(request, user, client_id, body)
    if body.key not in type(pack.prompts).model_fields:
        raise HTTPException(status_code=422, detail=f"no prompt {body.key!r}")
    if body.lang not in pack.languages:
        raise HTTPException(status_code=422, detail=f"{client_id} offers {pack.languages}, not {body.lang!r}")
    # operator (issue 13): "now" is the time of day a call gets now, on the client's clock
    variables = {"time_of_day": body.time_of_day or time_of_day(pack, datetime.now(UTC))}
    text = say(pack, body.key, body.lang, **variables)
    tts = state.engines.tts
    pcm = await asyncio.to_thread(lambda: tts.cache.get(body.lang, text) or tts.synthesize(text, body.lang))
    return Response(
        wav_bytes(pcm, tts.voice(body.lang).sample_rate),
        media_type="audio/wav",
        headers={"X-Triage-Text": text.encode("ascii", "backslashreplace").decode()[:500]},
    )


# --- saving ---------------------------------------------------------------------------------------
async def _save(
    request: Request, user: Principal, client_id: str, body: Save, source: str, lang: str | None = None
) -> dict[str, Any]:
    document = _document(body)
    check = await _check(request, user, client_id, document, lang)
    if not check.valid or (body.require_tests and not check.tests_pass):
        raise _refused(check)
    try:
        saved = await asyncio.to_thread(
            _versions(request).save,
            client_id,
            document,
            user.username,
            body.comment,
            source=source,
            base=body.base_version,
            tests=check.tests,
        )
    except VersionConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc
    return {"version": saved.info(), **check.as_dict()}


@router.put("/clients/{client_id}", summary="Save a new version (validated and tested first)")
async def save(client_id: str, body: Save, request: Request, user: Admin, lang: EditorLang = None) -> dict[str, Any]:
    await _visible(request, user, client_id)
    return await _save(request, user, client_id, body, "admin", lang)


@router.post(
    "/clients/{client_id}/import",
    summary="Import a YAML file (the format of prompts/<id>/pack.yaml) as a new version",
)
async def import_yaml(
    client_id: str,
    request: Request,
    user: Admin,
    text: Annotated[str, Body(media_type="application/yaml", max_length=MAX_DOCUMENT)],
    comment: str = "imported",
    lang: EditorLang = None,
) -> dict[str, Any]:
    await _visible(request, user, client_id)
    return await _save(request, user, client_id, Save(yaml=text, comment=comment), "import", lang)


class NewClient(Save):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)


@router.post("/clients", summary="Create a client (platform admins)", status_code=201)
async def create(body: NewClient, request: Request, user: PlatformAdmin, lang: EditorLang = None) -> dict[str, Any]:
    if body.id in await _known_clients(request):
        raise HTTPException(status_code=409, detail=f"client {body.id!r} exists already")
    return await _save(request, user, body.id, body, "admin", lang)


class Rollback(BaseModel):
    version: VersionNumber
    comment: str = Field(default="", max_length=1000)


@router.post("/clients/{client_id}/rollback", summary="Make an earlier version live again (as a new version)")
async def rollback(client_id: str, body: Rollback, request: Request, user: Admin) -> dict[str, Any]:
    await _visible(request, user, client_id)
    try:
        saved = await asyncio.to_thread(
            _versions(request).rollback, client_id, body.version, user.username, body.comment
        )
    except LookupError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    except (PackError, VersionConflict) as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc
    return {"version": saved.info()}


# --- test calls ------------------------------------------------------------------------------------
@router.get("/test-calls", summary="Your clients' test calls: their handoffs, orders and messages (never live)")
async def test_calls(
    request: Request, user: Admin, client: Annotated[str | None, Query(max_length=64)] = None
) -> dict[str, Any]:
    """What `triage chat`, `simulate` and `/ws/text?test=1` left (status "test"): for the admin who
    tried a pack. They are never in the agents' queue, escalated, exported as live or sent to webhooks."""
    scope = user.scope()
    if client is not None:
        if not user.can_see(client):
            raise HTTPException(status_code=404, detail=f"no client {client!r}")
        scope = [client]
    state = server_state(request)
    handoffs = await asyncio.to_thread(state.queue.list, scope, ["test"])
    outcomes = await asyncio.to_thread(state.store.outcomes_of_test_calls, scope)
    readable = [{**h, "summary": for_reader(h.get("summary") or {}, user.language)} for h in handoffs]
    return {"handoffs": readable, **outcomes}


# --- accounts and the audit log (platform admins) -----------------------------------------------
@router.get("/audit", summary="Who changed what, and every sign-in")
async def audit_log(
    request: Request,
    user: PlatformAdmin,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    client: str | None = None,
    action: str | None = None,
) -> dict[str, Any]:
    entries = await asyncio.to_thread(server_state(request).audit.entries, limit, client, action)
    return {"entries": entries}


@router.get("/users", summary="Every account")
async def users(request: Request, user: PlatformAdmin) -> dict[str, Any]:
    return {"users": [u.public() for u in await asyncio.to_thread(server_state(request).accounts.list)]}


class NewUser(BaseModel):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=200)
    role: str = Field(description=", ".join(ROLES))
    clients: list[str] = Field(default_factory=list)
    display_name: str | None = None
    language: str = "de"
    phone: str | None = None


@router.post("/users", summary="Create an account", status_code=201)
async def create_user(body: NewUser, request: Request, user: PlatformAdmin) -> dict[str, Any]:
    unknown = sorted(set(body.clients) - set(await _known_clients(request)))
    if unknown:
        raise HTTPException(status_code=422, detail=f"unknown client {', '.join(unknown)}")
    try:
        made = await asyncio.to_thread(
            server_state(request).accounts.create,
            body.username,
            body.password,
            body.role,
            body.clients,
            body.display_name,
            body.language,
            body.phone,
            user.username,
        )
    except AuthError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return made.public()


@router.post("/users/{username}/revoke", summary="Revoke every session and API token of an account")
async def revoke(username: str, request: Request, user: PlatformAdmin) -> dict[str, Any]:
    try:
        state = server_state(request)
        count = await asyncio.to_thread(state.accounts.revoke_all, username, user.username, state.store.feed)
    except AuthError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc
    return {"revoked": count}
