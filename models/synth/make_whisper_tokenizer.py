"""One-off: turn Whisper's multilingual tiktoken vocabulary into the HF `tokenizer.json` faster-whisper reads.

faster-whisper loads `tokenizer.json` from the model folder (and otherwise fetches one from the Hugging Face
hub), so the synthesized offline Whisper models need the real vocabulary with the real special-token ids.
The only copy that can be had without the hub is `whisper/assets/multilingual.tiktoken` in the PyPI sdist of
`openai-whisper` (MIT). This script reads that sdist, rebuilds the byte-level BPE merges from the ranks, adds
Whisper's special tokens in Whisper's own order (ids 50257…51864) and writes the result gzipped.

    pip download --no-deps --no-binary :all: openai-whisper==20250625 -d /tmp/oww
    python models/synth/make_whisper_tokenizer.py /tmp/oww/openai_whisper-20250625.tar.gz

Run it again only if the vocabulary changes; the output is committed.
"""

from __future__ import annotations

import argparse
import ast
import base64
import gzip
import io
import json
import tarfile
from pathlib import Path

import regex
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors

OUT = Path(__file__).resolve().parent / "whisper-tokenizer.json.gz"
# Whisper's (and GPT-2's) pre-tokenisation pattern, from whisper/tokenizer.py:get_encoding.
PATTERN = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
NUM_LANGUAGES = 99  # every multilingual Whisper before large-v3 (large-v3 adds "yue")


def read_sdist(sdist: Path) -> tuple[dict[bytes, int], list[str]]:
    """The BPE ranks and the language codes in Whisper's order, straight from the sdist."""
    with tarfile.open(sdist) as tar:
        names = {Path(m.name).as_posix().split("/", 1)[1]: m for m in tar.getmembers() if "/" in m.name}
        ranks_text = tar.extractfile(names["whisper/assets/multilingual.tiktoken"]).read().decode()
        tokenizer_py = tar.extractfile(names["whisper/tokenizer.py"]).read().decode()
    ranks = {
        base64.b64decode(tok): int(rank) for tok, rank in (line.split() for line in ranks_text.splitlines() if line)
    }
    languages: list[str] = []
    for node in ast.parse(tokenizer_py).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "LANGUAGES" for t in node.targets):
            languages = list(ast.literal_eval(node.value).keys())
    if len(languages) < NUM_LANGUAGES:
        raise SystemExit("LANGUAGES not found in whisper/tokenizer.py")
    return ranks, languages[:NUM_LANGUAGES]


def special_tokens(languages: list[str]) -> list[str]:
    """Whisper's specials in id order (whisper/tokenizer.py:get_encoding)."""
    return [
        "<|endoftext|>",
        "<|startoftranscript|>",
        *[f"<|{code}|>" for code in languages],
        "<|translate|>",
        "<|transcribe|>",
        "<|startoflm|>",
        "<|startofprev|>",
        "<|nospeech|>",
        "<|notimestamps|>",
        *[f"<|{i * 0.02:.2f}|>" for i in range(1501)],
    ]


def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's reversible byte → printable character map, which HF byte-level BPE uses for its vocabulary."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs), strict=True))


def bpe(ranks: dict[bytes, int], token: bytes, max_rank: int | None = None) -> list[bytes]:
    """tiktoken's merge loop: repeatedly join the adjacent pair of lowest rank (below max_rank)."""
    parts = [bytes([b]) for b in token]
    while True:
        best: tuple[int, int] | None = None
        for i in range(len(parts) - 1):
            rank = ranks.get(parts[i] + parts[i + 1])
            if rank is not None and (best is None or rank < best[1]):
                best = (i, rank)
        if best is None or (max_rank is not None and best[1] >= max_rank):
            return parts
        i = best[0]
        parts = [*parts[:i], parts[i] + parts[i + 1], *parts[i + 2 :]]


def build(ranks: dict[bytes, int], languages: list[str]) -> Tokenizer:
    byte_char = bytes_to_unicode()

    def as_str(token: bytes) -> str:
        return "".join(byte_char[b] for b in token)

    vocab = {as_str(tok): rank for tok, rank in ranks.items()}
    merges: list[tuple[int, tuple[str, str]]] = []
    for tok, rank in ranks.items():
        if len(tok) <= 1:  # single bytes need no merge; rank 50256 is an empty placeholder in Whisper's file
            continue
        left, right = bpe(ranks, tok, max_rank=rank)  # exactly two parts, by construction of the ranks
        merges.append((rank, (as_str(left), as_str(right))))
    merges.sort()

    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=[m for _, m in merges], fuse_unk=False))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.post_processor = processors.ByteLevel(trim_offsets=False)
    specials = special_tokens(languages)
    # Added in id order, so they take ids len(ranks)…; timestamps are not "special" (as in openai/whisper-*).
    tokenizer.add_tokens([AddedToken(t, special=not t[2].isdigit(), normalized=False) for t in specials])
    return tokenizer


def reference_encode(ranks: dict[bytes, int], text: str) -> list[int]:
    """What tiktoken would return, in pure Python, to check the conversion."""
    ids: list[int] = []
    for piece in regex.findall(PATTERN, text):
        ids.extend(ranks[p] for p in bpe(ranks, piece.encode()))
    return ids


def check(tokenizer: Tokenizer, ranks: dict[bytes, int], languages: list[str]) -> None:
    n = len(ranks)
    expected = {"<|endoftext|>": n, "<|startoftranscript|>": n + 1, "<|en|>": n + 2, "<|de|>": n + 4}
    expected |= {"<|translate|>": n + 101, "<|transcribe|>": n + 102, "<|notimestamps|>": n + 106}
    expected |= {"<|0.00|>": n + 107, "<|30.00|>": n + 107 + 1500}
    for token, token_id in expected.items():
        assert tokenizer.token_to_id(token) == token_id, (token, tokenizer.token_to_id(token), token_id)
    assert tokenizer.get_vocab_size() == 51865, tokenizer.get_vocab_size()
    samples = [
        " And so my fellow Americans, ask not what your country can do for you.",
        " Bei uns ist ein Rohr geplatzt, das Wasser läuft überall! Straße 14, 20095 Hamburg.",
        " Grüße aus Köln: ÄÖÜ äöü ß — “quotes” 'n' it's 3.5 €\n\n  tabs\tand  spaces ♪♪",
    ]
    for text in samples:
        ids = tokenizer.encode(text, add_special_tokens=False).ids
        assert ids == reference_encode(ranks, text), text
        assert tokenizer.decode(ids) == text, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sdist", type=Path, help="openai_whisper-*.tar.gz from PyPI")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    ranks, languages = read_sdist(args.sdist)
    tokenizer = build(ranks, languages)
    check(tokenizer, ranks, languages)
    data = json.dumps(json.loads(tokenizer.to_str()), ensure_ascii=False, separators=(",", ":")).encode()
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:  # mtime 0: reproducible bytes
        gz.write(data)
    args.out.write_bytes(buffer.getvalue())
    print(f"wrote {args.out} ({len(buffer.getvalue()) / 1e6:.2f} MB, {tokenizer.get_vocab_size()} tokens)")


if __name__ == "__main__":
    main()
