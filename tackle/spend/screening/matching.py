"""Matching a payee's name, as a spend file spells it, to a supplier in the council's register.

Three ways, tried in order: the company number (when the file has one), the normalised name (case,
punctuation, `&`/`and`, `Ltd`/`Limited` and such endings do not count), then a fuzzy match on the
normalised name that must score at least FUZZY_CUTOFF out of 100.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process

from tackle.core.identifiers import normalise_company_number

FUZZY_CUTOFF = 90

_AMPERSAND = re.compile(r"\s*&\s*|\s*\+\s*")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Legal forms and filler that vary between how one supplier is written in different files.
_ENDINGS = {
    "ltd",
    "limited",
    "ld",
    "plc",
    "llp",
    "lp",
    "inc",
    "co",
    "company",
    "uk",
    "gb",
    "the",
    "cic",
    "group",
    "services",
    "service",
}
_REDACTED = re.compile(
    r"redact|withheld|personal data|private individual|data protection|not disclosed|confidential|"
    r"^\W*$|^x+$|\*\*\*",
    re.IGNORECASE,
)


def is_redacted(name: str) -> bool:
    """Councils withhold names of individuals (and sometimes more); such rows still count as spend."""
    return bool(_REDACTED.search(name))


def normalise_name(name: str) -> str:
    """`The A & B Co. Ltd` and `A and B Limited` both become `a and b`."""
    words = _NOT_WORD.sub(" ", _AMPERSAND.sub(" and ", name.lower())).split()
    while words and words[-1] in _ENDINGS:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


class RegisterEntryLike(Protocol):
    """What the screening needs of a register entry (tackle.suppliers.selectors.RegisterEntry)."""

    @property
    def supplier_id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def other_names(self) -> tuple[str, ...]: ...
    @property
    def company_number(self) -> str: ...
    @property
    def sectors(self) -> tuple[str, ...]: ...
    @property
    def has_statement(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Match:
    entry: RegisterEntryLike
    how: str  # "company number", "name" or "fuzzy name (score 93)"


class Register:
    """The register, indexed once for a screening run."""

    def __init__(self, entries: Iterable[RegisterEntryLike]) -> None:
        self.entries = list(entries)
        self._by_number = {
            number: entry for entry in self.entries if (number := normalise_company_number(entry.company_number))
        }
        self._by_name: dict[str, RegisterEntryLike] = {}
        for entry in self.entries:
            for name in (entry.name, *entry.other_names):
                key = normalise_name(name)
                if key:
                    self._by_name.setdefault(key, entry)
        self._names = list(self._by_name)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def match(self, name: str, company_number: str = "") -> Match | None:
        number = normalise_company_number(company_number)
        if number and (entry := self._by_number.get(number)):
            return Match(entry, "company number")
        key = normalise_name(name)
        if not key:
            return None
        if entry := self._by_name.get(key):
            return Match(entry, "name")
        if not self._names:
            return None
        best = process.extractOne(key, self._names, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF)
        if best is None:
            return None
        return Match(self._by_name[best[0]], f"fuzzy name (score {best[1]:.0f})")
