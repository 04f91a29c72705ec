"""eSpeak NG as a voice for a language that has no neural voice on this machine.

No German Piper voice can be installed from a package registry, so on a machine without the model hub
the server had no way to speak to a German caller and refused to start. eSpeak NG's formant voices are
robotic but clear, need no model file, and come with a pip package (`espeakng-loader`, which bundles
the library and its language data, GPL-3.0 like piper-tts' own copy). It speaks the same pack texts a
Piper voice would, so every word still comes from the client pack, in the caller's language.

The library keeps its state (voice, callback, buffers) in C globals: one synthesis at a time, in the
whole process. It makes several seconds of speech in a few milliseconds, so the lock costs nothing
that matters. This is a separate copy of the library from piper-tts' phonemiser, so it does not take
Piper's lock.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections.abc import Iterator
from functools import lru_cache

import numpy as np

# The voice names the settings accept (TRIAGE_TTS_VOICE_DE=espeak-de), and eSpeak NG's voice for each.
ESPEAK_VOICES = {"espeak-de": "de", "espeak-en": "en-us"}
# Words a minute. eSpeak's default of 175 is quicker than a receptionist; Whisper base heard the
# default packs' German sentences as well or better at this pace through the 8 kHz line (README).
WORDS_PER_MINUTE = 160

_AUDIO_OUTPUT_SYNCHRONOUS = 2  # espeak_AUDIO_OUTPUT: synthesis returns when done, audio via the callback
_ESPEAK_CHARS_UTF8 = 1
_ESPEAK_RATE = 1  # espeak_PARAMETER
_POS_CHARACTER = 1
_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)
# Sentences are made one at a time, so the first reaches the caller while the rest is being made.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class EspeakUnavailable(RuntimeError):
    """The eSpeak NG library could not be loaded (package missing or broken)."""


class _Library:
    """The loaded library, initialised once; `synthesize` is serialised by a lock."""

    def __init__(self) -> None:
        try:
            import espeakng_loader

            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = espeakng_loader.get_data_path().encode()
        except (ImportError, OSError, RuntimeError) as exc:
            raise EspeakUnavailable(f"eSpeak NG is not available ({exc}): pip install espeakng-loader") from exc
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Synth.argtypes = [
            ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
            ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
        ]
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self.sample_rate: int = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data, 0)
        if self.sample_rate <= 0:
            raise EspeakUnavailable(f"eSpeak NG did not initialise (status {self.sample_rate})")
        self._lib = lib
        self._lock = threading.Lock()
        self._chunks: list[np.ndarray] = []
        self._callback = _SYNTH_CALLBACK(self._collect)  # kept referenced: C holds only the pointer
        lib.espeak_SetSynthCallback(self._callback)

    def _collect(self, wav, samples: int, _events) -> int:
        if samples > 0:
            self._chunks.append(np.ctypeslib.as_array(wav, shape=(samples,)).copy())
        return 0  # go on

    def synthesize(self, text: str, voice: str, words_per_minute: int) -> np.ndarray:
        """int16 samples of `text` at `sample_rate`."""
        encoded = text.encode("utf-8")
        with self._lock:
            self._chunks = []
            if self._lib.espeak_SetVoiceByName(voice.encode()) != 0:
                raise EspeakUnavailable(f"eSpeak NG has no voice {voice!r}")
            self._lib.espeak_SetParameter(_ESPEAK_RATE, words_per_minute, 0)
            status = self._lib.espeak_Synth(
                encoded, len(encoded) + 1, 0, _POS_CHARACTER, 0, _ESPEAK_CHARS_UTF8, None, None
            )
            chunks, self._chunks = self._chunks, []
        if status != 0:
            raise RuntimeError(f"eSpeak NG failed to speak (status {status})")
        return np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int16)


@lru_cache(maxsize=1)
def _library() -> _Library:
    return _Library()


def espeak_available() -> bool:
    try:
        _library()
    except EspeakUnavailable:
        return False
    return True


def _full_scale(audio: np.ndarray) -> bytes:
    """PCM16 peaking at full scale, as Piper's sentences do, so both voices are equally loud."""
    peak = int(np.max(np.abs(audio.astype(np.int32))))
    if peak == 0:
        return audio.astype(np.int16).tobytes()
    return (audio.astype(np.float32) * (32767 / peak)).astype(np.int16).tobytes()


class EspeakVoice:
    """The same face as a Piper `Voice`: a sample rate and PCM16 per sentence."""

    def __init__(self, name: str, words_per_minute: int = WORDS_PER_MINUTE) -> None:
        if name not in ESPEAK_VOICES:
            raise ValueError(f"unknown eSpeak voice {name!r}: one of {', '.join(ESPEAK_VOICES)}")
        self.name = name
        self.source = f"eSpeak NG {ESPEAK_VOICES[name]}"  # what /readyz reports
        self._voice = ESPEAK_VOICES[name]
        self._words_per_minute = words_per_minute
        self._library = _library()
        self.sample_rate: int = self._library.sample_rate

    def stream_sync(self, text: str) -> Iterator[bytes]:
        """A generator for one utterance; each next() synthesises one more sentence."""
        for sentence in _SENTENCE_END.split(text.strip()):
            if not sentence:
                continue
            audio = self._library.synthesize(sentence, self._voice, self._words_per_minute)
            if audio.size:
                yield _full_scale(audio)

    def sentences(self, text: str) -> list[bytes]:
        return list(self.stream_sync(text))
