"""A whole browser call, end to end: real server, real Chromium, a fake microphone speaking a real recording.

The server runs as `triage serve` in a subprocess with the random-weight speech models (so faster-whisper
and Piper really run, offline). Chromium's fake capture device plays the JFK recording into the page's
microphone; the page downsamples it in its AudioWorklet and streams it to the server. What the caller
"says" is therefore transcribed as gibberish, so the test checks that a caller line appears and that the
bot answers it, not the words.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.voice_server import start_server, stop_server
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
TURN_TIMEOUT_MS = 120_000  # VAD, turn end, a Whisper decode and a Piper synthesis on CPU


def _chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); CI runs this test")


@pytest.fixture
def server(synth_models: Path, tmp_path: Path) -> Iterator[str]:
    """`triage serve` on a free port with the synthetic models; yields its base URL once /readyz says 200."""
    started = start_server(synth_models, tmp_path / "data")
    try:
        yield started.url
    finally:
        stop_server(started)
        print(f"--- server log (tail) ---\n{started.log()[-6000:]}")


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
