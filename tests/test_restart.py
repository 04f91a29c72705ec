"""No handoff is ever lost: `triage serve` killed with SIGKILL in the middle of calls, restarted on
the same database, still shows every committed handoff, and still escalates them.

A real server subprocess, real calls (a text call reporting a burst pipe, and a phone caller on
hold after pressing 0), SIGKILL, a second server on the same SQLite file, and a real HTTP receiver
standing in for the on-call contact's webhook.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import time
import urllib.request
from pathlib import Path

import websockets
import yaml
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from tests.test_escalation_webhooks import Receiver
from tests.test_twilio_calls import caller as twilio_caller
from tests.voice_server import BURST_PIPE, CLIENT, REPO, create_account, sign_in, start_server, stop_server
from triage.handoff.webhooks import verify_signature
from triage.store.tables import Call, Handoff

SECRET = "restart-test-secret"
ACCEPT_TIMEOUT_S = 25  # longer than the calls before the kill take


def _prompts_with_on_call_webhook(tmp: Path, url: str) -> Path:
    prompts = tmp / "prompts"
    shutil.copytree(REPO / "prompts", prompts)
    path = prompts / CLIENT / "pack.yaml"
    pack = yaml.safe_load(path.read_text(encoding="utf-8"))
    pack["escalation"]["accept_timeout_s"] = ACCEPT_TIMEOUT_S
    pack["escalation"]["on_call"] = [{"name": "Bereitschaft Leitstand", "channel": "webhook", "url": url}]
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return prompts


async def _burst_pipe_call(ws_url: str) -> str:
    """Report a burst pipe in a text call; returns the handoff id the server sent once it was stored."""
    async with websockets.connect(f"{ws_url}/ws/text/{CLIENT}") as ws:
        for words in BURST_PIPE[1:]:  # straight to the problem, without the first "ja"
            await ws.send(json.dumps({"text": words}))
            messages = [json.loads(await asyncio.wait_for(ws.recv(), 20))]
            try:  # the rest of the bot's turn follows at once
                while messages[-1]["type"] != "end":
                    messages.append(json.loads(await asyncio.wait_for(ws.recv(), 0.5)))
            except TimeoutError:
                pass
            for message in messages:
                if message["type"] == "outcome" and message.get("handoff_id"):
                    return message["handoff_id"]
    raise AssertionError("the burst-pipe call was not handed over")


def _api(url: str, token: str) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_a_server_killed_mid_call_loses_no_handoff_and_the_next_one_escalates_it(synth_models, tmp_path):
    receiver = Receiver([])
    prompts = _prompts_with_on_call_webhook(tmp_path, f"{receiver.url}/on-call")
    data_dir = tmp_path / "data"
    # the loopback receiver stands in for the on-call service outside: internal targets allowed
    env = {"TRIAGE_PROMPTS_DIR": str(prompts), "TRIAGE_WEBHOOK_SECRET": SECRET, "TRIAGE_WEBHOOK_ALLOW_PRIVATE": "1"}
    first = start_server(synth_models, data_dir, extra_env=env)
    phone_call_sid = None
    try:
        p1 = asyncio.run(_burst_pipe_call(first.ws_url))

        async def phone_caller_on_hold() -> str:
            c = twilio_caller(first)
            await c.__aenter__()
            await c.wait_audio_after(0, timeout=10)
            await c.wait_quiet(quiet_secs=0.5, timeout=30)
            await c.press("0")
            await c.wait_audio_after(c.log.audio[-1].first_at, timeout=10)
            await asyncio.sleep(0.5)
            os.kill(first.process.pid, signal.SIGKILL)  # mid-call: the caller is on hold
            first.process.wait(timeout=10)
            await c.close()
            return c.call_sid

        phone_call_sid = asyncio.run(phone_caller_on_hold())
        killed_at = time.monotonic()
    finally:
        if first.process.poll() is None:
            stop_server(first)

    url = f"sqlite:///{data_dir / 'triage.db'}"
    with Session(create_engine(url)) as db:
        committed = {h.id: h.status for h in db.scalars(select(Handoff).join(Call, Call.id == Handoff.call_id))}
        phone_handoff = db.scalar(
            select(Handoff.id).join(Call, Call.id == Handoff.call_id).where(Call.line_call_id == phone_call_sid)
        )
    assert p1 in committed and phone_handoff in committed
    assert receiver.requests == [], "nothing was escalated before the kill"

    create_account(data_dir, "lena")
    second = start_server(synth_models, data_dir, extra_env=env)
    try:
        token = sign_in(second, "lena")
        queue = _api(f"{second.url}/api/handoffs", token)["handoffs"]
        assert {h["id"] for h in queue} >= {p1, phone_handoff}, "every committed handoff is still in the queue"
        shown = next(h for h in queue if h["id"] == p1)
        assert shown["urgency"] == "P1" and shown["summary"]["address"] == "Goethestraße 14, 20095 Hamburg"

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not receiver.requests:
            time.sleep(0.2)
        assert receiver.requests, "the restarted server alerted the on-call contact"
        alert = receiver.requests[0]
        body = json.loads(alert["body"])
        assert body["event"] == "handoff.escalated" and body["handoff"]["id"] == p1
        assert body["on_call"]["name"] == "Bereitschaft Leitstand"
        headers = alert["headers"]
        assert verify_signature(SECRET, alert["body"], headers["X-Triage-Timestamp"], headers["X-Triage-Signature"])
        print(f"on-call alerted {time.monotonic() - killed_at:.1f} s after the kill")

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            status = _api(f"{second.url}/api/handoffs/{phone_handoff}", token)["status"]
            if status == "callback":
                break
            time.sleep(0.2)
        assert status == "callback", "the phone caller's handoff got its callback promise after the restart"
        # the killed server held that caller's line: once it is no longer seen, agents see the caller gone
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            phone = _api(f"{second.url}/api/handoffs/{phone_handoff}", token)
            if not phone["caller_on_line"]:
                break
            time.sleep(0.5)
        # (the line may be found lost before or after the callback promise: both orders are right)
        assert not phone["caller_on_line"] and "line_lost" in [e["kind"] for e in phone["events"]]
        print(f"line marked lost {time.monotonic() - killed_at:.1f} s after the kill")
        events = [e["kind"] for e in _api(f"{second.url}/api/handoffs/{p1}", token)["events"]]
        assert events[:1] == ["created"] and "escalated" in events
    finally:
        stop_server(second)
        receiver.close()


def test_an_emergency_heard_just_before_a_kill_is_a_p1_handoff_after_restart(synth_models, tmp_path):
    """The caller reported a burst pipe and heard the stopcock advice; the server is SIGKILLed before
    any outcome. The emergency was stored before the advice was said, so the next server hands it
    to agents once the killed one is no longer seen."""
    data_dir = tmp_path / "data"
    first = start_server(synth_models, data_dir)
    try:

        async def report_and_kill() -> list[str]:
            async with websockets.connect(f"{first.ws_url}/ws/text/{CLIENT}") as ws:
                await ws.send(json.dumps({"text": BURST_PIPE[1]}))
                heard: list[str] = []
                while not any("Hauptwasserhahn" in h for h in heard):
                    message = json.loads(await asyncio.wait_for(ws.recv(), 30))
                    if message["type"] == "bot":
                        heard.append(message["text"])
                os.kill(first.process.pid, signal.SIGKILL)
                first.process.wait(timeout=10)
                return heard

        heard = asyncio.run(report_and_kill())
    finally:
        if first.process.poll() is None:
            stop_server(first)
    assert any("Hauptwasserhahn" in h for h in heard)
    url = f"sqlite:///{data_dir / 'triage.db'}"
    with Session(create_engine(url)) as db:
        [call] = db.scalars(select(Call).where(Call.client_id == CLIENT)).all()
        assert call.urgency == "P1" and call.ended_at is None
        assert db.scalars(select(Handoff)).all() == [], "no outcome was reached before the kill"

    create_account(data_dir, "lena")
    killed_at = time.monotonic()
    second = start_server(synth_models, data_dir)
    try:
        token = sign_in(second, "lena")
        deadline = time.monotonic() + 120  # the killed server counts as gone 30 s after its last beat
        rescued: list[dict] = []
        while time.monotonic() < deadline and not rescued:
            rescued = [h for h in _api(f"{second.url}/api/handoffs", token)["handoffs"] if h["call_id"] == call.id]
            time.sleep(0.5)
        assert rescued, "the emergency became a handoff after the restart"
        [handoff] = rescued
        assert handoff["urgency"] == "P1" and handoff["status"] == "waiting"
        detail = _api(f"{second.url}/api/handoffs/{handoff['id']}", token)
        assert any("Hauptwasserhahn" in t["text"] for t in detail["transcript"]), "agents read what was said"
        print(f"P1 handoff in the queue {time.monotonic() - killed_at:.1f} s after the restart began")
    finally:
        stop_server(second)
