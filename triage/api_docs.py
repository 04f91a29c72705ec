"""The API docs at /docs, with Swagger UI's scripts and styles served by this server from the
swagger-ui-py package (Swagger UI 5, which reads FastAPI's OpenAPI 3.1; pinned in pyproject.toml), not
from a CDN: a call centre's server often has no internet, and an agent's browser may not either."""

from __future__ import annotations

from importlib.resources import files

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"
SWAGGER_UI = files("swagger_ui") / "static"  # swagger-ui-bundle.js, swagger-ui.css, favicons


def mount_docs(app: FastAPI) -> None:
    """/docs and its assets; the app is created with docs_url=None and redoc_url=None (ReDoc is CDN-only)."""
    app.mount(ASSETS, StaticFiles(directory=str(SWAGGER_UI)), name="docs-assets")
    redirect = "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} – API",
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
            oauth2_redirect_url=redirect,
        )

    @app.get(redirect, include_in_schema=False)
    async def oauth2_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()
