"""Finding the header row of a spend file and deciding which column holds what.

Councils rename columns between quarters (`Supplier Name`, ` supplier`, `Vendor`, `Suplier nmae`),
so a header is compared with known names after folding case, spaces and punctuation; failing that,
with a fuzzy score; failing that, by a tell-tale word (`amount`, `supplier`, `date`). The matching
is the kernel's (core.columns), shared with the other importers; the names are spend's own.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

from tackle.core.columns import KNOWN_SCORE, Guess, Vocabulary, confidence
from tackle.spend.screening import wording

AMOUNT = "amount"
SUPPLIER = "supplier"
DATE = "date"
CATEGORY = "category"
DESCRIPTION = "description"
DEPARTMENT = "department"
COMPANY_NUMBER = "company_number"

# Stored in each file's mapping in English; pages show gettext(label).
FIELDS: dict[str, str] = {
    SUPPLIER: gettext_noop("Supplier name"),
    AMOUNT: gettext_noop("Amount"),
    DATE: gettext_noop("Payment date"),
    CATEGORY: gettext_noop("Expense category"),
    DESCRIPTION: gettext_noop("Description"),
    DEPARTMENT: gettext_noop("Department or service"),
    COMPANY_NUMBER: gettext_noop("Company number"),
}

# Known names per field, best first: when two columns could be the amount, the earlier name wins
# (net before gross, so VAT is not counted).
_KNOWN: dict[str, list[str]] = {
    SUPPLIER: [
        "supplier name",
        "supplier",
        "vendor name",
        "vendor",
        "payee name",
        "payee",
        "beneficiary",
        "beneficiary name",
        "merchant name",
        "merchant",
        "creditor name",
        "creditor",
        "name of supplier",
        "supplier details",
        "paid to",
        "company name",
    ],
    AMOUNT: [
        "amount",
        "net amount",
        "invoice nett amount",
        "invoice net amount",
        "nett amount",
        "sum of invoice nett amount",
        "amount paid",
        "payment amount",
        "transaction amount",
        "amount excluding vat",
        "amount excl vat",
        "amount ex vat",
        "net value",
        "value",
        "net",
        "total",
        "expenditure",
        "sum of amount",
        "line amount",
        "gross amount",
        "amount including vat",
        "gross",
    ],
    DATE: [
        "payment date",
        "date",
        "date paid",
        "paid date",
        "transaction date",
        "invoice date",
        "invoice creation date",
        "posting date",
        "effective date",
        "date of payment",
        "pay date",
        "period",
    ],
    CATEGORY: [
        "expense type",
        "expenditure type",
        "expense category",
        "expenditure category",
        "category",
        "subjective description",
        "subj description",
        "subjective",
        "account description",
        "cost element",
        "procurement category",
        "spend category",
        "type of expenditure",
    ],
    DESCRIPTION: [
        "description",
        "narrative",
        "details",
        "purpose",
        "purpose of expenditure",
        "transaction description",
        "item description",
        "line description",
        "summary of purpose",
        "invoice description",
    ],
    DEPARTMENT: [
        "department",
        "directorate",
        "service area",
        "service",
        "expense area",
        "service division",
        "division",
        "cost centre description",
        "cost centre",
        "portfolio",
    ],
    COMPANY_NUMBER: [
        "company number",
        "company registration number",
        "companies house number",
        "company reg no",
        "company no",
        "registration number",
        "crn",
    ],
}
# A word that gives a column away when nothing else matched.
_TELLS: list[tuple[str, str]] = [
    (r"supplier|vendor|payee", SUPPLIER),
    (r"amount|value|total|nett?\b|£|gbp", AMOUNT),
    (r"date", DATE),
    (r"categor|subjective|expense type", CATEGORY),
    (r"descr|narrative|purpose", DESCRIPTION),
    (r"department|directorate|service", DEPARTMENT),
]
VOCABULARY = Vocabulary(_KNOWN, _TELLS)


def guess_field(header: str) -> Guess | None:
    return VOCABULARY.guess(header)


@dataclass
class Mapping:
    """Which column (0-based) holds each field, and how each was decided."""

    columns: dict[str, int] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)
    scores: dict[str, int] = field(default_factory=dict)  # core.columns' score of each choice

    @property
    def usable(self) -> bool:
        return AMOUNT in self.columns and len(self.columns) >= 2

    def describe(self) -> list[dict[str, object]]:
        """One line per field, in the order FIELDS lists them, for the page and the summary."""
        lines: list[dict[str, object]] = []
        for name, label in FIELDS.items():
            column = self.columns.get(name)
            lines.append(
                {
                    "field": name,
                    "label": label,
                    "column": None if column is None else column + 1,
                    "header": None if column is None else self.headers[column].strip(),
                    "how": self.how.get(name, wording.NOT_FOUND),
                    "confidence": None if column is None else confidence(self.scores.get(name, KNOWN_SCORE)),
                }
            )
        return lines


def map_columns(headers: list[str]) -> Mapping:
    """Give each field the column that matches it best; a column serves at most one field."""
    mapping = Mapping(headers=list(headers))
    for name, (column, guess) in VOCABULARY.assign(headers).items():
        mapping.columns[name] = column
        mapping.how[name] = guess.how
        mapping.scores[name] = guess.score
    return mapping


def apply_overrides(mapping: Mapping, overrides: dict[str, int | None]) -> Mapping:
    """A person's corrections: field -> column (0-based), or None to ignore the field."""
    columns = dict(mapping.columns)
    how = dict(mapping.how)
    scores = dict(mapping.scores)
    for name, column in overrides.items():
        if name not in FIELDS:
            continue
        if column is None:
            columns.pop(name, None)
            how.pop(name, None)
        elif 0 <= column < len(mapping.headers):
            for other, taken in list(columns.items()):
                if taken == column:
                    columns.pop(other)
                    how.pop(other, None)
            columns[name] = column
            how[name] = wording.CHOSEN_BY_YOU
            scores[name] = KNOWN_SCORE
    return Mapping(columns=columns, how=how, headers=mapping.headers, scores=scores)
