"""The admins' API against a real `triage serve`: roles and tenants (a client admin never reads
another client's pack, an agent edits nothing, only platform admins see the audit log), validation
that names the field and stores nothing, pack tests that can block a save, preview calls against a
draft, spoken prompts, versions with diff and rollback, and an audit entry for every change."""

from __future__ import annotations

import io
import wave
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from tests.voice_server import CLIENT, PASSWORD, VoiceServer, serving, signed_in_client

OTHER = "kanzlei-berg"


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoiceServer]:
    with serving(synth_models, tmp_path_factory.mktemp("admin-api") / "data") as started:
        started.create_account("root", "platform_admin")
        started.create_account("mia", "client_admin")
        started.create_account("ben")
        yield started


def test_roles_and_tenants(server: VoiceServer):
    mia, ben, root = signed_in_client(server, "mia"), signed_in_client(server, "ben"), signed_in_client(server, "root")
    assert [c["id"] for c in mia.get("/api/admin/clients").json()["clients"]] == [CLIENT]
    assert len(root.get("/api/admin/clients").json()["clients"]) == 5
    for path in (
        f"/api/admin/clients/{OTHER}",
        f"/api/admin/clients/{OTHER}/versions",
        f"/api/admin/clients/{OTHER}/export",
    ):
        assert mia.get(path).status_code == 404, path
    assert mia.put(f"/api/admin/clients/{OTHER}", json={"yaml": "name: x"}).status_code == 404
    assert mia.post(f"/api/admin/clients/{OTHER}/rollback", json={"version": 1}).status_code == 404
    assert ben.get("/api/admin/clients").status_code == 403
    assert ben.put(f"/api/admin/clients/{CLIENT}", json={"yaml": "name: x"}).status_code == 403
    assert mia.get("/api/admin/audit").status_code == 403
    assert mia.post("/api/admin/clients", json={"id": "neu", "yaml": "name: x"}).status_code == 403
    assert httpx.get(f"{server.url}/api/admin/clients").status_code == 401


def test_a_change_is_validated_tested_versioned_audited_and_rolled_back(server: VoiceServer):
    mia, root = signed_in_client(server, "mia"), signed_in_client(server, "root")
    live = mia.get(f"/api/admin/clients/{CLIENT}").json()
    start = live["version"]["number"]
    document = live["document"]

    broken = {**document, "hours": {"mon": ["8-17"]}}
    refused = mia.put(f"/api/admin/clients/{CLIENT}", json={"document": broken, "comment": "kaputt"})
    assert refused.status_code == 422
    problems = refused.json()["detail"]["problems"]
    assert any(p["field"] == "hours" and "'8-17'" in p["problem"] for p in problems), problems
    bad_template = {
        **document,
        "prompts": {**document.get("prompts", {}), "greeting": {"de": "Hallo {{ caller_name", "en": "Hello"}},
    }
    problems = mia.post(f"/api/admin/clients/{CLIENT}/validate", json={"document": bad_template}).json()["problems"]
    assert any(p["field"] == "prompts.greeting.de" and "syntax" in p["problem"] for p in problems), problems
    assert mia.get(f"/api/admin/clients/{CLIENT}").json()["version"]["number"] == start, "nothing was stored"

    # a pack test that fails blocks the save when the admin asks for it
    failing = {
        **document,
        "tests": [*document.get("tests", []), {"name": "immer Gas", "turns": ["hallo"], "expect_urgency": "P0"}],
    }
    blocked = mia.put(f"/api/admin/clients/{CLIENT}", json={"document": failing, "require_tests": True})
    assert blocked.status_code == 422
    results = blocked.json()["detail"]["tests"]
    assert any(t["name"] == "immer Gas" and not t["passed"] for t in results)

    greeting = {
        **document,
        "prompts": {
            **document.get("prompts", {}),
            "greeting": {
                "de": "Krüger Notdienst, Sie sprechen mit einer KI.",
                "en": "Krüger emergency service, an AI speaking.",
            },
        },
    }
    preview = mia.post(
        f"/api/admin/clients/{CLIENT}/preview", json={"document": greeting, "turns": ["bei uns ist ein rohr geplatzt"]}
    ).json()
    assert preview["transcript"][0]["text"] == "Krüger Notdienst, Sie sprechen mit einer KI."
    assert "Hauptwasserhahn" in " ".join(t["text"] for t in preview["transcript"])
    assert mia.get(f"/api/admin/clients/{CLIENT}").json()["version"]["number"] == start, "a preview stores nothing"

    heard = mia.post(f"/api/admin/clients/{CLIENT}/speak", json={"document": greeting, "key": "greeting", "lang": "de"})
    assert heard.status_code == 200 and heard.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(heard.content)) as w:
        assert w.getnframes() > 0

    saved = mia.put(
        f"/api/admin/clients/{CLIENT}",
        json={"document": greeting, "comment": "kürzere Begrüßung", "base_version": start},
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"]["number"] == start + 1 and saved.json()["tests_pass"]
    stale = mia.put(f"/api/admin/clients/{CLIENT}", json={"document": document, "base_version": start})
    assert stale.status_code == 409 and "someone saved" in stale.json()["detail"]

    diff = mia.get(f"/api/admin/clients/{CLIENT}/diff", params={"older": start, "newer": start + 1}).text
    assert "+    de: Krüger Notdienst, Sie sprechen mit einer KI." in diff
    exported = mia.get(f"/api/admin/clients/{CLIENT}/export")
    assert yaml.safe_load(exported.text)["prompts"]["greeting"]["de"].startswith("Krüger Notdienst")
    rolled = mia.post(f"/api/admin/clients/{CLIENT}/rollback", json={"version": start})
    assert rolled.status_code == 200 and rolled.json()["version"]["number"] == start + 2
    assert mia.get(f"/api/admin/clients/{CLIENT}").json()["yaml"] == live["yaml"]
    imported = mia.post(
        f"/api/admin/clients/{CLIENT}/import",
        content=exported.text.encode(),
        headers={"Content-Type": "application/yaml"},
    )
    assert imported.status_code == 200 and imported.json()["version"]["number"] == start + 3

    audit = root.get("/api/admin/audit", params={"client": CLIENT}).json()["entries"]
    assert [(e["actor"], e["action"]) for e in audit[:3]] == [
        ("mia", "pack_import"),
        ("mia", "pack_rollback"),
        ("mia", "pack_admin"),
    ]
    sign_ins = root.get("/api/admin/audit", params={"action": "sign_in"}).json()["entries"]
    assert {"mia", "root"} <= {e["actor"] for e in sign_ins}


def test_platform_admins_create_clients_and_accounts(server: VoiceServer):
    root = signed_in_client(server, "root")
    base = root.get(f"/api/admin/clients/{OTHER}").json()["document"]
    new = {**{k: v for k, v in base.items() if k != "id"}, "name": "Kanzlei Nord", "phone_numbers": []}
    made = root.post("/api/admin/clients", json={"id": "kanzlei-nord", "document": new, "comment": "neuer Mandant"})
    assert made.status_code == 201, made.text
    taken = root.post("/api/admin/clients", json={"id": "kanzlei-nord", "document": new})
    assert taken.status_code == 409
    clash = root.post(
        "/api/admin/clients", json={"id": "kanzlei-sued", "document": {**new, "phone_numbers": base["phone_numbers"]}}
    )
    assert clash.status_code == 422 and "already rings client" in str(clash.json()["detail"]["problems"])
    user = root.post(
        "/api/admin/users",
        json={"username": "nora", "password": PASSWORD, "role": "client_admin", "clients": ["kanzlei-nord"]},
    )
    assert user.status_code == 201
    nora = signed_in_client(server, "nora")
    assert [c["id"] for c in nora.get("/api/admin/clients").json()["clients"]] == ["kanzlei-nord"]
    assert root.post("/api/admin/users/nora/revoke").json()["revoked"] >= 1
    assert nora.get("/api/admin/clients").status_code == 401
