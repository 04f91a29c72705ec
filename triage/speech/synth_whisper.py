"""Random-weight Whisper models in the real faster-whisper format, so the real engine runs offline.

The architecture, vocabulary, special tokens and generation settings are those of openai/whisper-tiny and
-base (plus a very small "test" size with the same vocabulary); only the weights are random (seeded). The
model goes through the same path a real one does: transformers `WhisperForConditionalGeneration` →
`ctranslate2` converter (int8) → a folder faster-whisper loads like `Systran/faster-whisper-*`.

A random decoder never chooses end-of-text on its own and would decode up to 448 tokens per window, and its
near-uniform logits would make faster-whisper retry every window at five higher temperatures. Either would
make speed measurements wrong. `_shape_decoding` sets a handful of weights so that the decoder behaves like a
trained one: confident, no loops, end-of-text after a realistic number of tokens.
"""

from __future__ import annotations

import gzip
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..settings import REPO_ROOT

TOKENIZER_GZ = REPO_ROOT / "models" / "synth" / "whisper-tokenizer.json.gz"

VOCAB_SIZE = 51865
EOT, SOT, TRANSLATE, TRANSCRIBE, SOT_LM, SOT_PREV, NO_SPEECH, NO_TIMESTAMPS = (
    50257, 50258, 50358, 50359, 50360, 50361, 50362, 50363,
)  # fmt: skip
# Whisper's language order (tokenizer.py LANGUAGES): <|en|> is 50259, <|de|> 50261, …
LANGUAGES = (
    "en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr bg lt la mi "
    "ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn yo so af oc ka be tg sd "
    "gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt haw ln ha ba jw su"
).split()
# The non-speech symbols Whisper never transcribes (its Tokenizer.non_speech_tokens for this vocabulary) plus
# the task tokens; identical to suppress_tokens in openai/whisper-tiny's config.
SUPPRESS_TOKENS = (
    1, 2, 7, 8, 9, 10, 14, 25, 26, 27, 28, 29, 31, 58, 59, 60, 61, 62, 63, 90, 91, 92, 93, 359, 503, 522, 542,
    873, 893, 902, 918, 922, 931, 1350, 1853, 1982, 2460, 2627, 3246, 3253, 3268, 3536, 3846, 3961, 4183, 4667,
    6585, 6647, 7273, 9061, 9383, 10428, 10929, 11938, 12033, 12331, 12562, 13793, 14157, 14635, 15265, 15618,
    16553, 16604, 18362, 18956, 20075, 21675, 22520, 26130, 26161, 26435, 28279, 29464, 31650, 32302, 32470,
    36865, 42863, 47425, 49870, 50254, SOT, TRANSLATE, TRANSCRIBE, SOT_LM, SOT_PREV, NO_SPEECH,
)  # fmt: skip
PREPROCESSOR = {
    "chunk_length": 30,
    "feature_extractor_type": "WhisperFeatureExtractor",
    "feature_size": 80,
    "hop_length": 160,
    "n_fft": 400,
    "n_samples": 480000,
    "nb_max_frames": 3000,
    "padding_side": "right",
    "padding_value": 0.0,
    "processor_class": "WhisperProcessor",
    "return_attention_mask": False,
    "sampling_rate": 16000,
}


@dataclass(frozen=True)
class WhisperSize:
    d_model: int
    layers: int  # encoder and decoder alike
    heads: int
    ffn: int
    alignment_heads: tuple[tuple[int, int], ...] | None  # openai's, from whisper/__init__.py; None: last half
    eot_after: float  # DecodeShape.eot_after for this size: about 20 text tokens per 30 s window at each size


SIZES: dict[str, WhisperSize] = {
    "test": WhisperSize(64, 2, 2, 256, None, eot_after=18),
    "tiny": WhisperSize(384, 4, 6, 1536, ((2, 2), (3, 0), (3, 2), (3, 3), (3, 4), (3, 5)), eot_after=16),
    "base": WhisperSize(
        512, 6, 8, 2048, ((3, 1), (4, 2), (4, 3), (4, 7), (5, 1), (5, 2), (5, 4), (5, 6)), eot_after=14
    ),
}


@dataclass(frozen=True)
class DecodeShape:
    """The knobs of `_shape_decoding`, in units of the spread of the random logits; chosen by measurement."""

    eot_after: float = 18.0  # decoder position (prompt included) where end-of-text starts to rise
    ramp: float = 1.0  # how fast end-of-text rises per position
    eot_strength: float = 1.0  # its weight on the ramp
    confidence: float = 100.0  # scale of the final layer norm: the argmax wins clearly, as in a trained model
    special_penalty: float = 3.0  # timestamps, languages and tasks lose against text inside a transcript
    other_languages: float = 6.0  # penalty of the languages a caller of this product does not speak
    caller_languages: float = 1.0  # bonus of German and English: language detection picks one of them
    de_en_spread: float = 2.0  # logit spread between German and English, which decides between the two
    positions: float = 20.0  # scale of the learned positions: each position prefers other tokens (no loops)


def _configs(size: WhisperSize):
    from transformers import GenerationConfig, WhisperConfig

    lang_to_id = {f"<|{code}|>": EOT + 2 + i for i, code in enumerate(LANGUAGES)}
    common = {
        "decoder_start_token_id": SOT,
        "eos_token_id": EOT,
        "pad_token_id": EOT,
        "bos_token_id": EOT,
        "suppress_tokens": list(SUPPRESS_TOKENS),
        "begin_suppress_tokens": [220, EOT],
        "max_length": 448,
    }
    config = WhisperConfig(
        vocab_size=VOCAB_SIZE,
        num_mel_bins=80,
        d_model=size.d_model,
        encoder_layers=size.layers,
        decoder_layers=size.layers,
        encoder_attention_heads=size.heads,
        decoder_attention_heads=size.heads,
        encoder_ffn_dim=size.ffn,
        decoder_ffn_dim=size.ffn,
        max_source_positions=1500,
        max_target_positions=448,
        scale_embedding=False,
        activation_function="gelu",
        **common,
    )
    heads = size.alignment_heads or [
        (layer, h) for layer in range(size.layers // 2, size.layers) for h in range(size.heads)
    ]
    generation = GenerationConfig(
        **common,
        alignment_heads=[list(h) for h in heads],
        is_multilingual=True,
        lang_to_id=lang_to_id,
        task_to_id={"translate": TRANSLATE, "transcribe": TRANSCRIBE},
        no_timestamps_token_id=NO_TIMESTAMPS,
        prev_sot_token_id=SOT_PREV,
        max_initial_timestamp_index=50,
        return_timestamps=False,
    )
    return config, generation


def _shape_decoding(model, shape: DecodeShape) -> None:
    """Give the random decoder the decoding behaviour of a trained one, without changing its architecture.

    - Residual dimension 0 is reserved: no token embedding and no layer writes into it, so it holds exactly a
      ramp over the decoder positions. Only the end-of-text row of the (tied) embedding reads it, so
      end-of-text loses early and wins after about `eot_after` positions, like a short spoken turn.
    - Dimension 1 of the final layer norm is a constant, read only by the rows of the special tokens: inside
      a transcript they lose against text, but stay the argmax where the decoder restricts the choice to them
      (the first timestamp, language detection). German and English get a bonus over the other languages,
      and nearly the same row, so language detection says de or en (by a margin that varies with the
      audio), as a trained model does for this product's callers; otherwise a server that only accepts
      de/en would detect, reject and transcribe every turn twice.
    - Larger learned positions make each position prefer different tokens: a random decoder otherwise falls
      into repeating one token, which faster-whisper (compression ratio > 2.4) answers with five retries.
    - The final layer norm is scaled so the argmax is confident (log-probability above faster-whisper's -1):
      an unsure model is also retried at higher temperatures.
    """
    import torch

    decoder = model.model.decoder
    d_model = decoder.embed_tokens.weight.shape[1]
    unit = model.config.init_std * d_model**0.5  # spread of one random logit before the confidence scale
    ramp_dim, const_dim = 0, 1
    with torch.no_grad():
        emb = decoder.embed_tokens.weight  # tied with proj_out: the same rows score the next token
        emb[:, ramp_dim] = 0.0
        emb[EOT, ramp_dim] = shape.eot_strength * unit
        emb[:, const_dim] = 0.0
        emb[SOT:, const_dim] = -shape.special_penalty * unit
        de, en = (EOT + 2 + LANGUAGES.index(code) for code in ("de", "en"))
        emb[EOT + 2 : EOT + 2 + len(LANGUAGES), const_dim] = -shape.other_languages * unit
        noise = torch.randn(d_model) * shape.de_en_spread / (shape.confidence * d_model**0.5)
        emb[en] = emb[de] + noise
        emb[[de, en], ramp_dim] = 0.0
        emb[[de, en], const_dim] = shape.caller_languages * unit
        for layer in decoder.layers:
            for linear in (layer.self_attn.out_proj, layer.encoder_attn.out_proj, layer.fc2):
                linear.weight[ramp_dim, :] = 0.0
                if linear.bias is not None:
                    linear.bias[ramp_dim] = 0.0
        pos = decoder.embed_positions.weight
        pos.mul_(shape.positions)
        spread = float(pos[:, 2:].std())
        steps = torch.arange(pos.shape[0], dtype=pos.dtype) - shape.eot_after
        pos[:, ramp_dim] = shape.ramp * spread * steps
        norm = decoder.layer_norm
        norm.weight.mul_(shape.confidence)
        norm.weight[const_dim] = 0.0
        norm.bias[const_dim] = shape.confidence


def synth_whisper(size_name: str, out: Path, *, seed: int = 0, shape: DecodeShape | None = None) -> Path:
    """Write `out` as a faster-whisper model folder (model.bin, config.json, vocabulary, tokenizer, features)."""
    import ctranslate2
    import torch
    from transformers import WhisperForConditionalGeneration

    size = SIZES[size_name]
    config, generation = _configs(size)
    torch.manual_seed(seed)
    model = WhisperForConditionalGeneration(config).eval()
    model.generation_config = generation
    _shape_decoding(model, shape or DecodeShape(eot_after=size.eot_after))

    tokenizer_json = gzip.decompress(TOKENIZER_GZ.read_bytes())
    with tempfile.TemporaryDirectory(prefix="synth-whisper-") as tmp:
        hf = Path(tmp) / "hf"
        model.save_pretrained(hf)
        (hf / "tokenizer.json").write_bytes(tokenizer_json)
        (hf / "tokenizer_config.json").write_text(json.dumps({"tokenizer_class": "WhisperTokenizer"}))
        (hf / "preprocessor_config.json").write_text(json.dumps(PREPROCESSOR, indent=2))
        staged = Path(tmp) / "ct2"
        converter = ctranslate2.converters.TransformersConverter(
            str(hf), copy_files=["tokenizer.json", "preprocessor_config.json"]
        )
        converter.convert(str(staged), quantization="int8")
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staged), out)
    return out
