"""The agents' REST API and live websocket against a real `triage serve`: sign-in, tenants (an agent
of one client never sees another client's handoffs), one winner among many simultaneous accepts,
revocable tokens, and the OpenAPI document that describes it all."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from websockets.sync.client import connect

from tests.voice_server import CLIENT as PLUMBER
from tests.voice_server import VoiceServer, bearer, serving, sign_in

LAWYER = "kanzlei-berg"


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoiceServer]:
    with serving(synth_models, tmp_path_factory.mktemp("agent-api") / "data") as started:
        started.create_account("admin", "platform_admin")
        started.create_account("lawyer-agent", clients=[LAWYER])
        for i in range(12):
            started.create_account(f"plumber-{i}")
        yield started


def _human_please(server: VoiceServer, client: str) -> str:
    """A text call whose caller presses 0: a stored handoff."""
    with connect(f"{server.ws_url}/ws/text/{client}", open_timeout=30) as ws:
        ws.send(json.dumps({"dtmf": "0"}))
        while True:
            message = json.loads(ws.recv(timeout=30))
            if message["type"] == "outcome":
                return message["handoff_id"]


def test_without_signing_in_nothing_is_shown(server: VoiceServer):
    assert httpx.get(f"{server.url}/api/handoffs").status_code == 401
    assert httpx.get(f"{server.url}/api/handoffs", headers=bearer("made-up")).status_code == 401
    wrong = httpx.post(f"{server.url}/api/session", json={"username": "admin", "password": "wrong-password"})
    nobody = httpx.post(f"{server.url}/api/session", json={"username": "nobody", "password": "wrong-password"})
    assert wrong.status_code == nobody.status_code == 401
    assert wrong.json() == nobody.json(), "the answer does not tell which accounts exist"
    with connect(f"{server.ws_url}/ws/agent", open_timeout=10) as ws:
        assert json.loads(ws.recv(timeout=10))["type"] == "error"


def test_an_agent_of_one_client_cannot_see_or_touch_another_clients_handoffs(server: VoiceServer):
    plumbing = _human_please(server, PLUMBER)
    legal = _human_please(server, LAWYER)
    lawyer, admin = sign_in(server, "lawyer-agent"), sign_in(server, "admin")

    seen = {h["id"] for h in httpx.get(f"{server.url}/api/handoffs", headers=bearer(lawyer)).json()["handoffs"]}
    assert legal in seen and plumbing not in seen
    for method, path, body in (
        ("GET", f"/api/handoffs/{plumbing}", None),
        ("POST", f"/api/handoffs/{plumbing}/accept", None),
        ("POST", f"/api/handoffs/{plumbing}/notes", {"text": "peeking"}),
        ("POST", f"/api/handoffs/{plumbing}/resolve", {"resolution": "helped"}),
        ("GET", f"/api/handoffs/{plumbing}/deliveries", None),
        ("GET", f"/api/handoffs?client={PLUMBER}", None),
    ):
        response = httpx.request(method, server.url + path, json=body, headers=bearer(lawyer))
        assert response.status_code == 404, (path, response.status_code, response.text)
    assert httpx.get(f"{server.url}/api/handoffs/{plumbing}", headers=bearer(admin)).json()["status"] == "waiting"
    everything = {h["id"] for h in httpx.get(f"{server.url}/api/handoffs", headers=bearer(admin)).json()["handoffs"]}
    assert {plumbing, legal} <= everything

    # the live queue: only the lawyer's own client's handoffs are pushed
    with connect(f"{server.ws_url}/ws/agent?token={lawyer}", open_timeout=10) as ws:
        snapshot = json.loads(ws.recv(timeout=10))
        assert snapshot["type"] == "snapshot"
        assert plumbing not in {h["id"] for h in snapshot["handoffs"]}
        new_plumbing = _human_please(server, PLUMBER)
        new_legal = _human_please(server, LAWYER)
        pushed = json.loads(ws.recv(timeout=5))
        assert pushed["type"] == "handoff" and pushed["handoff"]["id"] == new_legal
        assert pushed["handoff"]["id"] != new_plumbing


def test_twelve_agents_accepting_at_once_one_wins_and_the_rest_hear_who(server: VoiceServer):
    handoff_id = _human_please(server, PLUMBER)
    tokens = [sign_in(server, f"plumber-{i}") for i in range(12)]
    barrier = threading.Barrier(len(tokens))
    answers: dict[str, httpx.Response] = {}  # by token: the threads finish in any order

    def accept(token: str) -> None:
        with httpx.Client(timeout=30) as client:
            barrier.wait()
            answers[token] = client.post(f"{server.url}/api/handoffs/{handoff_id}/accept", headers=bearer(token))

    threads = [threading.Thread(target=accept, args=(t,)) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results = [answers[t] for t in tokens]
    codes = sorted(r.status_code for r in results)
    assert codes == [200] + [409] * 11
    winner = next(r.json()["assigned_to"] for r in results if r.status_code == 200)
    assert all("accepted" in r.json()["detail"] for r in results if r.status_code == 409)
    detail = httpx.get(f"{server.url}/api/handoffs/{handoff_id}", headers=bearer(tokens[0])).json()
    assert detail["assigned_to"] == winner
    assert [e["kind"] for e in detail["events"]].count("accepted") == 1

    loser = next(t for t, r in zip(tokens, results, strict=True) if r.status_code == 409)
    refused = httpx.post(
        f"{server.url}/api/handoffs/{handoff_id}/resolve", json={"resolution": "helped"}, headers=bearer(loser)
    )
    assert refused.status_code == 409, "only the agent who took it resolves it"
    winner_token = tokens[[f"plumber-{i}" for i in range(12)].index(winner)]
    bad = httpx.post(
        f"{server.url}/api/handoffs/{handoff_id}/resolve", json={"resolution": "vanished"}, headers=bearer(winner_token)
    )
    assert bad.status_code == 422
    note = httpx.post(
        f"{server.url}/api/handoffs/{handoff_id}/notes",
        json={"text": "Rückruf um 14 Uhr"},
        headers=bearer(winner_token),
    )
    assert note.status_code == 200
    done = httpx.post(
        f"{server.url}/api/handoffs/{handoff_id}/resolve",
        json={"resolution": "called_back"},
        headers=bearer(winner_token),
    )
    assert done.status_code == 200 and done.json()["status"] == "resolved"
    detail = httpx.get(f"{server.url}/api/handoffs/{handoff_id}", headers=bearer(winner_token)).json()
    assert detail["notes"][0]["text"] == "Rückruf um 14 Uhr" and detail["notes"][0]["by"] == winner
    assert [e["kind"] for e in detail["events"]][-3:] == ["accepted", "note", "resolved"]


def test_signing_out_revokes_the_session(server: VoiceServer):
    token = sign_in(server, "plumber-3")
    assert httpx.get(f"{server.url}/api/me", headers=bearer(token)).json()["username"] == "plumber-3"
    assert httpx.delete(f"{server.url}/api/session", headers=bearer(token)).status_code == 200
    assert httpx.get(f"{server.url}/api/me", headers=bearer(token)).status_code == 401


def test_the_api_is_documented_in_openapi(server: VoiceServer):
    spec = httpx.get(f"{server.url}/openapi.json").json()
    for path in (
        "/api/session",
        "/api/handoffs",
        "/api/handoffs/{handoff_id}",
        "/api/handoffs/{handoff_id}/accept",
        "/api/handoffs/{handoff_id}/resolve",
        "/api/handoffs/{handoff_id}/notes",
        "/api/handoffs/{handoff_id}/deliveries",
    ):
        assert path in spec["paths"], path
    accept = spec["paths"]["/api/handoffs/{handoff_id}/accept"]["post"]
    assert "409" in accept["responses"]
