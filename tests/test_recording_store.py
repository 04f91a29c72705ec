"""Call recordings at rest, on SQLite and PostgreSQL: sealed with the key from the settings (no
plaintext byte on disk), played back exactly, listed by an export, removed by an erasure request and
by the purge once older than the pack's audio retention. Real text calls (`triage simulate`) stand for
the calls; the recordings are written through the real vault the server uses."""

from __future__ import annotations

import json
import logging
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
import yaml
from cryptography.fernet import Fernet
from sqlalchemy import create_engine, select, update
from sqlalchemy.orm import Session

from tests.voice_server import BURST_PIPE
from triage.privacy.recording import RecordingUnreadable, RecordingVault
from triage.settings import REPO_ROOT, Settings, get_settings
from triage.store.repo import open_store
from triage.store.tables import Call, Handoff, Recording

KEY = Fernet.generate_key().decode()


def tone(seconds: float, hz: float) -> bytes:
    """Stereo 16 kHz PCM: a tone on the caller's side, silence on the bot's."""
    t = np.arange(int(16_000 * seconds)) / 16_000
    left = (np.sin(2 * np.pi * hz * t) * 8000).astype("<i2")
    return np.column_stack([left, np.zeros_like(left)]).tobytes()


@pytest.fixture
def setup(cli, simulate, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    prompts = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "prompts", prompts)
    path = prompts / "sanitaer-notdienst" / "pack.yaml"
    pack = yaml.safe_load(path.read_text(encoding="utf-8"))
    pack["retention"] = {"audio_days": 30}
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("TRIAGE_DATABASE_URL", database_url)
    monkeypatch.setenv("TRIAGE_PROMPTS_DIR", str(prompts))
    get_settings.cache_clear()
    settings = Settings(data_dir=tmp_path / "data", recording_key=KEY, recordings_dir=tmp_path / "audio")
    store = open_store(database_url)
    vault = RecordingVault.open(settings, store.sessions)

    def record(seconds: float = 2.5, hz: float = 440.0) -> tuple[str, str, bytes]:
        result = simulate("sanitaer-notdienst", BURST_PIPE)
        assert result["outcome"]["type"] == "handoff"
        pcm = tone(seconds, hz)
        recording_id, file = vault.begin(
            result["call_id"], "sanitaer-notdienst", consent_prompt="Sind Sie einverstanden?", consent_at=None
        )
        for start in range(0, len(pcm), 32_000):  # in chunks, as the recorder writes them
            vault.append(recording_id, file, pcm[start : start + 32_000])
        return result["call_id"], file, pcm

    def triage(*args: str) -> dict:
        result = cli(*args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return vault, record, triage


def test_a_recording_is_sealed_on_disk_and_plays_back_exactly(setup):
    vault, record, _ = setup
    call_id, file, pcm = record()
    sealed = Path(file).read_bytes()
    assert Path(file).parent == vault.root.resolve()
    # no plaintext audio at rest: no WAV header, no stretch of the samples, only the cipher's base64 token text ("RIFF"
    # itself may turn up inside that text by chance: about once in 16 million four-letter windows)
    assert not sealed.startswith(b"RIFF") and pcm[1000:1064] not in sealed
    assert set(sealed.strip()) <= set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=\n")
    with vault.sessions() as db:
        row = db.scalars(select(Recording).where(Recording.call_id == call_id)).one()
        assert row.pcm_bytes == len(pcm) and row.channels == 2 and row.sample_rate == 16_000
        assert db.get(Call, call_id).recording_consent is True
        played = b"".join(vault.wav(row))
    assert played[44:] == pcm and played[:4] == b"RIFF"
    other = RecordingVault(vault.sessions, vault.root, Fernet(Fernet.generate_key()))
    with pytest.raises(RecordingUnreadable):  # another key cannot open it
        list(other.chunks(file))


def test_no_key_means_no_recording_and_the_log_says_so(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    settings = Settings(data_dir=tmp_path / "data", recordings_dir=tmp_path / "audio")
    with caplog.at_level(logging.WARNING):
        assert RecordingVault.open(settings, None) is None
    assert "no recording key" in caplog.text
    assert not (tmp_path / "audio").exists()


def test_export_gives_the_audio_and_delete_removes_files_and_rows(
    setup, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    _, record, triage = setup
    call_id, file, pcm = record()
    exported = triage("privacy", "export", "--phone", "0171 2345678")
    [call] = [c for c in exported["calls"] if c["id"] == call_id]
    [listed] = call["recordings"]
    assert listed["file"] == file and listed["pcm_bytes"] > 0
    monkeypatch.setenv("TRIAGE_RECORDING_KEY", KEY)
    monkeypatch.setenv("TRIAGE_RECORDINGS_DIR", str(tmp_path / "audio"))
    get_settings.cache_clear()
    exported = triage("privacy", "export", "--phone", "0171 2345678", "--audio", str(tmp_path / "request"))
    [call] = [c for c in exported["calls"] if c["id"] == call_id]
    wav = Path(call["recordings"][0]["audio_file"])
    assert wav.parent == tmp_path / "request" and wav.read_bytes()[44:] == pcm  # the caller's own audio, decrypted
    erased = triage("privacy", "delete", "--phone", "+49 171 2345678")
    assert erased["erased"]["recordings"] == 1
    assert not Path(file).exists()
    engine = create_engine(database_url)
    with Session(engine) as db:
        assert db.scalars(select(Recording)).all() == []
    engine.dispose()


def test_the_purge_removes_exactly_the_audio_older_than_the_packs_audio_retention(setup, database_url: str):
    _, record, triage = setup
    old, old_file, _ = record(1.0)
    young, young_file, _ = record(1.0)
    held, held_file, _ = record(1.0)
    engine = create_engine(database_url)
    with Session(engine) as db, db.begin():
        for call_id, days in ((old, 31), (young, 29), (held, 40)):
            db.execute(
                update(Recording)
                .where(Recording.call_id == call_id)
                .values(started_at=datetime.now(UTC) - timedelta(days=days))
            )
        db.execute(update(Handoff).where(Handoff.call_id == held).values(legal_hold=True))
    triage("privacy", "purge")
    with Session(engine) as db:
        assert sorted(db.scalars(select(Recording.call_id))) == sorted([young, held])
    engine.dispose()
    assert not Path(old_file).exists() and Path(young_file).exists() and Path(held_file).exists()
