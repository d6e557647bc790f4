"""Which language a statement is in: English, Welsh, or both (issue 21).

Welsh councils and many Welsh companies publish their statement in Welsh and English, side by side
(two columns, whose text comes out of a PDF or Word table interleaved) or one after the other. The
labeller was trained on English statements only, so each sentence is told apart first, by the
small words every sentence needs ("y", "yn", "mae", "wedi" against "the", "and", "of", "we") and
by letters English words do not have ("ŵ", "ŷ", "wy", a word that starts "ll" or "dd"). Words both
languages share ("a", "i", "o", "am") count for neither.

Plain functions over plain data: no database, no new dependency.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

ENGLISH = "en"
WELSH = "cy"
BOTH = "both"

_WELSH_WORDS = frozenset(
    {
        "y", "yr", "yn", "ym", "yng", "ac", "ar", "ei", "eu", "ein", "eich", "ni", "chi", "mae", "maen",
        "wedi", "bod", "gan", "gyda", "hefyd", "fel", "neu", "hyn", "hwn", "hon", "hynny", "sydd", "sy",
        "nad", "nid", "ddim", "dim", "drwy", "trwy", "ydym", "rydym", "ydyn", "byddwn", "bydd", "fydd",
        "roedd", "oedd", "cael", "gael", "ag", "sef", "ond", "er", "mewn", "rhwng", "ynghylch", "ynghyd",
        "dros", "wrth", "pob", "holl", "rhaid", "gall", "gallu", "yw", "ydy", "iddynt", "iddo", "n", "r",
    }
)  # fmt: skip
_ENGLISH_WORDS = frozenset(
    {
        "the", "and", "of", "to", "in", "is", "are", "we", "our", "that", "for", "with", "this", "have",
        "has", "be", "by", "on", "it", "as", "from", "which", "will", "not", "its", "their", "been", "an",
        "or", "at", "was", "were", "these", "they", "us", "any", "within", "who", "such", "also", "all",
    }
)  # fmt: skip
# Letters and pairs that begin or fill Welsh words and almost no English ones.
_WELSH_LETTERS = re.compile(r"[ŵŷ]|wy|^(?:ll|dd|rh|ff)[aeiouwy]")
_WORD = re.compile(r"[^\W\d_]+")
# Each language needs at least this share of the sentences told apart, and two sentences, for a
# statement to be read as both: a Welsh strapline on an English statement does not make it bilingual.
MINORITY_SHARE = 0.2
MINORITY_SENTENCES = 2


def _words(sentence: str) -> list[str]:
    # "sy'n", "i'r": the apostrophe splits off the Welsh "n" and "r", which count as Welsh words.
    return _WORD.findall(sentence.lower().replace("\u2019", "'"))


def sentence_language(sentence: str) -> str | None:
    """ "cy", "en", or None when the sentence does not say (a name, a date, a mixed heading)."""
    words = _words(sentence)
    welsh: float = sum(1 for word in words if word in _WELSH_WORDS)
    welsh += sum(0.5 for word in words if _WELSH_LETTERS.search(word))
    english = sum(1 for word in words if word in _ENGLISH_WORDS)
    if welsh > english:
        return WELSH
    if english > welsh:
        return ENGLISH
    return None


@dataclass(frozen=True)
class StatementLanguage:
    code: str  # ENGLISH, WELSH or BOTH
    # The indexes of the sentences to read: all of an English (or Welsh-only) statement; the English
    # part of a bilingual one, with the sentences that say no language (names, dates, signatures).
    to_read: tuple[int, ...]
    welsh_sentences: int
    english_sentences: int

    @property
    def assessable(self) -> bool:
        """False for a Welsh-only statement: the labeller reads English, so a person must judge it."""
        return self.code != WELSH


def statement_language(sentences: Sequence[str]) -> StatementLanguage:
    found = [sentence_language(sentence) for sentence in sentences]
    welsh, english = found.count(WELSH), found.count(ENGLISH)
    told = welsh + english
    everything = tuple(range(len(sentences)))
    if told == 0 or (english > welsh and (welsh < MINORITY_SENTENCES or welsh < MINORITY_SHARE * told)):
        return StatementLanguage(ENGLISH, everything, welsh, english)
    if welsh >= english and (english < MINORITY_SENTENCES or english < MINORITY_SHARE * told):
        return StatementLanguage(WELSH, everything, welsh, english)
    kept = tuple(index for index, language in enumerate(found) if language != WELSH)
    return StatementLanguage(BOTH, kept, welsh, english)
