"""Speech models: the synthesized stand-ins run in the real engines, resolution names the fix, pull fails clearly.

Everything here runs offline: faster-whisper and Piper load the random-weight test models that the session
fixture `synth_models` writes, and hear real recordings from the shared audio folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import shared_audio
from triage.settings import Settings, get_settings
from triage.speech.models import (
    ModelMissing,
    SpeechModelError,
    UnknownModel,
    load_manifest,
    resolve_voice,
    resolve_whisper,
)
from triage.speech.synth_whisper import SUPPRESS_TOKENS

# The server's decoding options (triage/speech/engines.py): one greedy pass, no timestamps.
SERVER_OPTIONS = {"beam_size": 1, "temperature": 0.0, "condition_on_previous_text": False, "without_timestamps": True}


def _settings(models_dir: Path, **values) -> Settings:
    return Settings(models_dir=models_dir, **values)


@pytest.fixture(scope="module")
def whisper(synth_models: Path):
    from faster_whisper import WhisperModel

    folder = resolve_whisper(_settings(synth_models, stt_model="synth-test"))
    return WhisperModel(str(folder), device="cpu", compute_type="int8", cpu_threads=2, local_files_only=True)


def _audio(name: str):
    from faster_whisper.audio import decode_audio

    return decode_audio(str(shared_audio(name)), sampling_rate=16000)


# --- the manifest ---------------------------------------------------------------------------------
def test_manifest_lists_the_downloadable_models() -> None:
    manifest = load_manifest()
    assert {"tiny", "base", "small", "medium", "large-v3"} <= set(manifest.whisper)
    assert manifest.whisper["base"].repo == "Systran/faster-whisper-base"
    assert {"de_DE-thorsten-medium", "en_US-lessac-medium", "en_US-amy-medium"} <= set(manifest.voices)
    voice = manifest.voices["de_DE-thorsten-medium"]
    assert voice.files == (
        "de/de_DE/thorsten/medium/de_DE-thorsten-medium.onnx",
        "de/de_DE/thorsten/medium/de_DE-thorsten-medium.onnx.json",
    )


def test_an_invalid_manifest_names_the_file_and_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "speech.yaml"
    bad.write_text("whisper:\n  tiny: {repo: not a repo, size_mb: 75, licence: MIT}\nvoices: {}\n")
    with pytest.raises(SpeechModelError, match=r"speech\.yaml.*repo"):
        load_manifest(bad)


# --- synthesized models in the real engines -------------------------------------------------------
def test_synth_writes_the_real_formats(synth_models: Path) -> None:
    folder = synth_models / "whisper" / "synth-test"
    assert {"model.bin", "config.json", "tokenizer.json", "preprocessor_config.json", "vocabulary.json"} <= {
        p.name for p in folder.iterdir()
    }
    config = json.loads((folder / "config.json").read_text())
    assert config["lang_ids"][0] == 50259 and len(config["lang_ids"]) == 99
    assert config["suppress_ids_begin"] == [220, 50257]
    for lang, espeak in (("de_DE", "de"), ("en_US", "en-us")):
        voice = json.loads((synth_models / "piper" / f"{lang}-synth-test.onnx.json").read_text())
        assert voice["audio"]["sample_rate"] == 16000
        assert voice["espeak"]["voice"] == espeak
        assert voice["phoneme_type"] == "espeak" and voice["num_speakers"] == 1


def test_the_shipped_vocabulary_has_whisper_ids(synth_models: Path) -> None:
    import tokenizers
    from faster_whisper.tokenizer import Tokenizer

    hf = tokenizers.Tokenizer.from_file(str(synth_models / "whisper" / "synth-test" / "tokenizer.json"))
    tokenizer = Tokenizer(hf, multilingual=True, task="transcribe", language="de")
    assert tokenizer.sot_sequence == [50258, 50261, 50359]
    assert (tokenizer.eot, tokenizer.no_timestamps, tokenizer.timestamp_begin) == (50257, 50363, 50364)
    text = " Bei uns ist ein Rohr geplatzt, das Wasser läuft überall!"
    assert tokenizer.decode(tokenizer.encode(text)) == text
    tasks = [tokenizer.sot, tokenizer.translate, tokenizer.transcribe, tokenizer.sot_lm, tokenizer.sot_prev]
    assert list(SUPPRESS_TOKENS) == sorted([*tokenizer.non_speech_tokens, *tasks, tokenizer.no_speech])


def test_faster_whisper_transcribes_real_speech_with_a_realistic_length(whisper) -> None:
    segments, info = whisper.transcribe(_audio("jfk_16k.wav"), language="de", **SERVER_OPTIONS)
    segments = list(segments)
    assert info.language == "de" and info.duration == pytest.approx(11.0, abs=0.1)
    assert len(segments) == 1
    assert 10 <= len(segments[0].tokens) <= 30  # ends by itself, like a spoken turn, not after 448 tokens
    assert segments[0].text.strip()


def test_default_decoding_never_falls_back_to_higher_temperatures(whisper) -> None:
    """A random model's uncertain or looping output would make faster-whisper decode six times."""
    segments, _ = whisper.transcribe(_audio("new_home_16k.wav"), language="en")
    segments = list(segments)
    assert segments and all(s.temperature == 0.0 for s in segments)
    assert all(s.avg_logprob > -1.0 and s.compression_ratio < 2.4 for s in segments)


def test_language_detection_offers_german_and_english(whisper) -> None:
    language, probability, ranked = whisper.detect_language(_audio("timit_ldc93s1_16k.wav"))
    probabilities = dict(ranked)
    assert language in ("de", "en") and probability == max(probabilities.values())
    assert probabilities["de"] > 0.01 and probabilities["en"] > 0.01
    assert probabilities["de"] + probabilities["en"] > 0.9


@pytest.mark.parametrize(
    ("voice", "text"),
    [
        ("de_DE-synth-test", "Guten Tag, hier ist der Notdienst. Wie kann ich helfen?"),
        ("en_US-synth-test", "Hello, this is the emergency service. How can I help you?"),
    ],
)
def test_piper_speaks_sentence_by_sentence(synth_models: Path, voice: str, text: str) -> None:
    from piper import PiperVoice

    loaded = PiperVoice.load(resolve_voice(voice, _settings(synth_models)))
    chunks = list(loaded.synthesize(text))
    assert len(chunks) == 2  # one per sentence
    seconds = [len(c.audio_float_array) / c.sample_rate for c in chunks]
    assert all(c.sample_rate == 16000 for c in chunks)
    assert 1.0 < seconds[0] < 5.0 and 0.5 < seconds[1] < 3.0, seconds  # speech-like, not 0 or 60 s


# --- resolution -----------------------------------------------------------------------------------
def test_names_resolve_under_the_models_dir(synth_models: Path) -> None:
    settings = _settings(synth_models, stt_model="synth-test", tts_voice_de="de_DE-synth-test")
    assert resolve_whisper(settings) == synth_models / "whisper" / "synth-test"
    assert resolve_voice(settings.tts_voice_de, settings) == synth_models / "piper" / "de_DE-synth-test.onnx"


def test_existing_paths_are_used_as_they_are(synth_models: Path, tmp_path: Path) -> None:
    folder = synth_models / "whisper" / "synth-test"
    onnx = synth_models / "piper" / "en_US-synth-test.onnx"
    settings = _settings(tmp_path / "empty", stt_model=str(folder))
    assert resolve_whisper(settings) == folder
    assert resolve_voice(str(onnx), settings) == onnx


def test_a_missing_whisper_model_names_the_fix(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "models", stt_model="base")
    with pytest.raises(ModelMissing) as caught:
        resolve_whisper(settings)
    message = str(caught.value)
    assert f"'base' is not in {tmp_path / 'models' / 'whisper' / 'base'}" in message
    assert "run 'triage models pull' (needs internet)" in message
    assert "set TRIAGE_STT_MODEL to a local CTranslate2 Whisper folder" in message
    assert "TRIAGE_MODELS_DIR=DIR TRIAGE_STT_MODEL=synth-tiny" in message


def test_a_missing_voice_names_its_setting(tmp_path: Path) -> None:
    settings = _settings(tmp_path / "models")
    with pytest.raises(ModelMissing) as caught:
        resolve_voice(settings.tts_voice_de, settings)
    message = str(caught.value)
    assert "'de_DE-thorsten-medium' is not in" in message and "'triage models pull'" in message
    assert "TRIAGE_TTS_VOICE_DE=de_DE-synth-medium" in message
    with pytest.raises(ModelMissing, match="TRIAGE_TTS_VOICE_EN"):
        resolve_voice(settings.tts_voice_en, settings)


def test_unknown_names_and_broken_paths_are_explained(synth_models: Path, tmp_path: Path) -> None:
    settings = _settings(tmp_path / "models", stt_model="huge-v9")
    with pytest.raises(UnknownModel, match=r"'huge-v9' is unknown.*tiny, base, small"):
        resolve_whisper(settings)
    with pytest.raises(UnknownModel, match="'de_DE-nobody-medium' is unknown"):
        resolve_voice("de_DE-nobody-medium", settings)
    with pytest.raises(ModelMissing, match="made by 'triage models synth"):
        resolve_whisper(_settings(tmp_path / "models", stt_model="synth-tiny"))
    with pytest.raises(ModelMissing, match="does not exist"):
        resolve_whisper(_settings(tmp_path, stt_model=str(tmp_path / "nowhere")))
    lonely = tmp_path / "lonely.onnx"
    shutil.copy(synth_models / "piper" / "de_DE-synth-test.onnx", lonely)
    with pytest.raises(ModelMissing, match=r"no config lonely\.onnx\.json beside it"):
        resolve_voice(str(lonely), settings)


# --- the `triage models` commands -----------------------------------------------------------------
def test_pull_fails_clearly_when_offline(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = cli("models", "pull")
    assert result.exit_code == 2
    assert "error: cannot reach the model hub: HF_HUB_OFFLINE is set" in result.stderr

    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there: refused at once
    result = cli("models", "pull", "tiny")
    assert result.exit_code == 2
    assert "error: cannot reach the model hub: 127.0.0.1:9" in result.stderr


def test_pull_skips_models_that_are_present(cli, synth_models: Path, tmp_path: Path, monkeypatch) -> None:
    models = tmp_path / "models"
    shutil.copytree(synth_models / "whisper" / "synth-test", models / "whisper" / "tiny")
    (models / "piper").mkdir()
    for suffix in (".onnx", ".onnx.json"):
        shutil.copy(
            synth_models / "piper" / f"de_DE-synth-test{suffix}", models / "piper" / f"de_DE-thorsten-medium{suffix}"
        )
    monkeypatch.setenv("TRIAGE_MODELS_DIR", str(models))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # proves nothing is fetched
    get_settings.cache_clear()
    result = cli("models", "pull", "tiny", "de_DE-thorsten-medium")
    assert result.exit_code == 0, result.output
    assert f"present: tiny ({models / 'whisper' / 'tiny'})" in result.stdout
    assert "present: de_DE-thorsten-medium" in result.stdout


def test_pull_refuses_unknown_and_synthesized_names(cli) -> None:
    result = cli("models", "pull", "huge-v9")
    assert result.exit_code == 2 and "'huge-v9' is not in models/speech.yaml" in result.stderr
    result = cli("models", "pull", "synth-tiny")
    assert result.exit_code == 2 and "made by 'triage models synth" in result.stderr


def test_list_shows_configured_present_and_where(cli, synth_models: Path, monkeypatch) -> None:
    result = cli("models", "list")
    assert result.exit_code == 0, result.output
    assert "models dir:" in result.stdout
    line = next(x for x in result.stdout.splitlines() if " base " in x)
    assert line.split()[0] == "missing" and "<- TRIAGE_STT_MODEL" in line and "Systran/faster-whisper-base" in line

    monkeypatch.setenv("TRIAGE_MODELS_DIR", str(synth_models))
    monkeypatch.setenv("TRIAGE_STT_MODEL", "synth-test")
    get_settings.cache_clear()
    result = cli("models", "list")
    line = next(x for x in result.stdout.splitlines() if "synth-test" in x and "TRIAGE_STT_MODEL" in x)
    assert line.split()[0] == "present"
    assert str(synth_models / "whisper" / "synth-test") in result.stdout
    assert any(x.split()[:2] == ["present", "en_US-synth-test"] for x in result.stdout.splitlines())


def test_synth_rejects_unknown_sizes(cli, tmp_path: Path) -> None:
    result = cli("models", "synth", "--out", str(tmp_path), "--whisper", "large")
    assert result.exit_code == 2
    assert "unknown whisper size large: choose from test, tiny, base" in result.stderr


def test_synth_keeps_identical_models(cli, synth_models: Path) -> None:
    result = cli("models", "synth", "--out", str(synth_models), "--whisper", "test", "--voices", "test")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("kept ") == 3
    assert "TRIAGE_STT_MODEL=synth-test" in result.stdout


def test_serve_with_a_missing_model_says_which_command_fixes_it(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TRIAGE_MODELS_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("TRIAGE_STT_MODEL", "base")
    get_settings.cache_clear()
    result = cli("serve", "--port", "0")
    assert result.exit_code == 2
    assert "triage models pull" in result.output and "TRIAGE_STT_MODEL" in result.output
