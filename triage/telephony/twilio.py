"""Twilio: the incoming-call webhook (TwiML), signature checks and the Media Streams websocket.

Audio goes through pipecat's TwilioFrameSerializer. Twilio's `mark` events are added here (pipecat
ignores them): after each bot utterance we send a mark, and Twilio echoes it once the caller has
heard everything before it. That echo is what "the caller has heard the goodbye" means.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from fastapi import APIRouter, HTTPException, Request, Response, WebSocket
from pipecat.frames.frames import (
    Frame,
    InputTransportMessageFrame,
    OutputTransportMessageFrame,
    OutputTransportMessageUrgentFrame,
)
from pipecat.serializers.twilio import TwilioFrameSerializer
from starlette.websockets import WebSocketDisconnect
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import Connect, VoiceResponse

from ..brain import hours
from ..calls.pipeline import CallLine, run_call
from ..handoff.queue import UnknownHandoff
from ..packs.load import client_for_number
from ..packs.schema import Pack
from ..runtime import ServerState
from .frames import bad_input
from .transfer import AUDIO_KINDS, TWILIO_LANGUAGES, TwilioLine, not_in_service_twiml

log = logging.getLogger(__name__)

TWILIO_RATE = 8_000
MAX_MESSAGE_BYTES = 64 * 1024  # a 20 ms media frame is ~250 bytes of JSON; nothing honest is this big
START_TIMEOUT_SECS = 10.0

router = APIRouter(tags=["twilio"])


class TwilioMediaSerializer(TwilioFrameSerializer):
    """pipecat's serializer plus marks, `stop`, and a clear error for anything malformed."""

    async def serialize(self, frame: Frame) -> str | bytes | None:
        if isinstance(frame, OutputTransportMessageFrame | OutputTransportMessageUrgentFrame):
            message = frame.message
            if isinstance(message, dict) and message.get("event") == "mark":
                return json.dumps({"event": "mark", "streamSid": self._stream_sid, "mark": {"name": message["name"]}})
            return None  # events for the browser page mean nothing to Twilio
        return await super().serialize(frame)

    async def deserialize(self, data: str | bytes) -> Frame | None:
        if len(data) > MAX_MESSAGE_BYTES:
            return bad_input(f"message of {len(data)} bytes exceeds {MAX_MESSAGE_BYTES}")
        try:
            message = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return bad_input(f"not JSON: {exc}")
        if not isinstance(message, dict):
            return bad_input("a Media Streams message is a JSON object")
        event = message.get("event")
        if event == "mark":
            mark = message.get("mark")
            if not isinstance(mark, dict) or not isinstance(mark.get("name"), str):
                return bad_input('a mark event needs "mark": {"name": "..."}')
            return InputTransportMessageFrame(message={"event": "mark", "name": mark["name"]})
        if event == "stop":
            # Twilio ended the stream: the caller hung up, or the call was redirected (a transfer).
            # Either way there is nothing to hang up, and doing so would cut a transfer off.
            self._hangup_attempted = True
            return InputTransportMessageFrame(message={"event": "stop"})
        if event in ("connected", "start"):
            return None
        if event not in ("media", "dtmf"):
            return bad_input(f"unknown event {event!r}")
        try:
            return await super().deserialize(data)
        except Exception as exc:  # bad base64, odd payloads: say so, keep the call
            return bad_input(f"bad {event} message: {exc}")


# --- signatures --------------------------------------------------------------------------------------
def public_url(state: ServerState, url: str, scheme: str | None = None) -> str:
    """The URL as Twilio saw it: behind ngrok or a proxy, the Host header is not what Twilio signed."""
    parts = urlsplit(url)
    if state.settings.public_url:
        public = urlsplit(state.settings.public_url)
        parts = parts._replace(scheme=public.scheme, netloc=public.netloc)
    if scheme:
        parts = parts._replace(scheme=scheme)
    return urlunsplit(parts._replace(fragment=""))


def signature_valid(state: ServerState, url: str, params: dict[str, Any], signature: str | None) -> bool:
    """Every request must carry Twilio's signature. Without an auth token nothing can be verified,
    so nothing is accepted, unless TRIAGE_TWILIO_ALLOW_UNSIGNED is set (development only): otherwise
    anyone who finds the URL could start calls and create handoffs."""
    token = state.settings.twilio_auth_token
    if not token:
        return state.settings.twilio_allow_unsigned
    return bool(signature and RequestValidator(token).validate(url, params, signature))


# --- webhook -----------------------------------------------------------------------------------------
@router.post("/twilio/voice", summary="Twilio incoming-call webhook: answers with a Media Stream")
async def voice_webhook(request: Request, client: str | None = None) -> Response:
    state: ServerState = request.app.state.triage
    form = await request.form()
    params = {k: str(v) for k, v in form.items()}
    signature = request.headers.get("X-Twilio-Signature")
    if not signature_valid(state, public_url(state, str(request.url)), params, signature):
        raise HTTPException(status_code=403, detail="invalid or missing X-Twilio-Signature")
    source = request.client.host if request.client else "?"
    if not state.settings.twilio_auth_token and not request.app.state.call_limiter.allow(source):
        raise HTTPException(status_code=429, detail="too many unsigned calls from your address")
    _line(state).saw_url(public_url(state, str(request.url)))
    # packs are looked up in the database (packs/versions.py): off the event loop, which carries every live
    # call's audio, so a slow or locked database delays this caller alone
    pack = await asyncio.to_thread(_called_pack, state, client, params.get("To", ""))
    if pack is None:
        # operator (issue 13): the caller hears that the number is not in service, and the call is logged
        log.warning(
            "incoming call %s from %s to %s: no client pack for this number (client=%r); told it is not in service",
            params.get("CallSid"),
            params.get("From"),
            params.get("To"),
            client,
        )
        return Response(content=not_in_service_twiml(state.settings.prompts_dir), media_type="application/xml")
    client_id = pack.id
    forwarded = await asyncio.to_thread(_forward_twiml, pack, params)
    if forwarded is not None:
        return Response(content=forwarded, media_type="application/xml")
    scheme = "wss" if _secure(request, state) else "ws"
    stream_url = public_url(state, str(request.url_for("twilio_stream")), scheme=scheme)
    response = VoiceResponse()
    connect = Connect()
    stream = connect.stream(url=stream_url)
    stream.parameter(name="client", value=client_id)
    if params.get("From"):
        stream.parameter(name="caller", value=params["From"])
    response.append(connect)
    return Response(content=str(response), media_type="application/xml")


def _called_pack(state: ServerState, client: str | None, called: str) -> Pack | None:
    """The pack of the client named in the webhook's URL, or else of the one whose phone numbers hold the
    called number; None when there is none (or only an invalid one, which no call may get)."""
    if client:
        return state.packs.find(client)
    packs = state.packs.all()
    client_id = client_for_number(packs, called)
    return packs[client_id] if client_id else None


def _forward_twiml(pack: Pack, params: dict[str, str]) -> str | None:
    """Out of hours with `out_of_hours.mode: forward` (brain/hours.py decides): the pack's sentence in
    each language it offers (nobody has spoken yet, so the caller's language is not known), then
    `<Dial>` to the pack's number. None when the call is served as usual."""
    client_id = pack.id
    now = datetime.now(UTC)
    number = hours.forward_number(pack, now)
    if number is None:
        return None
    log.info("incoming call %s to %s: closed, forwarded to %s", params.get("CallSid"), client_id, number)
    response = VoiceResponse()
    for lang in pack.languages:
        for sentence in hours.forward_words(pack, now, lang):
            response.say(sentence, language=TWILIO_LANGUAGES[lang])
    response.dial(number)
    return str(response)


# --- transfers (see transfer.py) ---------------------------------------------------------------------
def _line(state: ServerState) -> TwilioLine:
    state.phone_transfers()  # a state built without the app's lifespan (benchmarks) gets them here
    assert state.phone_line is not None
    return state.phone_line


def _twiml(twiml: str) -> Response:
    return Response(content=twiml, media_type="application/xml")


@router.post("/twilio/dial-result", summary="Twilio's Dial action after a transfer: back to the queue if unanswered")
async def dial_result(request: Request, handoff: str) -> Response:
    state: ServerState = request.app.state.triage
    form = await request.form()
    params = {k: str(v) for k, v in form.items()}
    signature = request.headers.get("X-Twilio-Signature")
    if not state.settings.twilio_auth_token:  # no transfers without Twilio credentials: nothing to answer
        raise HTTPException(status_code=403, detail="Twilio is not configured on this server")
    if not signature_valid(state, public_url(state, str(request.url)), params, signature):
        raise HTTPException(status_code=403, detail="invalid or missing X-Twilio-Signature")
    scheme = "wss" if _secure(request, state) else "ws"
    stream_url = public_url(state, str(request.url_for("twilio_stream")), scheme=scheme)
    try:
        twiml = await state.phone_transfers().dial_result(handoff, params.get("DialCallStatus", ""), stream_url, params)
    except UnknownHandoff as exc:
        raise HTTPException(status_code=404, detail=f"no handoff {handoff}") from exc
    return _twiml(twiml)


def _token_checked(request: Request, state: ServerState, handoff: str) -> TwilioLine:
    line = _line(state)
    if not line.token_valid(handoff, request.query_params.get("e"), request.query_params.get("t")):
        raise HTTPException(status_code=403, detail="invalid or expired token")
    return line


@router.api_route("/twilio/whisper", methods=["GET", "POST"], summary="What the agent hears before the caller")
async def whisper(request: Request, handoff: str) -> Response:
    state: ServerState = request.app.state.triage
    line = _token_checked(request, state, handoff)
    base = public_url(state, str(request.base_url)).rstrip("/")
    try:
        await state.phone_transfers().agent_answered(handoff)
    except UnknownHandoff as exc:
        raise HTTPException(status_code=404, detail=f"no handoff {handoff}") from exc
    return _twiml(line.whisper_twiml((state.settings.public_url or base).rstrip("/"), handoff))


@router.get("/twilio/audio/{kind}.wav", summary="A transfer sentence of one handoff, as WAV for <Play>")
async def transfer_audio(request: Request, kind: str, handoff: str) -> Response:
    state: ServerState = request.app.state.triage
    line = _token_checked(request, state, handoff)
    if kind not in AUDIO_KINDS:
        raise HTTPException(status_code=404, detail=f"no audio {kind!r}")
    try:
        wav = await asyncio.to_thread(line.audio, handoff, kind)
    except UnknownHandoff as exc:
        raise HTTPException(status_code=404, detail=f"no handoff {handoff}") from exc
    return Response(content=wav, media_type="audio/wav", headers={"Cache-Control": "private, no-store"})


def _secure(request: Request, state: ServerState) -> bool:
    if state.settings.public_url:
        return state.settings.public_url.startswith("https")
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto") == "https"


# --- media stream ------------------------------------------------------------------------------------
@router.websocket("/twilio/stream", name="twilio_stream")
async def media_stream(websocket: WebSocket) -> None:
    state: ServerState = websocket.app.state.triage
    signature = websocket.headers.get("x-twilio-signature")
    if not signature_valid(state, public_url(state, str(websocket.url)), {}, signature):
        await websocket.close(code=1008, reason="invalid X-Twilio-Signature")
        return
    await websocket.accept()
    try:
        start = await asyncio.wait_for(_read_start(websocket), START_TIMEOUT_SECS)
    except (TimeoutError, WebSocketDisconnect, ValueError) as exc:
        log.warning("media stream without a valid start: %s", exc)
        await _close(websocket, 1008, f"expected a Media Streams 'start' event: {exc}")
        return
    custom = {k: v for k, v in (start.get("customParameters") or {}).items() if isinstance(v, str)}
    client_id = custom.get("client") or websocket.query_params.get("client")
    pack = await asyncio.to_thread(state.packs.find, client_id) if client_id else None
    if pack is None:
        await _close(websocket, 1008, f"unknown client {client_id!r}")
        return
    resume = custom.get("handoff") or None
    if resume is not None:
        try:
            same_client = await asyncio.to_thread(state.queue.client_of, resume) == client_id
        except UnknownHandoff:
            same_client = False
        if not same_client:
            log.warning("stream parameter handoff=%s is not a handoff of %s: ignored", resume, client_id)
            resume = None
    _line(state).saw_url(public_url(state, str(websocket.url)))
    settings = state.settings
    call_sid = start.get("callSid") if isinstance(start.get("callSid"), str) else None
    hang_up = bool(settings.twilio_account_sid and settings.twilio_auth_token and call_sid)
    serializer = TwilioMediaSerializer(
        stream_sid=start["streamSid"],
        call_sid=call_sid,
        account_sid=settings.twilio_account_sid,
        auth_token=settings.twilio_auth_token,
        base_url=settings.twilio_api_url,
        params=TwilioFrameSerializer.InputParams(auto_hang_up=hang_up),
    )
    line = CallLine(
        websocket=websocket,
        serializer=serializer,
        channel="twilio",
        out_rate=TWILIO_RATE,
        line_call_id=call_sid,
        caller_number=(custom.get("caller") or None),
        resume_handoff=resume,
    )
    await run_call(line, pack, state.engines, state.store, state.metrics, state.desk)


async def _read_start(websocket: WebSocket) -> dict[str, Any]:
    """Twilio sends `connected`, then `start` with the stream and call ids and our parameters.

    Anything else (a binary frame, a JSON list, `start` that is not an object) raises ValueError
    with the reason, which closes the stream with that reason instead of dropping the socket."""
    for _ in range(3):
        frame = await websocket.receive()
        if frame["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(frame.get("code", 1000))
        raw = frame.get("text")
        if raw is None:
            raise ValueError("binary frame; Media Streams messages are JSON text")
        if len(raw) > MAX_MESSAGE_BYTES:
            raise ValueError(f"message of {len(raw)} bytes exceeds {MAX_MESSAGE_BYTES}")
        try:
            message = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not JSON: {exc}") from None
        if not isinstance(message, dict):
            raise ValueError("a Media Streams message is a JSON object")
        if message.get("event") == "start":
            start = message.get("start") or {}
            if not isinstance(start, dict):
                raise ValueError("start must be an object")
            stream_sid = message.get("streamSid") or start.get("streamSid")
            if not isinstance(stream_sid, str) or not stream_sid:
                raise ValueError("start event without streamSid")
            if not isinstance(start.get("customParameters") or {}, dict):
                raise ValueError("customParameters must be an object")
            start["streamSid"] = stream_sid
            return start
    raise ValueError("no start event among the first messages")


async def _close(websocket: WebSocket, code: int, reason: str) -> None:
    with contextlib.suppress(RuntimeError):  # already closed by the other side
        await websocket.close(code=code, reason=reason[:120])
