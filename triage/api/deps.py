"""Typed dependencies the routers share: the server state (one per process, built by the lifespan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import HTTPConnection

if TYPE_CHECKING:
    from ..runtime import ServerState


def server_state(connection: HTTPConnection) -> ServerState:
    """What app.py's lifespan put on the app: engines, store, queue, packs, accounts."""
    return connection.app.state.triage
