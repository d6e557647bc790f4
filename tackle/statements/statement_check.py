"""Check a draft's text against the six areas of section 54(5) before publishing.

The reading itself belongs to the statement reader (tackle.statement_reader.reading.read_text),
a layer below. Its answer per area becomes one of:
covered (two or more sentences describe what is done), weak (only one sentence), promised (only
sentences about what will be done) or missing (nothing). Approval and signature are not read from
the text here: the statement records them as facts, and the publish checklist checks those.
"""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy

from tackle.statement_reader.reading import UnreadableDocument, read_text
from tackle.statement_reader.rules.areas import AREA_NAMES, AREAS
from tackle.statements.models import Statement
from tackle.statements.selectors.statement import section_rows

logger = logging.getLogger(__name__)

# Labels only: the states themselves are the keys, compared and cached in English.
STATES: dict[str, "str | Promise"] = {
    "covered": gettext_lazy("Covered"),
    "weak": gettext_lazy("Weak: one sentence only"),
    "promised": gettext_lazy("Only promised"),
    "missing": gettext_lazy("Missing"),
}
CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class AreaCheck:
    key: str
    name: str
    state: str
    sentences: list[str] = field(default_factory=list)

    @property
    def state_label(self) -> "str | Promise":
        return STATES[self.state]


@dataclass(frozen=True)
class TextCheck:
    available: bool
    areas: list[AreaCheck]
    message: str = ""

    @property
    def gaps(self) -> int:
        return sum(1 for area in self.areas if area.state != "covered")


def draft_text(statement: Statement) -> str:
    """The written sections, in order, as the reader would see the published statement."""
    return "\n\n".join(text.strip() for _, _, text in section_rows(statement) if text.strip())


def area_state(*, covered: bool, evidence_count: int, promised_only: bool) -> str:
    if covered:
        return "covered" if evidence_count >= 2 else "weak"
    return "promised" if promised_only else "missing"


def areas_from_reading(reading: Any) -> list[AreaCheck]:
    """Turn the reader's assessment into one row per area, with its evidence sentences."""
    judgements = reading.assessment.judgements
    future_only = set(reading.assessment.future_only)
    rows = []
    for key in AREAS:
        name = AREA_NAMES[key]
        judgement = judgements.get(key)
        evidence = [item.sentence for item in judgement.evidence] if judgement else []
        state = area_state(
            covered=bool(judgement and judgement.covered),
            evidence_count=len(evidence),
            promised_only=key in future_only,
        )
        rows.append(AreaCheck(key, name, state, evidence))
    return rows


def check_draft(statement: Statement, *, labeller: Callable[..., Any] | None = None) -> TextCheck:
    text = draft_text(statement)
    if not text:
        return TextCheck(True, [], gettext("Write the sections first: there is no text to check yet."))
    key = "statement-check:" + hashlib.sha256(text.encode()).hexdigest()
    found = cache.get(key) if labeller is None else None
    if found is not None:
        return found  # type: ignore[no-any-return]
    try:
        reading = read_text(text, labeller=labeller) if labeller else read_text(text)
        result = TextCheck(True, areas_from_reading(reading))
    except UnreadableDocument as error:  # the reader's own, worded for people
        return TextCheck(True, [], str(error))
    except Exception:  # the reading model failing must not break the statement page
        logger.exception("Statement check failed for statement %s", statement.uuid)
        return TextCheck(False, [], gettext("The text check could not run this time; the checklist is still shown."))
    if labeller is None:
        cache.set(key, result, CACHE_SECONDS)
    return result
