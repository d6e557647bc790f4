"""Is this the statement we think it is? Two checks on a reading, in words for the reader's page.

- **Another organisation.** The statement does not name the organisation it was read for, and
  names another one ("Acme Holdings Limited"): it may be another company's statement, or a group
  statement that a reviewer should check covers this supplier.
- **Out of date.** A statement is due for each financial year, within six months of the year's
  end (Modern Slavery Act 2015, section 54; Home Office statutory guidance). When the next year's
  should already have been published, this one no longer describes what the organisation does.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz

# The next statement is due six months after the end of the year following this statement's.
MONTHS_UNTIL_NEXT_IS_DUE = 12 + 6
SAME_NAME_SCORE = 85

_LEGAL = (
    r"(?:Limited|Ltd|PLC|plc|LLP|LLC|Inc|Group|Holdings|Corporation|Corp|GmbH|Council|Trust|"
    r"Foundation|Partnership|Co)\b\.?"
)
_CAPITALISED = r"(?:[A-Z][\w&'\u2019.-]*|&|and|of)"
_ORGANISATION = re.compile(
    rf"(?<![\w&])((?:[A-Z][\w&'\u2019.-]*\s+)(?:{_CAPITALISED}\s+){{0,5}}?{_LEGAL}(?:\s+{_LEGAL})*)"
)
# Words that say what kind of body it is, or refer to it without naming it ("The Company").
_GENERIC = frozenset(
    [
        "limited",
        "ltd",
        "plc",
        "llp",
        "llc",
        "inc",
        "group",
        "holdings",
        "corporation",
        "corp",
        "gmbh",
        "council",
        "trust",
        "foundation",
        "partnership",
        "co",
        "company",
        "companies",
        "the",
        "our",
        "this",
        "we",
        "its",
        "and",
        "of",
        "uk",
    ]
)


@dataclass(frozen=True)
class Warning:
    kind: str  # "other_organisation" or "out_of_date"
    message: str  # in English; the page words it again in its own language from `details`
    details: dict[str, Any] = field(default_factory=dict)


def name_key(name: str) -> str:
    """'The Acme Cleaning Co. Ltd' -> 'acme cleaning': the words that tell one organisation from another."""
    words = re.sub(r"[^\w]+", " ", name.lower().replace("&", " and ")).split()
    return " ".join(word for word in words if word not in _GENERIC)


def organisations_named(text: str) -> list[str]:
    """Organisations named in the text with a legal or corporate word ("Acme Foods Ltd",
    "Westbury Borough Council"), first mention first, each once."""
    found: dict[str, str] = {}
    for match in _ORGANISATION.finditer(text):
        name = " ".join(match.group(1).split()).rstrip(".")
        key = name_key(name)
        if key and key not in found:
            found[key] = name
    return list(found.values())


def _names(text_key: str, key: str) -> bool:
    return bool(key) and f" {key} " in f" {text_key} "


def _same(one: str, other: str) -> bool:
    return one == other or fuzz.ratio(one, other) >= SAME_NAME_SCORE or _names(one, other) or _names(other, one)


def other_organisation(sentences: Sequence[str], expected: Iterable[str]) -> Warning | None:
    """A warning when the statement never names the expected organisation (by any of its names) but
    does name another one; None when it names the expected one, or none at all."""
    keys = [key for key in map(name_key, expected) if key]
    if not keys:
        return None
    text = " ".join(sentences)
    text_key = f" {name_key(text)} "
    if any(_names(text_key, key) for key in keys):
        return None
    others = [name for name in organisations_named(text) if not any(_same(name_key(name), key) for key in keys)]
    if not others:
        return None
    listed = ", ".join(others[:3])
    return Warning(
        "other_organisation",
        f"The statement names {listed} but not {next(iter(expected))}: check that it is this organisation's "
        "statement, or a group statement that covers it.",
        {"names": listed, "expected": next(iter(expected))},
    )


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def out_of_date(period_start: date | None, period_end: date | None, today: date) -> Warning | None:
    """A warning when the statement's year ended so long ago that the next one is overdue."""
    if period_end is None:
        return None
    next_due = _add_months(period_end, MONTHS_UNTIL_NEXT_IS_DUE)
    if today <= next_due:
        return None
    covers = (
        f"{period_start:%-d %B %Y} to {period_end:%-d %B %Y}" if period_start else f"a year to {period_end:%-d %B %Y}"
    )
    return Warning(
        "out_of_date",
        f"The statement covers {covers}: it is out of date. A statement is due each financial year, within six "
        f"months of its end, so the next one was due by {next_due:%-d %B %Y}.",
        {"start": period_start, "end": period_end, "next_due": next_due},
    )


def reading_warnings(
    sentences: Sequence[str], expected: Iterable[str], period_start: date | None, period_end: date | None, today: date
) -> list[Warning]:
    found = [other_organisation(sentences, list(expected)), out_of_date(period_start, period_end, today)]
    return [warning for warning in found if warning is not None]
