"""Per-source limits behind a reverse proxy (issue 12): X-Forwarded-For names the source only when the
direct peer is one of TRIAGE_TRUSTED_PROXIES; from any other peer the header is ignored, so a script
cannot escape the per-source limit by inventing addresses.

One real `triage serve` on 127.0.0.1 that trusts 127.0.0.2 as its proxy: the tests connect from
127.0.0.2 (the proxy) and from 127.0.0.1 (anybody else); Linux routes all of 127/8 to loopback.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.sync.client import connect

from tests.voice_server import CLIENT, VoiceServer, serving
from triage.settings import Settings

CALL_LIMIT = 2
PROXY, OTHER = "127.0.0.2", "127.0.0.1"


@pytest.fixture(scope="module")
def server(synth_models: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[VoiceServer]:
    env = {"TRIAGE_PUBLIC_CALLS_PER_MINUTE": str(CALL_LIMIT), "TRIAGE_TRUSTED_PROXIES": json.dumps([f"{PROXY}/32"])}
    with serving(synth_models, tmp_path_factory.mktemp("proxies") / "data", extra_env=env) as started:
        yield started


def _call(server: VoiceServer, peer: str, forwarded_for: str | None) -> dict:
    """The first message of an anonymous text call from `peer`, with X-Forwarded-For if given."""
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    url = f"{server.ws_url}/ws/text/{CLIENT}"
    with connect(url, additional_headers=headers, source_address=(peer, 0), open_timeout=30) as ws:
        return json.loads(ws.recv(timeout=30))


def _refused(message: dict) -> bool:
    return message["type"] == "error" and "too many calls" in message["error"]


def test_a_forwarded_address_from_anybody_else_is_ignored(server: VoiceServer):
    answers = [_call(server, OTHER, f"203.0.113.{n}") for n in range(CALL_LIMIT + 1)]
    assert [_refused(a) for a in answers] == [False] * CALL_LIMIT + [True], answers
    assert _refused(_call(server, OTHER, None)), "the peer's own address is what was counted"


def test_the_trusted_proxy_forwards_each_caller_with_their_own_limit(server: VoiceServer):
    first = [_call(server, PROXY, "198.51.100.1") for _ in range(CALL_LIMIT + 1)]
    assert [_refused(a) for a in first] == [False] * CALL_LIMIT + [True], first
    assert not _refused(_call(server, PROXY, "198.51.100.2")), "another caller behind the proxy is not limited"
    # a client behind the proxy may send its own X-Forwarded-For: the proxy appends the address it
    # saw, and only that last one counts
    assert _refused(_call(server, PROXY, "192.0.2.99, 198.51.100.1"))


def test_the_setting_takes_networks_and_refuses_typos():
    assert Settings(trusted_proxies=["10.0.0.0/8", "127.0.0.1"]).trusted_proxies == ["10.0.0.0/8", "127.0.0.1/32"]
    assert Settings().trusted_proxies == []
    with pytest.raises(ValueError):
        Settings(trusted_proxies=["10.0.0.300"])
