"""Client packs as versioned data in the database.

The folders in `prompts/` seed it: a client without a version gets its files' document as version 1,
and when those files change (packs can live in git) the next read stores them as a new version. From
then on every change an admin saves, imports or rolls back is a new version with author, time and
comment; nothing is overwritten. Each version holds the client's own YAML document (what a client
folder holds, without the shared defaults), so an export is a file `prompts/<id>/pack.yaml` can take.

A call takes the newest version when it starts and keeps that Pack for its whole life. Every server
instance reads the newest version from the shared database, so a saved change reaches the next
call on all of them without a restart.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from .. import audit
from ..store.tables import PackVersion
from .load import PackError, UnknownClient, client_document, list_clients, pack_from_yaml_text
from .schema import Pack

log = logging.getLogger(__name__)

FILES = "files"  # the author and source of versions read from prompts/


class VersionConflict(Exception):
    """Someone saved a newer version since the editor loaded the one it changed."""


@dataclass(frozen=True)
class Version:
    client_id: str
    number: int
    document: str
    content_hash: str
    source: str
    author: str
    comment: str
    tests: list[Any]
    created_at: datetime

    def info(self) -> dict[str, Any]:
        """What a history lists (no document)."""
        created = self.created_at if self.created_at.tzinfo else self.created_at.replace(tzinfo=UTC)
        passed = sum(1 for t in self.tests if t.get("passed"))
        return {
            "number": self.number,
            "source": self.source,
            "author": self.author,
            "comment": self.comment,
            "created_at": created.isoformat(),
            "tests": {"passed": passed, "failed": len(self.tests) - passed},
        }


def _hash(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def _version(row: PackVersion) -> Version:
    return Version(
        client_id=row.client_id,
        number=row.number,
        document=row.document,
        content_hash=row.content_hash,
        source=row.source,
        author=row.author,
        comment=row.comment,
        tests=list(row.tests or []),
        created_at=row.created_at,
    )


def build_pack(client_id: str, document: str, prompts_dir: Path, number: int | None = None) -> Pack:
    """Validate a client's document over the defaults. Raises PackError naming field and fix."""
    source = f"{client_id} (version {number})" if number else f"{client_id} (draft)"
    return pack_from_yaml_text(document, source, prompts_dir, client_id=client_id)


class PackVersions:
    def __init__(self, sessions: sessionmaker, prompts_dir: Path) -> None:
        self.sessions = sessions
        self.prompts_dir = Path(prompts_dir)
        self._packs: dict[tuple[str, int], Pack] = {}  # validated packs by version: versions never change
        self._files_seen: dict[str, tuple] = {}  # client -> the file stats last taken in (or refused)
        self._lock = threading.Lock()

    # --- reading ----------------------------------------------------------------------------------
    def clients(self) -> list[str]:
        with self.sessions() as db:
            stored = set(db.scalars(select(PackVersion.client_id).distinct()))
        return sorted(stored | set(list_clients(self.prompts_dir)))

    def latest(self, client_id: str) -> Version | None:
        with self.sessions() as db:
            row = db.scalar(
                select(PackVersion)
                .where(PackVersion.client_id == client_id)
                .order_by(PackVersion.number.desc())
                .limit(1)
            )
            return _version(row) if row else None

    def get(self, client_id: str, number: int) -> Version | None:
        with self.sessions() as db:
            row = db.scalar(select(PackVersion).where(PackVersion.client_id == client_id, PackVersion.number == number))
            return _version(row) if row else None

    def history(self, client_id: str) -> list[dict[str, Any]]:
        with self.sessions() as db:
            rows = db.scalars(
                select(PackVersion).where(PackVersion.client_id == client_id).order_by(PackVersion.number.desc())
            )
            return [_version(r).info() for r in rows]

    def live(self, client_id: str) -> tuple[Pack, Version]:
        """The pack the next call of this client gets: the newest version, after taking in any change
        of its files. Raises UnknownClient for an unknown client."""
        self.sync_from_files(client_id)
        version = self.latest(client_id)
        if version is None:
            raise UnknownClient(f"unknown client {client_id!r}; known clients: {', '.join(self.clients()) or 'none'}")
        return self.pack_of(version), version

    def pack_of(self, version: Version) -> Pack:
        key = (version.client_id, version.number)
        with self._lock:
            pack = self._packs.get(key)
        if pack is None:
            pack = build_pack(version.client_id, version.document, self.prompts_dir, version.number)
            with self._lock:
                self._packs[key] = pack
        return pack

    def diff(self, client_id: str, older: int, newer: int) -> str:
        a, b = self.get(client_id, older), self.get(client_id, newer)
        if a is None or b is None:
            raise LookupError(f"{client_id} has no version {older if a is None else newer}")
        return "".join(
            difflib.unified_diff(
                a.document.splitlines(keepends=True),
                b.document.splitlines(keepends=True),
                fromfile=f"{client_id} version {older}",
                tofile=f"{client_id} version {newer}",
            )
        )

    # --- writing ----------------------------------------------------------------------------------
    def save(
        self,
        client_id: str,
        document: str,
        author: str,
        comment: str = "",
        *,
        source: str = "admin",
        base: int | None = None,
        tests: list[dict[str, Any]] | None = None,
    ) -> Version:
        """Store a new version. The caller has validated `document` (see build_pack); `base` is the
        version the editor started from: if a newer one was saved meanwhile, VersionConflict."""
        build_pack(client_id, document, self.prompts_dir)  # never store what a call could not load
        try:
            with self.sessions.begin() as db:
                newest = db.scalar(select(func.max(PackVersion.number)).where(PackVersion.client_id == client_id))
                if base is not None and (newest or 0) != base:
                    raise VersionConflict(
                        f"{client_id} is at version {newest} now, not {base}: someone saved meanwhile. "
                        "Reload, then make the change again."
                    )
                row = PackVersion(
                    client_id=client_id,
                    number=(newest or 0) + 1,
                    document=document,
                    content_hash=_hash(document),
                    source=source,
                    author=author,
                    comment=comment,
                    tests=tests or [],
                )
                db.add(row)
                db.flush()
                if source != FILES:
                    audit.record(db, author, f"pack_{source}", client_id, version=row.number, comment=comment)
                return _version(row)
        except IntegrityError as exc:  # two saves at the same moment: the second one must reload
            raise VersionConflict(f"{client_id} was saved by someone else at the same moment; reload") from exc

    def rollback(self, client_id: str, number: int, author: str, comment: str = "") -> Version:
        old = self.get(client_id, number)
        if old is None:
            raise LookupError(f"{client_id} has no version {number}")
        return self.save(
            client_id,
            old.document,
            author,
            comment or f"rollback to version {number}",
            source="rollback",
            tests=old.tests,
        )

    def sync_from_files(self, client_id: str) -> Version | None:
        """Take in the client folder's files when they differ from the last version read from them
        (or when the client has no version yet). Returns the new version, if any. Files that do not
        make a valid pack are not taken: calls keep the last valid version, and the error is logged
        (an admin sees it in `triage clients`)."""
        if client_id not in list_clients(self.prompts_dir):
            return None
        folder = self.prompts_dir / client_id
        stats = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.y*ml")))
        with self._lock:
            if self._files_seen.get(client_id) == stats:
                return None
        document = client_document(client_id, self.prompts_dir)
        digest = _hash(document)
        with self.sessions() as db:
            last_from_files = db.scalar(
                select(PackVersion.content_hash)
                .where(PackVersion.client_id == client_id, PackVersion.source == FILES)
                .order_by(PackVersion.number.desc())
                .limit(1)
            )
        version = None
        if last_from_files != digest:
            try:
                version = self.save(client_id, document, FILES, "read from the prompts folder", source=FILES)
            except VersionConflict:
                pass  # another instance read the same files at the same moment
            except PackError as exc:
                if self.latest(client_id) is None:
                    raise
                log.error(
                    "%s: the changed files are not a valid pack; calls keep the last version:\n%s", client_id, exc
                )
        with self._lock:
            self._files_seen[client_id] = stats
        return version
