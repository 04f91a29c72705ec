"""The admin editor: one static page (triage/web/admin.*) on top of the admins' API (triage/admin/api.py).

The page has no YAML library (it must work on a closed network), so its raw YAML view asks the
server to turn the text into the form's fields (`POST /admin/yaml`); nothing is stored by that.
"""

from __future__ import annotations

import asyncio
from typing import Any

import yaml
from fastapi import APIRouter
from fastapi.encoders import jsonable_encoder
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from ..packs.load import safe_yaml
from ..settings import WEB_DIR
from .api import MAX_DOCUMENT, Admin

router = APIRouter(tags=["admin"])


@router.get("/admin", summary="The admin editor: client packs as forms and YAML, checks, preview, history")
async def admin_editor() -> FileResponse:
    return FileResponse(WEB_DIR / "admin.html", media_type="text/html", headers={"Cache-Control": "no-store"})


class YamlText(BaseModel):
    yaml: str = Field(max_length=MAX_DOCUMENT)


@router.post("/admin/yaml", summary="The editor's YAML view as fields (nothing is stored)")
async def parse_yaml(body: YamlText, user: Admin) -> dict[str, Any]:
    """`{document}` when the text is a YAML mapping, else `{document: null, problem, line}`.

    Parsed in a worker thread and without aliases (see NoAliasLoader): the event loop stays free.
    """
    try:
        document = await asyncio.to_thread(safe_yaml, body.yaml)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join(str(part) for part in (getattr(exc, "context", None), getattr(exc, "problem", None)) if part)
        return {"document": None, "problem": problem or str(exc), "line": mark.line + 1 if mark else None}
    if document is None:
        document = {}
    if not isinstance(document, dict):
        return {"document": None, "problem": "the pack must be a mapping of fields (key: value)", "line": 1}
    return {"document": jsonable_encoder(document)}
