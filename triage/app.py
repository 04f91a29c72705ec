"""The FastAPI application: the lifespan loads the shared engines once, the routers take calls."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from .admin import api as admin_api
from .admin import pages as admin_pages
from .api.deps import StateDep
from .api.guards import Guards, RedactTokens
from .api.limits import SignInThrottle, SlidingWindow
from .api_docs import mount_docs
from .handoff import api as handoff_api
from .handoff import console as agent_console
from .handoff import voice_api as agent_voice
from .handoff.background import repeat
from .handoff.lines import DEAD_AFTER_SECS, HEARTBEAT_SECS
from .privacy import api as privacy_api
from .runtime import GREETING_KEYS, ServerState, log_slow_collections, settle_heap
from .settings import WEB_DIR, Settings, get_settings
from .telephony import browser, twilio
from .telephony import text as text_calls

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, state: ServerState | None = None) -> FastAPI:
    """`state` may be given already loaded (benchmarks start many servers on one set of engines)."""
    settings = settings or (state.settings if state is not None else get_settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        nonlocal state
        if state is None:
            state = await asyncio.to_thread(ServerState.start, settings)
        app.state.triage = state
        await asyncio.to_thread(state.lines.beat)  # seen before the first call is taken
        state.hub.start(asyncio.get_running_loop())
        stop_background = asyncio.Event()
        listener = asyncio.create_task(state.store.feed.listen(stop_background))
        transfers = state.phone_transfers()
        loops = [asyncio.create_task(loop.run(stop_background)) for loop in state.background()]
        loops.append(asyncio.create_task(transfers.run(stop_background)))  # direct transfers
        loops.append(asyncio.create_task(repeat(stop_background, HEARTBEAT_SECS, lambda: _rescue(state), "rescue")))
        # The greeting path is synthesised before we report ready; the rest follows in the background.
        await asyncio.to_thread(state.packs.warm_all, GREETING_KEYS)
        settle_heap()
        log_slow_collections()
        state.ready = True
        rest = asyncio.create_task(_warm_rest(state))
        try:
            yield
        finally:
            stop_background.set()
            await asyncio.wait({listener, *loops}, timeout=5)
            state.hub.stop()
            state.packs.stop_warming()
            await asyncio.wait({rest}, timeout=30)  # its thread ends after the sentence it is on
            state.close()
            gc.unfreeze()  # what start-up made may be garbage now (tests start many servers in one process)

    app = FastAPI(
        title="triage",
        summary="Voice AI front-end for call centres: answers, triages and hands callers to humans.",
        lifespan=lifespan,
        docs_url=None,  # operator (issue 13): /docs from local assets, see api_docs.py
        redoc_url=None,
    )
    mount_docs(app)
    app.add_middleware(
        Guards,
        max_body_bytes=settings.max_body_bytes,
        allowed_origins=settings.allowed_origins,
        public_url=settings.public_url,
    )
    if settings.trusted_proxies:  # outermost: limits, logs and guards see the caller behind the proxy
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)
    app.add_exception_handler(RequestValidationError, _validation_failed)
    app.state.call_limiter = SlidingWindow(settings.public_calls_per_minute, 60.0)
    app.state.sign_in_throttle = SignInThrottle(settings.sign_in_failures)
    for logger in ("uvicorn.access", "uvicorn.error"):  # the latter logs websocket handshakes with their URL
        logging.getLogger(logger).addFilter(RedactTokens())
    app.include_router(twilio.router)
    app.include_router(browser.router)
    app.include_router(handoff_api.router)
    app.include_router(admin_api.router)
    app.include_router(admin_pages.router)
    app.include_router(agent_console.router)
    app.include_router(agent_voice.router)
    app.include_router(text_calls.router)
    app.include_router(privacy_api.router)
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/healthz", tags=["ops"], summary="The process is up")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["ops"], summary="Engines loaded and greetings synthesised: calls can be taken")
    async def readyz(request: Request) -> JSONResponse:
        state: ServerState | None = getattr(request.app.state, "triage", None)
        if state is None or not state.ready:
            return JSONResponse({"status": "loading"}, status_code=503)
        try:  # a real write: a database that cannot store a handoff cannot take calls
            await asyncio.to_thread(state.lines.beat)
        except Exception as exc:
            log.error("ALERT: the database cannot be written (%s): not ready for calls", exc)
            return JSONResponse({"status": "database cannot be written", "error": str(exc)[:200]}, status_code=503)
        tts = state.engines.tts
        return JSONResponse(
            {
                "status": "ready",
                "stt_model": str(state.engines.stt.model_path),
                "voices": {lang: v.source for lang, v in tts.voices.items()},
                "cached_prompts": len(tts.cache),
                "all_prompts_cached": state.warm_done,
            }
        )

    @app.get("/metrics", tags=["ops"], summary="Prometheus metrics")
    async def metrics(state: StateDep) -> Response:
        return Response(state.metrics.exposition(), media_type="text/plain; version=0.0.4")

    return app


async def _rescue(state: ServerState) -> None:
    """Emergencies in calls whose server stopped before their outcome was stored become handoffs."""
    for handoff_id in await asyncio.to_thread(state.store.rescue_lost_emergencies, DEAD_AFTER_SECS):
        log.warning("handoff %s: an emergency call was lost with its server; agents call back", handoff_id)


async def _validation_failed(request: Request, exc: Exception) -> JSONResponse:
    """422 naming each field and what is wrong with it, without echoing what was sent (a large body
    would come back whole; a NaN cannot even be written as JSON)."""
    assert isinstance(exc, RequestValidationError)
    errors = []
    for error in exc.errors():
        shown = {k: v for k, v in error.items() if k not in ("input", "ctx", "url")}
        value = error.get("input")
        if isinstance(value, str | int | bool) and len(repr(value)) <= 80:
            shown["input"] = value
        errors.append(shown)
    return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)


async def _warm_rest(state: ServerState) -> None:
    """Every other fixed sentence, after the server is already taking calls."""
    await asyncio.to_thread(state.packs.warm_all)
    state.warm_done = True
