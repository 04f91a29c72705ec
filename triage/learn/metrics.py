"""Classification metrics with the standard library only.

Evaluation reports are produced by commands that must not pull in numpy or scikit-learn just to
count, and a per-label table is what tells us which rare label (P0, acute distress) the model misses.
"""

from __future__ import annotations

from collections import Counter


def _safe_div(num: float, den: float) -> float:
    """0.0 instead of ZeroDivisionError: a label never predicted has precision 0, by convention."""
    return num / den if den else 0.0


def per_label_report(gold: list[str], pred: list[str], labels: tuple[str, ...]) -> list[dict]:
    """One row per label (precision, recall, f1, support), then `macro avg` and `accuracy` rows.

    Macro averages run over every label in `labels`, including those absent from `gold`, so that
    the number is comparable between runs on different subsets; a label outside `labels` in
    either list is counted as an error for accuracy and belongs to no row.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} items but pred has {len(pred)}")
    true_pos: Counter[str] = Counter(g for g, p in zip(gold, pred, strict=True) if g == p)
    gold_count = Counter(gold)
    pred_count = Counter(pred)
    rows: list[dict] = []
    for label in labels:
        precision = _safe_div(true_pos[label], pred_count[label])
        recall = _safe_div(true_pos[label], gold_count[label])
        f1 = _safe_div(2 * precision * recall, precision + recall)
        rows.append({"label": label, "precision": precision, "recall": recall, "f1": f1, "support": gold_count[label]})
    n_labels = len(labels)
    rows.append(
        {
            "label": "macro avg",
            "precision": _safe_div(sum(r["precision"] for r in rows), n_labels),
            "recall": _safe_div(sum(r["recall"] for r in rows), n_labels),
            "f1": _safe_div(sum(r["f1"] for r in rows), n_labels),
            "support": len(gold),
        }
    )
    rows.append(
        {
            "label": "accuracy",
            "precision": None,
            "recall": None,
            "f1": _safe_div(sum(true_pos.values()), len(gold)),
            "support": len(gold),
        }
    )
    return rows


def format_report(title: str, rows: list[dict]) -> str:
    """An aligned plain-text table of `per_label_report` rows, for logs and terminals."""
    width = max([len("label"), *(len(r["label"]) for r in rows)])
    lines = [title, f"{'label':<{width}}  {'precision':>9}  {'recall':>6}  {'f1':>6}  {'support':>7}"]

    def cell(value: float | None, size: int) -> str:
        return f"{'':>{size}}" if value is None else f"{value:>{size}.3f}"

    for r in rows:
        lines.append(
            f"{r['label']:<{width}}  {cell(r['precision'], 9)}  {cell(r['recall'], 6)}  "
            f"{cell(r['f1'], 6)}  {r['support']:>7}"
        )
    return "\n".join(lines)


def confusion(gold: list[str], pred: list[str], labels: tuple[str, ...]) -> str:
    """A confusion matrix as text: rows are gold labels, columns predicted labels.

    Pairs whose labels are outside `labels` are left out rather than guessed into a cell.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} items but pred has {len(pred)}")
    counts = Counter(zip(gold, pred, strict=True))
    corner = "gold\\pred"
    width = max([len(corner), *(len(label) for label in labels)])
    cols = [max(len(label), 4) for label in labels]
    header = f"{corner:<{width}}  " + "  ".join(f"{label:>{c}}" for label, c in zip(labels, cols, strict=True))
    lines = [header]
    for g in labels:
        cells = "  ".join(f"{counts[(g, p)]:>{c}}" for p, c in zip(labels, cols, strict=True))
        lines.append(f"{g:<{width}}  {cells}")
    return "\n".join(lines)
