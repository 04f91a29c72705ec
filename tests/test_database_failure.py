"""A database that cannot be written never means silence: a real `triage serve` on SQLite whose
files are made immutable (`chattr +i`, as a full or read-only disk would behave) mid-call.

The caller who reports a burst pipe still hears the stopcock advice and that a human takes over;
a new caller is still greeted; the failure is logged as an alert and /readyz answers 503.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
import websockets

from tests.voice_server import BURST_PIPE, CLIENT, serving
from triage.packs.load import load_pack
from triage.packs.render import say


def _chattr(flag: str, paths: list[Path]) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True).returncode == 0


async def _bot_says(ws, quiet_secs: float = 3.0) -> list[str]:
    """Every bot sentence until the server has been quiet for `quiet_secs` (or the call ended)."""
    said: list[str] = []
    try:
        while True:
            message = json.loads(await asyncio.wait_for(ws.recv(), quiet_secs))
            if message["type"] == "bot":
                said.append(message["text"])
            if message["type"] == "end":
                break
    except (TimeoutError, websockets.ConnectionClosed):
        pass
    return said


def test_a_caller_hears_the_advice_and_the_fail_safe_sentence_when_the_database_cannot_be_written(
    synth_models: Path, tmp_path: Path
):
    data_dir = tmp_path / "data"
    pack = load_pack(CLIENT)
    fail_safe = say(pack, "handoff_error", "de")
    with serving(synth_models, data_dir) as server:
        # the database, its write-ahead log and the folder (no new journal); not the -shm index, which
        # SQLite writes through a memory map: made immutable, that write is a SIGBUS, not an error
        files = [p for p in data_dir.glob("triage.db*") if not p.name.endswith("-shm")] + [data_dir]
        if not _chattr("+i", files):
            pytest.skip("chattr +i is not available here (needs root on ext4/xfs)")
        try:

            async def call() -> tuple[list[str], list[str]]:
                async with websockets.connect(f"{server.ws_url}/ws/text/{CLIENT}", open_timeout=30) as ws:
                    greeting = await _bot_says(ws)
                    await ws.send(json.dumps({"text": BURST_PIPE[1]}))
                    return greeting, await _bot_says(ws, quiet_secs=20)

            greeting, heard = asyncio.run(call())
            assert greeting, "a new caller is greeted although the call cannot be stored"
            assert any("Hauptwasserhahn" in h for h in heard), heard
            assert fail_safe in heard, heard
            ready = httpx.get(f"{server.url}/readyz", timeout=30)
            assert ready.status_code == 503 and "database" in ready.json()["status"]
            assert "ALERT" in server.log()
        finally:
            _chattr("-i", files)
        assert httpx.get(f"{server.url}/readyz", timeout=30).status_code == 200, "ready again once it can write"
