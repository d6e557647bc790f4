"""Layout and wording cues a sentence embedding misses: where the sentence sits, and what it looks like.

Signature blocks are short, capitalised name-and-title lines near the end; approval lines name the
board and a date. Embeddings of such fragments say little, so these plain features carry them.
"""

import re

import numpy as np

_YEAR = re.compile(r"\b(19|20)\d\d\b")
_DATE = re.compile(
    r"\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"\b(director|chair(man|woman|person)?|chief|ceo|cfo|coo|president|officer|secretary|managing|founder|"
    r"partner|executive|head of|owner|trustee)\b",
    re.IGNORECASE,
)
_APPROVAL = re.compile(r"\b(approv\w*|adopted|endorsed|resolution)\b", re.IGNORECASE)
_BOARD = re.compile(r"\b(board|directors|governing body|council|trustees)\b", re.IGNORECASE)
_SIGN = re.compile(r"\b(sign\w*|behalf of)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(will|plan|intend|aim|continue to|going forward|next year|in 20\d\d)\b", re.IGNORECASE)

CUE_COUNT = 17


def sentence_cues(sentences: list[str]) -> np.ndarray:
    """One row of cue features per sentence of one statement, in order."""
    count = len(sentences)
    rows = np.zeros((count, CUE_COUNT), dtype=np.float32)
    for index, sentence in enumerate(sentences):
        words = sentence.split()
        length = len(words)
        relative = index / max(count - 1, 1)
        capitalised = sum(word[:1].isupper() for word in words) / max(length, 1)
        rows[index] = (
            relative,
            relative < 0.05,
            relative > 0.9,
            count - index <= 3,
            index < 3,
            np.log1p(length) / 4.0,
            length <= 4,
            capitalised,
            sentence.isupper(),
            bool(_YEAR.search(sentence)),
            bool(_DATE.search(sentence)),
            bool(_TITLE.search(sentence)),
            bool(_APPROVAL.search(sentence)),
            bool(_BOARD.search(sentence)),
            bool(_SIGN.search(sentence)),
            bool(_FUTURE.search(sentence)),
            np.log1p(count) / 6.0,
        )
    return rows
