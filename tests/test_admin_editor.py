"""The admin editor end to end: a real `triage serve`, a client admin in Chromium changing the
greeting of sanitaer-notdienst while text calls run, an invalid change that is refused, and a
rollback. Plus who may see what in the admins' API.

The server runs as a subprocess with the random-weight speech models (one server for the module);
callers type over WS /ws/text/{client}, so the calls and their stored pack versions are the real
ones. Playwright drives Debian's Chromium.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack, closing
from pathlib import Path

import httpx
import pytest
import yaml
from sqlalchemy import text
from websockets.sync.client import connect

from tests.browser import watch
from tests.voice_server import CLIENT, PASSWORD, VoiceServer, serving, signed_in_client

ADMIN, AGENT = "clara-admin", "anton-agent"
NEW_GREETING = "Moin, hier ist der Notdienst von Krüger. Sie sprechen mit einem KI-Assistenten."
DRAFT_GREETING = "Servus, hier ist Krüger. Sie sprechen mit einem KI-Assistenten."
SHOT = Path("/tmp/admin-editor.png")


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoiceServer]:
    with serving(synth_models, tmp_path_factory.mktemp("admin-editor") / "data") as started:
        started.create_account(ADMIN, "client_admin", display_name="Clara Admin", language="de")
        started.create_account(AGENT, display_name="Anton Agent")
        yield started


def _call_ids(server: VoiceServer) -> dict[str, str]:
    """Every stored call of the client: id -> pack_version."""
    from triage.store.db import engine_for

    with engine_for(f"sqlite:///{server.data_dir}/triage.db").connect() as db:
        rows = db.execute(text("SELECT id, pack_version FROM calls WHERE client_id = :c"), {"c": CLIENT})
        return {row.id: row.pack_version for row in rows}


def _bot_line(ws, timeout: float = 30) -> str:
    while True:
        message = json.loads(ws.recv(timeout=timeout))
        assert message["type"] != "error", message
        if message["type"] == "bot":
            return message["text"]


def _start_call(server: VoiceServer, calls: ExitStack):
    """A text call that has heard its greeting; returns (websocket, greeting, call id)."""
    before = set(_call_ids(server))
    ws = calls.enter_context(connect(f"{server.ws_url}/ws/text/{CLIENT}", open_timeout=30))
    greeting = _bot_line(ws)
    new = set(_call_ids(server)) - before
    assert len(new) == 1, new
    return ws, greeting, new.pop()


def _after_greeting_word(greeting: str) -> str:
    """The greeting without its time-of-day word ("Guten Tag, hier ist …" -> "hier ist …")."""
    return greeting.split(",", 1)[-1].strip()


def test_admin_changes_the_greeting_running_calls_keep_theirs_and_rollback_restores_it(
    server: VoiceServer, browser
) -> None:
    from playwright.sync_api import expect

    calls = ExitStack()
    context = browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 1000})
    page = watch(context.new_page())
    page.goto(f"{server.url}/admin")
    expect(page.locator("#signin")).to_be_visible()
    page.fill("#username", ADMIN)
    page.fill("#password", PASSWORD)
    page.click("#signin-submit")

    # The client list holds only what this admin may change; the interface speaks the admin's language.
    expect(page.locator("#clients li")).to_have_count(1)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("#audit-box")).to_be_hidden()  # platform admins only
    page.click(f'#clients li[data-client="{CLIENT}"] button')
    editor = page.locator("#editor")
    expect(editor).to_have_attribute("data-client", CLIENT)
    # the time-of-day words as fields of their own, no template code (issue 13)
    expect(page.locator("#greeting-de-morning")).to_have_value("Guten Morgen")
    expect(page.locator("#greeting-de-afternoon")).to_have_value("Guten Tag")
    expect(page.locator("#greeting-de-evening")).to_have_value("Guten Abend")
    rest = ", hier ist {{ client_name }}. Sie sprechen mit einem KI-Assistenten."
    expect(page.locator("#greeting-de")).to_have_value(rest)
    expect(page.locator("#greeting-source")).to_have_text("geerbt aus den Vorgaben")  # from _defaults
    first = int(editor.get_attribute("data-version"))

    # Call A starts before the change.
    call_a, greeting_a, id_a = _start_call(server, calls)
    assert "Krüger Sanitär und Heizung" in greeting_a and "KI-Assistent" in greeting_a

    # The preview runs against the unsaved draft: nothing live changes.
    for time in ("morning", "afternoon", "evening"):  # one greeting at any hour
        page.fill(f"#greeting-de-{time}", "")
    page.fill("#greeting-de", DRAFT_GREETING)
    expect(editor).to_have_attribute("data-dirty", "true")
    assert DRAFT_GREETING in page.locator("#yaml").input_value()  # the YAML view follows the form
    page.click("#tab-preview")
    # the draft is validated and its tests run first: seconds on a busy machine (a wait, not a limit)
    expect(page.locator("#preview-transcript li[data-role='bot'] .said").first).to_have_text(
        DRAFT_GREETING, timeout=60_000
    )
    page.fill("#preview-input", "ja")
    page.click("#preview-send")
    expect(page.locator("#preview-transcript li[data-role='caller'] .said")).to_have_text(["ja"])
    page.click("#hear")  # the greeting of the draft, spoken with the client's voice
    expect(page.locator("#hear-text")).to_contain_text("Servus", timeout=60_000)  # synthesis on a busy machine
    assert int(page.locator("#audio").get_attribute("data-bytes")) > 1000

    # The admin changes the German greeting in the form and saves it.
    page.click("#tab-form")
    page.fill("#greeting-de", NEW_GREETING)
    expect(page.locator("#greeting-source")).to_have_text("eigener Text")
    page.fill("#save-comment", "Moin statt Guten Tag")
    page.check("#require-tests")
    page.click("#save")
    expect(page.locator("#status")).to_have_attribute("data-kind", "saved")
    expect(editor).to_have_attribute("data-version", str(first + 1))
    expect(editor).to_have_attribute("data-dirty", "false")
    expect(page.locator("#tests li[data-passed='true']")).to_have_count(4)  # the pack's own tests ran
    expect(page.locator("#tests li[data-passed='false']")).to_have_count(0)
    expect(page.locator("#greeting-de")).to_have_value(NEW_GREETING)

    # Call B starts after the change and hears the new greeting.
    call_b, greeting_b, id_b = _start_call(server, calls)
    assert greeting_b == NEW_GREETING

    # Call A goes on with the version it started with.
    assert greeting_a != NEW_GREETING
    call_a.send(json.dumps({"text": "ja"}))  # consent to the recording
    lines = [_bot_line(call_a), _bot_line(call_a)]  # the rest of the consent turn, then the question
    assert any("helfen" in line for line in lines), lines
    stored = _call_ids(server)
    assert stored[id_a] != stored[id_b], "calls A and B must carry different pack versions"
    call_a.close()
    call_b.close()

    # An invalid change in the YAML view: the error shows for its field, nothing is saved.
    page.click("#tab-yaml")
    document = yaml.safe_load(page.locator("#yaml").input_value())
    document["hours"] = {"mon": ["8-17"]}
    page.locator("#yaml").fill(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    expect(editor).to_have_attribute("data-dirty", "true")
    page.click("#check")
    expect(page.locator("#status")).to_have_attribute("data-kind", "invalid")
    expect(page.locator("#yaml-problems li[data-field='hours']")).to_contain_text("8-17")
    page.click("#save")
    expect(page.locator("#status")).to_have_attribute("data-kind", "invalid")
    expect(page.locator("#status")).to_contain_text("Nicht gespeichert")
    page.click("#tab-form")
    expect(page.locator("#hours-mon")).to_have_value("8-17")  # the form follows the YAML view
    hours_error = page.locator('.field[data-path="hours.mon"] > .field-error')
    expect(hours_error).to_be_visible()
    expect(hours_error).to_have_text("„8-17“ ist keine Zeitspanne wie „08:00-17:30“")  # German, without the day
    page.screenshot(path=str(SHOT), full_page=True)

    # A template error in the form's greeting shows next to that greeting.
    page.click("#reload")
    expect(editor).to_have_attribute("data-dirty", "false")
    page.fill("#greeting-de", "Hallo {{ caller_name, hier ist Krüger.")
    page.click("#check")
    greeting_error = page.locator('.field[data-path="prompts.greeting.de"] > .field-error')
    expect(greeting_error).to_contain_text("Vorlage fehlerhaft in Zeile 1")
    expect(hours_error).to_be_hidden()
    versions = page.context.request.get(f"{server.url}/api/admin/clients/{CLIENT}/versions").json()["versions"]
    assert [v["number"] for v in versions] == list(range(first + 1, 0, -1)), "an invalid change must not be stored"

    # The history: what changed, and a rollback to the version before the greeting change.
    page.click("#tab-history")
    expect(page.locator("#versions > li")).to_have_count(first + 1)
    page.locator(f'#versions li[data-version="{first + 1}"] .diff-btn').click()
    expect(page.locator("#diff .add")).to_contain_text([NEW_GREETING[:20]])
    page.locator(f'#versions li[data-version="{first}"] .rollback').click()
    page.fill("#rollback-comment", "doch wieder Guten Tag")
    page.click("#rollback-confirm")
    expect(page.locator("#status")).to_have_attribute("data-kind", "saved")
    expect(editor).to_have_attribute("data-version", str(first + 2))
    expect(page.locator(f'#versions li[data-version="{first + 2}"]')).to_have_attribute("data-source", "rollback")
    expect(page.locator("#greeting-source")).to_have_text("geerbt aus den Vorgaben")

    call_c, greeting_c, _ = _start_call(server, calls)
    call_c.close()
    assert greeting_c != NEW_GREETING
    assert _after_greeting_word(greeting_c) == _after_greeting_word(greeting_a)

    # The English interface.
    page.click("#ui-en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#tab-form")).to_have_text("Settings")
    expect(page.locator("#save")).to_have_text("Save")
    assert page.problems == []  # type: ignore[attr-defined]
    context.close()
    calls.close()


def test_admins_see_only_their_clients_and_agents_see_nothing(server: VoiceServer) -> None:
    with closing(signed_in_client(server, ADMIN)) as admin:
        assert admin.get("/admin").status_code == 200
        assert [c["id"] for c in admin.get("/api/admin/clients").json()["clients"]] == [CLIENT]
        assert admin.get("/api/admin/clients/kanzlei-berg").status_code == 404
        assert admin.get("/api/admin/clients/kanzlei-berg/versions").status_code == 404
        assert admin.get("/api/admin/audit").status_code == 403
        parsed = admin.post("/admin/yaml", json={"yaml": "hours:\n  mon: ['08:00-17:00']\n"}).json()
        assert parsed == {"document": {"hours": {"mon": ["08:00-17:00"]}}}
        broken = admin.post("/admin/yaml", json={"yaml": "hours: [unclosed\n"}).json()
        assert broken["document"] is None and broken["line"] == 2
    with closing(signed_in_client(server, AGENT)) as agent:
        assert agent.get("/api/admin/clients").status_code == 403
        assert agent.get(f"/api/admin/clients/{CLIENT}").status_code == 403
        assert agent.post("/admin/yaml", json={"yaml": "a: 1"}).status_code == 403
    assert httpx.get(f"{server.url}/api/admin/clients", timeout=30).status_code == 401
