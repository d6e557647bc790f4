"""Training the shipped model from the shared gold sets, with the sentence embeddings cached on disk."""

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from tackle.statement_reader.model.adapter import SHIPPED_ADAPTER, adapter_digest
from tackle.statement_reader.model.classifier import LabellerModel
from tackle.statement_reader.model.encoder import ALL_LAYERS, encoder
from tackle.statement_reader.model.gold import GoldStatement, load_au, load_ca
from tackle.statement_reader.model.paths import TRAINED_FOLDER, cache_folder
from tackle.statement_reader.model.training import ReviewedSentence, train

# Depth of the MiniLM encoder the shipped model uses: all six layers, in onnxruntime. With only the
# token embeddings (0, thousands of sentences a second in numpy) held-out macro-F1 was 0.609 and
# 0.608; with all six layers 0.621 both ways (see docs/statement-reader.md).
ENCODER_LAYERS = ALL_LAYERS


def cached_embeddings(
    statements: Sequence[GoldStatement], layers: int, adapter: Path | None = SHIPPED_ADAPTER
) -> list[np.ndarray]:
    """Sentence vectors per statement, from the disk cache when the same sentences were embedded
    before by the same encoder (its depth and fine-tuned adapter)."""
    sentences = [sentence for statement in statements for sentence in statement.sentences]
    encoder_name = f"minilm-{layers}-{adapter_digest(adapter)}\n"
    digest = hashlib.sha256(encoder_name.encode() + "\n".join(sentences).encode()).hexdigest()[:24]
    path = cache_folder() / f"embeddings-{digest}.npy"
    if path.exists():
        vectors = np.load(path, allow_pickle=False)
    else:
        vectors = encoder(layers, adapter).encode(sentences)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
    out, start = [], 0
    for statement in statements:
        out.append(vectors[start : start + len(statement.sentences)])
        start += len(statement.sentences)
    return out


def train_on(
    statements: Sequence[GoldStatement],
    reviewed: Sequence[ReviewedSentence] = (),
    layers: int = ENCODER_LAYERS,
    adapter: Path | None = SHIPPED_ADAPTER,
) -> LabellerModel:
    """The classifier over the vectors of the encoder with `adapter`'s changes (the shipped ones by
    default; the benchmarks pass adapters fine-tuned without the statements they score)."""
    reviewed_vectors = encoder(layers, adapter).encode([row.sentence for row in reviewed]) if reviewed else None
    vectors = cached_embeddings(statements, layers, adapter)
    return train(statements, vectors, layers, reviewed, reviewed_vectors, adapter_digest(adapter))


def train_shipped_model(
    *,
    reviewed: Sequence[ReviewedSentence] = (),
    folder: Path = TRAINED_FOLDER,
    progress: Callable[[str], None] = lambda message: None,
) -> str:
    """Train on both gold sets (and reviewers' corrections) and write the model; return a summary line."""
    statements = [*load_au(), *load_ca()]
    sentences = sum(len(statement.sentences) for statement in statements)
    progress(f"Training on {len(statements)} statements ({sentences} sentences) and {len(reviewed)} reviewed ones.")
    model = train_on(statements, reviewed)
    model.save(folder)
    size = sum(path.stat().st_size for path in folder.iterdir()) / 1e6
    return f"Wrote the sentence labeller to {folder} ({size:.1f} MB)."
