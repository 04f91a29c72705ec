"""An agent takes a browser caller's call in the console, end to end.

A real `triage serve` with the random-weight speech models; the caller is Chromium on /call/… with a
fake microphone playing the JFK recording, who presses 0 and waits on hold; the agent is a second
Chromium (its fake microphone plays the TIMIT sentence) who signs in, accepts, and takes the call:
audio then flows both ways over WS /ws/agent/call/{handoff_id}, and when the agent hangs up the
caller's call ends. The line's rules (who may connect, frame size, the caller hanging up) are
checked with a plain websocket caller as well.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests.browser import AUTOPLAY, chromium, fake_microphone, watch
from tests.voice_server import CLIENT, PASSWORD, REPO, VoiceServer, bearer, serving, sign_in
from triage.packs.load import load_pack
from triage.packs.render import say

AUDIO = REPO.parent / "shared" / "audio"
CALLER_WAV = AUDIO / "jfk_16k.wav"
AGENT_WAV = AUDIO / "timit_ldc93s1_16k.wav"
AGENT_A, AGENT_B, AGENT_C = "agent-anna", "agent-ben", "agent-cem"
SECOND = 16_000 * 2  # bytes of one second of PCM16 16 kHz
NOT_ON_LINE = {"type": "error", "error": "the caller is not on the line here"}


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoiceServer]:
    with serving(synth_models, tmp_path_factory.mktemp("agent-takes-call") / "data", log_tail=8000) as started:
        started.create_account(AGENT_A, display_name="Anna Agent")
        started.create_account(AGENT_B, display_name="Ben Agent")
        started.create_account(AGENT_C, display_name="Cem Agent")
        started.create_account("root", "platform_admin")
        yield started


def _waiting_browser_handoff(server: VoiceServer, token: str, known: set[str]) -> dict:
    """The new browser handoff whose caller waits on the line (the one the test's caller made)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        rows = httpx.get(f"{server.url}/api/handoffs", headers=bearer(token)).json()["handoffs"]
        found = [h for h in rows if h["channel"] == "browser" and h["caller_on_line"] and h["id"] not in known]
        if found:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no waiting browser handoff: {rows}")


def _agent_line(server: VoiceServer, handoff_id: str, token: str):
    return connect(
        f"{server.ws_url}/ws/agent/call/{handoff_id}", additional_headers=bearer(token), open_timeout=30, max_size=None
    )


def _closed_with(ws, code: int) -> None:
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            ws.recv(timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == code


class SocketCaller:
    """A browser caller without a browser: WS /ws/call/{client}, reading everything in a thread."""

    def __init__(self, server: VoiceServer) -> None:
        self._line = connect(f"{server.ws_url}/ws/call/{CLIENT}", open_timeout=30, max_size=None)
        self.ws = self._line.__enter__()
        self.events: list[dict] = []
        self.audio_bytes = 0
        self.closed = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            for message in self.ws:
                if isinstance(message, bytes):
                    self.audio_bytes += len(message)
                else:
                    event = json.loads(message)
                    self.events.append(event)
                    if event.get("type") == "mark":  # as the page does: "I have heard it"
                        self.ws.send(json.dumps({"type": "mark", "name": event["name"]}))
        except ConnectionClosed:
            pass
        finally:
            self.closed.set()

    def close(self) -> None:
        self._line.__exit__(None, None, None)

    def wait_for(self, kind: str, timeout: float = 60, **fields) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in list(self.events):
                if event.get("type") == kind and all(event.get(k) == v for k, v in fields.items()):
                    return event
            time.sleep(0.05)
        raise AssertionError(f"no {kind} {fields} in {self.events}")


def test_the_agent_line_refuses_others_and_follows_the_caller(server: VoiceServer) -> None:
    anna, ben = sign_in(server, AGENT_A), sign_in(server, AGENT_B)
    caller = SocketCaller(server)
    caller.wait_for("call")
    caller.ws.send(json.dumps({"type": "dtmf", "digit": "0"}))
    assert caller.wait_for("outcome")["outcome"]["type"] == "handoff"
    handoff = _waiting_browser_handoff(server, anna, set())
    handoff_id = handoff["id"]

    # Nobody may take a call that is still waiting in the queue, and nobody signed out.
    with _agent_line(server, handoff_id, anna) as ws:
        assert json.loads(ws.recv(timeout=10))["type"] == "error"
        _closed_with(ws, 1008)
    with connect(f"{server.ws_url}/ws/agent/call/{handoff_id}", open_timeout=30) as ws:
        assert json.loads(ws.recv(timeout=10)) == {"type": "error", "error": "sign in first"}
        _closed_with(ws, 1008)

    accepted = httpx.post(f"{server.url}/api/handoffs/{handoff_id}/accept", headers=bearer(anna))
    assert accepted.status_code == 200, accepted.text
    pack = load_pack(CLIENT)
    caller.wait_for("transcript", role="bot", text=say(pack, "handoff_connecting", "de"))
    _quiet(lambda: caller.audio_bytes)  # what the bot said is played out

    # Ben did not accept it: refused.
    with _agent_line(server, handoff_id, ben) as ws:
        refused = json.loads(ws.recv(timeout=10))
        assert refused == {"type": "error", "error": "only the agent who accepted this handoff can take the call"}
        _closed_with(ws, 1008)

    with _agent_line(server, handoff_id, anna) as ws:
        assert json.loads(ws.recv(timeout=10)) == {"type": "connected"}
        # a second line to the same caller is refused while this one has it
        with _agent_line(server, handoff_id, anna) as second:
            assert json.loads(second.recv(timeout=10)) == NOT_ON_LINE
        # the caller's audio reaches the agent…
        chunk = (b"\x10\x00\xf0\xff" * 160)[:640]
        for _ in range(50):
            caller.ws.send(chunk)
        received = 0
        while received < 50 * 640:
            message = ws.recv(timeout=10)
            assert isinstance(message, bytes), message
            received += len(message)
        assert received == 50 * 640
        # …and the agent's reaches the caller; an oversized frame is refused and the line goes on
        before = caller.audio_bytes
        ws.send(b"\x00\x00" * (33 * 1024))
        assert json.loads(ws.recv(timeout=10))["error"].startswith("audio message of 67584 bytes")
        for _ in range(50):
            ws.send(b"\x00\x01" * 320)
        deadline = time.monotonic() + 10
        while caller.audio_bytes - before < 45 * 640 and time.monotonic() < deadline:
            time.sleep(0.05)
        # (the output transport sends whole 40 ms chunks: the last 20 ms wait for more audio)
        assert caller.audio_bytes - before >= 45 * 640
    # The agent's line drops without a hangup: the caller is told and waits on hold again…
    caller.wait_for("transcript", role="bot", text=say(pack, "handoff_agent_unavailable", "de"))
    # …and the agent can take the call again.
    with _agent_line(server, handoff_id, anna) as ws:
        assert json.loads(ws.recv(timeout=10)) == {"type": "connected"}
        # the caller hangs up: the agent is told and the line closes
        caller.ws.send(json.dumps({"type": "hangup"}))
        while True:
            message = ws.recv(timeout=10)
            if not isinstance(message, bytes):
                assert json.loads(message) == {"type": "ended"}
                break
        _closed_with(ws, 1000)
    assert caller.closed.wait(10)
    caller.close()

    # the caller is gone: the line is refused
    with _agent_line(server, handoff_id, anna) as ws:
        assert json.loads(ws.recv(timeout=10)) == NOT_ON_LINE


def test_revoking_the_agent_closes_their_call_line_and_the_caller_waits_again(server: VoiceServer) -> None:
    """Issue 12: an admin revokes an agent while they talk to a caller; the call line closes at once
    (not at the agent's next request) and the caller is back on hold, not hung up on."""
    cem = sign_in(server, AGENT_C)
    known = {h["id"] for h in httpx.get(f"{server.url}/api/handoffs", headers=bearer(cem)).json()["handoffs"]}
    caller = SocketCaller(server)
    caller.wait_for("call")
    caller.ws.send(json.dumps({"type": "dtmf", "digit": "0"}))
    assert caller.wait_for("outcome")["outcome"]["type"] == "handoff"
    handoff_id = _waiting_browser_handoff(server, cem, known)["id"]
    accepted = httpx.post(f"{server.url}/api/handoffs/{handoff_id}/accept", headers=bearer(cem))
    assert accepted.status_code == 200, accepted.text
    pack = load_pack(CLIENT)
    caller.wait_for("transcript", role="bot", text=say(pack, "handoff_connecting", "de"))

    with _agent_line(server, handoff_id, cem) as ws:
        assert json.loads(ws.recv(timeout=10)) == {"type": "connected"}
        revoked = httpx.post(f"{server.url}/api/admin/users/{AGENT_C}/revoke", headers=bearer(sign_in(server, "root")))
        assert revoked.status_code == 200, revoked.text
        while isinstance(message := ws.recv(timeout=10), bytes):
            pass  # caller audio sent before the revocation
        assert json.loads(message) == {"type": "error", "error": "your access was revoked: sign in again"}
        _closed_with(ws, 1008)
    # the caller was not hung up on: they hear that the agent is gone and wait on hold again
    caller.wait_for("transcript", role="bot", text=say(pack, "handoff_agent_unavailable", "de"))
    assert not caller.closed.is_set()
    # and the revoked token opens no new line
    with _agent_line(server, handoff_id, cem) as ws:
        assert json.loads(ws.recv(timeout=10)) == {"type": "error", "error": "sign in first"}
    caller.close()


@pytest.fixture
def chromium_with_mic():
    """Opens a page in a Chromium whose fake microphone plays a recording (one browser per recording:
    the capture file is a launch flag)."""
    with chromium() as launch:
        assert CALLER_WAV.exists() and AGENT_WAV.exists(), "missing shared recordings"

        def page(wav: Path, locale: str):
            context = launch(AUTOPLAY, *fake_microphone(wav)).new_context(
                locale=locale, viewport={"width": 1400, "height": 1100}
            )
            context.grant_permissions(["microphone"])
            return watch(context.new_page())

        yield page


def _page_audio(page) -> int:
    return int(page.locator("#status").get_attribute("data-audio-bytes") or 0)


def _quiet(audio_bytes: Callable[[], int], quiet_secs: float = 1.5, timeout: float = 90) -> int:
    """Wait until a caller has received no audio for `quiet_secs` (the bot's sentences are played
    out in real time); returns the byte count."""
    deadline = time.monotonic() + timeout
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = audio_bytes()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_secs:
            return now
        time.sleep(0.1)
    raise AssertionError("the caller's audio never went quiet")


def test_an_agent_takes_a_browser_call_in_the_console(server: VoiceServer, chromium_with_mic) -> None:
    from playwright.sync_api import expect

    rows = httpx.get(f"{server.url}/api/handoffs", headers=bearer(sign_in(server, AGENT_A))).json()["handoffs"]
    known = {h["id"] for h in rows}  # the other test's handoff is still in the queue
    pack = load_pack(CLIENT)

    # The caller rings, presses 0 and is put on hold.
    caller = chromium_with_mic(CALLER_WAV, "de-DE")
    caller.goto(f"{server.url}/call/{CLIENT}")
    caller.click("#call")
    status = caller.locator("#status")
    expect(status).to_have_attribute("data-state", "connected", timeout=20_000)
    caller.click("#keypad [data-digit='0']")
    expect(caller.locator("#outcome")).to_have_attribute("data-type", "handoff", timeout=30_000)
    handoff_id = _waiting_browser_handoff(server, sign_in(server, AGENT_A), known)["id"]

    # The agent signs in, opens it and accepts: the caller hears that someone is there.
    agent = chromium_with_mic(AGENT_WAV, "de-DE")
    agent.goto(f"{server.url}/agent")
    agent.fill("#username", AGENT_A)
    agent.fill("#password", PASSWORD)
    agent.click("#signin-submit")
    expect(agent.locator("#live")).to_have_attribute("data-state", "live")
    row = agent.locator(f'#queue li[data-handoff-id="{handoff_id}"]')
    expect(row).to_be_visible(timeout=5_000)
    row.locator("button").click()
    expect(agent.locator("#take-call")).to_be_hidden()  # not yet: nobody has accepted it
    agent.click("#accept")
    expect(agent.locator("#detail")).to_have_attribute("data-status", "accepted", timeout=5_000)
    connecting = say(pack, "handoff_connecting", "de")
    expect(caller.locator("#transcript [data-role=bot] .said", has_text=connecting)).to_be_visible(timeout=30_000)
    take = agent.locator("#take-call")
    expect(take).to_be_visible()
    expect(take).to_have_text("Anruf übernehmen")
    heard_before = _quiet(lambda: _page_audio(caller))  # the connecting sentence has been played out

    # The agent takes the call: audio both ways.
    take.click()
    line = agent.locator("#agent-call")
    expect(line).to_have_attribute("data-state", "connected", timeout=20_000)
    expect(agent.locator("#hang-up")).to_have_text("Auflegen")
    agent.wait_for_function(f"() => window.triageAgentCall.receivedBytes > {SECOND}", timeout=30_000)
    agent.wait_for_function(f"() => window.triageAgentCall.sentBytes > {SECOND}", timeout=30_000)
    caller.wait_for_function(
        f"() => Number(document.getElementById('status').dataset.audioBytes) > {heard_before + SECOND}", timeout=30_000
    )
    agent.screenshot(path="/tmp/agent-takes-call.png", full_page=True)
    calls = agent.evaluate("() => ({...window.triageAgentCall})")
    print(f"agent line: {calls}; caller heard {caller.locator('#status').get_attribute('data-audio-bytes')} bytes")

    # Meanwhile another agent cannot listen in.
    with _agent_line(server, handoff_id, sign_in(server, AGENT_B)) as ws:
        assert json.loads(ws.recv(timeout=10))["type"] == "error"
        _closed_with(ws, 1008)

    # The agent hangs up: the caller's call ends, and the console says so.
    bot_lines = caller.locator("#transcript [data-role=bot]").count()
    agent.click("#hang-up")
    expect(status).to_have_attribute("data-state", "ended", timeout=15_000)
    expect(line).to_have_attribute("data-state", "hungup")
    expect(agent.locator("#take-call")).to_be_hidden()
    expect(agent.locator("#call-status")).to_have_text("Sie haben aufgelegt. Schließen Sie die Übergabe ab.")
    agent.click("#lang-en")
    expect(agent.locator("#call-status")).to_have_text("You hung up. Resolve the handoff when you are done.")
    assert caller.locator("#transcript [data-role=bot]").count() == bot_lines  # nothing more was said
    with _agent_line(server, handoff_id, sign_in(server, AGENT_A)) as ws:
        assert json.loads(ws.recv(timeout=10)) == NOT_ON_LINE

    # The agent resolves the handoff in the console.
    agent.select_option("#resolution", "helped")
    agent.click("#resolve")
    expect(agent.locator("#detail")).to_have_attribute("data-status", "resolved", timeout=5_000)
    assert caller.problems == [] and agent.problems == []  # type: ignore[attr-defined]
