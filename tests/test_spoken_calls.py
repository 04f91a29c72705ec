"""`triage eval-calls --spoken`: the text call sets heard as the server hears a phone caller. Each caller turn
is said by the real joe voice, sent through the 8 kHz mu-law line and transcribed by the server's speech-to-text
with the real Whisper base; the brain then decides on Whisper's words."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from triage.call_check import Expect, check, only_details
from triage.spoken_calls import LEAD_SECS, STT_RATE, TRAIL_SECS, over_the_line

GAS = {"id": "gas-en", "client": "sanitaer-notdienst",
       "turns": ["Yes.", "I can smell gas in my kitchen, it's really strong."],
       "expect": {"outcome": "handoff", "urgency": "P0"}}  # fmt: skip
# Whisper writes a spoken number as digits, never as the typed words; the stored number is what it heard
MESSAGE = {"id": "message-en", "client": "kanzlei-berg",
           "turns": ["I'd like to leave a message, please call me back about my lease.",
                     "zero one seven one, two three four, five six seven eight", "Yes.", "Anna Smith", "Yes.", "Yes."],
           "expect": {"outcome": "message", "phone": "01712345678", "message_contains": ["lease"]}}  # fmt: skip


def _calls(tmp_path: Path, *calls: dict) -> Path:
    path = tmp_path / "calls.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in calls) + "\n", encoding="utf-8")
    return path


GAS_DE = {"id": "gas-de", "client": "sanitaer-notdienst", "turns": ["Ja.", "Es riecht stark nach Gas in der Küche."],
          "expect": {"outcome": "handoff", "urgency": "P0"}}  # fmt: skip


def test_spoken_calls_are_judged_on_what_whisper_heard_beside_the_typed_figure(cli, real_models, tmp_path):
    result = cli("eval-calls", str(_calls(tmp_path, GAS, MESSAGE, GAS_DE)), "--spoken", "--models-dir",
                 str(real_models), "--spoken-in", "en", "-v")  # fmt: skip
    assert result.exit_code == 0, result.output
    typed, spoken = result.stdout.split("\nspoken, callers in ")  # German callers left out by --spoken-in
    assert typed.strip().splitlines()[-1] == "3 of 3 calls end right"
    head, *rest = spoken.strip().splitlines()
    assert head == "en (voice en_US-joe-medium; typed: 2 of 2 end right)"
    assert rest[-2:] == ["2 of 2 calls end right", "0 that end right typed fail spoken"], spoken


def test_a_spoken_turn_reaches_the_brain_as_whisper_wrote_it(cli, real_models, tmp_path):
    wrong = {**MESSAGE, "id": "wrong", "expect": {"outcome": "message", "phone": "0"}}  # fails typed and spoken
    result = cli("eval-calls", str(_calls(tmp_path, wrong)), "--spoken", "--models-dir", str(real_models), "-v")
    spoken = result.stdout.split("\nspoken, callers in ")[1]
    callers = [line.strip() for line in spoken.splitlines() if line.strip().startswith("caller: ")]
    assert "caller: zero one seven one, two three four, five six seven eight" not in callers  # the typed words
    assert any(sum(ch.isdigit() for ch in line) >= 8 for line in callers), callers  # Whisper's digits


def test_spoken_needs_the_real_models_and_says_so(cli, tmp_path):
    result = cli("eval-calls", str(_calls(tmp_path, GAS)), "--spoken", "--models-dir", str(tmp_path / "none"))
    assert result.exit_code != 0
    assert "--spoken needs the real speech models" in result.output


def test_the_line_narrows_the_voice_to_8_khz_and_pads_the_turn_as_the_server_does():
    rate = 22050
    t = np.arange(rate) / rate
    low, high = ((np.sin(2 * np.pi * f * t) * 8000).astype(np.int16) for f in (440, 6000))
    heard_low = np.frombuffer(over_the_line(low, rate), dtype=np.int16)
    heard_high = np.frombuffer(over_the_line(high, rate), dtype=np.int16)
    assert abs(len(heard_low) / STT_RATE - (LEAD_SECS + 1.0 + TRAIL_SECS)) < 0.1  # less the resampler's delay
    assert np.abs(heard_low[: int(LEAD_SECS * STT_RATE) // 2]).max() < 50  # silence before the caller speaks
    middle = slice(int((LEAD_SECS + 0.25) * STT_RATE), int((LEAD_SECS + 0.75) * STT_RATE))

    def rms(pcm: np.ndarray) -> float:
        return float(np.sqrt(np.mean(pcm[middle].astype(np.float64) ** 2)))

    assert rms(heard_low) > 1000  # a voice band tone passes the line
    assert rms(heard_high) < rms(heard_low) / 50  # 6 kHz is above what an 8 kHz line carries


def test_a_call_that_went_right_but_for_a_detail_whisper_wrote_differently_is_told_apart_from_the_flow():
    """`--spoken` counts the calls lost only on a name, number or address apart from those lost in the flow."""
    expect = Expect(outcome="message", name="Siobhan Kelly", phone="0171 2345678")
    heard_name = {"type": "message", "message": {"name": "Chivon Kelly", "phone": "0171 2345678"}}
    handed_over = {"type": "handoff", "summary": {"name": "Chivon Kelly", "phone": "0171 2345678"}}
    assert only_details(check(expect, heard_name, None))
    assert not only_details(check(expect, handed_over, None))  # the outcome went wrong too
    assert not only_details([])  # a call that ends right lost nothing
