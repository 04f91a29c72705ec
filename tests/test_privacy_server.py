"""`triage serve` as an operator starts it (a real subprocess, no HF_HUB_OFFLINE or other offline
switches in its environment), taking a text call and a phone call with known caller details, an
agent's note and a data-protection request, while a Python audit hook (a sitecustomize on its
PYTHONPATH) writes down every socket connection and name lookup it attempts, with the Python stack
that made it; and strace, which the server runs under, writes down every connect() and sendto() of
every thread, C libraries included (onnxruntime's telemetry, for one, is invisible to Python). The
hook sees only Python's socket module, so the server runs on asyncio's loop rather than uvloop.

The speech models are the random-weight test sizes in the real formats: these tests check the
mechanics (what is logged, where the server connects), not what Whisper understands.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import websockets
import yaml
from sqlalchemy import create_engine, select, update
from sqlalchemy.orm import Session
from twilio.request_validator import RequestValidator

from tests.conftest import on_ci, shared_audio
from tests.voice_server import (
    PASSWORD,
    REPO,
    TWILIO_TEST_TOKEN,
    VoiceServer,
    create_account,
    free_port,
    stop_server,
    wait_until_ready,
)
from triage.packs.load import load_pack
from triage.privacy.keys import phone_keys_in
from triage.store.repo import open_store
from triage.store.tables import Call, TranscriptTurn
from triage.telephony.simulated_caller import RATE, TwilioCaller, load_audio

CLIENT = "sanitaer-notdienst"
NUMBER = "+491712345678"  # the caller's line and callback number, 0171 2345678
KEY = "491712345678"
WEBHOOK_HOST = "192.0.2.1"
TEXT_CALL = [
    "bei uns ist ein rohr geplatzt das wasser läuft überall",
    "goethestraße 14 in 20095 hamburg",
    "ja",
    "null eins sieben eins zwei drei vier fünf sechs sieben acht",
    "ja",
    "jolanda quast",
    "ja",
]
NOTE = "Frau Quast, Goethestraße 14, ruft unter 0171 2345678 zurück"
# what must not appear in a log at INFO, nor at DEBUG without TRIAGE_LOG_CALLER_DATA
SECRETS = ("jolanda", "quast", "goethestr", "rohr geplatzt", "wasser läuft", "fünf sechs sieben")

HOOK = '''
"""Written by tests/test_privacy_server.py: every connection the server attempts, outside loopback."""
import ipaddress, json, os, sys, traceback

_LOG = os.environ["TRIAGE_TEST_CONNECTIONS"]


def _local(host):
    if host is None or host in ("localhost", ""):
        return True
    if isinstance(host, bytes):
        host = host.decode()
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _hook(event, args):
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, (str, bytes)) or _local(address[0]):
            return  # a unix socket or loopback
        target = list(address[:2])
    elif event == "socket.getaddrinfo":
        if _local(args[0]):
            return
        target = [args[0], args[1]]
    else:
        return
    stack = "".join(traceback.format_stack(limit=12)[:-1])
    with open(_LOG, "a") as out:
        out.write(json.dumps({"event": event, "target": target, "stack": stack}, default=str) + "\\n")


sys.addaudithook(_hook)


class _NoUvloop:
    """uvloop connects inside libuv, where no audit hook sees it: uvicorn takes asyncio's loop instead."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "uvloop":
            raise ImportError("uvloop is left out so that the audit hook sees the event loop's connections")


sys.meta_path.insert(0, _NoUvloop())
'''

# what an operator's shell does not have: the tests' own offline switches
OFFLINE_SWITCHES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY", "DO_NOT_TRACK")


@dataclass
class Run:
    server: VoiceServer
    connections: list[dict]
    syscalls: list[str]  # strace's lines for connections and datagrams off loopback
    handoff_id: str
    metrics: str
    purged_at_start: bool


def _prompts_with_webhook(tmp: Path) -> Path:
    """The shipped packs; the plumber's handoffs go to a webhook on a documentation address
    (TEST-NET-1, never routed): the one connection the server is configured to make."""
    prompts = tmp / "prompts"
    shutil.copytree(REPO / "prompts", prompts)
    path = prompts / CLIENT / "pack.yaml"
    pack = yaml.safe_load(path.read_text(encoding="utf-8"))
    pack["webhook"] = {"url": f"http://{WEBHOOK_HOST}:9/hook"}
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return prompts


def _start(models: Path, data_dir: Path, hook_dir: Path, connections: Path, log_level: str) -> VoiceServer:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_SWITCHES and not k.startswith("TRIAGE_")}
    env |= {
        "TRIAGE_DATA_DIR": str(data_dir),
        "TRIAGE_MODELS_DIR": str(models),
        "TRIAGE_STT_MODEL": "synth-test",
        "TRIAGE_TTS_VOICE_DE": "de_DE-synth-test",
        "TRIAGE_TTS_VOICE_EN": "en_US-synth-test",
        "TRIAGE_TWILIO_AUTH_TOKEN": TWILIO_TEST_TOKEN,
        "TRIAGE_TEST_CONNECTIONS": str(connections),
        "TRIAGE_WEBHOOK_SECRET": "privacy-test-secret",
        "TRIAGE_WEBHOOK_ALLOW_PRIVATE": "1",  # the documentation address stands in for a receiver outside
        "TRIAGE_PROMPTS_DIR": str(_prompts_with_webhook(data_dir.parent)),
        "PYTHONPATH": os.pathsep.join([str(hook_dir), str(REPO)]),
    }
    log_path = data_dir / "server.log"
    command = [sys.executable, "-m", "triage.cli", "serve", "--port", str(port), "--log-level", log_level]
    process = subprocess.Popen(
        [*_strace(data_dir / "strace.txt"), *command],
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    return wait_until_ready(VoiceServer(f"http://127.0.0.1:{port}", data_dir, process, log_path))


def _strace(out: Path) -> list[str]:
    """strace, following every thread, writing connect() and sendto() calls (64 bytes of each
    datagram: enough to read the name a DNS query asks for)."""
    calls = "trace=connect,sendto,sendmsg"
    return ["strace", "-f", "-qq", "--seccomp-bpf", "-e", calls, "-e", "signal=none", "-s", "64", "-o", str(out)]


def strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run([*_strace(Path(os.devnull)), "true"], capture_output=True, timeout=30)
    return probe.returncode == 0


def _stop(server: VoiceServer) -> None:
    """SIGTERM to the server under strace (strace itself would only detach), then strace ends."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    for pid in children.read_text().split() if children.exists() else []:
        os.kill(int(pid), signal.SIGTERM)
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        stop_server(server)


_LOOPBACK = re.compile(r'inet_addr\("127\.|inet_pton\(AF_INET6, "::1"|sa_family=AF_UNIX|sa_family=AF_NETLINK')


def off_loopback(trace: Path) -> list[str]:
    """strace's lines for a connection or datagram to anywhere but loopback (and unix sockets)."""
    if not trace.exists():
        return []
    return [
        line
        for line in trace.read_text(errors="replace").splitlines()
        if ("sa_family=AF_INET" in line) and not _LOOPBACK.search(line)
    ]


def _old_call(data_dir: Path) -> str:
    """A call from 200 days ago, stored before the server starts: its purge runs at start."""
    store = open_store(f"sqlite:///{data_dir / 'triage.db'}")
    call_id = store.start_call(CLIENT, "v1", "de", caller_number="+4930555000111")
    store.add_turns(call_id, [("caller", "ein altes anliegen von vor langer zeit")])
    with store.sessions.begin() as db:
        db.execute(update(Call).where(Call.id == call_id).values(started_at=datetime.now(UTC) - timedelta(days=200)))
    return call_id


async def _text_call(ws_url: str) -> str:
    async with websockets.connect(f"{ws_url}/ws/text/{CLIENT}") as ws:
        handoff_id = None
        for words in TEXT_CALL:
            await ws.send(json.dumps({"text": words}))
            messages = [json.loads(await asyncio.wait_for(ws.recv(), 30))]
            try:
                while messages[-1]["type"] != "end":
                    messages.append(json.loads(await asyncio.wait_for(ws.recv(), 0.5)))
            except TimeoutError:
                pass
            handoff_id = handoff_id or next(
                (m["handoff_id"] for m in messages if m["type"] == "outcome" and m.get("handoff_id")), None
            )
    assert handoff_id, "the text call was not handed over"
    return handoff_id


def _phone_call(server: VoiceServer) -> None:
    """The incoming-call webhook with the caller's number, then the media stream with real speech."""
    url = server.url + "/twilio/voice"
    params = {"CallSid": "CA1", "From": NUMBER, "To": load_pack(CLIENT).phone_numbers[0], "AccountSid": "AC1"}
    headers = {"X-Twilio-Signature": RequestValidator(TWILIO_TEST_TOKEN).compute_signature(url, params)}
    assert httpx.post(url, data=params, headers=headers, timeout=30).status_code == 200
    stream = server.ws_url + "/twilio/stream"
    signature = {"X-Twilio-Signature": RequestValidator(TWILIO_TEST_TOKEN).compute_signature(stream, {})}

    async def call() -> None:
        async with TwilioCaller(stream, client=CLIENT, parameters={"caller": NUMBER}, headers=signature) as c:
            await c.wait_audio_after(0, timeout=20)
            await c.wait_quiet(quiet_secs=0.8, timeout=60)
            await c.say(load_audio(shared_audio("new_home_16k.wav"), RATE))
            await c.wait_audio_after(c.log.speech_ends[-1], timeout=30)
            await c.wait_quiet(quiet_secs=0.8, timeout=60)
            await c.hang_up()

    asyncio.run(call())


@pytest.fixture(scope="module", params=["info", "debug"])
def run(request, synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    if not strace_works():
        why = "strace is missing or may not trace here (apt-get install strace; ptrace allowed)"
        if on_ci():
            pytest.fail(f"{why}: on CI the outbound-connection check must run")
        pytest.skip(why)
    tmp = tmp_path_factory.mktemp(f"privacy-{request.param}")
    hook_dir, data_dir = tmp / "hook", tmp / "data"
    hook_dir.mkdir()
    data_dir.mkdir()
    (hook_dir / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    connections = tmp / "connections.jsonl"
    old = _old_call(data_dir)
    create_account(data_dir, "agent", "agent")
    create_account(data_dir, "dpo", "platform_admin")
    server = _start(synth_models, data_dir, hook_dir, connections, request.param)
    try:
        engine = create_engine(f"sqlite:///{data_dir / 'triage.db'}")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # the purge's first pass runs as the server starts
            with Session(engine) as db:
                purged = not db.scalars(select(TranscriptTurn).where(TranscriptTurn.call_id == old)).all()
            if purged:
                break
            time.sleep(0.2)
        handoff_id = asyncio.run(_text_call(server.ws_url))
        _phone_call(server)
        with httpx.Client(base_url=server.url, timeout=60) as agent:
            assert agent.post("/api/session", json={"username": "agent", "password": PASSWORD}).status_code == 200
            assert agent.get("/api/handoffs").status_code == 200
            assert agent.post(f"/api/handoffs/{handoff_id}/accept").status_code == 200
            assert agent.post(f"/api/handoffs/{handoff_id}/notes", json={"text": NOTE}).status_code == 200
            hold = agent.put(f"/api/privacy/handoffs/{handoff_id}/hold", json={"hold": True})
            assert hold.status_code == 200 and hold.json()["legal_hold"] is True
            metrics = agent.get("/metrics").text
            assert agent.post("/api/privacy/export", json={"phone": "0171 2345678"}).status_code == 403
        with httpx.Client(base_url=server.url, timeout=60) as dpo:
            assert dpo.post("/api/session", json={"username": "dpo", "password": PASSWORD}).status_code == 200
            exported = dpo.post("/api/privacy/export", json={"phone": "0171 2345678", "reference": "T-1"})
            assert exported.status_code == 200, exported.text
            assert len(exported.json()["calls"]) == 2  # the text call (callback number) and the phone call
            erased = dpo.post("/api/privacy/delete", json={"phone": "0171 2345678"})
            assert erased.status_code == 200, erased.text
            assert erased.json()["legal_hold"] and erased.json()["erased"]["calls"] == 1  # the held one is kept
        engine.dispose()
    finally:
        _stop(server)
        print(f"--- server log (tail) ---\n{server.log()[-6000:]}")
    lines = connections.read_text().splitlines() if connections.exists() else []
    syscalls = off_loopback(data_dir / "strace.txt")
    yield Run(server, [json.loads(line) for line in lines], syscalls, handoff_id, metrics, purged)


def test_no_caller_data_in_the_logs_or_metrics(run: Run):
    """At INFO, and at DEBUG without TRIAGE_LOG_CALLER_DATA: ids, never what the caller said or is."""
    log = run.server.log()
    assert run.handoff_id in log  # the log is there, and names handoffs by id
    for text in (log, run.metrics):
        lowered = text.casefold()
        assert [s for s in SECRETS if s in lowered] == []
        assert KEY not in phone_keys_in(text)


def test_the_purge_runs_when_the_server_starts_and_logs_only_counts(run: Run):
    assert run.purged_at_start
    log = run.server.log()
    assert "privacy purge of sanitaer-notdienst: calls 1, transcript_turns 1" in log
    assert "altes anliegen" not in log and "4930555000111" not in phone_keys_in(log)


def test_the_server_connects_nowhere_but_loopback_and_the_configured_webhook(run: Run):
    """No model hub, no telemetry: every connection of start-up and of the calls stays on this machine,
    except the client's webhook (which also shows that the hook sees connections)."""
    targets = [c["target"][0] for c in run.connections]
    assert WEBHOOK_HOST in targets
    unasked = [c for c in run.connections if c["target"][0] != WEBHOOK_HOST]
    assert unasked == [], unasked[0]["stack"]
    # every thread, C libraries included: only the webhook's address (an address, so no DNS lookup)
    assert any(f'inet_addr("{WEBHOOK_HOST}")' in line for line in run.syscalls)
    assert [line for line in run.syscalls if f'inet_addr("{WEBHOOK_HOST}")' not in line] == []
