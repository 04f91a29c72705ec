"""`triage serve` as a real subprocess on loopback, for the voice tests (Twilio and browser)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

TWILIO_TEST_TOKEN = "test-auth-token-not-a-secret"
REPO = Path(__file__).resolve().parents[1]
CLIENT = "sanitaer-notdienst"
PASSWORD = "correct-horse-battery"  # every test account's
BURST_PIPE = [  # a P1 caller of CLIENT (as in test_call_flows.py), every detail read back and confirmed
    "ja",
    "bei uns ist ein rohr geplatzt das wasser läuft überall",
    "goethestraße 14 in 20095 hamburg",
    "ja",
    "null eins sieben eins zwei drei vier fünf sechs sieben acht",
    "ja",
    "anna schmidt",
    "ja",
]


@dataclass
class VoiceServer:
    url: str
    data_dir: Path
    process: subprocess.Popen
    log_path: Path

    @property
    def ws_url(self) -> str:
        return "ws" + self.url[4:]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def create_account(self, username: str, role: str = "agent", clients: list[str] | None = None, **fields) -> None:
        create_account(self.data_dir, username, role, clients, **fields)


def create_account(
    data_dir: Path, username: str, role: str = "agent", clients: list[str] | None = None, **fields
) -> None:
    """An account with PASSWORD in the embedded database of a server's data dir (as `triage users
    create` makes it); `clients` defaults to [CLIENT] except for a platform admin."""
    from triage.auth import Accounts
    from triage.store.db import open_database

    if clients is None and role != "platform_admin":
        clients = [CLIENT]
    Accounts(open_database(f"sqlite:///{data_dir / 'triage.db'}")).create(username, PASSWORD, role, clients, **fields)


def sign_in(server: VoiceServer, username: str) -> str:
    """POST /api/session; returns the bearer token."""
    answer = httpx.post(f"{server.url}/api/session", json={"username": username, "password": PASSWORD}, timeout=60)
    assert answer.status_code == 200, answer.text
    return answer.json()["token"]


def signed_in_client(server: VoiceServer, username: str) -> httpx.Client:
    """An HTTP client on the server, signed in as `username` (the session cookie); the caller closes it."""
    client = httpx.Client(base_url=server.url, timeout=60)
    answer = client.post("/api/session", json={"username": username, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    return client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVE = [sys.executable, "-m", "triage.cli", "serve", "--host", "127.0.0.1"]


def start_server(
    models_dir: Path,
    data_dir: Path,
    *,
    extra_env: dict[str, str] | None = None,
    database_url: str | None = None,
    unset: tuple[str, ...] = (),
) -> VoiceServer:
    """`database_url` (TRIAGE_DATABASE_URL) lets several servers share one database; without it each
    server keeps the embedded SQLite in its data dir, whatever the environment says. `unset`: settings
    left to their defaults (removed from the environment after everything else)."""
    port = free_port()
    env = {
        **os.environ,
        "TRIAGE_DATA_DIR": str(data_dir),
        "TRIAGE_MODELS_DIR": str(models_dir),
        "TRIAGE_STT_MODEL": "synth-test",
        "TRIAGE_TTS_VOICE_DE": "de_DE-synth-test",
        "TRIAGE_TTS_VOICE_EN": "en_US-synth-test",
        "TRIAGE_TWILIO_AUTH_TOKEN": TWILIO_TEST_TOKEN,
        "HF_HUB_OFFLINE": "1",
        # this checkout, whatever an editable install elsewhere points at
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        **(extra_env or {}),
    }
    env.pop("TRIAGE_DATABASE_URL", None)
    for name in unset:
        env.pop(name, None)
    if database_url is not None:
        env["TRIAGE_DATABASE_URL"] = database_url
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / "server.log"
    process = subprocess.Popen(
        # TRIAGE_TEST_SERVER_LOG_LEVEL=debug: every transcription step and turn decision in server.log
        [*SERVE, "--port", str(port), "--log-level", os.environ.get("TRIAGE_TEST_SERVER_LOG_LEVEL", "info")],
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    return wait_until_ready(VoiceServer(f"http://127.0.0.1:{port}", data_dir, process, log_path))


def wait_until_ready(server: VoiceServer, seconds: float = 240) -> VoiceServer:
    """Until /readyz answers 200 (engines loaded, every greeting synthesised: minutes on a 2-core CI
    machine); a server that exits or is not ready in time is killed and its log raised."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"triage serve exited with {server.process.returncode}:\n{server.log()}")
        try:
            with urllib.request.urlopen(server.url + "/readyz", timeout=1) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    server.process.kill()
    raise RuntimeError(f"triage serve was not ready within {seconds:.0f} s:\n{server.log()}")


def stop_server(server: VoiceServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()


@contextmanager
def serving(models_dir: Path, data_dir: Path, *, log_tail: int = 6000, **options) -> Iterator[VoiceServer]:
    """start_server … stop_server, printing the tail of the server's log at the end (pytest shows it
    for a failed test)."""
    started = start_server(models_dir, data_dir, **options)
    try:
        yield started
    finally:
        stop_server(started)
        print(f"--- server log (tail) ---\n{started.log()[-log_tail:]}")
