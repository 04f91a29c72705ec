"""`triage eval` and `triage bench --brain`: how good and how fast the analyser is, on data it was not tuned on.

`triage eval` scores the corpus's held-out split and `data/challenge.jsonl` per label, then the
issue-11 figures (emergency recall, P0 recall on explicit hazards, acute distress recall, false
emergencies, intent accuracy) on every labelled file of `data/eval/`, and the P0/P1 rate per
language on the ordinary utterances of `data/outside/` (public sets never used in training).
"""

from __future__ import annotations

import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

from .brain.analyze import analyze
from .brain.model import TextModel
from .brain.types import DISTRESSES, INTENTS, URGENCIES, Analysis
from .learn.metrics import confusion, format_report, per_label_report
from .packs.load import load_all

EMERGENCY = ("P0", "P1")
# issue 11, "Done when"
TARGETS = {
    "emergency recall": (">=", 0.98),
    "P0 recall, explicit hazards": (">=", 1.0),
    "acute distress recall": (">=", 0.95),
    "false emergencies": ("<=", 0.03),
    "intent accuracy": (">=", 0.85),
    "P0/P1 rate": ("<=", 0.01),
}


def read_rows(path: Path, split: str | None = None) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [r for r in rows if split is None or r.get("split") == split]


def _analyse(rows: list[dict], model: TextModel, packs: dict) -> list[Analysis]:
    return [
        analyze(r["text"], pack=packs.get(r.get("client") or ""), model=model, lang=r.get("lang")) for r in rows
    ]


def _rate(hits: int, total: int) -> str:
    return f"{hits / total:.3f} ({hits}/{total})" if total else "n/a (0 rows)"


def _line(name: str, hits: int, total: int) -> str:
    goal = TARGETS.get(name)
    verdict = ""
    if goal and total:
        value = hits / total
        met = value >= goal[1] if goal[0] == ">=" else value <= goal[1]
        verdict = f"   goal {goal[0]} {goal[1]:.2f}: {'met' if met else 'NOT met'}"
    return f"  {name:<30} {_rate(hits, total)}{verdict}"


def _explicit_hazard(row: dict) -> bool:
    """Rows data/eval marks as an explicit hazard (gas, fire, smoke, CO, ...); else every gold P0."""
    for key in ("explicit_hazard", "explicit"):
        if key in row:
            return bool(row[key])
    return row.get("urgency") == "P0"


def figures(rows: list[dict], results: list[Analysis]) -> list[str]:
    """The issue-11 figures for labelled rows (fields urgency, intent, distress)."""
    pairs = list(zip(rows, results, strict=True))
    urgent = [(r, a) for r, a in pairs if r.get("urgency") in EMERGENCY]
    routine = [(r, a) for r, a in pairs if r.get("urgency") and r["urgency"] not in EMERGENCY]
    explicit = [(r, a) for r, a in pairs if r.get("urgency") == "P0" and _explicit_hazard(r)]
    acute = [(r, a) for r, a in pairs if r.get("distress") == "acute"]
    with_intent = [(r, a) for r, a in pairs if r.get("intent")]
    return [
        _line("emergency recall", sum(a.urgency in EMERGENCY for _, a in urgent), len(urgent)),
        _line("  ... or asked (unsure)", sum(a.urgency in EMERGENCY or a.urgency_unsure for _, a in urgent),
              len(urgent)),
        _line("P0 recall, explicit hazards", sum(a.urgency == "P0" for _, a in explicit), len(explicit)),
        _line("acute distress recall", sum(a.distress == "acute" for _, a in acute), len(acute)),
        _line("false emergencies", sum(a.urgency in EMERGENCY for _, a in routine), len(routine)),
        _line("intent accuracy", sum(a.intent == r["intent"] for r, a in with_intent), len(with_intent)),
        _line("urgency accuracy", sum(a.urgency == r["urgency"] for r, a in pairs if r.get("urgency")),
              sum(bool(r.get("urgency")) for r in rows)),
    ]


def outside_figures(rows: list[dict], results: list[Analysis]) -> list[str]:
    """P0/P1 rate and distress rate per language on ordinary utterances (no labels needed)."""
    by_lang: dict[str, list[Analysis]] = defaultdict(list)
    for r, a in zip(rows, results, strict=True):
        by_lang[r.get("lang") or a.language].append(a)
    out = []
    for lang in sorted(by_lang):
        results_lang = by_lang[lang]
        out.append(f"  [{lang}]")
        out.append(_line("P0/P1 rate", sum(a.urgency in EMERGENCY for a in results_lang), len(results_lang)))
        out.append(_line("unsure (asked)", sum(a.urgency_unsure for a in results_lang), len(results_lang)))
        out.append(_line("distress other than none", sum(a.distress != "none" for a in results_lang),
                         len(results_lang)))
    return out


def evaluate_corpus(corpus: Path, split: str, model: TextModel, prompts_dir: Path, data_dir: Path) -> str:
    rows = read_rows(corpus, split)
    if not rows:
        raise SystemExit(f"no rows with split={split!r} in {corpus}")
    packs = load_all(prompts_dir)
    full = _analyse(rows, model, packs)
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
    out += ["", f"figures on {corpus.name} ({split}):", *figures(rows, full)]
    labelled = [data_dir / "challenge.jsonl", *sorted((data_dir / "eval").glob("*.jsonl"))]
    for path in labelled:
        if path.is_file():
            rows = read_rows(path)
            out += ["", f"figures on {path.relative_to(data_dir)} ({len(rows)} rows):",
                    *figures(rows, _analyse(rows, model, packs))]
    for path in sorted((data_dir / "outside").glob("*.jsonl")):
        rows = read_rows(path)
        out += ["", f"ordinary utterances in {path.relative_to(data_dir)} ({len(rows)} rows):",
                *outside_figures(rows, _analyse(rows, model, packs))]
    return "\n".join(out)


def evaluate_sets(paths: list[Path], model: TextModel, prompts_dir: Path) -> str:
    """The issue-11 figures on the given files only: labelled rows get `figures`, unlabelled ones `outside_figures`.

    This is how a development set (`data/dev/`) is scored with exactly the scorer of `data/eval/`, without
    scoring the corpus or printing anything about the measurement-only sets unless they are named.
    """
    packs = load_all(prompts_dir)
    out: list[str] = []
    for path in paths:
        rows = read_rows(path)
        if not rows:
            raise SystemExit(f"no rows in {path}")
        results = _analyse(rows, model, packs)
        if all(r.get("urgency") for r in rows):
            out += [f"figures on {path} ({len(rows)} rows):", *figures(rows, results), ""]
        else:
            out += [f"ordinary utterances in {path} ({len(rows)} rows):", *outside_figures(rows, results), ""]
    return "\n".join(out).rstrip()


def bench_analyze(corpus: Path, count: int, model: TextModel, prompts_dir: Path) -> str:
    """Latency of `analyze` per utterance (encoder included), one at a time as calls produce them, one thread."""
    rows = read_rows(corpus)[:count]
    packs = load_all(prompts_dir)
    for r in rows[:50]:  # warm-up: caches, first encoder call
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
        f"analyze() on {len(times)} utterances, one at a time, one thread, sentence encoder included:\n"
        f"  p50 {pct(50):.2f} ms   p95 {pct(95):.2f} ms   p99 {pct(99):.2f} ms   max {times[-1]:.2f} ms"
        f"   mean {statistics.fmean(times):.2f} ms\n"
        f"  of which the model (encoder + heads + nearest examples): p50 {model_times[len(model_times) // 2]:.2f} ms"
        f"   p95 {model_times[int(0.95 * len(model_times))]:.2f} ms\n"
        f"  goal: p95 under 20 ms -> {'met' if pct(95) < 20 else 'NOT met'}"
    )
