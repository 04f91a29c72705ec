"""Random-weight Piper voices in the real format, so the real Piper engine runs offline.

The generator is piper's own VITS (`piper.train.vits.models.SynthesizerTrn`) with the hyper-parameters piper
trains "medium" voices with (22050 Hz; they are `VitsModel`'s defaults), or a much smaller "test" variant
(16000 Hz). It is exported like `piper.train.export_onnx` does it (same forward, same input and output names,
opset 15) and gets the `.onnx.json` config `PiperVoice.load` reads, with piper's default espeak phoneme map.
`piper.train.vits.lightning` needs Lightning, which only training needs, so the generator is built directly.

Only the duration predictor is touched: untrained, it gives every phoneme about one frame (12 ms), so a
sentence would last a fraction of a second. Its last affine flow is shifted so phonemes last as long as in
real speech; the audio itself is noise.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Median length of one phoneme id before piper rounds up to whole frames; with the noise and the rounding,
# ids last ~28 ms on average and "Guten Tag, hier ist der Notdienst." takes 2.3-3 s, as a speaker would.
SECONDS_PER_ID = 0.018
OPSET_VERSION = 15  # piper.train.export_onnx.OPSET_VERSION


@dataclass(frozen=True)
class VoiceSize:
    """What differs between piper's quality levels (see piper.train.vits.config / lightning.VitsModel)."""

    sample_rate: int
    hidden_channels: int = 192
    inter_channels: int = 192
    filter_channels: int = 768
    n_heads: int = 2
    n_layers: int = 6
    resblock: str = "2"
    resblock_kernel_sizes: tuple[int, ...] = (3, 5, 7)
    resblock_dilation_sizes: tuple[tuple[int, ...], ...] = ((1, 2), (2, 6), (3, 12))
    upsample_rates: tuple[int, ...] = (8, 8, 4)
    upsample_initial_channel: int = 256
    upsample_kernel_sizes: tuple[int, ...] = (16, 16, 8)


SIZES: dict[str, VoiceSize] = {
    "medium": VoiceSize(sample_rate=22050),
    "test": VoiceSize(
        sample_rate=16000,
        hidden_channels=48,
        inter_channels=48,
        filter_channels=128,
        n_layers=2,
        upsample_initial_channel=32,
    ),
}

# The real voices' language blocks (as in de_DE-thorsten-medium.onnx.json and en_US-lessac-medium.onnx.json).
LANGUAGES: dict[str, dict] = {
    "de_DE": {
        "espeak": "de",
        "language": {
            "code": "de_DE",
            "family": "de",
            "region": "DE",
            "name_native": "Deutsch",
            "name_english": "German",
            "country_english": "Germany",
        },
    },
    "en_US": {
        "espeak": "en-us",
        "language": {
            "code": "en_US",
            "family": "en",
            "region": "US",
            "name_native": "English",
            "name_english": "English",
            "country_english": "United States",
        },
    },
}


def _generator(size: VoiceSize, num_symbols: int):
    from piper.train.vits.models import SynthesizerTrn

    filter_length = 1024  # MelAudioConfig default: the linear spectrogram has 513 bins
    return SynthesizerTrn(
        n_vocab=num_symbols,
        spec_channels=filter_length // 2 + 1,
        segment_size=8192 // 256,
        inter_channels=size.inter_channels,
        hidden_channels=size.hidden_channels,
        filter_channels=size.filter_channels,
        n_heads=size.n_heads,
        n_layers=size.n_layers,
        kernel_size=3,
        p_dropout=0.1,
        resblock=size.resblock,
        resblock_kernel_sizes=size.resblock_kernel_sizes,
        resblock_dilation_sizes=size.resblock_dilation_sizes,
        upsample_rates=size.upsample_rates,
        upsample_initial_channel=size.upsample_initial_channel,
        upsample_kernel_sizes=size.upsample_kernel_sizes,
        n_speakers=1,
        gin_channels=0,
        use_sdp=True,
    )


def _set_durations(model_g, size: VoiceSize) -> None:
    """Shift the stochastic duration predictor so the median phoneme id lasts SECONDS_PER_ID.

    In inference the predictor's flows run in reverse and its first flow, an ElementwiseAffine, comes last:
    log-duration = (z - m) * exp(-logs). Untrained, z is just the (scaled) noise, so m = -log(frames) sets
    the median duration and the noise keeps the natural spread.
    """
    import torch

    hop = math.prod(size.upsample_rates)
    frames = SECONDS_PER_ID * size.sample_rate / hop
    affine = model_g.dp.flows[0]
    with torch.no_grad():
        affine.m[0, 0] = -math.log(frames)


def _export(model_g, onnx_path: Path) -> None:
    """The export of piper.train.export_onnx.main, minus the checkpoint loading."""
    import torch

    model_g.eval()
    with torch.no_grad():
        model_g.dec.remove_weight_norm()

    def infer_forward(text, text_lengths, scales, sid=None):
        audio = model_g.infer(
            text,
            text_lengths,
            noise_scale=scales[0],
            length_scale=scales[1],
            noise_scale_w=scales[2],
            sid=sid,
        )[0].unsqueeze(1)
        return audio

    model_g.forward = infer_forward
    sequences = torch.randint(low=0, high=model_g.n_vocab, size=(1, 50), dtype=torch.long)
    lengths = torch.LongTensor([sequences.size(1)])
    scales = torch.FloatTensor([0.667, 1.0, 0.8])
    torch.onnx.export(
        model=model_g,
        args=(sequences, lengths, scales, None),
        f=str(onnx_path),
        verbose=False,
        opset_version=OPSET_VERSION,
        input_names=["input", "input_lengths", "scales", "sid"],
        output_names=["output"],
        dynamic_axes={
            "input": {0: "batch_size", 1: "phonemes"},
            "input_lengths": {0: "batch_size"},
            "output": {0: "batch_size", 2: "time"},
        },
        dynamo=False,  # piper's exporter is the TorchScript one; the dynamo one needs onnxscript
    )


def _config(size_name: str, size: VoiceSize, lang: str, stamp: dict) -> dict:
    from piper.config import PhonemeType, PiperConfig
    from piper.phoneme_ids import DEFAULT_PHONEME_ID_MAP

    config = PiperConfig(
        num_symbols=256,  # what piper trains with (VitsDataModule default), above the map's largest id
        num_speakers=1,
        sample_rate=size.sample_rate,
        espeak_voice=LANGUAGES[lang]["espeak"],
        phoneme_id_map=DEFAULT_PHONEME_ID_MAP,
        phoneme_type=PhonemeType.ESPEAK,
        piper_version="1.5.0",
    ).to_dict()
    config["audio"]["quality"] = size_name
    config["language"] = LANGUAGES[lang]["language"]
    config["dataset"] = "random weights from 'triage models synth': the audio is noise, its timing speech-like"
    config["synth"] = stamp
    return config


def voice_name(lang: str, size_name: str) -> str:
    return f"{lang}-synth-{size_name}"


def synth_voice(lang: str, size_name: str, out_dir: Path, *, seed: int = 0, stamp: dict | None = None) -> Path:
    """Write `out_dir/<lang>-synth-<size>.onnx` and its `.onnx.json`; return the .onnx path."""
    import torch

    size = SIZES[size_name]
    config = _config(size_name, size, lang, stamp or {"seed": seed, "size": size_name})
    torch.manual_seed(seed)
    model_g = _generator(size, config["num_symbols"])
    _set_durations(model_g, size)
    name = voice_name(lang, size_name)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="synth-piper-", dir=out_dir) as tmp:
        staged = Path(tmp) / f"{name}.onnx"
        torch.manual_seed(seed)  # the export draws a random example input
        _export(model_g, staged)
        Path(f"{staged}.json").write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")
        target = out_dir / staged.name
        shutil.move(f"{staged}.json", f"{target}.json")
        shutil.move(str(staged), target)
    return target
