"""Two `triage serve` instances on one PostgreSQL database: a handoff made by a phone call on
instance A reaches an agent's console on instance B at once (LISTEN/NOTIFY, no polling), and the
agent's accept on B reaches A's consoles the same way."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest
import websockets
from sqlalchemy import select
from twilio.request_validator import RequestValidator

from tests.conftest import fresh_postgres_database
from tests.voice_server import TWILIO_TEST_TOKEN, VoiceServer, start_server, stop_server
from triage.auth import Accounts
from triage.store.db import open_database
from triage.store.tables import Call, Handoff
from triage.telephony.simulated_caller import TwilioCaller

CLIENT = "sanitaer-notdienst"
AGENT, PASSWORD = "bea", "bea-secret-password"


@pytest.fixture(scope="module")
def cluster(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """(database URL, instance A, instance B): each instance its own data dir, one database."""
    with fresh_postgres_database() as url:  # skips (fails on CI) before any model is made without a server
        synth_models: Path = request.getfixturevalue("synth_models")
        # migrate and make the agent first, so the two instances do not both migrate an empty database
        Accounts(open_database(url)).create(AGENT, PASSWORD, "agent", [CLIENT], display_name="Bea")
        with ThreadPoolExecutor(2) as pool:
            starting = [
                pool.submit(start_server, synth_models, tmp_path_factory.mktemp(name), database_url=url)
                for name in ("instance-a", "instance-b")
            ]
            servers = [f.result() for f in starting]
        try:
            yield url, servers[0], servers[1]
        finally:
            for server in servers:
                stop_server(server)


def request_json(url: str, body: dict | None = None, token: str | None = None) -> dict[str, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else b""
    with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=10) as response:
        return json.loads(response.read())


def sign_in(server: VoiceServer) -> str:
    return request_json(server.url + "/api/session", {"username": AGENT, "password": PASSWORD})["token"]


def console(server: VoiceServer, token: str):
    return websockets.connect(f"{server.ws_url}/ws/agent?{urllib.parse.urlencode({'token': token})}")


async def next_change(ws, handoff_id: str | None, event: str, timeout: float) -> tuple[dict, float]:
    """The next `{"type": "handoff"}` message for this handoff and event; with when it arrived."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"no {event!r} change for handoff {handoff_id} within {timeout} s")
        message = json.loads(await asyncio.wait_for(ws.recv(), remaining))
        if (
            message.get("type") == "handoff"
            and message.get("event") == event
            and (handoff_id is None or message["handoff"]["id"] == handoff_id)
        ):
            return message, time.monotonic()


def stored_handoff(url: str, line_call_id: str) -> Handoff:
    with open_database(url)() as db:
        call_id = db.scalar(select(Call.id).where(Call.line_call_id == line_call_id))
        return db.scalars(select(Handoff).where(Handoff.call_id == call_id)).one()


def test_a_handoff_on_one_instance_reaches_an_agent_on_the_other_at_once(cluster):
    url, a, b = cluster
    token_b, token_a = sign_in(b), sign_in(a)
    stream = a.ws_url + "/twilio/stream"
    signed = {"X-Twilio-Signature": RequestValidator(TWILIO_TEST_TOKEN).compute_signature(stream, {})}
    measured: dict[str, float] = {}

    async def scenario() -> tuple[TwilioCaller, dict, dict, dict]:
        async with console(b, token_b) as ws_b, console(a, token_a) as ws_a:
            snapshot = json.loads(await ws_b.recv())
            assert snapshot["type"] == "snapshot"
            assert snapshot["user"]["username"] == AGENT
            assert snapshot["handoffs"] == []
            assert json.loads(await ws_a.recv())["type"] == "snapshot"

            # a caller on instance A presses 0
            async with TwilioCaller(stream, client=CLIENT, headers=signed) as caller:
                await caller.wait_audio_after(0, timeout=10)
                await caller.wait_quiet(quiet_secs=0.5, timeout=30)
                measured["pressed"], measured["pressed_wall"] = time.monotonic(), time.time()
                await caller.press("0")
                created, measured["arrived"] = await next_change(ws_b, None, "created", timeout=10)
                measured["arrived_wall"] = time.time()
                handoff_id = created["handoff"]["id"]

                # while the caller waits on A's line, the agent on instance B accepts; A's console sees it
                started = time.monotonic()
                view = await asyncio.to_thread(request_json, f"{b.url}/api/handoffs/{handoff_id}/accept", {}, token_b)
                measured["answered"] = time.monotonic()
                accepted, arrived = await next_change(ws_a, handoff_id, "accepted", timeout=10)
                measured["accept_from_request"] = arrived - started
                measured["accept_from_answer"] = arrived - measured["answered"]
                await caller.hang_up()
            return caller, created, view, accepted

    caller, created, view, accepted = asyncio.run(scenario())

    handoff = stored_handoff(url, caller.call_sid)  # stored by instance A
    assert created["handoff"]["id"] == handoff.id
    assert created["handoff"]["client_id"] == CLIENT
    assert created["handoff"]["status"] == "waiting"
    created_at = handoff.created_at if handoff.created_at.tzinfo else handoff.created_at.replace(tzinfo=UTC)
    stored_at = created_at.timestamp()  # set just before A's commit: an upper bound for "since stored"
    from_press = measured["arrived"] - measured["pressed"]
    from_store = measured["arrived_wall"] - stored_at
    print(
        f"\ncross-instance latency: keypress on A -> B's console {from_press * 1000:.0f} ms; "
        f"handoff stored on A -> B's console {from_store * 1000:.0f} ms "
        f"(keypress -> stored {(stored_at - measured['pressed_wall']) * 1000:.0f} ms); "
        f"accept on B -> A's console {measured['accept_from_request'] * 1000:.0f} ms from the request, "
        f"{measured['accept_from_answer'] * 1000:.0f} ms after B answered"
    )
    assert from_store < 1.0, f"B heard of the handoff {from_store:.2f} s after A stored it"
    assert from_press < 1.5, f"B heard of the handoff {from_press:.2f} s after the caller pressed 0"

    assert view["status"] == "accepted" and view["assigned_to"] == AGENT
    assert accepted["handoff"]["status"] == "accepted"
    assert accepted["handoff"]["assigned_to"] == AGENT
    assert measured["accept_from_answer"] < 1.0, "A heard of the accept too late"
    with pytest.raises(urllib.error.HTTPError) as second:  # A also knows it from the database
        request_json(f"{a.url}/api/handoffs/{handoff.id}/accept", {}, token_a)
    assert second.value.code == 409
