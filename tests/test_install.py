"""The package as an operator installs it: a normal, non-editable `pip install .` (the Dockerfile's step)
into a fresh virtualenv, run from another directory, with nothing read from the source checkout; and the
server with docker-compose.yml's environment against PostgreSQL. (There is no Docker engine here: the
venv stands in for the image, which runs the same `pip install .`.)"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from tests.conftest import fresh_postgres_database
from tests.voice_server import free_port
from triage.settings import Settings

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with the package installed from a copy of this checkout (its tracked and new files, as a
    fresh clone has them), non-editable. --system-site-packages lends it the heavy dependencies; the
    system pip and setuptools build it (the venv's bundled setuptools is older than pyproject asks)."""
    root = tmp_path_factory.mktemp("install")
    source, venv = root / "source", root / "venv"
    files = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, files):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((REPO / name).read_bytes())
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "."],
        cwd=source,
        env=_clean_env(),
        check=True,
        capture_output=True,
    )
    import shutil

    shutil.rmtree(source)  # nothing may be read from the tree it was built from
    return venv


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment without this checkout on PYTHONPATH and without TRIAGE_* settings of the test run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith("TRIAGE_")}
    return {**env, "HF_HUB_OFFLINE": "1", **extra}


def _triage(venv: Path, *args: str, cwd: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(venv / "bin" / "triage"), *args],
        cwd=cwd,
        env=_clean_env(**env),
        input=stdin,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"triage {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done


def test_the_installed_command_works_from_any_directory(venv: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import triage; print(triage.__file__)"],
        cwd=tmp_path,
        env=_clean_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(venv) in where and str(REPO) not in where  # the installed copy, not this checkout

    data = {"TRIAGE_DATA_DIR": str(tmp_path / "data")}
    models = _triage(venv, "models", "list", cwd=tmp_path, **data).stdout  # reads the shipped models/speech.yaml
    assert "de_DE-thorsten-medium" in models and "Systran/faster-whisper-base" in models
    clients = _triage(venv, "clients", cwd=tmp_path, **data).stdout  # the shipped prompts/
    assert re.search(r"^sanitaer-notdienst\tKrüger Sanitär und Heizung\tde,en\tv1$", clients, re.M), clients
    assert "INVALID" not in clients
    assert "--port" in _triage(venv, "serve", "--help", cwd=tmp_path).stdout
    call = _triage(venv, "chat", "--client", "sanitaer-notdienst", cwd=tmp_path, **data)
    assert "Krüger" in call.stdout  # the greeting: the shipped pack and classifier load


@contextmanager
def _installed_server(venv: Path, cwd: Path, env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    log = cwd / "server.log"
    process = subprocess.Popen(
        [str(venv / "bin" / "triage"), "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=cwd,
        env=_clean_env(**env),
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240  # engines and every greeting on a busy 2-core machine
        while True:
            assert process.poll() is None, f"triage serve exited with {process.returncode}:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"not ready within 240 s:\n{log.read_text()}"
            try:
                with urllib.request.urlopen(url + "/readyz", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        print(f"--- server log (tail) ---\n{log.read_text()[-4000:]}")


def _compose_server_env() -> dict[str, str]:
    """docker-compose.yml's server environment, `${VAR:-default}` read as compose reads it with VAR unset."""
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    assert {"db", "server"} <= set(compose["services"])
    env = compose["services"]["server"]["environment"]
    return {k: re.sub(r"\$\{[A-Z_]+(?::?-([^}]*))?\}", lambda m: m.group(1) or "", str(v)) for k, v in env.items()}


def test_the_compose_server_environment_runs_against_postgresql(venv: Path, synth_models: Path, tmp_path: Path) -> None:
    env = _compose_server_env()
    assert env["TRIAGE_DATABASE_URL"].startswith("postgresql+psycopg://")
    known = {f"TRIAGE_{name.upper()}" for name in Settings.model_fields}
    assert {k for k in env if k.startswith("TRIAGE_")} <= known  # no misspelt setting the server would ignore
    with fresh_postgres_database() as url:
        env |= {
            "TRIAGE_DATABASE_URL": url,  # the test server instead of the compose file's `db`
            "TRIAGE_DATA_DIR": str(tmp_path / "data"),  # the compose volume's paths, here
            "TRIAGE_MODELS_DIR": str(synth_models),  # the image's models; random-weight stand-ins here
            "TRIAGE_STT_MODEL": "synth-test",
            "TRIAGE_TTS_VOICE_DE": "de_DE-synth-test",
            "TRIAGE_TTS_VOICE_EN": "en_US-synth-test",
            "HF_HUB_OFFLINE": "1",
        }
        with _installed_server(venv, tmp_path, env) as server:
            with urllib.request.urlopen(server + "/healthz", timeout=10) as answer:
                assert answer.status == 200
            with urllib.request.urlopen(server + "/docs", timeout=10) as answer:
                assert answer.status == 200
        assert not (tmp_path / "data" / "triage.db").exists()  # everything went to PostgreSQL
