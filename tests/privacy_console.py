"""The privacy API of the agent console as an agent of one client sees it, on a given store, for tests of what
the console shows of a call's consent record."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.dialogue_calls import call
from triage.auth import Principal, current_user
from triage.calls.pipeline import _store_consent
from triage.privacy.recording_api import router
from triage.store.repo import open_store


def console_api(store, client: str) -> TestClient:
    """`GET /api/privacy/...` as agent Kai of `client`."""
    app = FastAPI()
    app.include_router(router, prefix="/api/privacy")
    app.state.triage = SimpleNamespace(store=store)
    agent = Principal(id="u1", username="agent-kai", display_name="Kai", role="agent", clients=(client,))
    app.dependency_overrides[current_user] = lambda: agent
    return TestClient(app)


def ended_call(database_url: str, client: str, lang: str, turns: list[str]):
    """A call that heard these turns, its consent record stored as the phone line stores it when the line closes:
    (store, call id, the dialogue's state)."""
    store = open_store(database_url)
    call_id = store.start_call(client, "test", lang)
    dialogue = call(client, lang)
    for turn in turns:
        dialogue.hear(turn)
    voice_call = SimpleNamespace(call_id=call_id, session=SimpleNamespace(dialogue=dialogue, store=store))
    asyncio.run(_store_consent(voice_call))  # type: ignore[arg-type]
    return store, call_id, dialogue.state
