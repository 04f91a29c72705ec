"""The warm-up before the server reports ready runs every engine on the reply path the way a caller's
first turn would: VAD and Smart Turn, Whisper on a real spoken sentence (not silence, which would stop
the decoder at its first step) with the language check, Piper, and the brain. With the real Whisper
base and the real en_US-joe-medium voice from PyPI, as the server loads them.
"""

from __future__ import annotations

from pathlib import Path

from triage.brain.model import TextModel, default_model_dir
from triage.calls.pipeline import Engines
from triage.runtime import warm_engines
from triage.speech.engines import SpeechToText, TextToSpeech, Voice
from triage.speech.listening import Listening


def test_the_warm_up_hears_a_real_sentence_in_the_callers_language(real_models: Path) -> None:
    engines = Engines(
        stt=SpeechToText(real_models / "whisper" / "base", workers=2),
        tts=TextToSpeech({"en": Voice(real_models / "piper" / "en_US-joe-medium.onnx")}),
        listening=Listening(),
        model=TextModel.load(default_model_dir()),
    )
    try:
        heard = warm_engines(engines)
    finally:
        engines.close()
    english = heard["en"]
    assert english.language == "en"
    assert "heating" in english.text.lower() and "water" in english.text.lower(), english.text
    # the shortened window a turn of this length is heard in, and the language check on its encoder pass
    assert english.window_seconds < 30 or english.confidence < 0.6
    assert english.languages and english.languages[0][0] == "en"
