"""The agent console end to end: a real `triage serve`, two agents in two Chromium sessions, and a P1
caller arriving through the text-call websocket.

The server runs as a subprocess with the random-weight speech models (one server for the module);
the caller types instead of speaking (WS /ws/text/{client}), so the dialogue, the stored handoff and
the push to the consoles are the real ones. Playwright drives Debian's Chromium.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests.browser import watch
from tests.voice_server import BURST_PIPE, CLIENT, PASSWORD, VoiceServer, bearer, serving, sign_in

AGENT_A, AGENT_B = "agent-anna", "agent-ben"
LIVE_MS = 3_000  # a pushed change must show within this


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoiceServer]:
    with serving(synth_models, tmp_path_factory.mktemp("agent-console") / "data") as started:
        started.create_account(AGENT_A, display_name="Anna Agent")
        started.create_account(AGENT_B, display_name="Ben Agent")
        yield started


def _console(browser, server: VoiceServer, username: str):
    """A fresh browser session on /agent, signed in as `username`, with the live queue connected."""
    from playwright.sync_api import expect

    context = browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 1000})
    page = watch(context.new_page())
    page.goto(f"{server.url}/agent")
    expect(page.locator("#signin")).to_be_visible()
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("#signin-submit")
    expect(page.locator("#console")).to_be_visible()
    expect(page.locator("#live")).to_have_attribute("data-state", "live")
    return page


def _recv(ws, timeout: float = 30) -> dict:
    return json.loads(ws.recv(timeout=timeout))


def _text_call(server: VoiceServer, turns: list[str]) -> tuple[list[dict], dict]:
    """Type a whole call; returns every message the server sent and the outcome message."""
    messages: list[dict] = []
    with connect(f"{server.ws_url}/ws/text/{CLIENT}", open_timeout=30) as ws:
        for turn in turns:
            ws.send(json.dumps({"text": turn}))
        while True:
            message = _recv(ws)
            messages.append(message)
            assert message["type"] != "error", message
            if message["type"] == "outcome":
                return messages, message


def test_two_agents_see_a_new_p1_live_and_only_one_can_take_it(server: VoiceServer, browser) -> None:
    from playwright.sync_api import expect

    page_a = _console(browser, server, AGENT_A)
    page_b = _console(browser, server, AGENT_B)
    for page in (page_a, page_b):
        expect(page.locator("html")).to_have_attribute("lang", "de")  # the agents' language
        expect(page.locator("#whoami")).to_contain_text("Agent")

    # A P1 caller: a burst pipe, address, number and name each read back and confirmed.
    messages, outcome = _text_call(server, BURST_PIPE)
    stored = time.monotonic()
    assert messages[0]["type"] == "bot"
    assert (outcome["outcome"]["type"], outcome["outcome"]["urgency"]) == ("handoff", "P1")
    handoff_id = outcome["handoff_id"]

    # It is pushed to both consoles at once, flashing and beeping.
    for page in (page_a, page_b):
        row = page.locator(f'#queue li[data-handoff-id="{handoff_id}"]')
        expect(row).to_be_visible(timeout=LIVE_MS)
        expect(row).to_have_attribute("data-urgency", "P1")
        expect(row).to_have_attribute("data-status", "waiting")
        expect(row).to_contain_text("Anna Schmidt")
        expect(page.locator("#alert")).to_be_visible()
        expect(page.locator("#alert")).to_contain_text("P1")
        assert int(page.locator("body").get_attribute("data-beeps")) >= 1
    print(f"handoff in both consoles {time.monotonic() - stored:.2f} s after the outcome was stored")

    # The detail an agent reads in five seconds.
    for page in (page_a, page_b):
        page.locator(f'#queue li[data-handoff-id="{handoff_id}"] button').click()
        expect(page.locator("#detail")).to_have_attribute("data-handoff-id", handoff_id)
        expect(page.locator("#detail-urgency")).to_contain_text("P1")
        expect(page.locator("#detail-urgency-reason")).to_contain_text("Rohrbruch")
        expect(page.locator("#detail-address")).to_have_text("Goethestraße 14, 20095 Hamburg")
        expect(page.locator("#detail-callback-number")).to_have_text("0171 2345678")  # grouped by the server
        expect(page.locator("#detail-caller-name")).to_have_text("Anna Schmidt")
        expect(page.locator("#detail-recommended-action")).not_to_have_text("–")
        expect(page.locator("#detail-collected li[data-field='address']")).to_have_attribute("data-confirmed", "true")
        expect(page.locator("#detail-transcript li[data-role='caller'] .said").first).to_have_text("ja")
        expect(page.locator("#detail-events li[data-kind='created']")).to_have_count(1)
        expect(page.locator("#accept")).to_be_enabled()

    # A accepts; B sees it taken by A without reloading, and cannot take it.
    page_a.click("#accept")
    expect(page_a.locator("#detail")).to_have_attribute("data-status", "accepted", timeout=LIVE_MS)
    expect(page_a.locator("#accept")).to_be_disabled()
    expect(page_a.locator("#give-back")).to_be_enabled()
    row_b = page_b.locator(f'#queue li[data-handoff-id="{handoff_id}"]')
    expect(row_b).to_have_attribute("data-status", "accepted", timeout=LIVE_MS)
    expect(row_b).to_contain_text(f"angenommen von {AGENT_A}")
    expect(page_b.locator("#detail")).to_have_attribute("data-status", "accepted", timeout=LIVE_MS)
    expect(page_b.locator("#detail-status")).to_contain_text(AGENT_A)
    expect(page_b.locator("#accept")).to_be_disabled()
    expect(page_b.locator("#give-back")).to_be_disabled()
    expect(page_b.locator("#detail-events li[data-kind='accepted'] .actor")).to_have_text(AGENT_A)

    answer = page_b.context.request.post(f"{server.url}/api/handoffs/{handoff_id}/accept")
    assert answer.status == 409, answer.text()
    # B's page in a race (its button still enabled when A's accept lands) says who has it.
    page_b.evaluate("document.getElementById('accept').disabled = false")
    page_b.click("#accept")
    expect(page_b.locator("#detail-message")).to_have_text(f"Bereits übernommen von {AGENT_A}.")

    # A's note reaches B's open detail live.
    page_a.fill("#note-text", "Techniker ist unterwegs")
    page_a.click("#add-note")
    expect(page_b.locator("#detail-notes")).to_contain_text("Techniker ist unterwegs", timeout=LIVE_MS)
    expect(page_b.locator("#detail-notes")).to_contain_text(AGENT_A)

    # The same console in English, by the toggle.
    page_b.click("#lang-en")
    expect(page_b.locator("html")).to_have_attribute("lang", "en")
    expect(page_b.locator("#accept")).to_have_text("Accept")
    expect(page_b.locator("#give-back")).to_have_text("Give back")
    expect(page_b.locator("#queue-heading")).to_contain_text("Queue")
    expect(page_b.locator("#detail-status")).to_have_text(f"accepted by {AGENT_A}")
    expect(page_b.locator("dt", has_text="Callback number")).to_be_visible()
    expect(page_b.locator("#detail-message")).to_have_text(f"Already taken by {AGENT_A}.")
    page_b.screenshot(path="/tmp/agent-console.png", full_page=True)
    page_a.screenshot(path="/tmp/agent-console-de.png", full_page=True)

    # A resolves it: it leaves both queues.
    page_a.select_option("#resolution", "dispatched")
    page_a.click("#resolve")
    expect(page_a.locator("#detail")).to_have_attribute("data-status", "resolved", timeout=LIVE_MS)
    for page in (page_a, page_b):
        expect(page.locator(f'#queue li[data-handoff-id="{handoff_id}"]')).to_have_count(0, timeout=LIVE_MS)
    expect(page_b.locator("#detail")).to_have_attribute("data-status", "resolved", timeout=LIVE_MS)

    assert page_a.problems == [] and page_b.problems == []  # type: ignore[attr-defined]
    page_a.context.close()
    page_b.context.close()


def test_wrong_password_is_refused_on_the_page(server: VoiceServer, browser) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{server.url}/agent")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.fill("#username", AGENT_A)
    page.fill("#password", "not-the-password")
    page.click("#signin-submit")
    expect(page.locator("#signin-error")).to_have_text("Wrong username or password.")
    expect(page.locator("#console")).to_be_hidden()
    context.close()


def test_text_call_reports_bad_messages_and_goes_on(server: VoiceServer) -> None:
    with connect(f"{server.ws_url}/ws/text/{CLIENT}", open_timeout=30) as ws:
        assert _recv(ws)["type"] == "bot"  # the greeting
        bad = [
            ("this is not json", "not JSON"),
            (json.dumps({"hello": 1}), 'no "text"'),
            (json.dumps(["ja"]), "JSON object"),
            (json.dumps({"dtmf": "x"}), "dtmf"),
            (json.dumps({"text": "a" * 5000}), "too long"),
        ]
        for raw, _reason in bad:
            ws.send(raw)
        ws.send(b"\x00\x01")
        errors = []
        while len(errors) < len(bad) + 1:
            message = _recv(ws)
            if message["type"] == "error":
                errors.append(message["error"])
        for (_, reason), error in zip(bad, errors, strict=False):
            assert reason in error, error
        assert "binary" in errors[-1]
        # The call goes on: a real turn is answered.
        ws.send(json.dumps({"text": "ja"}))
        assert _recv(ws)["type"] == "bot"
        ws.send(json.dumps({"dtmf": "0"}))  # and the keypad asks for a human
        types = []
        while "outcome" not in types:
            types.append(_recv(ws)["type"])
        assert "error" not in types


def test_text_call_unknown_client_is_refused(server: VoiceServer) -> None:
    with connect(f"{server.ws_url}/ws/text/no-such-client", open_timeout=30) as ws:
        message = _recv(ws)
        assert message == {"type": "error", "error": "unknown client 'no-such-client'"}
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1008


def test_a_caller_hanging_up_mid_emergency_lands_in_the_queue(server: VoiceServer) -> None:
    with connect(f"{server.ws_url}/ws/text/{CLIENT}", open_timeout=30) as ws:
        _recv(ws)
        for turn in ("ja", "wasserrohrbruch im keller", "lindenallee 3 in hamburg"):
            ws.send(json.dumps({"text": turn}))
        # wait until the last turn is answered (it asks to confirm the address), then hang up
        deadline = time.monotonic() + 30
        said = ""
        while "Lindenallee" not in said and time.monotonic() < deadline:
            message = _recv(ws)
            said += message.get("text", "")
    headers = bearer(sign_in(server, AGENT_B))
    deadline = time.monotonic() + 10
    found = []
    while not found and time.monotonic() < deadline:  # the hang-up is stored after the socket closes
        rows = httpx.get(f"{server.url}/api/handoffs", headers=headers).json()["handoffs"]
        found = [h for h in rows if h["reason"] == "hangup" and h["channel"] == "text"]
        time.sleep(0.2)
    assert found, rows
    assert (found[0]["urgency"], found[0]["status"], found[0]["caller_on_line"]) == ("P1", "waiting", False)
