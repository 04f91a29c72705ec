"""Reply latency and the server's stage timings on real calls: `triage serve` with the real Whisper
base and the real en_US-joe-medium voice, one simulated Twilio caller at a time saying real recorded
sentences (as `triage bench` does, but with the real models instead of random-weight ones).

    python tests/measure_stt_stages.py --models /tmp/stt-models [--code /work/main] [--calls 3]

`--code` runs another checkout's server (e.g. the code before a change) for a before/after in one
run; the stages come from the server's own /metrics histograms (calls/voice.py TurnTiming).
Not a test: it prints figures, since timings on a shared machine are no pass/fail material.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from triage.telephony.simulated_caller import RATE, load_audio
from triage.voice_bench import ServerProcess, format_level, run_level, trim_silence

AUDIO = Path(__file__).resolve().parents[2] / "shared" / "audio"
SENTENCES = ("timit_ldc93s1_8k.wav", "new_home_16k.wav", "jfk_16k.wav")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=Path, required=True, help="models dir with whisper/base and the joe voice")
    parser.add_argument("--code", type=Path, action="append", help="checkout(s) to run (default: this one)")
    parser.add_argument("--calls", type=int, default=3, help="calls one after the other, per checkout")
    parser.add_argument("--client", default="sanitaer-notdienst")
    parser.add_argument("--data", type=Path, default=Path("/tmp/measure-stt-stages"))
    args = parser.parse_args()
    utterances = {name: trim_silence(load_audio(AUDIO / name, RATE)) for name in SENTENCES}
    checkouts = args.code or [Path(__file__).resolve().parents[1]]
    print(f"real Whisper base + en_US-joe-medium, client {args.client} (German first: the first English turn is"
          f" re-checked); each call says {', '.join(SENTENCES)} twice, one call at a time")
    for code in checkouts:
        env = {
            "PYTHONPATH": str(code),
            "TRIAGE_MODELS_DIR": str(args.models),
            "TRIAGE_STT_MODEL": "base",
            "TRIAGE_TTS_VOICE_EN": "en_US-joe-medium",
            "TRIAGE_TTS_VOICE_DE": "de_DE-synth-test",
            "HF_HUB_OFFLINE": "1",
            "TRIAGE_TWILIO_ALLOW_UNSIGNED": "1",  # the simulated caller on loopback does not sign
        }
        server = ServerProcess(env, args.data / code.name)
        try:
            print(f"\n{code}: ready in {server.wait_ready():.1f} s")
            for _ in range(args.calls):
                for line in format_level(asyncio.run(run_level(server, 1, args.client, utterances))):
                    print(line, flush=True)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
