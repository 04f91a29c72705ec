"""The API docs at /docs, with Swagger UI's scripts and styles served by this server from the
swagger-ui-py package (Swagger UI 5, which reads FastAPI's OpenAPI 3.1; pinned in pyproject.toml), not
from a CDN: a call centre's server often has no internet, and an agent's browser may not either."""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"
SWAGGER_UI = files("swagger_ui") / "static"  # swagger-ui-bundle.js, swagger-ui.css, favicons

# The page and its start-up script are separate files: the server's Content-Security-Policy allows
# scripts from this server only (api/guards.py), never inline ones such as FastAPI's own docs page has.
_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css"><link rel="icon" href="{assets}/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script><script src="/docs/start.js"></script></body></html>
"""
_START = """window.ui = SwaggerUIBundle({{
  url: {openapi_url!r}, dom_id: "#swagger-ui", deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset], layout: "BaseLayout"
}});
"""


def mount_docs(app: FastAPI) -> None:
    """/docs and its assets; the app is created with docs_url=None and redoc_url=None (ReDoc is CDN-only)."""
    app.mount(ASSETS, StaticFiles(directory=str(SWAGGER_UI)), name="docs-assets")
    page = _PAGE.format(title=f"{app.title} – API", assets=ASSETS)
    start = _START.format(openapi_url=app.openapi_url or "/openapi.json")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return HTMLResponse(page)

    @app.get("/docs/start.js", include_in_schema=False)
    async def docs_start() -> Response:
        return Response(start, media_type="text/javascript")
