"""The sentence classifier, stored as plain arrays (no pickle) so loading it runs no code.

One logistic regression per label over the features of features.py, fitted with balanced class
weights so that 0.5 is a sensible decision point for rare labels and common ones alike.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from tackle.statement_reader.model.features import new_vectorizer, statement_features
from tackle.statement_reader.model.labels import LABELS

MODEL_FILE = "labeller.npz"
META_FILE = "labeller.json"
KINDS = ("words", "characters")


@dataclass
class LabellerModel:
    vectorizers: tuple[TfidfVectorizer, TfidfVectorizer]  # words, characters
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    thresholds: np.ndarray  # (labels,)
    encoder_layers: int
    # Which fine-tuned encoder the vectors came from (model/adapter.py's adapter_digest; "none" for
    # the plain one): the classifier is only right for vectors of that encoder.
    encoder_adapter: str = "none"

    def probabilities(self, sentences: list[str], embeddings: np.ndarray) -> np.ndarray:
        """(sentences, labels) probabilities for one statement, given its sentence embeddings."""
        if not sentences:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        logits = np.asarray(statement_features(sentences, embeddings, self.vectorizers) @ self.weights) + self.bias
        return (1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))).astype(np.float32)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / MODEL_FILE,
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32),
            **{
                f"idf_{kind}": vectorizer.idf_.astype(np.float32)
                for kind, vectorizer in zip(KINDS, self.vectorizers, strict=True)
            },
        )
        meta = {
            "labels": list(LABELS),
            "encoder_layers": self.encoder_layers,
            "encoder_adapter": self.encoder_adapter,
            **{
                f"vocabulary_{kind}": sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
                for kind, vectorizer in zip(KINDS, self.vectorizers, strict=True)
            },
        }
        (folder / META_FILE).write_text(json.dumps(meta, separators=(",", ":")) + "\n")

    @classmethod
    def load(cls, folder: Path) -> "LabellerModel":
        meta = json.loads((folder / META_FILE).read_text())
        if tuple(meta["labels"]) != LABELS:
            raise ValueError(f"The model in {folder} was trained for other labels: {meta['labels']}")
        with np.load(folder / MODEL_FILE, allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in stored.files}
        vectorizers = []
        for kind in KINDS:
            vectorizer = new_vectorizer(kind, {term: index for index, term in enumerate(meta[f"vocabulary_{kind}"])})
            vectorizer.idf_ = arrays[f"idf_{kind}"].astype(np.float64)
            vectorizers.append(vectorizer)
        return cls(
            (vectorizers[0], vectorizers[1]),
            arrays["weights"],
            arrays["bias"],
            arrays["thresholds"],
            int(meta["encoder_layers"]),
            str(meta.get("encoder_adapter", "none")),
        )
