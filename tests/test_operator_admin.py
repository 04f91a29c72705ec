"""An admin's day with a real `triage serve` (random-weight speech models), in German and English:

- a broken pack is refused with every problem in the admin's language, over the API and in the
  German editor in Chromium (issue 13, point 7: "a validation message is English in the German editor");
- out of hours with `out_of_hours.mode: forward`, Twilio's webhook answers with the pack's sentence
  and `<Dial>` to the pack's number, and a text call hears the number to call instead;
- test calls (`/ws/text?test=1`) leave a handoff, an order and a message marked as tests: never in the
  agents' queue, but listed for the client's admins under "Testanrufe zeigen" / "Show test calls".
"""

from __future__ import annotations

import json
import re
import sqlite3
import urllib.parse
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from twilio.request_validator import RequestValidator
from websockets.sync.client import connect

from tests.browser import watch
from tests.voice_server import CLIENT, PASSWORD, TWILIO_TEST_TOKEN, VoiceServer, serving, signed_in_client

PHARMACY, LAW_FIRM = "apotheke-am-markt", "kanzlei-berg"
CLIENTS = [CLIENT, PHARMACY, LAW_FIRM]
ADMINS = {"de": "clara", "en": "cole"}
ROUTINE = ["ja", "ich möchte einen termin für die wartung meiner heizung", "ich möchte mit einem mitarbeiter sprechen"]
PHARMACY_ORDER = [
    "ich möchte zwei packungen ibuprofen 400 reservieren",
    "die mit 20 stück",
    "nein das wars",
    "abholen",
    "jolanda quast",
    "ja",
    "0171 2345678",
    "ja",
    "ja",
    "nein danke",
]
LAW_FIRM_MESSAGE = [
    "ich möchte eine nachricht für herrn berg hinterlassen",
    "bitte rufen sie mich wegen meines mietvertrags zurück",
    "meine nummer ist 0171 2345678",
    "ja",
    "jolanda quast",
    "ja",
    "ja",
    "nein danke das wars",
]


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoiceServer]:
    with serving(synth_models, tmp_path_factory.mktemp("operator-admin") / "data") as started:
        started.create_account("clara", "client_admin", CLIENTS, display_name="Clara Admin", language="de")
        started.create_account("cole", "client_admin", CLIENTS, display_name="Cole Admin", language="en")
        started.create_account("anton", "agent", CLIENTS, display_name="Anton Agent", language="de")
        started.create_account("root", "platform_admin")
        yield started


def _text_call(server: VoiceServer, client: str, turns: list[str], query: str = "") -> tuple[list[str], dict]:
    """What the caller heard, and the outcome."""
    heard: list[str] = []
    with connect(f"{server.ws_url}/ws/text/{client}{query}", open_timeout=30) as ws:
        for turn in turns:
            ws.send(json.dumps({"text": turn}))
        while True:
            message = json.loads(ws.recv(timeout=30))
            assert message["type"] != "error", message
            if message["type"] == "bot":
                heard.append(message["text"])
            if message["type"] == "outcome":
                return heard, message


# --- 1. problems in the admin's language -------------------------------------------------------
BROKEN = {"hours": {"mon": ["8-17"]}, "records_calls": "vielleicht", "colr": "blau"}
WORDS = {
    "de": {"hours": "„8-17“ ist keine Zeitspanne", "records_calls": "ja (true) oder nein", "colr": "unbekanntes Feld"},
    "en": {"hours": "'8-17' is not a time range", "records_calls": "true or false", "colr": "unknown field"},
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_refused_pack_names_its_problems_in_the_admins_language(server: VoiceServer, lang: str) -> None:
    admin = signed_in_client(server, ADMINS[lang])
    live = admin.get(f"/api/admin/clients/{CLIENT}").json()
    broken = {**live["document"], **BROKEN}
    checked = admin.post(f"/api/admin/clients/{CLIENT}/validate", json={"document": broken}).json()
    refused = admin.put(f"/api/admin/clients/{CLIENT}", json={"document": broken, "comment": "kaputt"})
    assert refused.status_code == 422
    for problems in (checked["problems"], refused.json()["detail"]["problems"]):
        messages = {p["field"]: p["message"] for p in problems}
        for field, words in WORDS[lang].items():
            assert words in messages[field], problems
    # the editor's own language wins over the account's (the DE/EN toggle)
    other = "en" if lang == "de" else "de"
    switched = admin.post(f"/api/admin/clients/{CLIENT}/validate?lang={other}", json={"document": broken}).json()
    assert WORDS[other]["hours"] in {p["field"]: p["message"] for p in switched["problems"]}["hours"]
    assert admin.get(f"/api/admin/clients/{CLIENT}").json()["version"] == live["version"]  # nothing saved


def test_the_german_editor_shows_a_german_problem(server: VoiceServer, browser) -> None:
    from playwright.sync_api import expect

    page = watch(browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 1000}).new_page())
    page.goto(f"{server.url}/admin")
    page.fill("#username", "clara")
    page.fill("#password", PASSWORD)
    page.click("#signin-submit")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    page.click(f'#clients li[data-client="{CLIENT}"] button')
    expect(page.locator("#editor")).to_have_attribute("data-client", CLIENT)
    page.click("#tab-yaml")
    expect(page.locator("#yaml")).to_have_value(re.compile(r"records_calls: true"), timeout=30_000)
    document = page.locator("#yaml").input_value()
    page.locator("#yaml").fill(document.replace("records_calls: true", "records_calls: vielleicht"))
    page.click("#check")
    expect(page.locator("#status")).to_have_attribute("data-kind", "invalid")
    problem = page.locator("#yaml-problems li[data-field='records_calls']")
    expect(problem).to_contain_text("muss ja (true) oder nein (false) sein")
    assert "must be" not in problem.inner_text() and "Input should" not in problem.inner_text()
    page.click("#ui-en")  # the interface in English: the same problem, worded again
    expect(problem).to_contain_text("must be true or false")
    assert page.problems == []  # type: ignore[attr-defined]


# --- 2. out of hours: forward ------------------------------------------------------------------
FORWARD_TO = "+4940999888"
FORWARD = {
    "mode": "forward",
    "forward_to": FORWARD_TO,
    "say": {
        "de": "Die Kanzlei ist geschlossen. Ich verbinde Sie mit dem anwaltlichen Notdienst.",
        "en": "The office is closed. I am connecting you to the lawyers' emergency service.",
    },
    "call_instead": {
        "de": "Die Kanzlei ist geschlossen. Bitte rufen Sie den anwaltlichen Notdienst an: {{ forward_to | digits }}.",
        "en": "The office is closed. Please call the lawyers' emergency service on {{ forward_to | digits }}.",
    },
}


def _closed_now_hours() -> dict[str, list[str]]:
    """Open only on a weekday two days from now: closed for the whole test, whenever it runs."""
    day = (datetime.now(ZoneInfo("Europe/Berlin")) + timedelta(days=2)).strftime("%a").lower()
    return {day: ["08:00-09:00"]}


def _post_twilio(server: VoiceServer, params: dict[str, str]) -> httpx.Response:
    url = server.url + "/twilio/voice"
    signed = RequestValidator(TWILIO_TEST_TOKEN).compute_signature(url, params)
    return httpx.post(
        url,
        content=urllib.parse.urlencode(params),
        headers={"X-Twilio-Signature": signed, "Content-Type": "application/x-www-form-urlencoded"},
        timeout=30,
    )


def test_out_of_hours_forward_dials_the_packs_number_and_a_text_caller_hears_it(server: VoiceServer) -> None:
    root = signed_in_client(server, "root")
    live = root.get(f"/api/admin/clients/{LAW_FIRM}").json()
    document = {**live["document"], "hours": _closed_now_hours(), "out_of_hours": FORWARD}
    saved = root.put(f"/api/admin/clients/{LAW_FIRM}", json={"document": document, "comment": "forward"})
    assert saved.status_code == 200, saved.text
    try:
        params = {"CallSid": "CA-forward", "From": "+4917012345678", "To": "+49 40 3456789", "AccountSid": "AC1"}
        answer = _post_twilio(server, params)
        assert answer.status_code == 200, answer.text
        twiml = answer.text
        assert f'<Say language="de-DE">{FORWARD["say"]["de"]}</Say>' in twiml, twiml
        assert f'<Say language="en-US">{FORWARD["say"]["en"]}</Say>' in twiml, twiml
        assert twiml.rstrip().endswith(f"<Dial>{FORWARD_TO}</Dial></Response>") and "<Stream" not in twiml
        # an open client's call is streamed as always
        plumber = _post_twilio(server, {**params, "To": "+49 40 1234567", "CallSid": "CA-open"})
        assert "<Connect><Stream" in plumber.text or "<Dial>" not in plumber.text
        # a text call cannot be put through: the caller hears the number to call and leaves a message
        heard, outcome = _text_call(server, LAW_FIRM, LAW_FIRM_MESSAGE)
        assert heard[1].startswith(FORWARD["call_instead"]["de"][:40]) and "4 9 4 0 9 9 9 8 8 8" in heard[1], heard
        assert outcome["outcome"]["type"] == "message"  # kept for the firm: nobody who called is lost
    finally:
        restored = root.post(f"/api/admin/clients/{LAW_FIRM}/rollback", json={"version": live["version"]["number"]})
        assert restored.status_code == 200, restored.text


# --- 3 and 4. test calls: marked, apart from the queue, listed for admins -------------------------
@pytest.fixture(scope="module")
def test_calls(server: VoiceServer) -> dict[str, str]:
    """A test handoff, a test order and a test message, and a real order beside them."""
    _, handoff = _text_call(server, CLIENT, ROUTINE, "?test=1")
    _, order = _text_call(server, PHARMACY, PHARMACY_ORDER, "?test=1")
    _, message = _text_call(server, LAW_FIRM, LAW_FIRM_MESSAGE, "?test=1")
    _, real = _text_call(server, PHARMACY, PHARMACY_ORDER)
    kinds = [call["outcome"]["type"] for call in (handoff, order, message, real)]
    assert kinds == ["handoff", "order", "message", "order"]
    with sqlite3.connect(server.data_dir / "triage.db") as db:
        orders = dict(db.execute("SELECT status, count(*) FROM orders GROUP BY status").fetchall())
        messages = dict(db.execute("SELECT status, count(*) FROM messages GROUP BY status").fetchall())
    assert orders == {"test": 1, "new": 1} and messages.get("test") == 1
    return {"handoff": handoff["handoff_id"]}


def test_test_calls_are_listed_for_admins_and_never_in_the_queue(server: VoiceServer, test_calls) -> None:
    clara, anton = signed_in_client(server, "clara"), signed_in_client(server, "anton")
    listed = clara.get("/api/admin/test-calls").json()
    assert [h["id"] for h in listed["handoffs"]] == [test_calls["handoff"]]
    assert [(o["client_id"], o["status"]) for o in listed["orders"]] == [(PHARMACY, "test")]
    assert [(m["client_id"], m["status"]) for m in listed["messages"]] == [(LAW_FIRM, "test")]
    assert listed["orders"][0]["items"] and "mietvertrag" in listed["messages"][0]["text"].lower()
    for user in (clara, anton):
        assert test_calls["handoff"] not in {h["id"] for h in user.get("/api/handoffs").json()["handoffs"]}
    # test calls are the admins' own: an agent neither lists them nor sees the switch's data
    assert anton.get("/api/handoffs", params={"status": "test"}).status_code == 403
    assert anton.get("/api/admin/test-calls").status_code == 403
    assert clara.get("/api/admin/test-calls", params={"client": "nobody-here"}).status_code == 404
    assert clara.post(f"/api/handoffs/{test_calls['handoff']}/accept").status_code == 409  # nobody works a test


SWITCH = {
    "de": {
        "switch": "Testanrufe zeigen",
        "kinds": {"handoff": "Übergabe", "order": "Bestellung", "message": "Nachricht"},
    },
    "en": {"switch": "Show test calls", "kinds": {"handoff": "Handoff", "order": "Order", "message": "Message"}},
}


def _console(browser, server: VoiceServer, username: str, lang: str):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = watch(context.new_page())
    page.goto(f"{server.url}/agent?lang={lang}")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("#signin-submit")
    expect(page.locator("#live")).to_have_attribute("data-state", "live")
    return page


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_console_switch_shows_an_admin_the_test_calls_marked_as_tests(
    server: VoiceServer, browser, test_calls, lang: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = _console(browser, server, ADMINS[lang], lang)
    switch = page.locator("#show-tests-switch")
    expect(switch).to_be_visible()
    expect(switch).to_have_text(SWITCH[lang]["switch"])
    expect(page.locator("#tests")).to_be_hidden()
    page.check("#show-tests")
    items = page.locator("#test-calls li.test-call")
    expect(items).to_have_count(3)
    for kind, word in SWITCH[lang]["kinds"].items():
        item = page.locator(f"#test-calls li[data-kind='{kind}']")
        expect(item.locator(".badge-test")).to_have_text("TEST")
        expect(item.locator(".test-kind")).to_have_text(word)
    expect(page.locator(f"#test-calls li[data-test-id='{test_calls['handoff']}']")).to_have_count(1)
    expect(page.locator(f"#queue li[data-handoff-id='{test_calls['handoff']}']")).to_have_count(0)
    page.screenshot(path=str(tmp_path / f"console-test-calls-{lang}.png"), full_page=True)
    page.uncheck("#show-tests")
    expect(page.locator("#tests")).to_be_hidden()
    assert page.problems == []  # type: ignore[attr-defined]

    agent = _console(browser, server, "anton", lang)
    expect(agent.locator("#show-tests-switch")).to_be_hidden()  # agents never see test calls
