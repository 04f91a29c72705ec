"""A database that stalls holds up only the requests that need it, never the server's event loop.

One event loop carries every live call's audio, the greetings and the health checks. The client packs live in the
database (packs/versions.py); a Twilio webhook or media stream that looked its pack up on the loop froze all of
that for as long as the database took. Here a second PostgreSQL connection holds an exclusive lock on the pack
table (as a migration or a long admin transaction would) while a call comes in: the call waits for the lock, the
server goes on answering, and the call is served once the lock is gone. PostgreSQL only: SQLite in WAL mode never
makes a reader wait.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
from sqlalchemy.engine import make_url
from twilio.request_validator import RequestValidator

from tests.conftest import fresh_postgres_database
from tests.voice_server import TWILIO_TEST_TOKEN, VoiceServer, serving
from triage.telephony.simulated_caller import TwilioCaller

CLIENT = "sanitaer-notdienst"


def _waiting_for_a_lock(url: str) -> int:
    """Sessions of this database waiting for a lock another session holds."""
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()
        return int(row[0]) if row else 0


def _wait_until_waiting(url: str, count: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while _waiting_for_a_lock(url) < count:
        assert time.monotonic() < deadline, f"fewer than {count} requests reached the locked table"
        time.sleep(0.05)


def _incoming_call(server: VoiceServer) -> httpx.Response:
    url = f"{server.url}/twilio/voice?client={CLIENT}"
    params = {"CallSid": "CA-stall", "From": "+4915112345678", "To": "+4940123456"}
    signed = {"X-Twilio-Signature": RequestValidator(TWILIO_TEST_TOKEN).compute_signature(url, params)}
    return httpx.post(url, data=params, headers=signed, timeout=60)


async def _greeted(server: VoiceServer) -> None:
    """A Twilio media stream connects and waits for its greeting's first audio."""
    stream = server.ws_url + "/twilio/stream"
    signed = {"X-Twilio-Signature": RequestValidator(TWILIO_TEST_TOKEN).compute_signature(stream, {})}
    async with TwilioCaller(stream, client=CLIENT, headers=signed) as caller:
        await caller.wait_audio_after(0, timeout=60)
        await caller.hang_up()


def test_a_locked_pack_table_holds_up_the_incoming_calls_but_not_the_server(synth_models: Path, tmp_path: Path):
    with fresh_postgres_database() as url, serving(synth_models, tmp_path / "server", database_url=url) as server:
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(plain) as lock, ThreadPoolExecutor(2) as pool:
            lock.execute("LOCK TABLE pack_versions IN ACCESS EXCLUSIVE MODE")  # held until rollback
            webhook = pool.submit(_incoming_call, server)
            stream = pool.submit(asyncio.run, _greeted(server))
            _wait_until_waiting(plain, 2)  # both calls are inside the database, waiting for the lock

            started = time.monotonic()
            health = httpx.get(f"{server.url}/healthz", timeout=10)
            answered_in = time.monotonic() - started
            assert health.status_code == 200
            assert answered_in < 2.0, f"the server answered only after {answered_in:.1f} s: its event loop waited"
            assert not webhook.done() and not stream.done()

            lock.rollback()
            response = webhook.result(timeout=60)
            stream.result(timeout=60)  # greeted once the lock was gone
        assert response.status_code == 200
        assert "<Stream" in response.text and CLIENT in response.text
