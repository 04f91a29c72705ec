"""What a client admin, an anonymous caller or a foreign web page may try against a real `triage
serve`, each refused or survived (issue 12): template and YAML bombs, huge bodies, NaN and huge
numbers, internal webhook targets, password guessing, a revoked console, foreign origins, floods
of anonymous calls, malformed Twilio stream frames.

Timings are printed, not asserted tightly: the CI machine is shared. Where the issue names a bound
(a bomb answered within 1 s, /healthz under 200 ms meanwhile), the test asserts a generous multiple
and prints the figure.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from twilio.request_validator import RequestValidator
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from tests.voice_server import CLIENT, PASSWORD, TWILIO_TEST_TOKEN, VoiceServer, bearer, serving, sign_in
from triage.api.guards import RedactTokens
from triage.settings import Settings
from triage.telephony.twilio import TwilioMediaSerializer, signature_valid

OTHER = "kanzlei-berg"
CALL_LIMIT = 30


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoiceServer]:
    env = {"TRIAGE_PUBLIC_CALLS_PER_MINUTE": str(CALL_LIMIT)}
    with serving(synth_models, tmp_path_factory.mktemp("abuse") / "data", extra_env=env) as started:
        started.create_account("root", "platform_admin")
        started.create_account("mia", "client_admin")
        started.create_account("kagent")
        started.create_account("guessed")
        yield started


def _rss_mb(server: VoiceServer) -> float:
    for line in Path(f"/proc/{server.process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


class HealthProbe:
    """Polls /healthz in a thread while something else runs; the slowest answer tells whether the
    event loop was held."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.slowest = 0.0
        self.answers = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with httpx.Client(timeout=30) as client:
            while not self._stop.is_set():
                started = time.monotonic()
                assert client.get(f"{self.url}/healthz").status_code == 200
                self.slowest = max(self.slowest, time.monotonic() - started)
                self.answers += 1
                time.sleep(0.02)

    def __enter__(self) -> HealthProbe:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


def _admin(server: VoiceServer, username: str) -> httpx.Client:
    client = httpx.Client(base_url=server.url, timeout=60)
    assert client.post("/api/session", json={"username": username, "password": PASSWORD}).status_code == 200
    return client


BOMBS = {
    "power folded at compile time": "Hallo {{ (10**(10**7)) % 7 }}",
    "100 MB string": "{{ 'a' * 10**8 }}",
    "nested range loops": "{% for a in range(3000) %}{% for b in range(3000) %}x{% endfor %}{% endfor %}",
    "padding method": "{{ 'a'.ljust(10**8) }}",
}


def test_template_bombs_are_refused_at_once_and_the_server_stays_responsive(server: VoiceServer):
    mia = _admin(server, "mia")
    document = mia.get(f"/api/admin/clients/{CLIENT}").json()["document"]
    rss_before = _rss_mb(server)
    with HealthProbe(server.url) as probe:
        for name, template in BOMBS.items():
            prompts = {**document.get("prompts", {}), "greeting": {"de": template, "en": "Hello"}}
            started = time.monotonic()
            answer = mia.post(
                f"/api/admin/clients/{CLIENT}/validate", json={"document": {**document, "prompts": prompts}}
            )
            took = time.monotonic() - started
            assert answer.status_code == 200
            result = answer.json()
            assert not result["valid"], name
            assert any(p["field"] == "prompts.greeting.de" for p in result["problems"]), result["problems"]
            saved = mia.put(f"/api/admin/clients/{CLIENT}", json={"document": {**document, "prompts": prompts}})
            assert saved.status_code == 422, name
            print(f"{name}: refused in {took:.2f} s")
            assert took < 10, f"{name} took {took:.1f} s (the issue's bound is 1 s on an idle machine)"
    rss_after = _rss_mb(server)
    print(f"/healthz slowest {probe.slowest * 1000:.0f} ms over {probe.answers} answers")
    print(f"RSS {rss_before:.0f} -> {rss_after:.0f} MB")
    assert probe.answers > 0 and probe.slowest < 5
    assert rss_after - rss_before < 100


def test_a_yaml_alias_bomb_is_refused_without_expanding(server: VoiceServer):
    mia = _admin(server, "mia")
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]  # 10^8 values
    bomb = "\n".join(lines)
    with HealthProbe(server.url) as probe:
        started = time.monotonic()
        parsed = mia.post("/admin/yaml", json={"yaml": bomb})
        took = time.monotonic() - started
        checked = mia.post(f"/api/admin/clients/{CLIENT}/validate", json={"yaml": bomb})
    assert parsed.status_code == 200 and parsed.json()["document"] is None
    assert "aliases" in parsed.json()["problem"] and len(parsed.content) < 2000
    assert not checked.json()["valid"] and "aliases" in json.dumps(checked.json()["problems"])
    print(f"alias bomb refused in {took * 1000:.0f} ms; /healthz slowest {probe.slowest * 1000:.0f} ms")
    assert took < 10 and probe.slowest < 5


def _raw_request(server: VoiceServer, head: str, body: bytes = b"") -> bytes:
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head.encode() + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    return answer


def test_a_huge_body_is_refused_before_it_is_read(server: VoiceServer):
    # claims 100 MB and sends 10 bytes: the answer comes at once, so nothing was waited for or read
    head = (
        "POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n"
    )
    started = time.monotonic()
    answer = _raw_request(server, head, b'{"username"')
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    print(f"413 after {(time.monotonic() - started) * 1000:.0f} ms")
    # chunked, without a length: cut off as soon as it passes the limit
    chunk = b"x" * 1_000_000
    with httpx.Client(timeout=60) as client:
        streamed = client.post(f"{server.url}/api/session", content=iter([chunk] * 5))
    assert streamed.status_code == 413
    rss = _rss_mb(server)
    anonymous = httpx.post(f"{server.url}/api/handoffs/x/notes", content=b"x" * 3_000_000, timeout=60)
    assert anonymous.status_code == 413 and _rss_mb(server) - rss < 50


def test_validation_errors_do_not_echo_the_input_and_nan_or_huge_numbers_are_422(server: VoiceServer):
    long = httpx.post(f"{server.url}/api/session", json={"username": "u" * 500_000, "password": "x"})
    assert long.status_code == 422 and len(long.content) < 2000, len(long.content)
    root = _admin(server, "root")
    for path in ("/api/session", f"/api/admin/clients/{CLIENT}/preview", f"/api/admin/clients/{CLIENT}/rollback"):
        nan = root.post(
            path,
            content=b'{"username": NaN, "turns": [NaN], "version": Infinity}',
            headers={"Content-Type": "application/json"},
        )
        assert nan.status_code == 422, (path, nan.text)
    huge = root.post(
        f"/api/admin/clients/{CLIENT}/rollback",
        content=b'{"version": 99999999999999999999999}',
        headers={"Content-Type": "application/json"},
    )
    assert huge.status_code == 422
    assert root.post(f"/api/admin/clients/{CLIENT}/rollback", json={"version": 2**40}).status_code == 422
    assert root.get(f"/api/admin/clients/{CLIENT}/versions/99999999999999999999").status_code == 422
    for depth in (100, 100_000):  # deeper than a pack, deeper than Python's parsers can recurse
        deep = b'{"document": ' + b"[" * depth + b"]" * depth + b"}"
        nested = root.post(
            f"/api/admin/clients/{CLIENT}/validate", content=deep, headers={"Content-Type": "application/json"}
        )
        assert nested.status_code == 422, depth
    deep_yaml = root.post("/admin/yaml", json={"yaml": "a: " + "[" * 10_000 + "]" * 10_000})
    assert deep_yaml.status_code == 200 and "nested deeper" in deep_yaml.json()["problem"]
    assert root.get(f"/api/admin/clients/{CLIENT}/diff", params={"older": 1, "newer": 2**62}).status_code == 422


def test_webhooks_cannot_be_aimed_inside_the_platform(server: VoiceServer):
    mia = _admin(server, "mia")
    document = mia.get(f"/api/admin/clients/{CLIENT}").json()["document"]
    for url in (
        "http://127.0.0.1:8799/internal-admin/do",
        "http://localhost/x",
        "http://169.254.169.254/latest/meta-data",
        "http://10.1.2.3/",
        "http://[::1]:8000/",
        "http://192.168.0.10/",
    ):
        refused = mia.put(f"/api/admin/clients/{CLIENT}", json={"document": {**document, "webhook": {"url": url}}})
        assert refused.status_code == 422, url
        assert any(p["field"] == "webhook.url" for p in refused.json()["detail"]["problems"]), url
    home = mia.post(
        f"/api/admin/clients/{CLIENT}/validate",
        json={"document": {**document, "webhook": {"url": "https://hooks.example.com/x", "secret_env": "HOME"}}},
    ).json()
    assert [p["field"] for p in home["problems"]] == ["webhook.secret_env"], home["problems"]
    fine = mia.post(
        f"/api/admin/clients/{CLIENT}/validate",
        json={
            "document": {
                **document,
                "webhook": {"url": "https://hooks.example.com/x", "secret_env": "TRIAGE_WEBHOOK_KRUEGER"},
            }
        },
    ).json()
    assert fine["valid"], fine["problems"]


def test_a_validation_message_does_not_name_another_tenants_client(server: VoiceServer):
    mia, root = _admin(server, "mia"), _admin(server, "root")
    taken = root.get(f"/api/admin/clients/{OTHER}").json()["pack"]["phone_numbers"][0]
    document = mia.get(f"/api/admin/clients/{CLIENT}").json()["document"]
    result = mia.post(
        f"/api/admin/clients/{CLIENT}/validate", json={"document": {**document, "phone_numbers": [taken]}}
    ).json()
    problems = json.dumps(result["problems"])
    assert "phone_numbers" in problems and "another client" in problems and OTHER not in problems


def test_password_guessing_is_paused_per_account(server: VoiceServer):
    answers = [
        httpx.post(f"{server.url}/api/session", json={"username": "guessed", "password": f"guess-{i}"}).status_code
        for i in range(8)
    ]
    assert answers[:5] == [401] * 5 and set(answers[5:]) == {429}, answers
    right = httpx.post(f"{server.url}/api/session", json={"username": "guessed", "password": PASSWORD})
    assert right.status_code == 429, "even the right password waits out the pause"
    assert httpx.post(f"{server.url}/api/session", json={"username": "mia", "password": PASSWORD}).status_code == 200


def test_revoking_a_user_closes_their_open_console(server: VoiceServer):
    token, root = sign_in(server, "kagent"), sign_in(server, "root")
    with connect(f"{server.ws_url}/ws/agent?token={token}", open_timeout=30) as ws:
        assert json.loads(ws.recv(timeout=30))["type"] == "snapshot"
        started = time.monotonic()
        assert httpx.post(f"{server.url}/api/admin/users/kagent/revoke", headers=bearer(root)).status_code == 200
        message = json.loads(ws.recv(timeout=10))
        assert message["type"] == "error" and "revoked" in message["error"]
        with pytest.raises(ConnectionClosed):
            ws.recv(timeout=10)
        took = time.monotonic() - started
    print(f"console closed {took * 1000:.0f} ms after the revocation")
    assert took < 5
    assert "token=" + token not in server.log(), "the access log does not keep the token"


def test_foreign_origins_are_refused_for_cookie_writes_and_websockets(server: VoiceServer):
    mia = _admin(server, "mia")
    exported = mia.get(f"/api/admin/clients/{CLIENT}/export").text
    forged = mia.post(
        f"/api/admin/clients/{CLIENT}/import",
        content=exported.encode(),
        headers={"Content-Type": "text/plain", "Origin": "https://evil.example"},
    )
    assert forged.status_code == 403
    token = sign_in(server, "root")
    with pytest.raises(InvalidStatus):
        connect(f"{server.ws_url}/ws/agent?token={token}", origin="https://evil.example", open_timeout=30)
    with connect(f"{server.ws_url}/ws/agent?token={token}", origin=server.url, open_timeout=30) as ws:
        assert json.loads(ws.recv(timeout=30))["type"] == "snapshot"


def test_pages_send_security_headers(server: VoiceServer):
    for path in ("/agent", "/admin", f"/call/{CLIENT}"):
        headers = httpx.get(f"{server.url}{path}").headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"


def test_twilio_requests_without_a_valid_signature_are_refused(server: VoiceServer):
    form = {"To": "+49401234567", "From": "+491701234567", "CallSid": "CAforged"}
    assert httpx.post(f"{server.url}/twilio/voice", data=form).status_code == 403
    with pytest.raises(InvalidStatus):
        connect(f"{server.ws_url}/twilio/stream", open_timeout=30)


@pytest.mark.parametrize(
    "first",
    [b"\x00\x01binary", "[]", '{"event": "start", "start": "x", "streamSid": "MZ1"}', '{"event": "start"}', "no json"],
)
def test_a_malformed_first_stream_frame_gets_a_clear_close(server: VoiceServer, first: bytes | str):
    url = f"{server.ws_url}/twilio/stream"
    signature = RequestValidator(TWILIO_TEST_TOKEN).compute_signature(url, {})
    with connect(url, additional_headers={"X-Twilio-Signature": signature}, open_timeout=30) as ws:
        ws.send(first)
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=30)
    assert closed.value.rcvd is not None, "a close frame, not a dropped socket"
    assert closed.value.rcvd.code == 1008 and closed.value.rcvd.reason.startswith("expected a Media Streams")


def test_the_31st_anonymous_call_from_one_source_in_a_minute_is_refused(server: VoiceServer):
    """Last in this module: it uses up the server's anonymous calls for a minute."""
    greeted = 0
    for _ in range(CALL_LIMIT):
        with connect(f"{server.ws_url}/ws/text/{CLIENT}", open_timeout=30) as ws:
            greeted += json.loads(ws.recv(timeout=30))["type"] == "bot"
    assert greeted == CALL_LIMIT
    with connect(f"{server.ws_url}/ws/text/{CLIENT}", open_timeout=30) as ws:
        refused = json.loads(ws.recv(timeout=30))
    assert refused["type"] == "error" and "too many calls" in refused["error"]
    with connect(f"{server.ws_url}/ws/call/{CLIENT}", open_timeout=30) as ws:
        assert json.loads(ws.recv(timeout=30))["type"] == "error", "browser calls count too"
    token = sign_in(server, "root")
    with connect(f"{server.ws_url}/ws/text/{CLIENT}?token={token}", open_timeout=30) as ws:
        assert json.loads(ws.recv(timeout=30))["type"] == "bot", "a signed-in user is not limited"


@pytest.mark.parametrize(
    "frame",
    ['{"event": "mark", "mark": "x"}', '{"event": "mark", "mark": ["x"]}', '{"event": "mark", "mark": {"name": 7}}'],
)
def test_a_malformed_mark_is_reported_and_the_call_goes_on(frame: str):
    """A mark that is not {"name": ...} used to raise inside the serializer and end the call; now it
    is bad input, which the call logs and goes on (a well-formed mark nobody sent is ignored by the brain)."""
    serializer = TwilioMediaSerializer(stream_sid="MZ1", params=TwilioMediaSerializer.InputParams(auto_hang_up=False))
    message = asyncio.run(serializer.deserialize(frame)).message
    assert message["event"] == "error" and "mark" in message["error"]
    ok = asyncio.run(serializer.deserialize('{"event": "mark", "mark": {"name": "never-sent"}}')).message
    assert ok == {"event": "mark", "name": "never-sent"}


def test_twilio_requests_are_refused_without_an_auth_token_unless_allowed_for_development():
    unsigned = SimpleNamespace(settings=Settings(twilio_auth_token=None))
    assert not signature_valid(unsigned, "https://x/twilio/voice", {}, None)
    development = SimpleNamespace(settings=Settings(twilio_auth_token=None, twilio_allow_unsigned=True))
    assert signature_valid(development, "https://x/twilio/voice", {}, None)


def test_tokens_in_websocket_urls_are_not_logged():
    record = logging.LogRecord(
        "uvicorn.error",
        logging.INFO,
        "",
        0,
        '%s - "WebSocket %s" [accepted]',
        ("1.2.3.4:5", "/ws/agent?token=s3cr3t&x=1"),
        None,
    )
    RedactTokens().filter(record)
    assert record.getMessage() == '1.2.3.4:5 - "WebSocket /ws/agent?token=***&x=1" [accepted]'


def test_calls_can_require_a_signed_in_user():
    """TRIAGE_CALLS_REQUIRE_SIGN_IN: an anonymous text or browser call is refused, a signed-in one is not."""
    from triage.api.limits import SlidingWindow
    from triage.telephony.browser import call_refusal

    def websocket(query: dict[str, str]) -> SimpleNamespace:
        return SimpleNamespace(
            headers={},
            cookies={},
            query_params=query,
            client=SimpleNamespace(host="203.0.113.7"),
            app=SimpleNamespace(state=SimpleNamespace(call_limiter=SlidingWindow(30))),
        )

    accounts = SimpleNamespace(principal=lambda token: object() if token == "valid" else None)
    state = SimpleNamespace(settings=Settings(calls_require_sign_in=True), accounts=accounts)
    assert "sign in" in asyncio.run(call_refusal(websocket({}), state))
    assert "sign in" in asyncio.run(call_refusal(websocket({"token": "made-up"}), state))
    assert asyncio.run(call_refusal(websocket({"token": "valid"}), state)) is None
    open_state = SimpleNamespace(settings=Settings(calls_require_sign_in=False), accounts=accounts)
    assert asyncio.run(call_refusal(websocket({}), open_state)) is None
