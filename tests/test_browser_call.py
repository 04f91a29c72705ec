"""A whole browser call, end to end: real server, real Chromium, a fake microphone speaking a real recording.

The server runs as `triage serve` in a subprocess with the random-weight speech models (so faster-whisper
and Piper really run, offline). Chromium's fake capture device plays the JFK recording into the page's
microphone; the page downsamples it in its AudioWorklet and streams it to the server. What the caller
"says" is therefore transcribed as gibberish, so the test checks that a caller line appears and that the
bot answers it, not the words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import AUTOPLAY, chromium, fake_microphone, watch
from tests.voice_server import CLIENT, REPO, serving
from triage.packs.load import load_pack

FAKE_MIC_WAV = REPO.parent / "shared" / "audio" / "jfk_16k.wav"
TURN_TIMEOUT_MS = 120_000  # VAD, turn end, a Whisper decode and a Piper synthesis on CPU


@pytest.fixture
def server(synth_models: Path, tmp_path: Path) -> Iterator[str]:
    """`triage serve` on a free port with the synthetic models; yields its base URL once /readyz says 200."""
    with serving(synth_models, tmp_path / "data") as started:
        yield started.url


@pytest.fixture
def page(tmp_path: Path):
    """A Chromium page whose microphone is the JFK recording (Playwright drives Debian's Chromium)."""
    with chromium() as launch:
        assert FAKE_MIC_WAV.exists(), f"missing shared recording {FAKE_MIC_WAV}"
        browser = launch(*fake_microphone(FAKE_MIC_WAV), AUTOPLAY)
        context = browser.new_context(locale="de-DE", viewport={"width": 1200, "height": 900})
        page = watch(context.new_page())
        try:
            yield page
        finally:
            try:  # what the page looked like at the end, for whoever reads a failure
                page.screenshot(path=str(tmp_path / "call-page.png"), full_page=True)
            except Exception as exc:  # a crashed page must not hide the test's own failure
                print(f"no screenshot: {exc}")


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
