"""How many short answers at a quiet line level reach speech-to-text (issue 10, item 3).

Each clip is sent the way a Twilio call carries it (8 kHz mu-law, back to 16 kHz), scaled to an
active speech level of -30 dBFS, with half a second of line noise before and after, through the
server's Silero VAD (speech/listening.py) with each `min_volume` given. A clip "reaches
speech-to-text" when the VAD reports the caller speaking (that is what cuts a segment for Whisper).
Also counts false starts on café noise without speech at the same level, which a lower gate risks.

    PYTHONPATH=. python tests/measure_quiet_answers.py CLIP.wav ... [--levels -20,-30,-40] [--volumes 0.6,0.3,0]
"""

from __future__ import annotations

import argparse
import asyncio
import wave
from pathlib import Path

import numpy as np
from pipecat.audio.resamplers.soxr_stream_resampler import SOXRStreamAudioResampler
from pipecat.audio.utils import pcm_to_ulaw, ulaw_to_pcm
from pipecat.audio.vad.vad_analyzer import VADState

from triage.speech.listening import Listening

RATE = 16_000
CHUNK = RATE // 50  # 20 ms, as Twilio sends


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path)) as w:
        audio = np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(np.float32) / 32768
        if w.getnchannels() > 1:
            audio = audio.reshape(-1, w.getnchannels()).mean(axis=1)
        return audio, w.getframerate()


def active_level_db(audio: np.ndarray, rate: int) -> float:
    """RMS of the 20 ms frames within 30 dB of the loudest one: the level of the speech itself."""
    n = rate // 50
    frames = audio[: len(audio) // n * n].reshape(-1, n)
    rms = np.sqrt((frames**2).mean(axis=1)) + 1e-12
    db = 20 * np.log10(rms)
    active = rms[db > db.max() - 30]
    return float(20 * np.log10(np.sqrt((active**2).mean())))


async def phone_line(audio: np.ndarray, rate: int) -> bytes:
    """16 kHz PCM16 as it comes out of the Twilio serializer: through 8 kHz mu-law."""
    audio = np.concatenate([audio, np.zeros(int(0.3 * rate), np.float32)])  # the stream resampler lags
    pcm = (np.clip(audio, -1, 1) * 32767).astype(np.int16).tobytes()
    ulaw = await pcm_to_ulaw(pcm, rate, 8000, SOXRStreamAudioResampler())
    return await ulaw_to_pcm(ulaw, 8000, RATE, SOXRStreamAudioResampler())


def noise_floor(seconds: float, level_db: float, rng: np.random.Generator) -> np.ndarray:
    return rng.normal(0, 10 ** (level_db / 20), int(seconds * RATE)).astype(np.float32)


def speaks(listening: Listening, pcm16: bytes) -> bool:
    vad = listening.vad()
    vad.set_sample_rate(RATE)
    heard = False
    for i in range(0, len(pcm16) - CHUNK * 2 + 1, CHUNK * 2):
        heard |= vad._run_analyzer(pcm16[i : i + CHUNK * 2]) == VADState.SPEAKING
    return heard


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("clips", nargs="+", type=Path)
    parser.add_argument("--levels", default="-30", help="active speech levels, dBFS")
    parser.add_argument("--noise", type=float, default=-60.0, help="line noise floor, dBFS")
    parser.add_argument("--volumes", default="0.6,0.3,0")
    parser.add_argument("--cafe", type=Path, help="café noise without speech, for false starts")
    parser.add_argument("--cafe-level", type=float, default=-45.0, help="its level, dBFS")
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    cafe = None
    if args.cafe:
        audio, rate = read_wav(args.cafe)
        cafe = await phone_line(audio * 10 ** ((args.cafe_level - active_level_db(audio, rate)) / 20), rate)
    volumes = [float(v) for v in args.volumes.split(",")]
    for level in [float(v) for v in args.levels.split(",")]:
        lines = {}
        for clip in args.clips:
            audio, rate = read_wav(clip)
            audio = audio * 10 ** ((level - active_level_db(audio, rate)) / 20)
            speech = np.frombuffer(await phone_line(audio, rate), np.int16).astype(np.float32) / 32768
            pad = noise_floor(0.5, args.noise, rng)
            line = np.concatenate([pad, speech + noise_floor(len(speech) / RATE, args.noise, rng)[: len(speech)], pad])
            lines[clip.name] = (np.clip(line, -1, 1) * 32767).astype(np.int16).tobytes()
        for volume in volumes:
            listening = Listening(vad_min_volume=volume)
            heard = [name for name, pcm in lines.items() if speaks(listening, pcm)]
            missed = sorted(set(lines) - set(heard))
            line = f"level {level} dBFS, min_volume {volume}: {len(heard)}/{len(lines)} short answers reach STT"
            if missed:
                line += f" (missed: {', '.join(missed)})"
            print(line)
            listening.close()
    if cafe is not None:
        window = RATE * 4 * 2
        for volume in volumes:
            listening = Listening(vad_min_volume=volume)
            starts = sum(speaks(listening, cafe[i : i + window]) for i in range(0, len(cafe) - window + 1, window))
            print(
                f"café noise alone at {args.cafe_level} dBFS, min_volume {volume}: "
                f"{starts}/{len(cafe) // window} 4 s windows start a turn"
            )
            listening.close()


if __name__ == "__main__":
    asyncio.run(main())
