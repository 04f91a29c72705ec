"""`triage bench`: simulated Twilio callers against a real `triage serve` on loopback.

For each Whisper size it starts the server as a subprocess (so its CPU and memory are its own),
then runs 1, 5, 10, 20 simultaneous callers. Each caller waits for the greeting, says real
recorded sentences, and waits for each reply. Latencies the caller experiences are measured by
the caller; the server's own stage breakdown comes from its /metrics histograms.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .telephony.simulated_caller import RATE, TwilioCaller, load_audio

UTTERANCES = ("timit_ldc93s1_8k.wav", "new_home_16k.wav")
STAGES = ("vad_turn", "stt", "brain", "tts_first_chunk", "total")


@dataclass
class LevelResult:
    callers: int
    greeting: list[float] = field(default_factory=list)
    reply: list[float] = field(default_factory=list)
    reply_by_utterance: dict[str, list[float]] = field(default_factory=dict)
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    engine_errors: int = 0  # turns the server handed to a human because an engine failed or timed out
    cpu_seconds: float = 0.0
    rss_idle_mb: float = 0.0
    rss_peak_mb: float = 0.0
    stages: dict[str, tuple[float, float]] = field(default_factory=dict)  # stage -> (mean, p50)
    wall: float = 0.0


def trim_silence(pcm: np.ndarray, margin_secs: float = 0.05) -> np.ndarray:
    """The recording without its leading and trailing silence, so "end of speech" is when the words end."""
    loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > 0.05 * np.abs(pcm.astype(np.int32)).max())
    if not len(loud):
        return pcm
    margin = int(margin_secs * RATE)
    return pcm[max(0, loud[0] - margin) : loud[-1] + margin]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


# --- the server under test ---------------------------------------------------------------------------
class ServerProcess:
    def __init__(self, env: dict[str, str], data_dir: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = data_dir / "server.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "triage.cli", "serve", "--port", str(self.port), "--log-level", "warning"],
            env={**os.environ, "TRIAGE_DATA_DIR": str(data_dir), **env},
            stdout=self.log_path.open("w"),
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 600) -> float:
        """Ready, and done synthesising prompts in the background (that would be counted against the calls)."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"triage serve exited:\n{self.log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=1) as response:
                    if response.status == 200 and json.loads(response.read()).get("all_prompts_cached"):
                        return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server not ready")

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def metrics(self) -> str:
        with urllib.request.urlopen(self.url + "/metrics", timeout=5) as response:
            return response.read().decode()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


# --- the stage breakdown from the server's histograms ------------------------------------------------
_BUCKET = re.compile(r'triage_turn_latency_seconds_bucket\{le="([^"]+)",stage="([^"]+)"\} (\S+)')
_ENGINE_ERRORS = re.compile(r'triage_engine_errors_total\{engine="[^"]+"\} (\S+)')
_SUM = re.compile(r'triage_turn_latency_seconds_(sum|count)\{stage="([^"]+)"\} (\S+)')


def stage_histograms(text: str) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for le, stage, value in _BUCKET.findall(text):
        out.setdefault(stage, {"buckets": []})["buckets"].append((float(le), float(value)))
    for kind, stage, value in _SUM.findall(text):
        out.setdefault(stage, {"buckets": []})[kind] = float(value)
    return out


def stage_figures(before: dict[str, dict], after: dict[str, dict]) -> dict[str, tuple[float, float]]:
    """Mean and p50 (interpolated within buckets, as Prometheus does) of what this level added."""
    figures = {}
    for stage in STAGES:
        a, b = after.get(stage), before.get(stage, {"buckets": [], "sum": 0.0, "count": 0.0})
        if not a or not a.get("count"):
            continue
        count = a["count"] - b.get("count", 0.0)
        if count <= 0:
            continue
        mean = (a["sum"] - b.get("sum", 0.0)) / count
        old = dict(b["buckets"])
        buckets = [(le, n - old.get(le, 0.0)) for le, n in sorted(a["buckets"])]
        figures[stage] = (mean, _quantile(buckets, 0.5))
    return figures


def _quantile(buckets: list[tuple[float, float]], q: float) -> float:
    total = buckets[-1][1] if buckets else 0
    rank, lower, below = q * total, 0.0, 0.0
    for le, cumulative in buckets:
        if cumulative >= rank:
            if le == float("inf"):
                return lower
            span = cumulative - below
            return lower + (le - lower) * ((rank - below) / span if span else 0)
        lower, below = le, cumulative
    return float("nan")


# --- callers -----------------------------------------------------------------------------------------
async def one_caller(url: str, client: str, utterances: dict[str, np.ndarray], result: LevelResult) -> None:
    try:
        async with TwilioCaller(url, client=client) as caller:
            first = await caller.wait_audio_after(0, timeout=30)
            result.greeting.append(first - caller.log.connected_at)
            await caller.wait_quiet(quiet_secs=0.8, timeout=90)
            for name, pcm in [*utterances.items(), *utterances.items()]:  # each sentence twice
                await caller.say(pcm)
                spoke = caller.log.speech_ends[-1]
                reply = await caller.wait_audio_after(spoke, timeout=60)
                result.reply.append(reply - spoke)
                result.reply_by_utterance.setdefault(name, []).append(reply - spoke)
                await caller.wait_quiet(quiet_secs=0.8, timeout=90)
            await caller.hang_up()
    except Exception as exc:
        result.failed += 1
        result.errors.append(f"{type(exc).__name__}: {exc}")


async def run_level(
    server: ServerProcess, callers: int, client: str, utterances: dict[str, np.ndarray]
) -> LevelResult:
    result = LevelResult(callers=callers)
    text = server.metrics()
    before = stage_histograms(text)
    errors_before = sum(float(n) for n in _ENGINE_ERRORS.findall(text))
    result.rss_idle_mb = server.rss_mb()
    cpu = server.cpu_seconds()
    url = f"ws://127.0.0.1:{server.port}/twilio/stream"
    peak = result.rss_idle_mb

    async def sample_memory() -> None:
        nonlocal peak
        while True:
            peak = max(peak, server.rss_mb())
            await asyncio.sleep(0.2)

    sampler = asyncio.create_task(sample_memory())
    started = time.monotonic()
    await asyncio.gather(*(one_caller(url, client, utterances, result) for _ in range(callers)))
    result.wall = time.monotonic() - started
    sampler.cancel()
    result.cpu_seconds = server.cpu_seconds() - cpu
    result.rss_peak_mb = peak
    await asyncio.sleep(0.5)
    text = server.metrics()
    result.stages = stage_figures(before, stage_histograms(text))
    result.engine_errors = int(sum(float(n) for n in _ENGINE_ERRORS.findall(text)) - errors_before)
    return result


def format_level(r: LevelResult) -> list[str]:
    per_call_cpu = r.cpu_seconds / max(1, r.callers)
    per_call_mem = (r.rss_peak_mb - r.rss_idle_mb) / max(1, r.callers)
    lines = [
        f"  {r.callers:>2} callers: greeting p50 {percentile(r.greeting, 50) * 1000:6.0f} ms  "
        f"p95 {percentile(r.greeting, 95) * 1000:6.0f} ms | reply p50 {percentile(r.reply, 50) * 1000:6.0f} ms  "
        f"p95 {percentile(r.reply, 95) * 1000:6.0f} ms | {len(r.reply)} turns, {r.failed} failed calls | "
        f"CPU {per_call_cpu:.1f} s/call, memory +{per_call_mem:.0f} MB/call (RSS {r.rss_idle_mb:.0f}"
        f"->{r.rss_peak_mb:.0f} MB), {r.wall:.0f} s"
    ]
    if r.reply_by_utterance:
        parts = [f"{name} {percentile(v, 50) * 1000:.0f}" for name, v in r.reply_by_utterance.items()]
        lines.append("      reply p50 by sentence, ms: " + ", ".join(parts))
    if r.errors:
        lines.append("      failed: " + "; ".join(sorted(set(r.errors))))
    if r.engine_errors:
        lines.append(f"      {r.engine_errors} turns handed to a human because an engine failed or timed out")
    if r.stages:
        parts = [f"{stage} {mean * 1000:.0f}/{p50 * 1000:.0f}" for stage, (mean, p50) in r.stages.items()]
        lines.append("      server stages, mean/p50 ms: " + ", ".join(parts))
    return lines


def run_voice_bench(
    models_dir: Path,
    sizes: list[str],
    levels: list[int],
    audio_dir: Path,
    client: str,
    voice_size: str,
    data_dir: Path,
    echo=print,
) -> None:
    utterances = {name: trim_silence(load_audio(audio_dir / name, RATE)) for name in UTTERANCES}
    echo(
        f"simulated Twilio callers on loopback, client {client}; each caller: greeting, then "
        f"{len(utterances)} recorded sentences ({', '.join(UTTERANCES)}) twice, waiting for each reply"
    )
    echo("greeting = connect -> first greeting audio; reply = end of the caller's speech -> first reply audio")
    for size in sizes:
        env = {
            "TRIAGE_MODELS_DIR": str(models_dir),
            "TRIAGE_STT_MODEL": f"synth-{size}",
            "TRIAGE_TTS_VOICE_DE": f"de_DE-synth-{voice_size}",
            "TRIAGE_TTS_VOICE_EN": f"en_US-synth-{voice_size}",
            "HF_HUB_OFFLINE": "1",
        }
        server = ServerProcess(env, data_dir / f"bench-{size}")
        try:
            ready = server.wait_ready()
            echo(
                f"\nWhisper {size} (random weights, real architecture, int8) + Piper {voice_size}: "
                f"ready in {ready:.1f} s"
            )
            for n in levels:
                result = asyncio.run(run_level(server, n, client, utterances))
                for line in format_level(result):
                    echo(line)
        finally:
            server.stop()


# --- word error rate through the phone path (`triage bench --wer`) -----------------------------------
@dataclass
class ClipResult:
    file: str
    reference: str
    server: str  # the caller turns the server stored for the clip
    offline: str  # the same 8 kHz line audio through the same Whisper outside the server


async def _clip_call(
    url: str, client: str, db_url: str, row: dict, pcm: np.ndarray, gate: asyncio.Semaphore
) -> tuple[str, np.ndarray]:
    """One call per clip: wait for the greeting to end, say the clip, wait for the reply; the stored caller
    turns are the server's transcript."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from .store.tables import Call

    async with gate:
        caller = TwilioCaller(url, client=client, record=True)
        async with caller:
            await caller.wait_audio_after(0.0, timeout=60)
            await caller.wait_quiet(quiet_secs=1.5, timeout=120)
            await caller.say(pcm)
            with contextlib.suppress(TimeoutError):
                await caller.wait_audio_after(caller.log.speech_ends[-1], timeout=40)
            await caller.hang_up()
        first, last = caller.log.utterances[-1]
        sent = caller.sent_audio(first, last)
    engine = create_engine(db_url)
    try:
        for _ in range(100):
            with Session(engine) as db:
                call = db.scalars(select(Call).where(Call.line_call_id == caller.call_sid)).first()
                if call is not None and call.ended_at is not None:
                    return " ".join(t.text for t in call.turns if t.role == "caller"), sent
            await asyncio.sleep(0.2)
    finally:
        engine.dispose()
    return "", sent


def run_phone_wer(
    clips_dir: Path, models_dir: Path, data_dir: Path, client: str, at_once: int = 2, echo=print
) -> list[ClipResult]:
    """The German clips of clips_dir (manifest.jsonl) sent through /twilio/stream (8 kHz mu-law, real time)
    into `triage serve` with the real Whisper base, against the same line audio transcribed offline by the
    same Whisper with the language fixed. Prints both word error rates and their difference."""
    from faster_whisper import WhisperModel

    from .speech.wer import transcribe_offline, word_error_rate

    rows = [json.loads(line) for line in (clips_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    audio = {row["file"]: trim_silence(load_audio(clips_dir / row["file"], RATE)) for row in rows}
    env = {"TRIAGE_MODELS_DIR": str(models_dir), "TRIAGE_STT_MODEL": "base", "HF_HUB_OFFLINE": "1"}
    server = ServerProcess(env, data_dir / "bench-wer")
    db_url = f"sqlite:///{data_dir / 'bench-wer' / 'triage.db'}"
    try:
        server.wait_ready()
        url = f"ws://127.0.0.1:{server.port}/twilio/stream"

        async def all_calls():
            gate = asyncio.Semaphore(at_once)
            return await asyncio.gather(
                *(_clip_call(url, client, db_url, row, audio[row["file"]], gate) for row in rows)
            )

        heard = asyncio.run(all_calls())
    finally:
        server.stop()
    model = WhisperModel(str(models_dir / "whisper" / "base"), device="cpu", compute_type="int8")
    results = [
        ClipResult(row["file"], row["text"], stored, transcribe_offline(model, sent, "de"))
        for row, (stored, sent) in zip(rows, heard, strict=True)
    ]
    references = [r.reference for r in results]
    server_wer = word_error_rate(references, [r.server for r in results])
    offline_wer = word_error_rate(references, [r.offline for r in results])
    for r in results:
        echo(f"{r.file}\n  said:    {r.reference}\n  server:  {r.server}\n  offline: {r.offline}")
    echo(
        f"German clips through the 8 kHz phone path ({len(results)} clips, client {client}): "
        f"WER server {server_wer:.3f}, offline at 8 kHz {offline_wer:.3f}, "
        f"difference {server_wer - offline_wer:+.3f}"
    )
    heard_some = [r for r in results if r.server.strip()]
    if 0 < len(heard_some) < len(results):  # nothing stored: the turn's transcription failed or timed out
        refs = [r.reference for r in heard_some]
        echo(
            f"  the {len(heard_some)} clips the server stored a transcript for: WER server "
            f"{word_error_rate(refs, [r.server for r in heard_some]):.3f}, offline "
            f"{word_error_rate(refs, [r.offline for r in heard_some]):.3f}"
        )
    return results
