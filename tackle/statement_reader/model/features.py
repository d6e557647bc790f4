"""Features of each sentence in the context of its statement.

A sentence's label often depends on its neighbours: a name is a signature because the line before
says "signed"; a short list item is about supply chains because of its heading. So each sentence
gets its own TF-IDF word and character n-grams and embedding, its neighbours' words and embedding
at half weight, and the layout cues of cues.py, all in one sparse row.
"""

import numpy as np
from scipy.sparse import csr_matrix, diags, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from tackle.statement_reader.model.cues import sentence_cues

# (offset, weight): nearer neighbours count more. Weights were chosen on held-out statements
# (trained on AU, tested on CA and back); see docs/statement-reader.md.
# Wider windows (two sentences each side), heavier embeddings and the statement's mean embedding
# all scored lower.
NEIGHBOURS = ((-1, 0.5), (1, 0.5))
EMBEDDING_WEIGHT = 1.0
WORD_OPTIONS = {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True, "lowercase": True}
# Character 3- to 5-grams within words carry spelling variants and word parts ("remediat",
# "audit") across the Australian and Canadian wording: +0.01 macro-F1 held out.
CHARACTER_OPTIONS = {
    "analyzer": "char_wb",
    "ngram_range": (3, 5),
    "min_df": 3,
    "sublinear_tf": True,
    "lowercase": True,
    "max_features": 30000,
}


def new_vectorizer(kind: str, vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    """kind: "words" or "characters"."""
    options = WORD_OPTIONS if kind == "words" else CHARACTER_OPTIONS
    if vocabulary is not None:
        options = {key: value for key, value in options.items() if key != "max_features"}
    return TfidfVectorizer(**options, vocabulary=vocabulary)  # type: ignore[arg-type]


def shifted(rows: np.ndarray, offset: int) -> np.ndarray:
    """Row i of the result is row i + offset of rows; past either end of the statement it is zero."""
    out = np.zeros_like(rows)
    count = len(rows)
    if abs(offset) >= count:
        return out
    if offset > 0:
        out[:-offset] = rows[offset:]
    elif offset < 0:
        out[-offset:] = rows[:offset]
    else:
        out[:] = rows
    return out


def _shifted_sparse(rows: csr_matrix, offset: int) -> csr_matrix:
    count = rows.shape[0]
    index = np.clip(np.arange(count) + offset, 0, max(count - 1, 0))
    inside = ((np.arange(count) + offset >= 0) & (np.arange(count) + offset < count)).astype(np.float32)
    return diags(inside) @ rows[index]


def statement_features(
    sentences: list[str], embeddings: np.ndarray, vectorizers: tuple[TfidfVectorizer, TfidfVectorizer]
) -> csr_matrix:
    """One sparse row per sentence of one statement, in order. vectorizers: words, characters."""
    words = vectorizers[0].transform(sentences).astype(np.float32)
    vectors = embeddings.astype(np.float32) * EMBEDDING_WEIGHT
    parts = [
        words,
        *(_shifted_sparse(words, offset) * weight for offset, weight in NEIGHBOURS),
        vectorizers[1].transform(sentences).astype(np.float32),
        csr_matrix(sentence_cues(sentences)),
        csr_matrix(vectors),
        *(csr_matrix(shifted(vectors, offset) * weight) for offset, weight in NEIGHBOURS),
    ]
    return hstack(parts, format="csr", dtype=np.float32)
