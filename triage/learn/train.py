"""Train the learned classifier from scratch and export it for `triage.brain.model`.

Nothing can be downloaded where this runs, so the tokenizer and a tiny BERT are both trained here
from the labelled corpus. The result is one ONNX graph (urgency, intent and distress logits from
`input_ids` and `attention_mask`), its tokenizer and a meta.json that records how it was made and
how well the model alone does on the held-out split.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import re
import shutil
import tempfile
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
from torch import nn
from transformers import BertConfig, BertModel

from triage.brain.model import (
    EXPECTED_LABELS,
    HEADS,
    META_FILE,
    MODEL_FILE,
    PAD_TOKEN,
    TOKENIZER_FILE,
    TextModel,
)
from triage.learn.metrics import format_report, per_label_report

SPECIAL_TOKENS = [PAD_TOKEN, "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
VOCAB_SIZE = 7000  # big enough that common German compounds split into a few meaningful pieces
MAX_LENGTH = 64  # pieces; the longest corpus turn has about 45, live turns beyond 64 are cut
MODEL_CONFIG: dict[str, Any] = {
    "hidden_size": 128,
    "num_hidden_layers": 3,
    "num_attention_heads": 4,
    "intermediate_size": 512,
    "hidden_dropout_prob": 0.1,
    "attention_probs_dropout_prob": 0.1,
}
BATCH_SIZE = 32
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 0.01
WARMUP_FRACTION = 0.06
# Urgency decides who gets a human first; its errors cost most, so it weighs most in the loss.
HEAD_WEIGHTS = {"urgency": 2.0, "intent": 1.0, "distress": 1.0}
# The int8 model ships only if no head loses more than this in accuracy or macro-F1 on the test split.
QUANT_TOLERANCE = 0.01
DEFAULT_EPOCHS = 8
Log = Callable[[str], None]


FILLERS = {
    "de": ("äh", "ähm", "also", "ja", "naja", "hm", "genau"),
    "en": ("uh", "um", "so", "well", "like", "yeah", "hm"),
}
# Sentence punctuation only: hyphens, apostrophes, slashes and digits carry meaning (phone numbers, names).
_PUNCT = re.compile(r"[.,!?;:…\"“”„«»()]")
_SPACES = re.compile(r"\s+")


def load_split(corpus: Path) -> tuple[list[dict], list[dict]]:
    """Train and test rows of the corpus; a row with an unknown label is an error, not a skip."""
    train_rows: list[dict] = []
    test_rows: list[dict] = []
    with corpus.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            for head, labels in EXPECTED_LABELS.items():
                if row.get(head) not in labels:
                    raise ValueError(f"{corpus}:{number}: {head} {row.get(head)!r} is not one of {labels}")
            if row.get("split") == "train":
                train_rows.append(row)
            elif row.get("split") == "test":
                test_rows.append(row)
            else:
                raise ValueError(f"{corpus}:{number}: split {row.get('split')!r} is neither train nor test")
    return train_rows, test_rows


def build_tokenizer(texts: list[str]) -> Tokenizer:
    """A WordPiece tokenizer trained on the training texts.

    NFKC and lowercasing, because ASR output capitalises inconsistently; no accent stripping,
    because umlauts distinguish German words ("zählen"/"zahlen", "drücken"/"drucken"). Every run
    of digits becomes one "0": phone numbers, postcodes and house numbers say nothing about
    urgency, and a model that learned their pieces guessed P0 for "meine Nummer ist 0176 …".

    The trainer numbers the "##x" continuation pieces in hash-map order, and ties between merges
    are broken by those numbers, so two runs can yield different vocabularies
    (huggingface/tokenizers#1794). Registering every "##x" up front, sorted, as a training-time
    special token fixes their numbers; they are then demoted back to ordinary vocabulary entries.
    """
    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Sequence(
        [normalizers.NFKC(), normalizers.Lowercase(), normalizers.Replace(Regex(r"[0-9]+"), "0")]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    continuations: set[str] = set()
    for text in texts:
        for word, _ in tokenizer.pre_tokenizer.pre_tokenize_str(tokenizer.normalizer.normalize_str(text)):
            continuations.update(word[1:])
    trainer = trainers.WordPieceTrainer(
        vocab_size=VOCAB_SIZE,
        min_frequency=2,
        special_tokens=SPECIAL_TOKENS + [f"##{c}" for c in sorted(continuations)],
        show_progress=False,
    )
    tokenizer.train_from_iterator(texts, trainer)
    spec = json.loads(tokenizer.to_str())
    spec["added_tokens"] = [t for t in spec["added_tokens"] if t["content"] in SPECIAL_TOKENS]
    tokenizer = Tokenizer.from_str(json.dumps(spec))
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        special_tokens=[("[CLS]", tokenizer.token_to_id("[CLS]")), ("[SEP]", tokenizer.token_to_id("[SEP]"))],
    )
    tokenizer.decoder = decoders.WordPiece()
    tokenizer.enable_truncation(MAX_LENGTH)
    return tokenizer


class TriageNet(nn.Module):
    """A tiny BERT encoder, mean-pooled over real tokens, with one linear head per label set.

    Mean pooling rather than [CLS]: without pre-training, [CLS] starts as just one more token,
    while the average lets every word's evidence reach the heads from the first step.
    """

    def __init__(self, config: BertConfig) -> None:
        super().__init__()
        self.bert = BertModel(config, add_pooling_layer=False)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.heads = nn.ModuleDict({head: nn.Linear(config.hidden_size, len(EXPECTED_LABELS[head])) for head in HEADS})

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = self.dropout((hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0))
        urgency, intent, distress = (self.heads[head](pooled) for head in HEADS)
        return urgency, intent, distress


def augment(text: str, lang: str, rng: random.Random) -> str:
    """Make a clean corpus sentence look more like a live ASR turn.

    Whisper often drops punctuation on short or hurried turns and keeps fillers; random
    lower-casing is not needed because the tokenizer lowercases everything anyway.
    """
    if rng.random() < 0.4:
        text = _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()
    if rng.random() < 0.25:
        words = text.split()
        words.insert(rng.randint(0, len(words)), rng.choice(FILLERS.get(lang, FILLERS["en"])))
        text = " ".join(words)
    return text


def class_weights(labels: list[int], n_classes: int) -> torch.Tensor:
    """Inverse square-root frequency: rare labels (P0, acute) count more without drowning the rest."""
    counts = Counter(labels)
    total = len(labels)
    weights = [math.sqrt(total / (n_classes * counts[c])) if counts[c] else 1.0 for c in range(n_classes)]
    return torch.tensor(weights, dtype=torch.float32)


def _batch(encodings: list, pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    length = max(len(e.ids) for e in encodings)
    ids = torch.full((len(encodings), length), pad_id, dtype=torch.long)
    mask = torch.zeros((len(encodings), length), dtype=torch.long)
    for row, enc in enumerate(encodings):
        ids[row, : len(enc.ids)] = torch.tensor(enc.ids, dtype=torch.long)
        mask[row, : len(enc.ids)] = 1
    return ids, mask


def _length_batches(lengths: list[int], generator: torch.Generator) -> list[list[int]]:
    """Shuffled batches of similar length: padding to the longest turn in a random batch wastes
    about a third of the compute, and sorting within large shuffled pools keeps batches random.
    """
    order = torch.randperm(len(lengths), generator=generator).tolist()
    pool = BATCH_SIZE * 50
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lengths.__getitem__)
        batches += [chunk[i : i + BATCH_SIZE] for i in range(0, len(chunk), BATCH_SIZE)]
    return [batches[i] for i in torch.randperm(len(batches), generator=generator).tolist()]


class EnsembleNet(nn.Module):
    """Several TriageNets trained with different seeds, their log-probabilities averaged.

    One small network trained from scratch on template-made data is confidently wrong on phrasings
    it never saw; members that disagree there pull such a guess back towards uncertainty. The
    averaged log-probabilities are exported as the heads' logits, so inference code is unchanged.
    """

    def __init__(self, members: list[TriageNet]) -> None:
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        outputs = [member(input_ids, attention_mask) for member in self.members]
        urgency, intent, distress = (
            torch.stack([torch.log_softmax(out[i], dim=-1) for out in outputs]).mean(dim=0) for i in range(3)
        )
        return urgency, intent, distress


def _export_onnx(model: TriageNet, tokenizer: Tokenizer, path: Path, sample: list[str]) -> None:
    """Trace with the TorchScript exporter and check ONNX Runtime agrees with torch on real texts.

    The dynamo exporter needs onnxscript, which is not installed; the legacy exporter warns that
    it is deprecated and that the mask code is traced, hence the parity check below.
    """
    pad_id = tokenizer.token_to_id(PAD_TOKEN)
    model.eval()
    example = _batch(tokenizer.encode_batch(["ein kurzer satz", "a somewhat longer example sentence here"]), pad_id)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            example,
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=list(HEADS),
            dynamic_axes={
                "input_ids": {0: "batch", 1: "sequence"},
                "attention_mask": {0: "batch", 1: "sequence"},
                **{head: {0: "batch"} for head in HEADS},
            },
            opset_version=17,
            do_constant_folding=True,
            dynamo=False,
        )
    ids, mask = _batch(tokenizer.encode_batch(sample), pad_id)
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    got = session.run(list(HEADS), {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})
    with torch.no_grad():
        want = model(ids, mask)
    diff = max(float(np.abs(g - w.numpy()).max()) for g, w in zip(got, want, strict=True))
    if diff > 1e-3:
        raise RuntimeError(f"ONNX export disagrees with torch (max logit difference {diff:.2e})")


def evaluate(model_dir: Path, rows: list[dict]) -> tuple[dict[str, dict[str, float]], dict[str, list[dict]]]:
    """Accuracy and macro-F1 per head of the model alone, through the same code that serves calls.

    One utterance at a time, as calls use it: batched int8 inference scales activations per batch
    and would measure a slightly different model.
    """
    model = TextModel.load(model_dir)
    predictions = [model.predict(r["text"]) for r in rows]
    scores: dict[str, dict[str, float]] = {}
    reports: dict[str, list[dict]] = {}
    for head in HEADS:
        gold = [r[head] for r in rows]
        pred = [getattr(p, f"top_{head}")[0] for p in predictions]
        report = per_label_report(gold, pred, EXPECTED_LABELS[head])
        by_label = {r["label"]: r for r in report}
        scores[head] = {
            "accuracy": round(by_label["accuracy"]["f1"], 4),
            "macro_f1": round(by_label["macro avg"]["f1"], 4),
        }
        reports[head] = report
    return scores, reports


def _int8_keeps_accuracy(float_scores: dict, int8_scores: dict) -> bool:
    return all(
        int8_scores[head][metric] >= float_scores[head][metric] - QUANT_TOLERANCE
        for head in HEADS
        for metric in ("accuracy", "macro_f1")
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_model_dir(target: Path, onnx_path: Path, tokenizer: Tokenizer, meta: dict) -> None:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(onnx_path, target / MODEL_FILE)
    tokenizer.save(str(target / TOKENIZER_FILE))
    (target / META_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _fit(model: TriageNet, tokenizer: Tokenizer, rows: list[dict], *, epochs: int, seed: int, log: Log) -> None:
    """Multi-task training with weighted losses, AdamW, linear warm-up then linear decay."""
    rng = random.Random(seed)
    generator = torch.Generator().manual_seed(seed)
    pad_id = tokenizer.token_to_id(PAD_TOKEN)
    targets = {head: torch.tensor([EXPECTED_LABELS[head].index(r[head]) for r in rows]) for head in HEADS}
    losses = {
        head: nn.CrossEntropyLoss(weight=class_weights(targets[head].tolist(), len(EXPECTED_LABELS[head])))
        for head in HEADS
    }
    total_steps = epochs * math.ceil(len(rows) / BATCH_SIZE)
    warmup = max(1, int(WARMUP_FRACTION * total_steps))

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup))

    optimizer = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    for epoch in range(1, epochs + 1):
        epoch_start = time.perf_counter()
        model.train()
        # Fresh augmentation every epoch, so the model sees each sentence in several ASR-like forms.
        encodings = tokenizer.encode_batch([augment(r["text"], r.get("lang", "en"), rng) for r in rows])
        running = 0.0
        for index in _length_batches([len(e.ids) for e in encodings], generator):
            ids, mask = _batch([encodings[i] for i in index], pad_id)
            logits = model(ids, mask)
            loss = sum(
                HEAD_WEIGHTS[head] * losses[head](out, targets[head][index])
                for head, out in zip(HEADS, logits, strict=True)
            )
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item() * len(index)
        seconds = time.perf_counter() - epoch_start
        log(f"epoch {epoch}/{epochs}: loss {running / len(rows):.4f} ({seconds:.1f}s)")


def _package(
    model: TriageNet, tokenizer: Tokenizer, test_rows: list[dict], out_dir: Path, meta: dict, log: Log
) -> None:
    """Export float32 and int8 ONNX, score both on the test split, write the chosen one to out_dir.

    `meta` gains the comparison and the shipped variant's scores before it is written.
    """
    with tempfile.TemporaryDirectory(prefix="triage-train-") as tmp:
        float_onnx, int8_onnx = Path(tmp) / "float.onnx", Path(tmp) / "int8.onnx"
        _export_onnx(model, tokenizer, float_onnx, [r["text"] for r in test_rows[:64]])
        # The quantiser logs a root-level advice to pre-process first; that pre-processing's symbolic
        # shape inference fails on this graph, and without that step it saved 2% of size and no time.
        logging.disable(logging.WARNING)
        try:
            quantize_dynamic(float_onnx, int8_onnx, weight_type=QuantType.QInt8)
        finally:
            logging.disable(logging.NOTSET)

        variants: dict[str, dict] = {}
        reports: dict[str, dict[str, list[dict]]] = {}
        for name, onnx_path in (("float32", float_onnx), ("int8", int8_onnx)):
            candidate = Path(tmp) / name
            _write_model_dir(candidate, onnx_path, tokenizer, meta)
            scores, reports[name] = evaluate(candidate, test_rows)
            variants[name] = {"bytes": onnx_path.stat().st_size, "test": scores}
            log(f"{name}: {variants[name]['bytes'] / 1e6:.2f} MB, test {scores}")
        keep_int8 = _int8_keeps_accuracy(variants["float32"]["test"], variants["int8"]["test"])
        chosen = "int8" if keep_int8 else "float32"
        for head in HEADS:
            log(format_report(f"{chosen} model alone, test split, {head}", reports[chosen][head]))
        meta["quantization"] = {
            "shipped": chosen,
            "rule": f"int8 ships unless a head loses more than {QUANT_TOLERANCE} accuracy or macro-F1",
            "variants": variants,
        }
        meta["heldout"] = variants[chosen]["test"]
        _write_model_dir(out_dir, int8_onnx if keep_int8 else float_onnx, tokenizer, meta)


def train(
    corpus: Path,
    out_dir: Path,
    *,
    epochs: int,
    seed: int = 13,
    members: int = 1,
    max_rows: int | None = None,
    log: Log = print,
) -> dict:
    """Train, export, quantise if harmless, evaluate on the test split; write out_dir; return meta.

    `max_rows` caps the rows used from each split (a seeded sample), for quick runs and tests.
    Runs are reproducible for a given seed, corpus and thread count (two threads, set here).
    """
    started = time.perf_counter()
    corpus = Path(corpus)
    out_dir = Path(out_dir)
    previous_threads = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        torch.manual_seed(seed)
        train_all, test_all = load_split(corpus)
        train_rows, test_rows = train_all, test_all
        if max_rows is not None:
            sampler = random.Random(seed)
            train_rows = sampler.sample(train_all, min(max_rows, len(train_all)))
            test_rows = sampler.sample(test_all, min(max_rows, len(test_all)))
        if not train_rows or not test_rows:
            raise ValueError(f"{corpus} needs rows in both splits (train {len(train_rows)}, test {len(test_rows)})")
        log(f"{corpus}: train {len(train_rows)}/{len(train_all)} rows, test {len(test_rows)}/{len(test_all)}")

        tokenizer = build_tokenizer([r["text"] for r in train_rows])
        log(f"tokenizer: {tokenizer.get_vocab_size()} pieces")
        config = BertConfig(
            vocab_size=tokenizer.get_vocab_size(),
            max_position_embeddings=MAX_LENGTH,
            pad_token_id=tokenizer.token_to_id(PAD_TOKEN),
            attn_implementation="eager",  # traces to plain ONNX ops; sdpa gains nothing at this size
            **MODEL_CONFIG,
        )
        trained = []
        for member in range(members):
            torch.manual_seed(seed + member)
            net = TriageNet(config)
            _fit(net, tokenizer, train_rows, epochs=epochs, seed=seed + member, log=log)
            trained.append(net)
        model: nn.Module = trained[0] if members == 1 else EnsembleNet(trained)

        meta: dict[str, Any] = {
            "format": 1,
            "labels": {head: list(EXPECTED_LABELS[head]) for head in HEADS},
            "max_length": MAX_LENGTH,
            "config": {
                "architecture": "BertModel, mean pooling, one linear head per label set",
                "vocab_size": config.vocab_size,
                "max_position_embeddings": config.max_position_embeddings,
                **MODEL_CONFIG,
                "batch_size": BATCH_SIZE,
                "learning_rate": LEARNING_RATE,
                "weight_decay": WEIGHT_DECAY,
                "warmup_fraction": WARMUP_FRACTION,
                "head_weights": HEAD_WEIGHTS,
                "class_weights": "inverse square-root frequency",
                "augmentation": "punctuation removal p=0.4, filler insertion p=0.25",
            },
            "seed": seed,
            "members": members,
            "epochs": epochs,
            "corpus": {
                "file": corpus.name,
                "sha256": _sha256(corpus),
                "rows": {"train": len(train_all), "test": len(test_all)},
                "rows_used": {"train": len(train_rows), "test": len(test_rows)},
            },
            "versions": {"torch": torch.__version__, "onnxruntime": onnxruntime.__version__},
            "training_seconds": round(time.perf_counter() - started, 1),
        }
        _package(model, tokenizer, test_rows, out_dir, meta, log)
        log(f"wrote {out_dir} ({meta['quantization']['shipped']}) in {meta['training_seconds']}s of training")
        return meta
    finally:
        torch.set_num_threads(previous_threads)
