"""Shared fixtures: every test gets its own embedded database, and runs the real `triage` command."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from triage.cli import app
from triage.settings import get_settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh TRIAGE_DATA_DIR, so the embedded SQLite of one test never sees another's calls."""
    monkeypatch.setenv("TRIAGE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TRIAGE_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


@pytest.fixture
def cli(data_dir: Path) -> Callable[..., object]:
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args))

    return invoke


@pytest.fixture
def simulate(cli, tmp_path: Path) -> Callable[..., dict]:
    """Run `triage simulate` on a script and return its JSON output."""
    counter = iter(range(10_000))

    def run(client: str, turns: list, **script_fields) -> dict:
        script = tmp_path / f"script{next(counter)}.json"
        script.write_text(json.dumps({"turns": turns, **script_fields}, ensure_ascii=False), encoding="utf-8")
        result = cli("simulate", "--client", client, "--script", str(script))
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


def bot_lines(call: dict) -> list[str]:
    return [t["text"] for t in call["transcript"] if t["role"] == "bot"]


def bot_text(call: dict) -> str:
    return " ".join(bot_lines(call))


# --- speech models and real recordings ------------------------------------------------------------
SHARED_AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"


def shared_audio(name: str) -> Path:
    """A real recording from the `shared/audio` folder beside the repository (never copied into it)."""
    path = SHARED_AUDIO / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the tests read real recordings from {SHARED_AUDIO}")
    return path


@pytest.fixture(scope="session")
def synth_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A models dir with the random-weight test sizes, made once per session: whisper/synth-test and
    piper/de_DE-synth-test, en_US-synth-test (`triage models synth --whisper test --voices test`)."""
    from triage.speech.synth import synth

    out = tmp_path_factory.mktemp("speech-models")
    synth(out, whisper=["test"], voices=["test"], echo=lambda _line: None)
    return out
