"""Live-call transfer and alerts through Twilio's REST API.

A warm transfer redirects the caller's Twilio call (`calls(sid).update(twiml=…)`) to TwiML that
plays a "connecting you" sentence to the caller, then dials the agent. When the agent picks up,
Twilio fetches the `<Number url=…>` whisper first: the agent hears the handoff summary, spoken by our
own Piper voice, before the two are connected. If nobody answers, Twilio posts the Dial action
(`/twilio/dial-result`): the handoff goes back to the queue and the caller is reconnected to our
media stream, with the handoff as a parameter, so the call goes on where it was.

Every sentence is synthesised here and served from our own URLs (the audio holds personal data:
each URL carries an HMAC token keyed with the Twilio auth token, and expires). The REST calls
block, so they run in a thread. `twilio_api_url` points the REST client elsewhere (tests only).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import re
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import yaml
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client
from twilio.twiml.voice_response import Connect, VoiceResponse

from ..handoff.live import next_change
from ..handoff.queue import SYSTEM, QueueConflict, UnknownHandoff
from ..handoff.transfers import (
    Transfer,
    agent_transfer,
    alert_route,
    call_instead,
    dial_outcome,
    direct_transfer,
    on_call_transfer,
    on_phone_line,
)
from ..packs.render import render, say
from ..speech.engines import wav_bytes

log = logging.getLogger(__name__)

DIAL_TIMEOUT_SECS = 20
AUDIO_RATE = 8_000  # what the phone line carries anyway; a fifth of the voice's 22 kHz to download
TOKEN_TTL_SECS = 3600
AUDIO_CACHE_ENTRIES = 64
SMS_MAX_CHARS = 300
AUDIO_KINDS = ("connecting", "summary")
_TWILIO_BASE = re.compile(r"^https://[A-Za-z0-9.-]*twilio\.com")


class BaseUrlHttpClient(TwilioHttpClient):
    """Twilio's HTTP client, sending every request to another base URL (a stand-in in tests)."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")

    def request(self, method: str, url: str, *args: Any, **kwargs: Any):
        return super().request(method, _TWILIO_BASE.sub(self.base_url, url, count=1), *args, **kwargs)


def _to_phone_rate(pcm16: bytes, rate: int) -> tuple[bytes, int]:
    if rate == AUDIO_RATE or not pcm16:
        return pcm16, rate
    try:
        import numpy as np
        import soxr
    except ImportError:  # serve the voice's own rate; Twilio converts it
        return pcm16, rate
    samples = np.frombuffer(pcm16, dtype=np.int16).astype(np.float32) / 32768.0
    resampled = soxr.resample(samples, rate, AUDIO_RATE)
    return (np.clip(resampled, -1.0, 1.0) * 32767).astype(np.int16).tobytes(), AUDIO_RATE


class TwilioConnector:
    """Transfers live Twilio calls to people and alerts on-call contacts by SMS or phone, as the
    policy in triage/handoff/transfers.py decides: who is rung, how a contact is reached, what a
    failure leaves behind.

    Constructed with the ServerState (settings, store, packs, engines, queue, hub)."""

    def __init__(self, state: Any) -> None:
        self.state = state
        self._client: Client | None = None
        self._client_lock = threading.Lock()
        self._audio: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._audio_lock = threading.Lock()
        self._seen_base: str | None = None
        self._tasks: set[asyncio.Task] = set()

    # --- configuration ----------------------------------------------------------------------------
    @property
    def configured(self) -> bool:
        s = self.state.settings
        return bool(s.twilio_account_sid and s.twilio_auth_token)

    def client(self) -> Client:
        with self._client_lock:
            if self._client is None:
                s = self.state.settings
                http = BaseUrlHttpClient(s.twilio_api_url, timeout=15) if s.twilio_api_url else None
                self._client = Client(s.twilio_account_sid, s.twilio_auth_token, http_client=http)
            return self._client

    def saw_url(self, url: str) -> None:
        """Remember how Twilio reaches us (a webhook or stream URL), for when public_url is unset."""
        parts = urlsplit(url)
        scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
        self._seen_base = urlunsplit((scheme, parts.netloc, "", "", ""))

    def base_url(self) -> str | None:
        return (self.state.settings.public_url or self._seen_base or "").rstrip("/") or None

    # --- signed URLs for Twilio -------------------------------------------------------------------
    def token(self, handoff_id: str, expires: int) -> str:
        key = (self.state.settings.twilio_auth_token or "").encode()
        return hmac.new(key, f"transfer:{handoff_id}:{expires}".encode(), hashlib.sha256).hexdigest()[:40]

    def token_valid(self, handoff_id: str, expires: str | int | None, token: str | None) -> bool:
        if not self.state.settings.twilio_auth_token or not token or expires is None:
            return False
        try:
            until = int(expires)
        except ValueError:
            return False
        return until >= time.time() and hmac.compare_digest(self.token(handoff_id, until), token)

    def signed_url(self, base: str, path: str, handoff_id: str, **params: str) -> str:
        expires = int(time.time()) + TOKEN_TTL_SECS
        query = {**params, "handoff": handoff_id, "e": str(expires), "t": self.token(handoff_id, expires)}
        return f"{base}{path}?{urlencode(query)}"

    def audio_url(self, base: str, handoff_id: str, kind: str) -> str:
        return self.signed_url(base, f"/twilio/audio/{kind}.wav", handoff_id)

    def whisper_url(self, base: str, handoff_id: str) -> str:
        return self.signed_url(base, "/twilio/whisper", handoff_id)

    @staticmethod
    def dial_result_url(base: str, handoff_id: str) -> str:
        return f"{base}/twilio/dial-result?{urlencode({'handoff': handoff_id})}"

    # --- audio ------------------------------------------------------------------------------------
    def _sentence(self, view: dict[str, Any], kind: str) -> tuple[str, str]:
        """(text, language) of a sentence for this handoff."""
        pack = self.state.packs.get(view["client_id"])
        if kind == "connecting":
            lang = view.get("language") or pack.languages[0]
            return say(pack, "handoff_connecting", lang), lang
        summary = view.get("summary") or {}
        return summary.get("text") or view.get("reason") or pack.name, pack.agent_language

    def audio(self, handoff_id: str, kind: str) -> bytes:
        """WAV of the handoff's connecting sentence or summary (blocking: call in a thread)."""
        if kind not in AUDIO_KINDS:
            raise KeyError(kind)
        with self._audio_lock:
            cached = self._audio.get((handoff_id, kind))
            if cached is not None:
                self._audio.move_to_end((handoff_id, kind))
                return cached
        text, lang = self._sentence(self.state.queue.get(handoff_id), kind)
        tts = self.state.engines.tts
        pcm = tts.cache.get(lang, text) or tts.synthesize(text, lang)
        wav = wav_bytes(*_to_phone_rate(pcm, tts.voice(lang).sample_rate))
        with self._audio_lock:
            self._audio[(handoff_id, kind)] = wav
            while len(self._audio) > AUDIO_CACHE_ENTRIES:
                self._audio.popitem(last=False)
        return wav

    async def _prepare_audio(self, handoff_id: str, kinds: tuple[str, ...] = AUDIO_KINDS) -> None:
        """Synthesise before Twilio asks, so the caller and the agent hear it without a gap."""
        for kind in kinds:
            try:
                await asyncio.to_thread(self.audio, handoff_id, kind)
            except Exception:  # the URL handler tries again when Twilio fetches it
                log.exception("could not synthesise the %s audio of handoff %s", kind, handoff_id)

    # --- TwiML ------------------------------------------------------------------------------------
    def transfer_twiml(self, base: str, handoff_id: str, target: str) -> str:
        response = VoiceResponse()
        response.play(self.audio_url(base, handoff_id, "connecting"))
        dial = response.dial(action=self.dial_result_url(base, handoff_id), timeout=DIAL_TIMEOUT_SECS)
        whisper = self.whisper_url(base, handoff_id)
        if target.lower().startswith("sip:"):
            dial.sip(target, url=whisper)
        else:
            dial.number(dialable(target), url=whisper)
        return str(response)

    def whisper_twiml(self, base: str, handoff_id: str) -> str:
        response = VoiceResponse()
        response.play(self.audio_url(base, handoff_id, "summary"))
        return str(response)

    @staticmethod
    def reconnect_twiml(stream_url: str, view: dict[str, Any]) -> str:
        response = VoiceResponse()
        connect = Connect()
        stream = connect.stream(url=stream_url)
        stream.parameter(name="client", value=view["client_id"])
        if view.get("caller_number"):
            stream.parameter(name="caller", value=view["caller_number"])
        stream.parameter(name="handoff", value=view["id"])
        response.append(connect)
        return str(response)

    # --- the call behind a handoff ----------------------------------------------------------------
    async def _with_call(self, view: dict[str, Any]) -> dict[str, Any]:
        """The view with its call's channel and Twilio CallSid (a view from a state change has
        neither; `queue.get` gives both)."""
        if "channel" in view:
            return view
        return await asyncio.to_thread(self.state.queue.get, view["id"])

    async def _return(self, handoff_id: str, why: str) -> None:
        with contextlib.suppress(QueueConflict, UnknownHandoff):
            await asyncio.to_thread(self.state.queue.return_to_queue, handoff_id, SYSTEM, why)

    async def _accept_answered(self, view: dict[str, Any]) -> None:
        """The rung phone was picked up: an `offered` handoff is `accepted` again, by whoever it was
        offered to."""
        if view["status"] == "offered":
            who = view.get("assigned_to") or view.get("transfer_target") or SYSTEM
            with contextlib.suppress(QueueConflict):
                await asyncio.to_thread(self.state.queue.accept, view["id"], who)

    async def _record(self, handoff_id: str, kind: str, actor: str = SYSTEM, **detail: Any) -> None:
        try:
            await asyncio.to_thread(self.state.queue.record, handoff_id, kind, actor, **detail)
        except (UnknownHandoff, QueueConflict) as exc:
            log.warning("event %s of handoff %s not recorded: %s", kind, handoff_id, exc)

    # --- transfers --------------------------------------------------------------------------------
    async def connect(self, view: dict[str, Any], user: Any) -> dict[str, Any]:
        """An agent accepted a handoff whose caller is on the line: ring the agent's phone, whisper
        the summary, then connect them. Browser and text callers stay in the console."""
        view = await self._with_call(view)
        plan = agent_transfer(view, user.phone, self.configured)
        if isinstance(plan, str):
            if plan != "in_console":
                await self._record(view["id"], f"transfer_{plan}", user.username)
            return {"status": plan}
        return await self._warm_transfer(view, plan, actor=user.username)

    async def direct(self, view: dict[str, Any]) -> dict[str, Any] | None:
        """A new handoff whose pack sends its urgency straight to `transfer_number`. None when this
        handoff is not one (or another server instance got it first)."""
        plan = direct_transfer(view, self.state.packs.get(view["client_id"]))
        if plan is None:
            return None
        view = await self._with_call(view)
        if not on_phone_line(view):
            return None
        if not self.configured:
            await self._record(view["id"], "transfer_not_configured")
            return {"status": "not_configured"}
        return await self._warm_transfer(view, plan, actor=SYSTEM)

    async def _undo(self, handoff_id: str, plan: Transfer, actor: str) -> None:
        """Twilio did not move the call: the caller stays with us, the handoff as the plan says."""
        if plan.on_failure == "return_to_queue":
            await self._return(handoff_id, "transfer failed")
            return
        with contextlib.suppress(QueueConflict, UnknownHandoff):  # the agent keeps it
            await asyncio.to_thread(self.state.queue.accept, handoff_id, actor)

    async def _warm_transfer(self, view: dict[str, Any], plan: Transfer, *, actor: str) -> dict[str, Any]:
        handoff_id, target, via = view["id"], plan.target, plan.via
        call_sid = view.get("line_call_id")
        base = self.base_url()
        if not call_sid or not base:
            why = "no Twilio call id" if not call_sid else "public_url is not set and no Twilio request seen yet"
            await self._record(handoff_id, "transfer_failed", actor, target=target, why=why)
            return {"status": "failed", "why": why}
        try:
            await asyncio.to_thread(self.state.queue.offer, handoff_id, target, actor, plan.offer_from)
        except QueueConflict as exc:
            return {"status": "conflict", "why": str(exc)}
        await self._prepare_audio(handoff_id)
        twiml = self.transfer_twiml(base, handoff_id, target)
        try:
            await asyncio.to_thread(lambda: self.client().calls(call_sid).update(twiml=twiml))
        except Exception as exc:
            log.warning("transfer of handoff %s to %s failed: %s", handoff_id, target, exc)
            await self._record(handoff_id, "transfer_failed", actor, target=target, why=str(exc)[:300])
            await self._undo(handoff_id, plan, actor)
            return {"status": "failed", "target": target, "why": str(exc)[:300]}
        await self._record(handoff_id, "transfer_started", actor, target=target, via=via, call_sid=call_sid)
        log.info("handoff %s: caller %s being transferred to %s (%s)", handoff_id, call_sid, target, via)
        return {"status": "ringing", "target": target, "via": via, "language": view.get("language")}

    # --- Twilio's callbacks -----------------------------------------------------------------------
    async def agent_answered(self, handoff_id: str) -> None:
        """Twilio fetched the whisper: the phone was picked up. An offered handoff is accepted again."""
        view = await asyncio.to_thread(self.state.queue.get, handoff_id)
        await self._accept_answered(view)
        await self._record(handoff_id, "transfer_answered", target=view.get("transfer_target"))

    async def dial_result(self, handoff_id: str, status: str, stream_url: str, params: dict[str, str]) -> str:
        """Twilio's Dial action. Answers the TwiML for what the caller's call does next."""
        view = await asyncio.to_thread(self.state.queue.get, handoff_id)
        outcome = dial_outcome(status, params.get("CallStatus"))
        if outcome.answered:
            await self._accept_answered(view)
            duration = params.get("DialCallDuration")
            await self._record(handoff_id, "transfer_completed", dial_status=status, duration=duration)
            response = VoiceResponse()
            response.hangup()  # the conversation with the agent is over
            return str(response)
        why = f"transfer to {view.get('transfer_target') or 'the agent'}: {status or 'no status'}"
        try:
            await asyncio.to_thread(self.state.queue.return_to_queue, handoff_id, SYSTEM, why)
        except QueueConflict as exc:
            await self._record(handoff_id, "transfer_unanswered", dial_status=status, why=str(exc))
        if outcome.caller_gone:  # the caller hung up while it rang: nobody to reconnect
            await asyncio.to_thread(self.state.queue.caller_left, handoff_id)
        return self.reconnect_twiml(stream_url, view)

    # --- on-call alerts ---------------------------------------------------------------------------
    async def alert(self, contact: Any, view: dict[str, Any], pack: Any) -> dict[str, Any]:
        """Alert an on-call contact by SMS, or by phone: the live caller is put through when still on
        a Twilio line (and nobody else's phone is ringing), otherwise the contact gets a call that
        plays the summary."""
        if contact.channel == "phone" and view.get("caller_on_line"):
            view = await self._with_call(view)  # on which line the caller waits
        route = alert_route(contact, view, pack, self.configured)
        if route == "not_configured":
            return {"status": "not_configured"}
        if route == "unsupported":
            return {"status": "unsupported", "channel": contact.channel}
        if route == "no_from_number":
            return {"status": "no_from_number", "why": f"pack {pack.id} has no phone_numbers"}
        sender = dialable(pack.phone_numbers[0])
        handoff_id = view["id"]
        if route == "sms":
            body = _sms_text(view, pack)
            message = await asyncio.to_thread(
                lambda: self.client().messages.create(to=dialable(contact.phone), from_=sender, body=body)
            )
            return {"status": "sms_sent", "to": contact.phone, "sid": message.sid}
        if route == "put_through":
            result = await self._warm_transfer(view, on_call_transfer(contact), actor=SYSTEM)
            if not call_instead(result["status"]):
                return result
        base = self.base_url()
        if not base:
            return {"status": "no_public_url", "why": "TRIAGE_PUBLIC_URL is not set and no Twilio request seen yet"}
        await self._prepare_audio(handoff_id, ("summary",))
        response = VoiceResponse()
        response.play(self.audio_url(base, handoff_id, "summary"), loop=2)
        twiml = str(response)
        placed = await asyncio.to_thread(
            lambda: self.client().calls.create(to=dialable(contact.phone), from_=sender, twiml=twiml)
        )
        return {"status": "calling", "to": contact.phone, "sid": placed.sid}

    # --- direct transfers of new handoffs ---------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        """Watch for new handoffs; those whose pack transfers their urgency directly are put through."""
        created = lambda c: c.get("kind") == "handoff" and c.get("event") == "created"  # noqa: E731
        stopped = asyncio.ensure_future(stop.wait())
        try:
            with self.state.hub.watch(created) as changes:
                while (change := await next_change(changes, stopped)) is not None:
                    task = asyncio.create_task(self._maybe_direct(change["id"]))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
        finally:
            stopped.cancel()

    async def _maybe_direct(self, handoff_id: str) -> None:
        try:
            view = await asyncio.to_thread(self.state.queue.get, handoff_id)
            result = await self.direct(view)
            if result is not None:
                log.info("handoff %s transferred directly: %s", handoff_id, result)
        except Exception:
            log.exception("direct transfer of handoff %s failed", handoff_id)


def dialable(number: str) -> str:
    """E.164 without spaces, as Twilio wants it ("+49 40 1234569" → "+49401234569"); sip: addresses unchanged."""
    if number.lower().startswith("sip:"):
        return number
    return re.sub(r"[\s/().-]", "", number)


def _sms_text(view: dict[str, Any], pack: Any) -> str:
    summary = view.get("summary") or {}
    text = summary.get("text") or view.get("reason") or ""
    head = f"{pack.name} {view.get('urgency', '')}: ".replace(" :", ":")
    body = head + " ".join(text.split())
    return body if len(body) <= SMS_MAX_CHARS else body[: SMS_MAX_CHARS - 1].rstrip() + "…"


# --- a number no client claims ---------------------------------------------------------------------
TWILIO_LANGUAGES = {"de": "de-DE", "en": "en-US"}


def not_in_service_twiml(prompts_dir: Path) -> str:
    """What Twilio says to a caller of a number no client pack claims (instead of an HTTP error that
    Twilio would answer with its generic message): the defaults pack's `number_not_in_service`, in
    German and English, then the call ends."""
    document = yaml.safe_load((Path(prompts_dir) / "_defaults" / "pack.yaml").read_text(encoding="utf-8"))
    words = document["prompts"]["number_not_in_service"]
    response = VoiceResponse()
    for lang, code in TWILIO_LANGUAGES.items():
        if words.get(lang):
            response.say(render(words[lang]), language=code)
    response.hangup()
    return str(response)
