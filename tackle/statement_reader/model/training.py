"""Fitting the labeller from gold statements. Deterministic: the same statements give the same model."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import vstack
from sklearn.linear_model import LogisticRegression

from tackle.statement_reader.model.classifier import LabellerModel
from tackle.statement_reader.model.features import new_vectorizer, statement_features
from tackle.statement_reader.model.gold import GoldStatement
from tackle.statement_reader.model.labels import LABELS

C = 2.0  # 2 and 4 within 0.002 held out; the smaller is the more regularised
ABSENT_LABEL_BIAS = -12.0  # a label with no positive example in training is never predicted
NOT_JUDGED = -1


@dataclass(frozen=True)
class ReviewedSentence:
    """A reviewer's correction: this sentence is (1) or is not (0) evidence for this label."""

    sentence: str
    label: str
    value: int


def train(
    statements: Sequence[GoldStatement],
    embeddings: Sequence[np.ndarray],
    encoder_layers: int,
    reviewed: Sequence[ReviewedSentence] = (),
    reviewed_embeddings: np.ndarray | None = None,
    encoder_adapter: str = "none",
) -> LabellerModel:
    """Fit one logistic regression per label. embeddings[i] holds the sentence vectors of statements[i],
    from the encoder that encoder_adapter names (model/adapter.py).

    Reviewed sentences are extra examples of their one label only, each as a statement of one
    sentence (a reviewer judges a sentence, not its neighbours)."""
    texts = [list(statement.sentences) for statement in statements]
    labels = [np.array(statement.labels, dtype=np.int8).reshape(-1, len(LABELS)) for statement in statements]
    if reviewed and reviewed_embeddings is not None:
        texts += [[row.sentence] for row in reviewed]
        embeddings = [*embeddings, *(reviewed_embeddings[i : i + 1] for i in range(len(reviewed)))]
        labels += [_reviewed_labels(row)[None, :] for row in reviewed]
    everything = [sentence for text in texts for sentence in text]
    vectorizers = (new_vectorizer("words").fit(everything), new_vectorizer("characters").fit(everything))
    inputs = vstack(
        [statement_features(text, vectors, vectorizers) for text, vectors in zip(texts, embeddings, strict=True)],
        format="csr",
    )
    targets = np.vstack(labels)
    weights = np.zeros((inputs.shape[1], len(LABELS)), dtype=np.float32)
    bias = np.full(len(LABELS), ABSENT_LABEL_BIAS, dtype=np.float32)
    for j in range(len(LABELS)):
        judged = targets[:, j] != NOT_JUDGED
        column = targets[judged, j]
        if column.min() == column.max():
            continue
        # liblinear: several times faster than lbfgs on these sparse rows, and deterministic.
        model = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", random_state=0)
        model.fit(inputs[judged], column)
        weights[:, j] = model.coef_[0]
        bias[j] = model.intercept_[0]
    thresholds = np.full(len(LABELS), 0.5, dtype=np.float32)
    return LabellerModel(vectorizers, weights, bias, thresholds, encoder_layers, encoder_adapter)


def _reviewed_labels(row: ReviewedSentence) -> np.ndarray:
    values = np.full(len(LABELS), NOT_JUDGED, dtype=np.int8)
    if row.label in LABELS:
        values[LABELS.index(row.label)] = 1 if row.value else 0
    return values
