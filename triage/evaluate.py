"""`triage eval` and `triage bench`: how good and how fast the classifier is, measured on our own data."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from .brain.analyze import analyze
from .brain.model import TextModel
from .brain.types import DISTRESSES, INTENTS, URGENCIES
from .learn.metrics import confusion, format_report, per_label_report
from .packs.load import load_all


def _rows(corpus: Path, split: str | None = None) -> list[dict]:
    with corpus.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [r for r in rows if split is None or r.get("split") == split]


def evaluate_corpus(corpus: Path, split: str, model: TextModel, prompts_dir: Path) -> str:
    rows = _rows(corpus, split)
    if not rows:
        raise SystemExit(f"no rows with split={split!r} in {corpus}")
    packs = load_all(prompts_dir)
    full = [analyze(r["text"], pack=packs.get(r.get("client") or ""), model=model, lang=r.get("lang")) for r in rows]
    alone = model.predict_many([r["text"] for r in rows])
    out = [f"{len(rows)} rows of split {split!r} in {corpus.name}\n"]
    for head, labels in (("urgency", URGENCIES), ("intent", INTENTS), ("distress", DISTRESSES)):
        gold = [r[head] for r in rows]
        pred = [getattr(a, head) for a in full]
        out.append(format_report(f"{head}: rules + model", per_label_report(gold, pred, labels)))
        model_pred = [getattr(p, f"top_{head}")[0] for p in alone]
        out.append(format_report(f"{head}: model alone", per_label_report(gold, model_pred, labels)))
        if head == "urgency":
            out.append(confusion(gold, pred, labels))
    return "\n".join(out)


def bench_analyze(corpus: Path, count: int, model: TextModel, prompts_dir: Path) -> str:
    """Latency of `analyze` per utterance, one at a time as calls produce them, on one thread."""
    rows = _rows(corpus)[:count]
    packs = load_all(prompts_dir)
    for r in rows[:50]:  # warm-up: caches, ONNX session allocations
        analyze(r["text"], pack=packs.get(r.get("client") or ""), model=model)
    times = []
    for r in rows:
        started = time.perf_counter()
        analyze(r["text"], pack=packs.get(r.get("client") or ""), model=model)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()

    def pct(p: float) -> float:
        return times[min(len(times) - 1, int(p / 100 * len(times)))]

    model_times = []
    for r in rows[:500]:
        started = time.perf_counter()
        model.predict(r["text"])
        model_times.append((time.perf_counter() - started) * 1000)
    model_times.sort()
    return (
        f"analyze() on {len(times)} utterances, one at a time, one thread:\n"
        f"  p50 {pct(50):.2f} ms   p95 {pct(95):.2f} ms   p99 {pct(99):.2f} ms   max {times[-1]:.2f} ms"
        f"   mean {statistics.fmean(times):.2f} ms\n"
        f"  of which the ONNX model alone: p50 {model_times[len(model_times) // 2]:.2f} ms"
        f"   p95 {model_times[int(0.95 * len(model_times))]:.2f} ms\n"
        f"  goal: p95 under 20 ms -> {'met' if pct(95) < 20 else 'NOT met'}"
    )
