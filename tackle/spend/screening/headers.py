"""Finding the header row of a spend file and deciding which column holds what.

Councils rename columns between quarters (`Supplier Name`, ` supplier`, `Vendor`, `Suplier nmae`),
so a header is compared with known names after folding case, spaces and punctuation; failing that,
with a fuzzy score; failing that, by a tell-tale word (`amount`, `supplier`, `date`).
"""

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

AMOUNT = "amount"
SUPPLIER = "supplier"
DATE = "date"
CATEGORY = "category"
DESCRIPTION = "description"
DEPARTMENT = "department"
COMPANY_NUMBER = "company_number"

FIELDS: dict[str, str] = {
    SUPPLIER: "Supplier name",
    AMOUNT: "Amount",
    DATE: "Payment date",
    CATEGORY: "Expense category",
    DESCRIPTION: "Description",
    DEPARTMENT: "Department or service",
    COMPANY_NUMBER: "Company number",
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
_LOOKUP: dict[str, tuple[str, int]] = {
    name: (field_name, rank) for field_name, names in _KNOWN.items() for rank, name in enumerate(names)
}
_CHOICES = list(_LOOKUP)
# A word that gives a column away when nothing else matched.
_TELLS: list[tuple[str, str]] = [
    (r"supplier|vendor|payee", SUPPLIER),
    (r"amount|value|total|nett?\b|£|gbp", AMOUNT),
    (r"date", DATE),
    (r"categor|subjective|expense type", CATEGORY),
    (r"descr|narrative|purpose", DESCRIPTION),
    (r"department|directorate|service", DEPARTMENT),
]
_TELL_PATTERNS = [(re.compile(pattern), name) for pattern, name in _TELLS]
_FOLD = re.compile(r"[^a-z0-9£]+")
FUZZY_CUTOFF = 85
HEADER_SEARCH_LINES = 30


def fold_header(text: str) -> str:
    """`  Supplier_Name ` and `SUPPLIER NAME` fold to `supplier name`; `Amount (£)` to `amount`."""
    folded = _FOLD.sub(" ", text.lower().replace("£", " ")).strip()
    return re.sub(r"\b(?:gbp|excl|inc)\b$", "", folded).strip() or folded


@dataclass(frozen=True, slots=True)
class Guess:
    field: str
    score: int  # 100 exact, fuzzy score otherwise, 60 for a tell-tale word
    rank: int
    how: str


def guess_field(header: str) -> Guess | None:
    folded = fold_header(header)
    if not folded:
        return None
    if folded in _LOOKUP:
        name, rank = _LOOKUP[folded]
        return Guess(name, 100, rank, "known name")
    best = process.extractOne(folded, _CHOICES, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    if best is not None:
        name, rank = _LOOKUP[best[0]]
        return Guess(name, int(best[1]), rank, f"close to '{best[0]}'")
    for pattern, name in _TELL_PATTERNS:
        if pattern.search(folded):
            return Guess(name, 60, 99, f"contains '{pattern.pattern.split('|')[0]}'")
    return None


@dataclass
class Mapping:
    """Which column (0-based) holds each field, and how each was decided."""

    columns: dict[str, int] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)
    headers: list[str] = field(default_factory=list)

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
                    "how": self.how.get(name, "not found"),
                }
            )
        return lines


def map_columns(headers: list[str]) -> Mapping:
    """Give each field the column that matches it best; a column serves at most one field."""
    guesses = [(column, guess) for column, header in enumerate(headers) if (guess := guess_field(header))]
    guesses.sort(key=lambda item: (-item[1].score, item[1].rank, item[0]))
    mapping = Mapping(headers=list(headers))
    taken: set[int] = set()
    for column, guess in guesses:
        if guess.field in mapping.columns or column in taken:
            continue
        mapping.columns[guess.field] = column
        mapping.how[guess.field] = guess.how
        taken.add(column)
    return mapping


def apply_overrides(mapping: Mapping, overrides: dict[str, int | None]) -> Mapping:
    """A person's corrections: field -> column (0-based), or None to ignore the field."""
    columns = dict(mapping.columns)
    how = dict(mapping.how)
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
            how[name] = "chosen by you"
    return Mapping(columns=columns, how=how, headers=mapping.headers)
