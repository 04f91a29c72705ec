"""Could Whisper's full stop end a turn Smart Turn v3 keeps open (issue 15)? Smart Turn hears "We must
find a new home in the stars." (new_home_16k.wav, `triage bench`'s second sentence) as unfinished,
so that turn ends only after `turn_max_silence_secs` (2 s) of silence. The rule tried: Smart Turn
says "not done", but brain/turns.py calls the words a whole turn and Whisper ends them on . ! or ?.

On the clips of `python -m triage.speech.stt_eval window` of 1.5 s or more (real speech through the
8 kHz mu-law line), whole and cut at the quietest 0.1 s between 35 % and 70 % of their length (a
sentence cut at a breath), followed by 0.2 s of silence (VAD's stop): how often Smart Turn says done,
and how often the rule would end the turn where Smart Turn does not. Then Smart Turn's probability
for the bench's two sentences after 0.2-1.2 s of silence.

    PYTHONPATH=. python tests/measure_sentence_end.py --model /tmp/bench-models/whisper/base

Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

from triage.brain.turns import turn_hold
from triage.speech.engines import SpeechToText
from triage.speech.listening import Listening
from triage.speech.stt_eval import AUDIO, _read, load_clips, through_phone_line
from triage.voice_bench import trim_silence

RATE = 16_000
TERMINAL = re.compile(r"[.!?]\s*$")


def cut(pcm16: bytes) -> bytes:
    x = np.frombuffer(pcm16, np.int16).astype(np.float32)
    n, w = len(x), RATE // 10
    _, at = min((float(np.mean(x[i : i + w] ** 2)), i) for i in range(int(n * 0.35), int(n * 0.7) - w, RATE // 50))
    return x[: at + w // 2].astype(np.int16).tobytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, required=True, help="a CTranslate2 Whisper folder")
    args = parser.parse_args()
    engine = SpeechToText(args.model, workers=1)
    turn = Listening().turn()
    turn.set_sample_rate(RATE)

    def smart_turn(pcm16: bytes, silence: float = 0.2) -> float:
        audio = np.frombuffer(pcm16, np.int16).astype(np.float32) / 32768
        return turn._predict_endpoint(np.concatenate([audio, np.zeros(int(silence * RATE), np.float32)]))["probability"]

    clips = [c for c in load_clips() if c.seconds >= 1.5]
    for kind, audio_of in (("whole", lambda c: c.pcm16), ("cut", lambda c: cut(c.pcm16))):
        done = rule = 0
        for clip in clips:
            pcm = audio_of(clip)
            st_done = smart_turn(pcm) > 0.5
            text = engine.transcribe_sync(pcm + bytes(RATE), clip.language).text
            hold = turn_hold(text)
            whole = hold.seconds == 0 and not hold.ends_now and bool(TERMINAL.search(text))
            done += st_done
            rule += (not st_done) and whole
            if kind == "cut" and not st_done and whole:
                print(f"  cut, ended by the rule: {clip.name} {text!r}")
        print(f"{kind}: {len(clips)} clips | Smart Turn done {done} | not done, words whole with a full stop {rule}")
    for name in ("timit_ldc93s1_8k.wav", "new_home_16k.wav"):
        audio, rate = _read(AUDIO / name)
        pcm = trim_silence(np.frombuffer(through_phone_line(audio, rate), np.int16)).astype(np.int16).tobytes()
        figures = ", ".join(f"{s:g} s {smart_turn(pcm, s):.2f}" for s in (0.2, 0.5, 0.8, 1.2))
        print(f"{name}: Smart Turn's probability of done after {figures}")


if __name__ == "__main__":
    main()
