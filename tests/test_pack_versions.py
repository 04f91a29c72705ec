"""Packs as versioned data: the prompts folder seeds the database, every change is a new version
with author, time and comment, nothing invalid is stored, a rollback is one action, and the next
call gets the newest version while a running call keeps its own. On SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from triage.audit import AuditLog
from triage.brain.dialogue import Dialogue
from triage.packs.load import PackError
from triage.packs.versions import PackVersions, VersionConflict
from triage.runtime import PackRegistry
from triage.settings import Settings
from triage.store.db import open_database

REPO = Path(__file__).resolve().parents[1]
CLIENT = "kanzlei-berg"


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    out = tmp_path / "prompts"
    shutil.copytree(REPO / "prompts", out)
    return out


def _with_greeting(document: str, de: str) -> str:
    data = yaml.safe_load(document)
    data.setdefault("prompts", {})["greeting"] = {"de": de, "en": "Hello, Berg law firm."}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _greeting(pack) -> str:
    return Dialogue(pack, None, lang="de").greet().says[0]


def test_the_folder_seeds_version_one_and_a_changed_file_becomes_the_next(database_url, prompts):
    versions = PackVersions(open_database(database_url), prompts)
    _pack, first = versions.live(CLIENT)
    assert (first.number, first.source, first.author) == (1, "files", "files")
    assert first.document == (prompts / CLIENT / "pack.yaml").read_text(encoding="utf-8"), "comments and all"
    assert versions.live(CLIENT)[1].number == 1, "unchanged files make no new version"

    path = prompts / CLIENT / "pack.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment from git\n", encoding="utf-8")
    assert versions.live(CLIENT)[1].number == 2
    # a server restarted on the same database does not take the same files in again
    again = PackVersions(open_database(database_url), prompts)
    assert again.live(CLIENT)[1].number == 2


def test_saving_rolling_back_and_the_history(database_url, prompts):
    sessions = open_database(database_url)
    versions = PackVersions(sessions, prompts)
    before, v1 = versions.live(CLIENT)
    old_greeting = _greeting(before)
    v2 = versions.save(CLIENT, _with_greeting(v1.document, "Kanzlei Berg, guten Tag."), "mia", "kürzer", base=1)
    after = versions.live(CLIENT)[0]
    assert _greeting(after).startswith("Kanzlei Berg, guten Tag.")
    assert _greeting(before) == old_greeting, "a call that started before keeps the pack it has"

    with pytest.raises(VersionConflict, match="version 2 now, not 1"):
        versions.save(CLIENT, v1.document, "ben", "stale editor", base=1)
    with pytest.raises(PackError, match="hours"):
        versions.save(CLIENT, v1.document + "\nhours: {mon: ['8-17']}\n", "mia")
    assert versions.latest(CLIENT).number == 2, "nothing invalid is stored"

    v3 = versions.rollback(CLIENT, 1, "mia")
    assert (v3.number, v3.source, v3.document) == (3, "rollback", v1.document)
    assert _greeting(versions.live(CLIENT)[0]) == old_greeting
    history = versions.history(CLIENT)
    assert [(h["number"], h["author"], h["source"]) for h in history] == [
        (3, "mia", "rollback"),
        (2, "mia", "admin"),
        (1, "files", "files"),
    ]
    assert history[1]["comment"] == "kürzer"
    diff = versions.diff(CLIENT, 1, v2.number)
    assert "+    de: Kanzlei Berg, guten Tag." in diff and diff.startswith("--- kanzlei-berg version 1")
    actions = [(e["actor"], e["action"], e["detail"].get("version")) for e in AuditLog(sessions).entries()]
    assert actions[:2] == [("mia", "pack_rollback", 3), ("mia", "pack_admin", 2)]


def test_the_server_registry_gives_each_new_call_the_newest_version(database_url, prompts):
    versions = PackVersions(open_database(database_url), prompts)
    registry = PackRegistry(Settings(prompts_dir=prompts), None, versions)
    running = registry.get(CLIENT)
    v1 = versions.latest(CLIENT)
    versions.save(CLIENT, _with_greeting(v1.document, "Neu: Kanzlei Berg."), "mia")
    assert _greeting(registry.get(CLIENT)).startswith("Neu: Kanzlei Berg.")
    assert not _greeting(running).startswith("Neu"), "the running call keeps its version"
    # another server instance on the same database sees it too
    other = PackRegistry(Settings(prompts_dir=prompts), None, PackVersions(open_database(database_url), prompts))
    assert _greeting(other.get(CLIENT)).startswith("Neu: Kanzlei Berg.")
    assert CLIENT in registry.clients() and registry.exists(CLIENT) and not registry.exists("nobody")


def test_invalid_files_keep_the_last_valid_version_live(database_url, prompts):
    versions = PackVersions(open_database(database_url), prompts)
    versions.live(CLIENT)
    path = prompts / CLIENT / "pack.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nlanguages: [fr]\n", encoding="utf-8")
    pack, version = versions.live(CLIENT)
    assert version.number == 1 and pack.languages == ["de", "en"]
