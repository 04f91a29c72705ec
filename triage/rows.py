"""One row of `triage analyze`: the JSON contract of PRODUCT.md, checked field by field."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from .brain.analyze import analyze, prepare
from .brain.extract import catalog_from_rows
from .brain.model import TextModel
from .packs.load import PackError, load_pack
from .packs.schema import Pack


class RowError(ValueError):
    def __init__(self, message: str, row_id: Any = None) -> None:
        super().__init__(message)
        self.row_id = row_id


def _pack(client: str, packs: dict[str, Pack], prompts_dir: Path, row_id: Any) -> Pack:
    if client not in packs:
        try:
            packs[client] = load_pack(client, prompts_dir)
        except PackError as exc:
            raise RowError(str(exc), row_id) from exc
        prepare(packs[client])
    return packs[client]


def analyze_row(line: str, *, model: TextModel | None, packs: dict[str, Pack], prompts_dir: Path) -> dict[str, Any]:
    """Parse, validate and analyse one JSONL line; a bad line raises RowError naming the problem."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RowError(f"not valid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(row, dict):
        raise RowError('a row must be a JSON object with at least "id" and "text"')
    row_id = row.get("id")
    text = row.get("text")
    if not isinstance(text, str):
        raise RowError('"text" must be a string', row_id)
    lang = row.get("lang")
    if lang is not None and lang not in ("de", "en"):
        raise RowError(f'"lang" must be "de" or "en", got {lang!r}', row_id)
    client = row.get("client")
    if client is not None and not isinstance(client, str):
        raise RowError('"client" must be a string', row_id)
    pack = _pack(client, packs, prompts_dir, row_id) if client else None
    catalog = None
    if row.get("catalog") is not None:
        if not isinstance(row["catalog"], list):
            raise RowError('"catalog" must be a list of {"sku", "name", "aliases"?, "options"?}', row_id)
        try:
            catalog = catalog_from_rows(row["catalog"])
        except (ValueError, TypeError, KeyError, AttributeError) as exc:  # pydantic errors are ValueErrors
            raise RowError(f'"catalog" is not valid: {exc}', row_id) from exc
    started = time.perf_counter()
    result = analyze(text, pack=pack, catalog=catalog, model=model, lang=lang)
    return {"id": row_id, **result.as_row(), "ms": round((time.perf_counter() - started) * 1000, 2)}
