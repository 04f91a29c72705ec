"""Debian's Chromium under Playwright, for the browser tests (call page, agent console, admin editor).

Without Chromium a test is skipped locally and fails on CI, so CI can never pass by skipping it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
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
AUTOPLAY = "--autoplay-policy=no-user-gesture-required"


def fake_microphone(wav: Path) -> list[str]:
    """Flags for a microphone that plays `wav` (a launch flag: one browser per recording)."""
    return [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}",
    ]


def chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); CI runs this test")


@contextmanager
def chromium() -> Iterator[Callable[..., object]]:
    """Playwright with Debian's Chromium: yields `launch(*flags)` (QUIET is always on); every browser
    it launched is closed at the end."""
    chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browsers = []

        def launch(*flags: str):
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[*QUIET, *flags])
            browsers.append(browser)
            return browser

        try:
            yield launch
        finally:
            for browser in browsers:
                browser.close()


def watch(page):
    """The page, with `page.problems` collecting its uncaught errors (a test asserts it stays empty)."""
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.problems = problems  # type: ignore[attr-defined]
    return page
