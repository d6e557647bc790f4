"""Which column of a regulator's list holds which fact, guessed from the header.

Each regulator exports its own columns. We recognise the usual names for each field the way every
importer does (core.columns), with a confidence; a guessed column is shown with its first values
for the officer to confirm or correct, and a corrected mapping is used as given.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process

from tackle.core.columns import FUZZY_CUTOFF, KNOWN_SCORE, TELL_SCORE, Guess, Vocabulary

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Field:
    key: str
    label: "StrOrPromise"
    synonyms: tuple[str, ...]


# In priority order: when one header could be two fields, the earlier field takes it.
FIELDS: tuple[Field, ...] = (
    Field(
        "business_name",
        _("Business name"),
        (
            "business name",
            "name of business",
            "company name",
            "registered name",
            "business",
            "name",
            "establishment name",
            "establishment",
            "organisation",
            "organisation name",
            "trader",
            "trader name",
            "operator",
            "operator name",
            "employer",
            "employer name",
            "licensee",
            "licence holder",
            "premises name",
            "premises",
            "name of premises",
            "landlord business",
            "company",
            "employer trading name",
        ),
    ),
    Field(
        "trading_name",
        _("Trading name"),
        (
            "trading name",
            "trading as",
            "t a",
            "ta",
            "trade name",
            "dba",
            "shop name",
            "premises name",
            "premises",
            "name of premises",
            "brand",
        ),
    ),
    Field(
        "address_1",
        _("Address line 1"),
        (
            "address line 1",
            "address 1",
            "addr 1",
            "address",
            "premises address",
            "street address",
            "street",
            "line 1",
            "first line of address",
            "property address",
            "site address",
        ),
    ),
    Field("address_2", _("Address line 2"), ("address line 2", "address 2", "addr 2", "line 2", "locality")),
    Field("town", _("Town"), ("town", "city", "town city", "post town", "address line 3", "address 3", "district")),
    Field(
        "postcode",
        _("Postcode"),
        ("postcode", "post code", "postal code", "pcode", "zip", "premises postcode", "address postcode"),
    ),
    Field(
        "company_number",
        _("Company number"),
        (
            "company number",
            "company no",
            "company reg",
            "company registration number",
            "companies house number",
            "ch number",
            "crn",
            "registration number",
            "reg no",
            "co no",
        ),
    ),
    Field(
        "premises_type",
        _("Premises type"),
        (
            "premises type",
            "type of premises",
            "business type",
            "type of business",
            "establishment type",
            "property type",
            "licence type",
            "business category",
            "category",
            "sector",
            "activity",
            "type",
        ),
    ),
    Field(
        "result",
        _("Compliance result or rating"),
        (
            "compliance result",
            "compliance",
            "compliance status",
            "result",
            "outcome",
            "inspection result",
            "inspection outcome",
            "visit outcome",
            "audit result",
            "rating",
            "rating value",
            "hygiene rating",
            "fhrs rating",
            "risk rating",
            "decision",
            "status",
            "licence status",
            "licence decision",
            "review outcome",
            "outcome of review",
            "hearing outcome",
            "action taken",
            "result of visit",
            "application type",
        ),
    ),
    Field(
        "non_compliance",
        _("Non-compliance found"),
        (
            "non compliance",
            "non compliant",
            "non compliance found",
            "breach",
            "breaches",
            "offence",
            "offences",
            "enforcement",
            "enforcement action",
            "issues found",
            "defects",
            "notices served",
            "notice",
            "notice type",
            "type of notice",
            "notice served",
            "prosecution",
            "prosecutions",
            "cautions",
            "sanction",
            "sanctions",
            "penalty",
            "civil penalty",
            "arrears",
            "total arrears",
            "arrears owed",
            "underpayment",
        ),
    ),
    Field(
        "hazards",
        _("Category 1 hazards (count)"),
        (
            "category 1 hazards",
            "cat 1 hazards",
            "number of category 1 hazards",
            "no of category 1 hazards",
            "category one hazards",
            "hhsrs category 1 hazards",
            "hhsrs category 1",
            "hazards",
        ),
    ),
    Field(
        "date",
        _("Date"),
        (
            "date",
            "inspection date",
            "date of inspection",
            "visit date",
            "date of visit",
            "last inspection",
            "last inspected",
            "rating date",
            "decision date",
            "date checked",
            "checked on",
            "date issued",
            "issue date",
            "date of issue",
            "date served",
            "notice date",
            "date of notice",
            "hearing date",
            "date of hearing",
            "review date",
            "conviction date",
            "date of conviction",
            "date of decision",
            "date named",
        ),
    ),
)
FIELD_KEYS: tuple[str, ...] = tuple(field.key for field in FIELDS)
# Lazy labels, typed as text: core.columns and the pages read them in the language of the request.
FIELD_LABELS: dict[str, str] = {field.key: cast(str, field.label) for field in FIELDS}
NAME_FIELDS = ("business_name", "trading_name")

Mapping = dict[str, str]  # field key -> header exactly as written in the file
# Words that name a field only when they are the whole header: "Premises" is the premises' name, but
# "Premises postcode" is a postcode and "Company number" is not a company's name.
EXACT_ONLY = frozenset({"premises", "company", "hazards"})


def header_words(header: str) -> str:
    """'Post-Code ' -> 'post code'; 'TradingName' -> 'trading name'; 'AddressLine2' -> 'address line 2'."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])", " ", header.strip())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", spaced.lower()).split())


class ListVocabulary(Vocabulary):
    """Regulators' words matched the shared way (core.columns: known names, close spellings, a
    known name within a longer header, each with its confidence), but field by field in FIELDS'
    priority rather than one guess per header: one header may fit two fields ("Premises" is the
    business's name, or its trading name when the licence holder is named too)."""

    def __init__(self) -> None:
        super().__init__({field.key: field.synonyms for field in FIELDS})

    def guess(self, header: str) -> Guess | None:
        return next((guess for _, guess in self.assign([header]).values()), None)

    def assign(self, headers: Sequence[str]) -> dict[str, tuple[int, Guess]]:
        """Each field's column (0-based): a known name first, then a close spelling, then a header
        containing a known name as whole words; each field in priority order takes the first free
        column, by its best known name; a column serves one field."""
        words = [header_words(header) for header in headers]
        chosen: dict[str, tuple[int, Guess]] = {}
        for match in (_known, _close, _within):
            for field in FIELDS:
                taken = {column for column, _ in chosen.values()}
                found = None if field.key in chosen else match(field, words, taken)
                if found is not None:
                    chosen[field.key] = found
        return {key: chosen[key] for key in FIELD_KEYS if key in chosen}


def _known(field: Field, words: list[str], taken: set[int]) -> tuple[int, Guess] | None:
    for rank, synonym in enumerate(field.synonyms):
        for column, normal in enumerate(words):
            if column not in taken and normal == synonym:
                return column, Guess(field.key, KNOWN_SCORE, rank, "known name")
    return None


def _close(field: Field, words: list[str], taken: set[int]) -> tuple[int, Guess] | None:
    """The free column closest in spelling to one of the field's names, if close enough."""
    best: tuple[float, int, int, str] | None = None
    for column, normal in enumerate(words):
        if column in taken or not normal:
            continue
        found = process.extractOne(normal, field.synonyms, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if found is not None and (best is None or found[1] > best[0]):
            best = (found[1], column, found[2], found[0])
    if best is None:
        return None
    score, column, rank, synonym = best
    return column, Guess(field.key, int(score), rank, f"close to '{synonym}'")


def _within(field: Field, words: list[str], taken: set[int]) -> tuple[int, Guess] | None:
    for rank, synonym in enumerate(field.synonyms):
        if len(synonym) <= 3 or synonym in EXACT_ONLY:
            continue
        for column, normal in enumerate(words):
            if column not in taken and f" {synonym} " in f" {normal} ":
                return column, Guess(field.key, TELL_SCORE, rank, f"contains '{synonym}'")
    return None


VOCABULARY = ListVocabulary()


def guess_mapping(header: list[str]) -> Mapping:
    """Each field's column, by its header as written, guessed from the header alone."""
    return {key: header[column] for key, (column, _) in VOCABULARY.assign(header).items()}


def mapping_problems(mapping: Mapping, header: list[str]) -> list[str]:
    """What is wrong with a mapping for this header, in words; empty when it can be used."""
    problems = [
        gettext("%(field)s: the file has no column called “%(column)s”")
        % {"field": FIELD_LABELS.get(key, key), "column": column}
        for key, column in mapping.items()
        if column not in header
    ]
    unknown = sorted(set(mapping) - set(FIELD_KEYS))
    problems.extend(gettext("%(key)s is not a field this import knows") % {"key": key} for key in unknown)
    if not any(mapping.get(key) for key in NAME_FIELDS):
        problems.append(gettext("No column holds the business name or trading name"))
    return problems
