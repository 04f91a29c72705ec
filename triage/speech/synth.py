"""`triage models synth`: random-weight stand-ins for the speech models, in their real formats.

Tests, CI and benchmarks must run the real engines (faster-whisper, Piper) without internet, and the real
weights can only come from the Hugging Face hub. These models have the real architectures and file formats
and a speech-like decoding length, so everything around them (loading, threading, streaming, latency of the
real sizes) is exercised honestly; only what they say is nonsense. Output is deterministic for a seed.

    DIR/whisper/synth-test|synth-tiny|synth-base/
    DIR/piper/de_DE-synth-test|medium.onnx (+ .onnx.json), en_US-synth-test|medium.onnx (+ .onnx.json)
"""

from __future__ import annotations

import json
import logging
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .models import voice_complete, voice_file, whisper_complete, whisper_dir

WHISPER_SIZES = ("test", "tiny", "base")
VOICE_SIZES = ("test", "medium")
VOICE_LANGUAGES = ("de_DE", "en_US")
RECIPE = 1  # bump when the synthesized weights change, so stale outputs are rebuilt
STAMP = "synth.json"


@dataclass(frozen=True)
class Synthesized:
    name: str
    path: Path
    seconds: float
    bytes: int
    rebuilt: bool  # False: an identical one was already there


def parse_sizes(value: str, allowed: tuple[str, ...], what: str) -> list[str]:
    """Turn "test,tiny" into ["test", "tiny"]; "" or "none" into []."""
    sizes = [s.strip() for s in value.split(",") if s.strip() and s.strip().lower() != "none"]
    unknown = [s for s in sizes if s not in allowed]
    if unknown:
        raise ValueError(f"unknown {what} size {', '.join(unknown)}: choose from {', '.join(allowed)}")
    return sizes


def _stamp(seed: int, size: str) -> dict:
    return {"recipe": RECIPE, "seed": seed, "size": size}


def _size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size + Path(f"{path}.json").stat().st_size


def _quiet() -> None:
    """Conversion chatter (progress bars, tracer warnings) would bury the one line per model that matters.

    Call inside warnings.catch_warnings(), so the filters end with the synthesis."""
    logging.getLogger("transformers").setLevel(logging.ERROR)
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except ImportError:
        pass
    warnings.filterwarnings("ignore", module=r"torch\..*")
    warnings.filterwarnings("ignore", module=r"piper\.train\..*")
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning)


def synth(
    out: Path,
    whisper: Iterable[str] = WHISPER_SIZES,
    voices: Iterable[str] = VOICE_SIZES,
    *,
    seed: int = 0,
    force: bool = False,
    echo: Callable[[str], None] = print,
    languages: Iterable[str] = VOICE_LANGUAGES,
) -> list[Synthesized]:
    """Write the requested sizes under `out` (voices in `languages`); models already there with the same
    recipe and seed are kept."""
    try:
        import torch  # noqa: F401  (the synth extra: torch, transformers, onnx)
    except ImportError as exc:
        raise RuntimeError("synthesizing models needs PyTorch: pip install -e '.[synth]'") from exc
    with warnings.catch_warnings():
        _quiet()
        return _synth(out, whisper, voices, seed=seed, force=force, echo=echo, languages=languages)


def _synth(
    out: Path,
    whisper: Iterable[str],
    voices: Iterable[str],
    *,
    seed: int,
    force: bool,
    echo: Callable[[str], None],
    languages: Iterable[str],
) -> list[Synthesized]:
    from .synth_piper import synth_voice, voice_name
    from .synth_whisper import synth_whisper

    made: list[Synthesized] = []
    for size in whisper:
        name = f"synth-{size}"
        target = whisper_dir(out, name)
        stamp = _stamp(seed, size)
        started = time.perf_counter()
        fresh = force or not (whisper_complete(target) and _read_json(target / STAMP) == stamp)
        if fresh:
            synth_whisper(size, target, seed=seed)
            (target / STAMP).write_text(json.dumps(stamp))
        made.append(_report(name, target, started, fresh, echo))
    for size in voices:
        for lang in languages:
            name = voice_name(lang, size)
            target = voice_file(out, name)
            stamp = _stamp(seed, size)
            started = time.perf_counter()
            config = _read_json(Path(f"{target}.json")) or {}
            fresh = force or not (voice_complete(target) and config.get("synth") == stamp)
            if fresh:
                synth_voice(lang, size, target.parent, seed=seed, stamp=stamp)
            made.append(_report(name, target, started, fresh, echo))
    return made


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _report(name: str, path: Path, started: float, rebuilt: bool, echo: Callable[[str], None]) -> Synthesized:
    result = Synthesized(name, path, time.perf_counter() - started, _size_of(path), rebuilt)
    verb = "wrote" if rebuilt else "kept "
    echo(f"{verb} {name:<20} {result.bytes / 1e6:7.1f} MB {result.seconds:6.1f} s  {path}")
    return result
