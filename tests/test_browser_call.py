"""A whole browser call, end to end: real server, real Chromium, a fake microphone speaking a real recording.

The server runs as `triage serve` in a subprocess with the random-weight speech models (so faster-whisper
and Piper really run, offline). Chromium's fake capture device plays the JFK recording into the page's
microphone; the page downsamples it in its AudioWorklet and streams it to the server. What the caller
"says" is therefore transcribed as gibberish, so the test checks that a caller line appears and that the
bot answers it, not the words.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from triage.packs.load import load_pack

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
FAKE_MIC_WAV = REPO.parent / "shared" / "audio" / "jfk_16k.wav"
CLIENT = "sanitaer-notdienst"
# Without these Chromium keeps trying to reach Google's services, which floods a closed network.
QUIET = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY_TIMEOUT = 240  # loading the engines and synthesising every greeting on a 2-core CI machine
TURN_TIMEOUT_MS = 120_000  # VAD, turn end, a Whisper decode and a Piper synthesis on CPU


def _chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); CI runs this test")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _triage_command() -> list[str]:
    """The installed `triage` script next to this interpreter, so the server runs the same environment."""
    script = Path(sys.executable).with_name("triage")
    if script.exists():
        return [str(script)]
    found = shutil.which("triage")
    assert found, "the `triage` command is not installed (pip install -e .)"
    return [found]


def _tail(path: Path, lines: int = 40) -> str:
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


@pytest.fixture
def server(synth_models: Path, tmp_path: Path) -> Iterator[str]:
    """`triage serve` on a free port with the synthetic models; yields its base URL once /readyz says 200."""
    port = _free_port()
    env = {
        **os.environ,
        "TRIAGE_DATA_DIR": str(tmp_path / "data"),
        "TRIAGE_MODELS_DIR": str(synth_models),
        "TRIAGE_STT_MODEL": "synth-test",
        "TRIAGE_TTS_VOICE_DE": "de_DE-synth-test",
        "TRIAGE_TTS_VOICE_EN": "en_US-synth-test",
        "HF_HUB_OFFLINE": "1",
        # this checkout, whatever the editable install points at
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    env.pop("TRIAGE_DATABASE_URL", None)
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [*_triage_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            cwd=tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"triage serve exited with {proc.returncode}:\n{_tail(log_path)}")
            try:
                with urllib.request.urlopen(f"{base}/readyz", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"/readyz did not answer 200 within {READY_TIMEOUT} s:\n{_tail(log_path)}")
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        print(f"--- server log (tail) ---\n{_tail(log_path, 80)}")


@pytest.fixture
def page(tmp_path: Path):
    """A Chromium page whose microphone is the JFK recording (Playwright drives Debian's Chromium)."""
    _chromium_or_skip()
    assert FAKE_MIC_WAV.exists(), f"missing shared recording {FAKE_MIC_WAV}"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                *QUIET,
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-audio-capture={FAKE_MIC_WAV}",
                "--autoplay-policy=no-user-gesture-required",
            ],
        )
        context = browser.new_context(locale="de-DE", viewport={"width": 1200, "height": 900})
        page = context.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.problems = problems  # type: ignore[attr-defined]
        try:
            yield page
        finally:
            try:  # what the page looked like at the end, for whoever reads a failure
                page.screenshot(path=str(tmp_path / "call-page.png"), full_page=True)
            except Exception as exc:  # a crashed page must not hide the test's own failure
                print(f"no screenshot: {exc}")
            browser.close()


def test_a_browser_call_greets_hears_the_caller_and_answers(page, server: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{server}/call/{CLIENT}")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    call, hangup, status = page.locator("#call"), page.locator("#hangup"), page.locator("#status")
    expect(call).to_be_enabled()
    expect(hangup).to_be_disabled()
    expect(status).to_have_attribute("data-state", "idle")

    call.click()
    expect(status).to_have_attribute("data-state", "connected", timeout=20_000)
    expect(hangup).to_be_enabled()
    expect(page.locator("#keypad [data-digit='0']")).to_be_enabled()

    # The greeting: its audio arrives and its text is the first bot line.
    page.wait_for_function("() => Number(document.getElementById('status').dataset.audioBytes) > 0", timeout=30_000)
    greeting = page.locator("#transcript [data-role=bot]").first
    expect(greeting).to_contain_text(load_pack(CLIENT).name, timeout=30_000)
    expect(page.locator("#client-name")).to_have_text(load_pack(CLIENT).name)

    # The fake microphone speaks; the caller's turn is transcribed and shows as a caller line…
    caller = page.locator("#transcript [data-role=caller]").first
    expect(caller).to_be_visible(timeout=TURN_TIMEOUT_MS)
    assert caller.locator(".said").inner_text().strip(), "the caller line is empty"
    # …and the bot answers it.
    reply = page.locator("#transcript [data-role=caller] ~ [data-role=bot]").first
    expect(reply).to_be_visible(timeout=TURN_TIMEOUT_MS)
    assert reply.locator(".said").inner_text().strip(), "the bot's reply line is empty"
    expect(page.locator("#error")).to_be_hidden()

    hangup.click()
    expect(status).to_have_attribute("data-state", "hungup")
    expect(call).to_be_enabled()

    # The same page in English, chosen by ?lang= over the browser's German.
    page.goto(f"{server}/call/{CLIENT}?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(call).to_have_text("Call")
    expect(hangup).to_have_text("Hang up")
    expect(page.locator("#transcript-heading")).to_have_text("Conversation")
    assert page.problems == []  # type: ignore[attr-defined]
