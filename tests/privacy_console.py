"""The privacy API of the agent console as an agent of one client sees it, on a given store, for tests of what
the console shows of a call's consent record."""

from __future__ import annotations

from types import SimpleNamespace

from fastapi import FastAPI
from fastapi.testclient import TestClient

from triage.auth import Principal, current_user
from triage.privacy.recording_api import router


def console_api(store, client: str) -> TestClient:
    """`GET /api/privacy/...` as agent Kai of `client`."""
    app = FastAPI()
    app.include_router(router, prefix="/api/privacy")
    app.state.triage = SimpleNamespace(store=store)
    agent = Principal(id="u1", username="agent-kai", display_name="Kai", role="agent", clients=(client,))
    app.dependency_overrides[current_user] = lambda: agent
    return TestClient(app)
