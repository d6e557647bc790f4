"""Read a statement end to end: file -> text -> sentences -> labels -> assessment and period.

Used alike by `tackle statements assess` and the web pages, so both give the same answer.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from tackle.core.errors import ApplicationError
from tackle.statement_reader import wording
from tackle.statement_reader.documents import (
    UnreadableDocument,
    extract_text,
    kind_from_content_type,
    kind_from_name,
    sniff_kind,
)
from tackle.statement_reader.rules.areas import (
    AREAS,
    Assessment,
    assess,
    judgement_json,
    promise_or_action_json,
    sign_off_json,
)
from tackle.statement_reader.rules.language import ENGLISH, StatementLanguage, statement_language
from tackle.statement_reader.rules.period_covered import Period, find_period
from tackle.statement_reader.sentences import split_sentences

logger = logging.getLogger(__name__)
Labeller = Callable[[list[str]], list[dict[str, float]]]
MAX_SENTENCES = 5000


class LabellerFailed(ApplicationError):
    """The file was read but the labeller could not score it: a fault on our side, not the file's."""


@dataclass
class Reading:
    sentences: list[str]
    scores: list[dict[str, float]]
    assessment: Assessment
    period: Period
    language: StatementLanguage


def default_labeller(sentences: list[str]) -> list[dict[str, float]]:
    # Imported when first needed: loading the model is the slow part, and only reading needs it.
    from tackle.statement_reader.labeller import label_statement

    return label_statement(sentences)


def document_kind(*, name: str = "", content_type: str = "", data: bytes = b"", from_url: bool = False) -> str:
    """The kind of a file from its name, then its declared type, then its first bytes.

    A file someone chose with a name we do not read (.xlsx) is refused; a download's name says
    little (statement.aspx may serve a PDF), so its type and content decide."""
    kind = kind_from_name(name)
    if kind is None and PurePosixPath(name).suffix and not from_url:
        raise UnreadableDocument(wording.WRONG_KIND)
    kind = kind or kind_from_content_type(content_type) or sniff_kind(data)
    if kind is None and content_type.startswith("text/"):
        kind = "txt"
    if kind is None:
        raise UnreadableDocument(wording.WRONG_KIND)
    return kind


def read_text(text: str, *, labeller: Labeller | None = None) -> Reading:
    sentences = split_sentences(text)
    if not sentences:
        raise UnreadableDocument(wording.NO_SENTENCES)
    if len(sentences) > MAX_SENTENCES:
        raise UnreadableDocument(wording.TOO_MANY_SENTENCES % {"count": f"{len(sentences):,}"})
    language = statement_language(sentences)
    # Of a bilingual statement the English part is read; the labeller knows no Welsh, so a Welsh-only
    # statement is kept unscored (every row empty), for a person to judge.
    sentences = [sentences[index] for index in language.to_read]
    if not language.assessable:
        return _reading(sentences, [{} for _ in sentences], language)
    try:
        scores = (labeller or default_labeller)(sentences)
    except Exception as error:  # a missing or broken model must give a message, not a 500
        logger.exception("The sentence labeller failed")
        raise LabellerFailed(f"The statement could not be assessed: the sentence labeller failed ({error}).") from None
    if len(scores) != len(sentences):
        raise LabellerFailed("The statement could not be assessed: the labeller gave the wrong number of rows.")
    # Plain floats, rounded: numpy numbers do not serialise to JSON, and 4 places are plenty.
    scores = [{str(label): round(float(value), 4) for label, value in row.items()} for row in scores]
    return _reading(sentences, scores, language)


def _reading(sentences: list[str], scores: list[dict[str, float]], language: StatementLanguage) -> Reading:
    return Reading(
        sentences=sentences,
        scores=scores,
        assessment=assess(sentences, scores),
        period=find_period(" ".join(sentences)),
        language=language,
    )


def read_document(
    data: bytes, *, name: str = "", content_type: str = "", from_url: bool = False, labeller: Labeller | None = None
) -> Reading:
    kind = document_kind(name=name, content_type=content_type, data=data, from_url=from_url)
    return read_text(extract_text(data, kind), labeller=labeller)


def reading_json(reading: Reading) -> dict[str, Any]:
    """The published contract of `tackle statements assess --json`."""
    judgements = reading.assessment.judgements
    return {
        "sentences": reading.assessment.sentence_count,
        "areas": {area: judgement_json(judgements[area]) for area in AREAS},
        "approval": judgement_json(judgements["approval"]),
        "signature": judgement_json(judgements["signature"]),
        "period": period_json(reading.period),
        "future_only": list(reading.assessment.future_only),
        "score": reading.assessment.score,
        "language": language_json(reading.language),
        # Issue 20: each area's state (done, promised, none) with its sentences, and who signed when.
        "promise_or_action": promise_or_action_json(reading.assessment),
        "sign_off": {**sign_off_json(reading.assessment), "financial_year": period_json(reading.period)},
    }


def period_json(period: Period) -> dict[str, str | None]:
    return {
        "start": period.start.isoformat() if period.start else None,
        "end": period.end.isoformat() if period.end else None,
    }


def language_json(language: StatementLanguage) -> dict[str, Any]:
    """The statement's language (issue 21): "en", "cy" or "both"; which part was read ("en", or None
    for a Welsh-only statement, which a person must judge); how many sentences each language had."""
    return {
        "statement": language.code,
        "read": ENGLISH if language.assessable else None,
        "welsh_sentences": language.welsh_sentences,
        "english_sentences": language.english_sentences,
    }
