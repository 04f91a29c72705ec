"""What an operator and their agents see on the first day, against a real `triage serve` with no Twilio
credentials, in German and English, in Debian's Chromium:

- an on-call alert that could not be sent is shown with the contact, the number and the reason in the
  agent's language (the server's escalation does it, with no telephony configured);
- each agent reads the summary in their own account's language, in the console and over REST;
- a test call (`/ws/text?test=1`) never reaches the live queue, but an admin can filter for it;
- numbers are grouped, and no raw event or reason code is left on the page;
- /docs renders with every request outside this server blocked.

Screenshots of each console go to $TRIAGE_SCREENSHOTS (default: the test's temp dir).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from websockets.sync.client import connect

from tests.browser import watch
from tests.voice_server import BURST_PIPE, CLIENT, PASSWORD, VoiceServer, serving, signed_in_client

ROUTINE = ["ja", "ich möchte einen termin für die wartung meiner heizung", "ich möchte mit einem mitarbeiter sprechen"]
RAW_CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # alert_not_sent, caller_said, not_configured …


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoiceServer]:
    with serving(synth_models, tmp_path_factory.mktemp("operator-console") / "data") as started:
        started.create_account("anna", display_name="Anna Agent", language="de")
        started.create_account("emma", display_name="Emma Agent", language="en")
        started.create_account("root", "platform_admin")
        yield started


def _text_call(server: VoiceServer, turns: list[str], query: str = "") -> dict:
    with connect(f"{server.ws_url}/ws/text/{CLIENT}{query}", open_timeout=30) as ws:
        for turn in turns:
            ws.send(json.dumps({"text": turn}))
        while True:
            message = json.loads(ws.recv(timeout=30))
            assert message["type"] != "error", message
            if message["type"] == "outcome":
                return message


def _waited_a_minute(server: VoiceServer, handoff_id: str) -> None:
    """As if nobody had accepted it for a minute (past the pack's accept_timeout_s of 45 s)."""
    with sqlite3.connect(server.data_dir / "triage.db") as db:
        past = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S.%f")
        db.execute("UPDATE handoffs SET created_at = ? WHERE id = ?", (past, handoff_id))


@pytest.fixture(scope="module")
def p1_not_alerted(server: VoiceServer) -> str:
    """A P1 caller nobody accepts: the server's escalation alerts the first on-call contact by phone,
    which cannot be sent without Twilio."""
    handoff_id = _text_call(server, BURST_PIPE)["handoff_id"]
    _waited_a_minute(server, handoff_id)
    anna = signed_in_client(server, "anna")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        events = anna.get(f"/api/handoffs/{handoff_id}").json()["events"]
        if any(e["kind"] == "alert_not_sent" for e in events):
            break
        time.sleep(0.5)
    else:
        pytest.fail(f"no alert_not_sent event: {events}")
    warnings = [line for line in server.log().splitlines() if "NOT alerted" in line]
    assert warnings and "WARNING" in warnings[0] and "Bereitschaftstechniker" in warnings[0], server.log()[-3000:]
    assert "escalated to Bereitschaftstechniker" not in server.log()
    return handoff_id


def test_each_agent_reads_the_summary_in_their_own_language_over_rest(server: VoiceServer, p1_not_alerted) -> None:
    anna, emma = signed_in_client(server, "anna"), signed_in_client(server, "emma")
    de = anna.get(f"/api/handoffs/{p1_not_alerted}").json()["summary"]
    en = emma.get(f"/api/handoffs/{p1_not_alerted}").json()["summary"]
    assert de["recommended_action"].startswith("Bereitschaftstechniker sofort losschicken")
    assert en["recommended_action"].startswith("Send the on-call technician at once")
    assert en["text"].startswith("P1 emergency") and "call back on 0171 2345678" in en["text"]
    assert de["text"].startswith("P1 Notfall") and "Rückruf an 0171 2345678" in de["text"]
    listed = {h["id"]: h for h in emma.get("/api/handoffs").json()["handoffs"]}
    assert listed[p1_not_alerted]["summary"]["recommended_action"] == en["recommended_action"]


def test_a_test_call_stays_out_of_the_queue_and_an_admin_can_find_it(server: VoiceServer) -> None:
    outcome = _text_call(server, ROUTINE, "?test=1")
    test_id = outcome["handoff_id"]
    anna, root = signed_in_client(server, "anna"), signed_in_client(server, "root")
    assert test_id not in {h["id"] for h in anna.get("/api/handoffs").json()["handoffs"]}
    tests = root.get("/api/handoffs", params={"status": "test"}).json()["handoffs"]
    assert [(h["id"], h["channel"]) for h in tests if h["id"] == test_id] == [(test_id, "test")]
    assert root.post(f"/api/handoffs/{test_id}/accept").status_code == 409  # nobody works a test


def _console(browser, server: VoiceServer, username: str):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = watch(context.new_page())
    page.goto(f"{server.url}/agent")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("#signin-submit")
    expect(page.locator("#live")).to_have_attribute("data-state", "live")
    return page


WORDS = {
    "de": {
        "user": "anna",
        "kind": "Bereitschaft NICHT erreicht",
        "reason": "Telefonie (Twilio) ist nicht eingerichtet",
        "escalated": "an Bereitschaft eskaliert",
        "action": "Bereitschaftstechniker sofort losschicken",
    },
    "en": {
        "user": "emma",
        "kind": "on-call contact NOT reached",
        "reason": "telephony (Twilio) is not set up",
        "escalated": "escalated to on-call",
        "action": "Send the on-call technician at once",
    },
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_console_says_who_was_not_alerted_and_why_in_the_agents_language(
    server: VoiceServer, browser, p1_not_alerted, lang, tmp_path
) -> None:
    from playwright.sync_api import expect

    words = WORDS[lang]
    page = _console(browser, server, words["user"])
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator(f'#queue li[data-handoff-id="{p1_not_alerted}"] button').click()
    expect(page.locator("#detail")).to_have_attribute("data-handoff-id", p1_not_alerted)
    alert = page.locator("#detail-events li[data-kind='alert_not_sent']")
    expect(alert).to_contain_text(words["kind"])
    expect(alert).to_contain_text("Bereitschaftstechniker")
    expect(alert).to_contain_text("+49 170 2345678")  # as the pack writes it
    expect(alert).to_contain_text(words["reason"])
    expect(page.locator("#detail-events li[data-kind='escalated']")).to_contain_text(words["escalated"])
    expect(page.locator("#detail-recommended-action")).to_contain_text(words["action"])
    expect(page.locator("#detail-callback-number")).to_have_text("0171 2345678")
    expect(page.locator("#detail-collected li[data-field='phone']")).to_contain_text("0171 2345678")
    expect(page.locator("#detail-call")).to_contain_text({"de": "Text-Chat", "en": "text chat"}[lang])
    shown = page.locator("#console").inner_text()
    assert not RAW_CODE.findall(shown), RAW_CODE.findall(shown)
    assert "Rückruf keine" not in shown
    folder = Path(os.environ.get("TRIAGE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"console-{lang}.png"), full_page=True)
    assert page.problems == []


BREMEN = [*BURST_PIPE[:4], "null vier zwei eins neun neun acht acht sieben sieben", *BURST_PIPE[5:]]


def test_the_console_shows_the_number_as_the_server_grouped_it(server: VoiceServer, browser) -> None:
    """Bremen's area code has four digits: "0421 998877", never "042 199 8877". The console shows the
    server's grouping; a row stored before the server grouped shows the caller's digits, not regrouped."""
    from playwright.sync_api import expect

    handoff_id = _text_call(server, BREMEN)["handoff_id"]
    summary = signed_in_client(server, "anna").get(f"/api/handoffs/{handoff_id}").json()["summary"]
    assert (summary["callback_number"], summary["callback_number_text"]) == ("0421998877", "0421 998877")
    for user in ("anna", "emma"):
        page = _console(browser, server, user)
        page.locator(f'#queue li[data-handoff-id="{handoff_id}"] button').click()
        expect(page.locator("#detail-callback-number")).to_have_text("0421 998877")
        expect(page.locator("#detail-collected li[data-field='phone']")).to_contain_text("0421 998877")
        expect(page.locator("#detail-text")).to_contain_text("0421 998877")
        assert page.problems == []

    with sqlite3.connect(server.data_dir / "triage.db") as db:  # as stored before this change
        (stored,) = db.execute("SELECT summary FROM handoffs WHERE id = ?", (handoff_id,)).fetchone()
        old = json.loads(stored)
        del old["callback_number_text"]
        db.execute("UPDATE handoffs SET summary = ? WHERE id = ?", (json.dumps(old), handoff_id))
    page = _console(browser, server, "anna")
    page.locator(f'#queue li[data-handoff-id="{handoff_id}"] button').click()
    expect(page.locator("#detail-callback-number")).to_have_text("0421998877")
    expect(page.locator("#detail-collected li[data-field='phone']")).to_contain_text("0421998877")
    assert page.problems == []


def test_the_api_docs_work_with_no_internet(server: VoiceServer, browser) -> None:
    from playwright.sync_api import expect

    context = browser.new_context()
    outside: list[str] = []

    def only_this_server(route) -> None:
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_server)
    page = context.new_page()
    page.goto(f"{server.url}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("triage", timeout=15_000)
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert outside == []
    html = httpx.get(f"{server.url}/docs", timeout=10).text
    assert "cdn" not in html.lower() and "/docs-assets/swagger-ui-bundle.js" in html


EDITOR = {
    "de": {
        "outcome": "an einen Mitarbeiter übergeben",
        "prompt": "Begrüßung",
        "times": "morgens",
        "files": "prompts-Ordner",
    },
    "en": {"outcome": "handed to a person", "prompt": "Greeting", "times": "in the morning", "files": "prompts folder"},
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_editor_shows_words_not_codes(server: VoiceServer, browser, lang, tmp_path) -> None:
    """A platform admin's editor: the audit log, the greeting's time-of-day words as fields, the prompt
    list, a preview's outcome and the versions, in the chosen language, with no raw code on the page."""
    from playwright.sync_api import expect

    words = EDITOR[lang]
    context = browser.new_context(viewport={"width": 1400, "height": 1300})
    page = watch(context.new_page())
    page.goto(f"{server.url}/admin?lang={lang}")
    page.fill("#username", "root")
    page.fill("#password", PASSWORD)
    page.click("#signin-submit")
    expect(page.locator("#audit tbody tr").first).to_be_visible()
    folder = Path(os.environ.get("TRIAGE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    home = page.locator("#app").inner_text()
    assert not RAW_CODE.findall(home), RAW_CODE.findall(home)
    assert "{" not in page.locator("#audit").inner_text()  # details as words, not JSON
    page.screenshot(path=str(folder / f"editor-home-{lang}.png"), full_page=True)

    page.click(f'#clients li[data-client="{CLIENT}"] button')
    expect(page.locator(f"#greeting-{lang}-morning")).to_have_value({"de": "Guten Morgen", "en": "Good morning"}[lang])
    assert "{%" not in page.locator("#form").evaluate(
        "f => [...f.querySelectorAll('input,textarea')].map(e => e.value).join()"
    )
    expect(page.locator("#form")).to_contain_text(words["times"])
    expect(page.locator("#client-version")).to_contain_text(words["files"])
    page.screenshot(path=str(folder / f"editor-form-{lang}.png"), full_page=True)

    page.click("#tab-preview")
    expect(page.locator("#hear-key option:checked")).to_have_text(words["prompt"])
    options = page.locator("#hear-key option").all_inner_texts()
    assert not [o for o in options if RAW_CODE.fullmatch(o)], options
    for turn in ("ja", "ich möchte mit einem mitarbeiter sprechen"):
        page.fill("#preview-input", turn)
        page.click("#preview-send")
    expect(page.locator("#preview-outcome")).to_contain_text(words["outcome"])
    page.screenshot(path=str(folder / f"editor-preview-{lang}.png"), full_page=True)

    page.click("#tab-history")
    expect(page.locator("#versions li").first).to_contain_text(words["files"])
    history = page.locator("#versions").inner_text()
    assert "files" not in history.replace(words["files"], ""), history
    assert page.problems == []


def test_anhoeren_says_the_time_of_day_a_call_gets_now(server: VoiceServer) -> None:
    """The editor's "Anhören" of the greeting and a call started now say the same time-of-day word."""
    root = signed_in_client(server, "root")
    heard = root.post(f"/api/admin/clients/{CLIENT}/speak", json={"key": "greeting", "lang": "de"})
    assert heard.status_code == 200, heard.text
    spoken = heard.headers["X-Triage-Text"].encode().decode("unicode_escape")
    with connect(f"{server.ws_url}/ws/text/{CLIENT}?test=1", open_timeout=30) as ws:
        greeting = json.loads(ws.recv(timeout=30))["text"]
    assert spoken.split(",")[0] == greeting.split(",")[0], (spoken, greeting)
