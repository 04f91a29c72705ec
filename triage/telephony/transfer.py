"""Twilio as the phone line of transfers and on-call alerts (`TwilioLine`, a handoff/phone_transfers.py
`PhoneLine`): it moves calls, sends texts and places calls; which call goes where, and every queue
change that comes with it, is decided and made in handoff/phone_transfers.py.

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
import hashlib
import hmac
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import yaml
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client
from twilio.twiml.voice_response import Connect, VoiceResponse

from ..packs.render import render, say
from ..packs.schema import Pack
from ..settings import Settings
from ..speech.engines import TextToSpeech, resample, wav_bytes

log = logging.getLogger(__name__)

DIAL_TIMEOUT_SECS = 20
AUDIO_RATE = 8_000  # what the phone line carries anyway; a fifth of the voice's 22 kHz to download
TOKEN_TTL_SECS = 3600
AUDIO_CACHE_ENTRIES = 64
AUDIO_KINDS = ("connecting", "summary")
_TWILIO_BASE = re.compile(r"^https://[A-Za-z0-9.-]*twilio\.com")


class BaseUrlHttpClient(TwilioHttpClient):
    """Twilio's HTTP client, sending every request to another base URL (a stand-in in tests)."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")

    def request(self, method: str, url: str, *args: Any, **kwargs: Any):
        return super().request(method, _TWILIO_BASE.sub(self.base_url, url, count=1), *args, **kwargs)


class TwilioLine:
    """Twilio as the phone line of handoff/phone_transfers.py (a `PhoneLine`): the REST client (its
    blocking calls in a thread), the signed URLs Twilio fetches, the audio behind them and the TwiML.
    It changes no queue state and decides nothing: PhoneTransfers does both.

    `pack_for` gives a client's pack and `handoff` a handoff's view (`HandoffQueue.get`): what the
    connecting sentence and the summary say."""

    def __init__(
        self,
        settings: Settings,
        pack_for: Callable[[str], Pack],
        tts: TextToSpeech,
        handoff: Callable[[str], dict[str, Any]],
    ) -> None:
        self.settings = settings
        self.pack_for = pack_for
        self.tts = tts
        self.handoff = handoff
        self._client: Client | None = None
        self._client_lock = threading.Lock()
        self._audio: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._audio_lock = threading.Lock()
        self._seen_base: str | None = None

    # --- configuration ----------------------------------------------------------------------------
    @property
    def configured(self) -> bool:
        s = self.settings
        return bool(s.twilio_account_sid and s.twilio_auth_token)

    def client(self) -> Client:
        with self._client_lock:
            if self._client is None:
                s = self.settings
                http = BaseUrlHttpClient(s.twilio_api_url, timeout=15) if s.twilio_api_url else None
                self._client = Client(s.twilio_account_sid, s.twilio_auth_token, http_client=http)
            return self._client

    def saw_url(self, url: str) -> None:
        """Remember how Twilio reaches us (a webhook or stream URL), for when public_url is unset."""
        parts = urlsplit(url)
        scheme = {"ws": "http", "wss": "https"}.get(parts.scheme, parts.scheme)
        self._seen_base = urlunsplit((scheme, parts.netloc, "", "", ""))

    def base_url(self) -> str | None:
        return (self.settings.public_url or self._seen_base or "").rstrip("/") or None

    def reachable(self) -> bool:
        return self.base_url() is not None

    def _base(self) -> str:
        base = self.base_url()
        if base is None:
            raise RuntimeError("public_url is not set and no Twilio request seen yet")
        return base

    # --- signed URLs for Twilio -------------------------------------------------------------------
    def token(self, handoff_id: str, expires: int) -> str:
        key = (self.settings.twilio_auth_token or "").encode()
        return hmac.new(key, f"transfer:{handoff_id}:{expires}".encode(), hashlib.sha256).hexdigest()[:40]

    def token_valid(self, handoff_id: str, expires: str | int | None, token: str | None) -> bool:
        if not self.settings.twilio_auth_token or not token or expires is None:
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
        pack = self.pack_for(view["client_id"])
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
        text, lang = self._sentence(self.handoff(handoff_id), kind)
        tts = self.tts
        pcm = tts.cache.get(lang, text) or tts.synthesize(text, lang)
        wav = wav_bytes(resample(pcm, tts.voice(lang).sample_rate, AUDIO_RATE), AUDIO_RATE)
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
    def hangup_twiml() -> str:
        response = VoiceResponse()
        response.hangup()
        return str(response)

    @staticmethod
    def reconnect_twiml(stream_url: str, view: Mapping[str, Any]) -> str:
        response = VoiceResponse()
        connect = Connect()
        stream = connect.stream(url=stream_url)
        stream.parameter(name="client", value=view["client_id"])
        if view.get("caller_number"):
            stream.parameter(name="caller", value=view["caller_number"])
        stream.parameter(name="handoff", value=view["id"])
        response.append(connect)
        return str(response)

    # --- what the line does (the REST calls block: each in a thread) ---------------------------------
    async def move_call(self, line_call_id: str, handoff_id: str, target: str) -> None:
        """Redirect the caller's call to TwiML that plays the connecting sentence and dials `target`,
        whispering the summary when they pick up. Raises when Twilio refuses."""
        base = self._base()
        await self._prepare_audio(handoff_id)
        twiml = self.transfer_twiml(base, handoff_id, target)
        await asyncio.to_thread(lambda: self.client().calls(line_call_id).update(twiml=twiml))

    async def send_sms(self, to: str, sender: str, body: str) -> str:
        message = await asyncio.to_thread(
            lambda: self.client().messages.create(to=dialable(to), from_=dialable(sender), body=body)
        )
        return str(message.sid)

    async def call_with_summary(self, to: str, sender: str, handoff_id: str) -> str:
        """A call to `to` that plays the summary twice."""
        base = self._base()
        await self._prepare_audio(handoff_id, ("summary",))
        response = VoiceResponse()
        response.play(self.audio_url(base, handoff_id, "summary"), loop=2)
        twiml = str(response)
        placed = await asyncio.to_thread(
            lambda: self.client().calls.create(to=dialable(to), from_=dialable(sender), twiml=twiml)
        )
        return str(placed.sid)


def dialable(number: str) -> str:
    """E.164 without spaces, as Twilio wants it ("+49 40 1234569" → "+49401234569"); sip: addresses unchanged."""
    if number.lower().startswith("sip:"):
        return number
    return re.sub(r"[\s/().-]", "", number)


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
