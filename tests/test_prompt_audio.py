"""The greeting is spoken from audio made before the phone rang, and a changed pack is spoken anew."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from pathlib import Path

import pytest

from triage.packs.render import fixed_prompts, say
from triage.runtime import GREETING_KEYS, PackRegistry
from triage.settings import Settings
from triage.speech.engines import TextToSpeech

CLIENT = "sanitaer-notdienst"


@pytest.fixture
def prompts_dir(tmp_path: Path) -> Path:
    src = Settings().prompts_dir
    dst = tmp_path / "prompts"
    shutil.copytree(src, dst)
    return dst


def test_fixed_prompts_cover_every_greeting_of_the_day_but_no_caller_details(prompts_dir: Path) -> None:
    registry = PackRegistry(Settings(prompts_dir=prompts_dir))
    pack = registry.get(CLIENT)
    fixed = fixed_prompts(pack)
    greetings = {say(pack, "greeting", "de", time_of_day=t) for t in ("morning", "afternoon", "evening")}
    assert greetings <= fixed["de"]
    assert say(pack, "ask_need", "en") in fixed["en"]
    assert not any("Anna" in text or "{{" in text for texts in fixed.values() for text in texts)


def test_the_greeting_streams_from_the_cache_without_synthesis(prompts_dir: Path, tts: TextToSpeech) -> None:
    registry = PackRegistry(Settings(prompts_dir=prompts_dir), tts)
    assert registry.warm_all(GREETING_KEYS) > 0
    pack = registry.get(CLIENT)
    greeting = say(pack, "greeting", "de", time_of_day="morning")
    cached = tts.cache.get("de", greeting)
    assert cached and len(cached) > 16_000  # more than half a second of 16 kHz audio

    async def first_chunk(rate: int | None = None) -> bytes:
        async for audio in tts.stream(greeting, "de", rate=rate):
            return audio
        return b""

    assert asyncio.run(first_chunk()) == cached
    # a phone line's rate: the cached audio resampled once, and kept at that rate for the next caller
    phone = asyncio.run(first_chunk(8000))
    assert abs(len(phone) / 2 / 8000 - len(cached) / 2 / tts.voice("de").sample_rate) < 0.01
    assert tts.cache.get("de", greeting, 8000) == phone == asyncio.run(first_chunk(8000))


def test_a_changed_greeting_is_synthesised_for_the_next_call(prompts_dir: Path, tts: TextToSpeech) -> None:
    registry = PackRegistry(Settings(prompts_dir=prompts_dir), tts)
    registry.warm_all(GREETING_KEYS)
    before = registry.get(CLIENT)
    pack_file = prompts_dir / CLIENT / "pack.yaml"
    new_greeting = "Hallo, hier ist der neue Notdienst von Krüger."
    text = pack_file.read_text(encoding="utf-8")
    assert "\n  greeting:" not in text  # the greeting comes from _defaults until the admin sets one
    time.sleep(0.01)
    greeting = f'  greeting:\n    de: "{new_greeting}"\n    en: "Hello, this is the new Krüger service."\n'
    if "\nprompts:\n" in text:  # the pack has sentences of its own: the greeting joins them
        pack_file.write_text(text.replace("\nprompts:\n", f"\nprompts:\n{greeting}", 1), encoding="utf-8")
    else:
        pack_file.write_text(f"{text.rstrip()}\nprompts:\n{greeting}", encoding="utf-8")

    after = registry.get(CLIENT)  # the next call sees the new pack and its sentences are made again
    assert after is not before
    assert say(after, "greeting", "de") == new_greeting
    deadline = time.monotonic() + 30
    while tts.cache.get("de", new_greeting) is None:
        assert time.monotonic() < deadline, "the new greeting was not synthesised"
        time.sleep(0.05)
    assert say(before, "greeting", "de", time_of_day="morning") != new_greeting  # a running call keeps its pack
    registry.settle(timeout=60)


def test_background_synthesis_waits_while_a_call_is_live(prompts_dir: Path, tts: TextToSpeech) -> None:
    """Synthesis takes both cores; beside a live call it delayed that caller's replies by seconds. So the
    server's background synthesis starts no sentence while a call is in progress, and resumes after it."""
    from triage.metrics import Metrics

    metrics = Metrics()
    registry = PackRegistry(Settings(prompts_dir=prompts_dir), tts, give_way=lambda: metrics.live_calls() > 0)
    metrics.active_calls.labels("twilio").inc()  # a caller is on the line
    made: list[int] = []
    worker = threading.Thread(target=lambda: made.append(registry.warm_all(GREETING_KEYS)))
    worker.start()
    worker.join(1.5)
    assert worker.is_alive() and not made
    greetings = fixed_prompts(registry.get(CLIENT), GREETING_KEYS)
    assert all(tts.cache.get(lang, text) is None for lang, texts in greetings.items() for text in texts)
    metrics.active_calls.labels("twilio").dec()  # the call is over
    worker.join(120)
    assert made and made[0] > 0
