"""Live-call transfer and on-call alerts through Twilio's REST API.

Twilio's API is outside this machine, so `FakeTwilio` below is a stand-in for Twilio's REST API: a
local HTTP server on 127.0.0.1 that records every request and answers the way Twilio documents it
(a Call resource with sid and status, a Message resource). The server under test is pointed at it
with TRIAGE_TWILIO_API_URL; the requests are checked against Twilio's documented parameters
(`POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json` with the form field `Twiml`,
`Messages.json` with `To`, `From`, `Body`, HTTP Basic auth with the account sid and auth token).

The calls themselves are the simulated Twilio caller against a real `triage serve` subprocess.
"""

from __future__ import annotations

import asyncio
import base64
import html
import json
import re
import shutil
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session
from twilio.request_validator import RequestValidator

from tests.voice_server import CLIENT, REPO, TWILIO_TEST_TOKEN, VoiceServer, sign_in, start_server, stop_server
from triage.handoff.phone_transfers import PhoneTransfers
from triage.handoff.queue import HandoffQueue
from triage.packs.load import load_pack
from triage.packs.render import say
from triage.packs.schema import Contact
from triage.settings import Settings
from triage.speech.engines import TextToSpeech
from triage.store.repo import open_store
from triage.store.tables import Call, Handoff
from triage.telephony.simulated_caller import TwilioCaller
from triage.telephony.transfer import TwilioLine

ACCOUNT_SID = "AC" + "5" * 32
AGENT_PHONE = "+4917000000"


# --- a stand-in for Twilio's REST API ------------------------------------------------------------------
@dataclass
class TwilioRequest:
    method: str
    path: str
    form: dict[str, str]
    auth: tuple[str, str] | None


@dataclass
class FakeTwilio:
    """Records REST requests and answers with JSON of the documented resource shapes."""

    requests: list[TwilioRequest] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeTwilio:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                form = {k: v[-1] for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items()}
                auth = None
                header = self.headers.get("Authorization", "")
                if header.startswith("Basic "):
                    user, _, password = base64.b64decode(header[6:]).decode().partition(":")
                    auth = (user, password)
                path = urllib.parse.urlsplit(self.path).path
                fake.requests.append(TwilioRequest("POST", path, form, auth))
                status, payload = fake.answer(path, form)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, path: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        base = f"/2010-04-01/Accounts/{ACCOUNT_SID}"
        if path == f"{base}/Messages.json":
            sid = "SM" + uuid.uuid4().hex
            return 201, {
                "sid": sid,
                "account_sid": ACCOUNT_SID,
                "to": form.get("To"),
                "from": form.get("From"),
                "body": form.get("Body"),
                "status": "queued",
                "direction": "outbound-api",
                "uri": f"{base}/Messages/{sid}.json",
            }
        if path == f"{base}/Calls.json":
            sid = "CA" + uuid.uuid4().hex
            return 201, {
                "sid": sid,
                "account_sid": ACCOUNT_SID,
                "to": form.get("To"),
                "from": form.get("From"),
                "status": "queued",
                "direction": "outbound-api",
                "uri": f"{base}/Calls/{sid}.json",
            }
        call = re.fullmatch(rf"{base}/Calls/(CA\w+)\.json", path)
        if call:
            status = "completed" if form.get("Status") == "completed" else "in-progress"
            return 200, {
                "sid": call.group(1),
                "account_sid": ACCOUNT_SID,
                "status": status,
                "direction": "inbound",
                "uri": f"{base}/Calls/{call.group(1)}.json",
            }
        return 404, {"code": 20404, "message": f"The requested resource {path} was not found", "status": 404}

    def call_updates(self, call_sid: str) -> list[TwilioRequest]:
        path = f"/2010-04-01/Accounts/{ACCOUNT_SID}/Calls/{call_sid}.json"
        return [r for r in self.requests if r.path == path and "Twiml" in r.form]

    def wait_update(self, call_sid: str, timeout: float = 20.0) -> TwilioRequest:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            updates = self.call_updates(call_sid)
            if updates:
                return updates[-1]
            time.sleep(0.05)
        raise AssertionError(f"no Twiml update of call {call_sid}; requests: {self.requests}")


@pytest.fixture(scope="module")
def fake_twilio():
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


def twilio_env(fake: FakeTwilio, **more: str) -> dict[str, str]:
    return {"TRIAGE_TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TRIAGE_TWILIO_API_URL": fake.url, **more}


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory, fake_twilio: FakeTwilio):
    s = start_server(synth_models, tmp_path_factory.mktemp("transfer"), extra_env=twilio_env(fake_twilio))
    yield s
    stop_server(s)


# --- helpers -------------------------------------------------------------------------------------------
def signature(url: str, params: dict[str, str] | None = None) -> dict[str, str]:
    return {"X-Twilio-Signature": RequestValidator(TWILIO_TEST_TOKEN).compute_signature(url, params or {})}


def caller(server: VoiceServer, **parameters: str) -> TwilioCaller:
    url = server.ws_url + "/twilio/stream"
    return TwilioCaller(url, client=CLIENT, parameters=parameters or None, headers=signature(url))


def http(method: str, url: str, data: bytes | None = None, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def post_form(url: str, params: dict[str, str], headers: dict[str, str]) -> tuple[int, str]:
    status, _, body = http("POST", url, urllib.parse.urlencode(params).encode(), headers)
    return status, body.decode()


def post_json(url: str, body: dict[str, Any], token: str | None = None) -> tuple[int, dict[str, Any]]:
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    status, _, raw = http("POST", url, json.dumps(body).encode(), headers)
    return status, json.loads(raw or b"{}")


def create_agent(server: VoiceServer, username: str, phone: str) -> str:
    """An agent with a phone in the server's database; returns a session token."""
    server.create_account(username, display_name="Anna Agentin", phone=phone)
    return sign_in(server, username)


def db_session(server: VoiceServer) -> Session:
    return Session(create_engine(f"sqlite:///{server.data_dir / 'triage.db'}"))


def wait_handoff(server: VoiceServer, call_sid: str, timeout: float = 30.0, status: str | None = None) -> Handoff:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with db_session(server) as db:
            found = db.scalars(
                select(Handoff).join(Call, Call.id == Handoff.call_id).where(Call.line_call_id == call_sid)
            ).first()
            if found is not None and (status is None or found.status == status):
                return found
        time.sleep(0.1)
    raise AssertionError(f"no handoff ({status or 'any'}) for call {call_sid}: {server.log()[-3000:]}")


def handoff_events(server: VoiceServer, handoff_id: str) -> list[str]:
    with db_session(server) as db:
        return [e.kind for e in db.get(Handoff, handoff_id).events]


def events_once(server: VoiceServer, handoff_id: str, kind: str, timeout: float = 10.0) -> list[str]:
    """The handoff's events once `kind` is among them. A transfer the server starts itself records
    "transfer_started" after Twilio accepted the call update, so the fake Twilio sees the update a moment
    before the event is stored (a CI run read the events in between)."""
    deadline = time.monotonic() + timeout
    while kind not in (events := handoff_events(server, handoff_id)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return events


def twiml_attr(twiml: str, element: str, attribute: str) -> str:
    match = re.search(rf'<{element}\b[^>]*\b{attribute}="([^"]*)"', twiml)
    assert match, f"no {element} {attribute} in {twiml}"
    return html.unescape(match.group(1))


async def press_zero(c: TwilioCaller) -> None:
    """The caller hears the greeting and asks for a human; the pipeline keeps them on hold."""
    await c.wait_audio_after(0, timeout=15)
    await c.wait_quiet(quiet_secs=0.5, timeout=30)
    await c.press("0")


# --- an agent accepts: the live call is put through to the agent's phone --------------------------------
def test_accepting_a_phone_handoff_transfers_the_caller_warm_to_the_agent(server, fake_twilio):
    token = create_agent(server, "anna", AGENT_PHONE)

    async def call():
        async with caller(server, caller="+4915112345678") as c:
            await press_zero(c)
            handoff = await asyncio.to_thread(wait_handoff, server, c.call_sid)
            accepted = await asyncio.to_thread(post_json, f"{server.url}/api/handoffs/{handoff.id}/accept", {}, token)
            update = await asyncio.to_thread(fake_twilio.wait_update, c.call_sid)
            await c.hang_up()
            return c, handoff, accepted, update

    c, handoff, (status, accepted), update = asyncio.run(call())
    assert status == 200, accepted
    assert accepted["transfer"]["status"] == "ringing", accepted
    assert accepted["transfer"]["target"] == AGENT_PHONE

    # Twilio's documented call update: POST …/Calls/{CallSid}.json, form field Twiml, Basic auth
    assert update.auth == (ACCOUNT_SID, TWILIO_TEST_TOKEN)
    twiml = update.form["Twiml"]
    assert twiml.index("<Play>") < twiml.index("<Dial")  # the caller hears "connecting" first
    action = twiml_attr(twiml, "Dial", "action")
    assert action.startswith(server.url + "/twilio/dial-result?") and f"handoff={handoff.id}" in action
    assert twiml_attr(twiml, "Dial", "timeout") == "20"
    whisper = twiml_attr(twiml, "Number", "url")
    assert f">{AGENT_PHONE}</Number>" in twiml
    assert whisper.startswith(server.url + "/twilio/whisper?")

    with db_session(server) as db:
        stored = db.get(Handoff, handoff.id)
        assert stored.status == "offered" and stored.transfer_target == AGENT_PHONE
    assert "transfer_started" in handoff_events(server, handoff.id)

    # the caller's "connecting" sentence is our own audio, served to Twilio
    connecting = html.unescape(re.search(r"<Play>([^<]+)</Play>", twiml).group(1))
    status, kind, wav = http("GET", connecting)
    assert status == 200 and kind.startswith("audio/") and wav[:4] == b"RIFF", (status, wav[:100])

    # the agent picks up: Twilio fetches the whisper and plays the summary before connecting them
    status, kind, body = http("POST", whisper, urllib.parse.urlencode({"CallSid": "CA" + "9" * 32}).encode())
    assert status == 200 and "xml" in kind, body
    summary_url = html.unescape(re.search(r"<Play>([^<]+)</Play>", body.decode()).group(1))
    status, kind, wav = http("GET", summary_url)
    assert status == 200 and wav[:4] == b"RIFF" and len(wav) > 8000  # some spoken audio, not an empty file
    with db_session(server) as db:
        assert db.get(Handoff, handoff.id).status == "accepted"  # the phone was answered
    assert "transfer_answered" in handoff_events(server, handoff.id)

    # the summary is personal data: without the right token, nothing
    forged = re.sub(r"([?&]t=)[0-9a-f]+", r"\g<1>" + "0" * 40, summary_url)
    assert http("GET", forged)[0] == 403
    assert http("GET", summary_url.split("?")[0] + f"?handoff={handoff.id}")[0] == 403
    assert http("POST", re.sub(r"([?&]t=)[0-9a-f]+", r"\g<1>" + "0" * 40, whisper))[0] == 403

    # nobody answers (or the agent rejects): back in the queue, the caller back on our line
    params = {
        "CallSid": c.call_sid,
        "CallStatus": "in-progress",
        "DialCallStatus": "no-answer",
        "AccountSid": ACCOUNT_SID,
    }
    assert post_form(action, params, {})[0] == 403  # Twilio signs its callbacks
    status, body = post_form(action, params, signature(action, params))
    assert status == 200, body
    with db_session(server) as db:
        stored = db.get(Handoff, handoff.id)
        assert stored.status == "returned" and stored.assigned_to is None
    assert "<Connect><Stream" in body
    assert twiml_attr(body, "Stream", "url") == server.ws_url + "/twilio/stream"
    assert f'<Parameter name="handoff" value="{handoff.id}"' in body
    assert f'<Parameter name="client" value="{CLIENT}"' in body
    assert '<Parameter name="caller" value="+4915112345678"' in body


def test_a_caller_reconnected_after_an_unanswered_transfer_resumes_their_handoff(server, fake_twilio):
    async def first_call():
        async with caller(server) as c:
            await press_zero(c)
            handoff = await asyncio.to_thread(wait_handoff, server, c.call_sid)
            await c.hang_up()
            return handoff

    handoff = asyncio.run(first_call())

    async def back():
        async with caller(server, handoff=handoff.id) as c:
            await c.wait_audio_after(0, timeout=15)
            await c.wait_quiet(quiet_secs=0.5, timeout=30)
            await c.hang_up()
            return c

    c = asyncio.run(back())
    pack = load_pack(CLIENT)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with db_session(server) as db:
            call = db.scalars(select(Call).where(Call.line_call_id == c.call_sid)).first()
            said = " ".join(t.text for t in call.turns if t.role == "bot") if call else ""
        if said:
            break
        time.sleep(0.1)
    assert say(pack, "handoff_agent_unavailable", "de").split(".")[0] in said
    assert say(pack, "greeting", "de").split(".")[0] not in said


def test_a_forged_handoff_parameter_is_ignored(server):
    async def call():
        async with caller(server, handoff="no-such-handoff") as c:
            await c.wait_audio_after(0, timeout=15)
            await c.hang_up()
            return c

    c = asyncio.run(call())
    assert c.log.audio  # greeted as a new call
    assert "is not a handoff of" in server.log()


def test_answered_dial_result_keeps_the_handoff_accepted(server, fake_twilio):
    token = create_agent(server, "ben", "sip:ben@agents.example")

    async def call():
        async with caller(server) as c:
            await press_zero(c)
            handoff = await asyncio.to_thread(wait_handoff, server, c.call_sid)
            _, accepted = await asyncio.to_thread(
                post_json, f"{server.url}/api/handoffs/{handoff.id}/accept", {}, token
            )
            update = await asyncio.to_thread(fake_twilio.wait_update, c.call_sid)
            await c.hang_up()
            return handoff, accepted, update

    handoff, accepted, update = asyncio.run(call())
    assert accepted["transfer"]["status"] == "ringing"
    assert ">sip:ben@agents.example</Sip>" in update.form["Twiml"]
    action = twiml_attr(update.form["Twiml"], "Dial", "action")
    params = {"CallSid": "CA1", "DialCallStatus": "completed", "DialCallDuration": "42"}
    status, body = post_form(action, params, signature(action, params))
    assert status == 200 and "<Hangup" in body
    with db_session(server) as db:
        stored = db.get(Handoff, handoff.id)
        assert stored.status == "accepted" and stored.assigned_to == "ben"
    assert "transfer_completed" in handoff_events(server, handoff.id)


def test_an_agent_without_a_phone_gets_the_caller_in_the_console_only(server, fake_twilio):
    server.create_account("carla")
    token = sign_in(server, "carla")

    async def call():
        async with caller(server) as c:
            await press_zero(c)
            handoff = await asyncio.to_thread(wait_handoff, server, c.call_sid)
            url = f"{server.url}/api/handoffs/{handoff.id}/accept"
            result = await asyncio.to_thread(post_json, url, {}, token)
            await c.hang_up()
            return handoff, c, result

    handoff, c, (status, accepted) = asyncio.run(call())
    assert status == 200 and accepted["transfer"] == {"status": "no_phone"}
    assert not fake_twilio.call_updates(c.call_sid)
    assert "transfer_no_phone" in handoff_events(server, handoff.id)


# --- a pack that sends its callers straight to a number -------------------------------------------------
def test_pack_with_transfer_directly_puts_a_new_handoff_straight_through(synth_models, tmp_path, fake_twilio):
    prompts = tmp_path / "prompts"
    shutil.copytree(REPO / "prompts", prompts)
    pack_file = prompts / CLIENT / "pack.yaml"
    text = pack_file.read_text(encoding="utf-8")
    line = '  transfer_number: "+49 40 1234569"\n'
    assert line in text
    pack_file.write_text(text.replace(line, line + "  transfer_directly: [P0, P1, P2, P3, P4]\n"), encoding="utf-8")
    s = start_server(
        synth_models, tmp_path / "data", extra_env=twilio_env(fake_twilio, TRIAGE_PROMPTS_DIR=str(prompts))
    )
    try:

        async def call():
            async with caller(s) as c:
                await press_zero(c)
                update = await asyncio.to_thread(fake_twilio.wait_update, c.call_sid, 30)
                await c.hang_up()
                return c, update

        c, update = asyncio.run(call())
        twiml = update.form["Twiml"]
        assert ">+49401234569</Number>" in twiml  # the pack's transfer_number, dialable
        assert "/twilio/whisper?" in twiml_attr(twiml, "Number", "url")
        handoff = wait_handoff(s, c.call_sid, status="offered")
        assert handoff.transfer_target == "+49 40 1234569"
        assert handoff.assigned_to is None
        events = events_once(s, handoff.id, "transfer_started")
        assert events.count("offered") == 1 and "transfer_started" in events
    finally:
        stop_server(s)


# --- unit level: the transfers over Twilio's line on a real queue (SQLite) and real Piper voices, Twilio stood in for
@pytest.fixture
def unit(tmp_path: Path, tts: TextToSpeech):
    """Returns make(fake_twilio_or_None, channel=…, line_call_id=…) -> (state, view): a stored P1
    handoff of a call on `channel` and the parts of a ServerState the transfers use."""
    store = open_store(f"sqlite:///{tmp_path / 'unit.db'}")
    queue = HandoffQueue(store.sessions, store.feed)

    def make(fake: FakeTwilio | None, channel: str = "text", line_call_id: str | None = None):
        call_id = store.start_call(CLIENT, "v1", "de", channel=channel, line_call_id=line_call_id)
        summary = {"text": "P1 Notfall: Wasserrohrbruch im Keller, Anrufer Anna Schmidt, Rückruf 0170 1234567."}
        outcome = {
            "type": "handoff",
            "urgency": "P1",
            "intent": "report_problem",
            "distress": "none",
            "summary": summary,
        }
        handoff_id = store.save_outcome(call_id, outcome, CLIENT)
        configured = {"twilio_account_sid": ACCOUNT_SID, "twilio_auth_token": TWILIO_TEST_TOKEN}
        state = SimpleNamespace(
            settings=Settings(
                **(configured if fake else {"twilio_account_sid": None, "twilio_auth_token": None}),
                twilio_api_url=fake.url if fake else None,
                public_url="https://triage.example",
            ),
            queue=queue,
            packs=SimpleNamespace(get=lambda client_id: load_pack(client_id)),
            engines=SimpleNamespace(tts=tts),
        )
        return state, queue.get(handoff_id)

    return make


def twilio_transfers(state) -> tuple[PhoneTransfers, TwilioLine]:
    """What the server makes at start (ServerState.phone_transfers): Twilio's line and the transfers over it."""
    line = TwilioLine(state.settings, state.packs.get, state.engines.tts, state.queue.get)
    return PhoneTransfers(state.queue, state.packs.get, line), line


def test_sms_alert_sends_the_summary_from_the_clients_number(fake_twilio, unit):
    state, view = unit(fake_twilio)
    transfers, _ = twilio_transfers(state)
    pack = load_pack(CLIENT)
    contact = Contact(name="Meister", channel="sms", phone="+49 171 3456789")
    before = len(fake_twilio.requests)
    result = asyncio.run(transfers.alert(contact, view, pack))
    assert result["status"] == "sms_sent" and result["sid"].startswith("SM")
    [request] = fake_twilio.requests[before:]
    assert request.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    assert request.auth == (ACCOUNT_SID, TWILIO_TEST_TOKEN)
    assert request.form["To"] == "+491713456789"
    assert request.form["From"] == pack.phone_numbers[0].replace(" ", "")
    assert "Wasserrohrbruch" in request.form["Body"] and pack.name in request.form["Body"]
    assert len(request.form["Body"]) <= 320


def test_phone_alert_without_a_caller_on_the_line_calls_the_contact_with_the_summary(fake_twilio, unit):
    state, view = unit(fake_twilio)
    transfers, line = twilio_transfers(state)
    contact = Contact(name="Bereitschaft", channel="phone", phone="+49 170 2345678")
    before = len(fake_twilio.requests)
    result = asyncio.run(transfers.alert(contact, view, load_pack(CLIENT)))
    assert result["status"] == "calling" and result["sid"].startswith("CA")
    [request] = fake_twilio.requests[before:]
    assert request.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json"
    assert request.form["To"] == "+491702345678" and request.form["From"] == "+49401234567"
    play = html.unescape(re.search(r"<Play[^>]*>([^<]+)</Play>", request.form["Twiml"]).group(1))
    assert play.startswith("https://triage.example/twilio/audio/summary.wav?") and f"handoff={view['id']}" in play
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(play).query))
    assert line.token_valid(view["id"], query["e"], query["t"])
    assert not line.token_valid("another-handoff", query["e"], query["t"])
    assert line.audio(view["id"], "summary")[:4] == b"RIFF"


def test_without_twilio_credentials_nothing_is_sent_and_the_handoff_says_so(fake_twilio, unit):
    state, view = unit(None, channel="twilio", line_call_id="CA1")
    assert view["caller_on_line"]
    transfers, _ = twilio_transfers(state)
    user = SimpleNamespace(username="anna", phone=AGENT_PHONE)
    before = len(fake_twilio.requests)
    assert asyncio.run(transfers.connect(view, user)) == {"status": "not_configured"}
    assert [e["kind"] for e in state.queue.get(view["id"])["events"]] == ["created", "transfer_not_configured"]
    contact = Contact(name="Meister", channel="sms", phone="+49 171 3456789")
    assert asyncio.run(transfers.alert(contact, view, load_pack(CLIENT))) == {"status": "not_configured"}
    assert len(fake_twilio.requests) == before


def test_browser_calls_stay_in_the_console(fake_twilio, unit):
    state, view = unit(fake_twilio, channel="browser")
    transfers, _ = twilio_transfers(state)
    user = SimpleNamespace(username="anna", phone=AGENT_PHONE)
    assert asyncio.run(transfers.connect(view, user)) == {"status": "in_console"}
