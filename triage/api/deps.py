"""Typed dependencies the routers share: the server state (one per process, built by the lifespan)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from starlette.requests import HTTPConnection

from ..runtime import ServerState


def server_state(connection: HTTPConnection) -> ServerState:
    """What app.py's lifespan put on the app: engines, store, queue, packs, accounts."""
    return connection.app.state.triage


# A route's (or websocket's) parameter `state: StateDep` is the server state, typed.
StateDep = Annotated[ServerState, Depends(server_state)]
