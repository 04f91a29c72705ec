"""Whole text calls as the server would hear them: `triage eval-calls --spoken`.

The text call sets say what a caller means; a phone caller's words reach the brain only as Whisper writes
them after the 8 kHz line. Outside measurement found spoken calls ending right far less often than typed ones,
so the same call sets are played a second way: each caller turn is said by a voice, sent through G.711 mu-law
at 8 kHz as Twilio carries it, brought back to 16 kHz as the server's pipeline does, and transcribed by the
server's own speech-to-text (`SpeechToText`, the call's language first, the client's others as the server
offers them). The brain then hears that transcript with its confidence and language, as from a phone.

What this leaves out: turn taking (a turn is one stretch of speech, never cut at a pause), noise, and real
voices. German turns are said by eSpeak NG when no German Piper voice is installed; Whisper base hears that
voice badly (README, *The README's set-up*), so German calls are reported apart and are no measure of callers.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import soxr
from pipecat.audio.utils import create_stream_resampler, pcm_to_ulaw, ulaw_to_pcm

from .brain.language import detect_language
from .speech.engines import AnyVoice, SpeechToText, Transcript

LINE_RATE = 8000
STT_RATE = 16000
# silence around the speech, as a turn reaches speech-to-text: the caller's lead-in and the pause that ended it
LEAD_SECS = 0.2
TRAIL_SECS = 0.5
# the voices peak at full scale; a caller on the line is quieter (and full scale would clip in the resampler)
GAIN = 0.5
FRAME_BYTES = 160  # Twilio's media frames: 20 ms of 8 kHz mu-law


def over_the_line(pcm: np.ndarray, rate: int) -> bytes:
    """int16 speech at `rate` → the caller's phone at 8 kHz → G.711 mu-law in 20 ms frames → the server's
    16 kHz PCM16, by pipecat's own conversions as its TwilioFrameSerializer makes them, with the silence a
    turn has around it."""
    speech = (soxr.resample(pcm.astype(np.float32) * (GAIN / 32768.0), rate, LINE_RATE) * 32767).astype(np.int16)
    # the silences travel the line too: the server's stream resampler holds back its last ~50 ms until more comes
    lead, trail = np.zeros(int(LEAD_SECS * LINE_RATE), np.int16), np.zeros(int(TRAIL_SECS * LINE_RATE), np.int16)
    phone = np.concatenate([lead, speech, trail])

    async def carried() -> bytes:
        line = await pcm_to_ulaw(phone.tobytes(), LINE_RATE, LINE_RATE, create_stream_resampler())
        server = create_stream_resampler()
        frames = [line[i : i + FRAME_BYTES] for i in range(0, len(line), FRAME_BYTES)]
        return b"".join([await ulaw_to_pcm(frame, LINE_RATE, STT_RATE, server) for frame in frames])

    return asyncio.run(carried())


class PhoneEar:
    """Says a caller's sentence with the voice of its language and transcribes it as the server does.

    Whisper does not write the same audio the same way from run to run, so a brain change is measured on one
    run's words: with `heard` (a JSON file), every transcript is kept there, and one already kept is replayed
    instead of heard again."""

    def __init__(self, stt: SpeechToText, voices: dict[str, AnyVoice], heard: Path | None = None) -> None:
        self.stt = stt
        self.voices = voices
        self.heard = heard
        self.kept: dict[str, dict] = json.loads(heard.read_text()) if heard and heard.exists() else {}

    def hear(self, text: str, caller_lang: str, call_lang: str, languages: Sequence[str]) -> Transcript:
        """`text` said in its own language (`caller_lang`, the caller's, when its words do not tell: "Yes."),
        heard as the server hears a call now in `call_lang`."""
        said_in = detect_language(text, tuple(languages), default=caller_lang)
        # the call's language first, then the client's others: SharedWhisperSTT._hear's order
        order = (call_lang, *(lang for lang in languages if lang != call_lang))
        key = "|".join((said_in, *order, text))
        if key in self.kept:
            kept = dict(self.kept[key], languages=tuple(tuple(p) for p in self.kept[key]["languages"]))
            return Transcript(**kept)
        voice = self.voices[said_in]
        pcm = np.frombuffer(b"".join(voice.sentences(text)), dtype=np.int16)
        transcript = self.stt.transcribe_sync(over_the_line(pcm, voice.sample_rate), order)
        if self.heard is not None:
            self.kept[key] = dataclasses.asdict(transcript)
            self.heard.write_text(json.dumps(self.kept, ensure_ascii=False, indent=0))
        return transcript


def play_spoken(call, turns: list, ear: PhoneEar):
    """`cli._play` with every spoken turn heard through `ear`: the call's outcome. Silence ("") and keys
    ({"dtmf": …}) pass as they are; what Whisper wrote is in the call's transcript."""
    call.greet()
    languages = call.dialogue.pack.languages
    caller_lang = spoken_language(turns, languages, call.dialogue.state.lang)
    for turn in turns:
        state = call.dialogue.state
        if state.ended:
            break
        if isinstance(turn, dict):
            call.dtmf(turn["dtmf"])
        elif not turn.strip():
            call.hear(turn)
        else:
            t = ear.hear(turn, caller_lang, state.lang, languages)
            call.hear(t.text.strip(), confidence=t.confidence, language=t.language or None)
    return call.hangup()


def spoken_language(turns: list, languages: Sequence[str], default: str) -> str:
    """The language a call's caller speaks: that of all its words together."""
    words = " ".join(t for t in turns if isinstance(t, str))
    return detect_language(words, tuple(languages), default=default)
