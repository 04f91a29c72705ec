"""Ordinary utterances from public corpora, plus the hand-written everyday and distress lines, as training rows.

Run from the repository root after bringing the two public repositories (snapshots of GitHub):

    python data/public/build.py --xsid <git dir of mainlp/xsid> --snips <git dir of sonos/nlu-benchmark>
    python data/public/build.py --handwritten-only   # after editing only the hand-written *.txt files

It writes data/public/rows.jsonl (same row format as data/corpus.jsonl, plus `source`). Standard library
only and deterministic (fixed seed). Sources and licences: data/README.md, "Public corpora".
Never add the German WOZ 2.0 test set or CLINC150 here: they are outside measurement sets (data/outside/).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 29
XSID_FILES = ("de.valid", "de.test", "de-st.test")  # German (and its South Tyrolean test), English originals inside
SNIPS_INTENTS = (
    "AddToPlaylist", "BookRestaurant", "GetWeather", "PlayMusic", "RateBook", "SearchCreativeWork",
    "SearchScreeningEvent",
)
SNIPS_ROWS = 900
# An assistant request (weather, music, alarms, restaurants) said to a plumber, a pharmacy or a law firm is
# out of the business's domain: no action (P4 `other`), the label contract of data/eval/README.md.
PUBLIC_URGENCY, PUBLIC_INTENT = "P4", "other"


def _git_show(git_dir: str, path: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", git_dir, "show", f"HEAD:{path}"], check=True, capture_output=True
    ).stdout.decode("utf-8", errors="replace")  # a few Snips files have latin-1 bytes


def _asr_style(text: str, rng: random.Random) -> str:
    """Most recognisers write lower case without punctuation; some keep both."""
    if rng.random() < 0.65:
        text = re.sub(r"[^\w\s'äöüÄÖÜß-]", " ", text).lower()
        text = " ".join(text.split())
    return text


def _row(text: str, lang: str, source: str, n: int, *, urgency: str = PUBLIC_URGENCY, intent: str = PUBLIC_INTENT,
         distress: str = "none", client: str | None = None, split: str = "train") -> dict:
    return {"text": text, "lang": lang, "client": client, "urgency": urgency, "intent": intent, "distress": distress,
            "group": f"pub.{source}.{n // 6}", "split": split, "source": source}


def xsid_rows(git_dir: str, rng: random.Random) -> list[dict]:
    out = []
    for name in XSID_FILES:
        text = _git_show(git_dir, f"data/xSID-0.4/{name}.conll")
        for n, block in enumerate(text.split("\n\n")):
            fields = dict(
                line[2:].split(": ", 1) for line in block.splitlines() if line.startswith("# ") and ": " in line
            )
            if "text" not in fields:
                continue
            out.append(_row(_asr_style(fields["text"], rng), "de", f"xsid-{name}", n))
            if name != "de-st.test" and "text-en" in fields:
                out.append(_row(_asr_style(fields["text-en"], rng), "en", f"xsid-{name}-en", n))
    return out


def snips_rows(git_dir: str, rng: random.Random) -> list[dict]:
    texts = []
    for intent in SNIPS_INTENTS:
        data = json.loads(_git_show(git_dir, f"2017-06-custom-intent-engines/{intent}/train_{intent}_full.json"))
        texts += ["".join(part["text"] for part in item["data"]).strip() for item in data[intent]]
    rng.shuffle(texts)
    return [_row(_asr_style(t, rng), "en", "snips", n) for n, t in enumerate(texts[:SNIPS_ROWS])]


def handwritten_rows(path: Path) -> list[dict]:
    """`<urgency> <intent> <distress> <lang> [client] | text` per line; `#` starts a comment."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        head, text = line.split("|", 1)
        urgency, intent, distress, lang, *client = head.split()
        out.append(_row(text.strip(), lang, path.stem, n, urgency=urgency, intent=intent, distress=distress,
                        client=client[0] if client else None))
    return out


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xsid", help="git dir of a snapshot of github.com/mainlp/xsid")
    parser.add_argument("--snips", help="git dir of a snapshot of github.com/sonos/nlu-benchmark")
    parser.add_argument("--handwritten-only", action="store_true",
                        help="keep the public rows of the existing rows.jsonl and re-read only the hand-written *.txt")
    args = parser.parse_args()
    rng = random.Random(SEED)
    handwritten = {path.stem for path in HERE.glob("*.txt")}
    if args.handwritten_only:
        existing = [json.loads(line) for line in (HERE / "rows.jsonl").read_text(encoding="utf-8").splitlines() if line]
        rows = [row for row in existing if row["source"] not in handwritten]
    elif args.xsid and args.snips:
        rows = xsid_rows(args.xsid, rng) + snips_rows(args.snips, rng)
    else:
        parser.error("--xsid and --snips are needed unless --handwritten-only")
    for path in sorted(HERE.glob("*.txt")):
        rows += handwritten_rows(path)
    seen: set[str] = set()
    unique = []
    for row in rows:
        if _key(row["text"]) and _key(row["text"]) not in seen:
            seen.add(_key(row["text"]))
            unique.append(row)
    with (HERE / "rows.jsonl").open("w", encoding="utf-8") as out:
        for row in unique:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in unique:
        counts[row["source"]] = counts.get(row["source"], 0) + 1
    print(len(unique), "rows:", counts)


if __name__ == "__main__":
    main()
