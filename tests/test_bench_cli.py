"""`triage bench` runs end to end at the smallest level: one simulated Twilio caller against the stock pipecat
bot, then against `triage serve`, with the real Whisper base and the real Piper voice.

Mechanics only: both systems' rows, the ratio row and the summary are printed, with a measured greeting and
reply for each, pooled over two rounds of the level's calls (`--rounds`). The figures themselves are not checked
(the machine is shared; benchmarks print figures).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
AUDIO = REPO.parent / "shared" / "audio"

pytestmark = pytest.mark.skipif(not (AUDIO / "timit_ldc93s1_8k.wav").is_file(), reason="needs ../shared/audio")


def test_bench_prints_both_systems_side_by_side(real_models: Path, tmp_path: Path) -> None:
    prompts = tmp_path / "prompts"  # one client, so the server's start-up synthesises only its prompts
    prompts.mkdir()
    for name in ("_defaults", "sanitaer-notdienst"):
        (prompts / name).symlink_to(REPO / "prompts" / name)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "TRIAGE_DATA_DIR": str(tmp_path / "data"),
        "TRIAGE_PROMPTS_DIR": str(prompts),
    }
    command = [
        sys.executable, "-m", "triage.cli", "bench", "--callers", "1", "--rounds", "2", "--burst", "2", "--bursts", "2",
        "--no-warm-up", "--sentences", "timit_ldc93s1_8k.wav", "--models-dir", str(real_models),
        "--audio-dir", str(AUDIO),
    ]  # fmt: skip
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    out = run.stdout
    for system in ("stock pipecat", "triage"):
        row = re.search(
            rf"^  {system} +1 callers x 2 rounds \| greeting p50/p95 +(\d+)/ *\d+ ms \| reply p50/p95 +(\d+)/.*$",
            out,
            re.MULTILINE,
        )
        assert row, f"no measured row for {system}:\n{out}"
        assert "2 turns, 0 failed calls" in row.group(0)  # one sentence in each of two calls
        assert re.search(r"calls with a reply > 1.5 s: [012]/2 ", row.group(0)), row.group(0)
        assert re.search(
            rf"{system}: 2 callers connecting within one second, 2 bursts: greeting p50/p95 \d+/\d+ ms "
            r"\(p95 of each burst: \d+, \d+\), 0 failed",
            out,
        ), out
        assert re.search(rf"{system}: most simultaneous callers with p95 reply under 1.5 s: [01] ", out), out
    assert re.search(r"triage/stock +1 callers \| greeting p50 [\d.]+, p95 [\d.]+, reply p50 [\d.]+", out), out
