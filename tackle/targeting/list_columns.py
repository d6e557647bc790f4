"""Which column of a regulator's list holds which fact, guessed from the header.

Each regulator exports its own columns. We recognise the usual names for each field, report the
guess and let the officer correct it; a corrected mapping is used as given.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    synonyms: tuple[str, ...]


# In priority order: when one header could be two fields, the earlier field takes it.
FIELDS: tuple[Field, ...] = (
    Field(
        "business_name",
        "Business name",
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
        "Trading name",
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
        "Address line 1",
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
    Field("address_2", "Address line 2", ("address line 2", "address 2", "addr 2", "line 2", "locality")),
    Field("town", "Town", ("town", "city", "town city", "post town", "address line 3", "address 3", "district")),
    Field(
        "postcode",
        "Postcode",
        ("postcode", "post code", "postal code", "pcode", "zip", "premises postcode", "address postcode"),
    ),
    Field(
        "company_number",
        "Company number",
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
        "Premises type",
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
        "Compliance result or rating",
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
        "Non-compliance found",
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
        "Category 1 hazards (count)",
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
        "Date",
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
FIELD_LABELS: dict[str, str] = {field.key: field.label for field in FIELDS}
NAME_FIELDS = ("business_name", "trading_name")

Mapping = dict[str, str]  # field key -> header exactly as written in the file
# Words that name a field only when they are the whole header: "Premises" is the premises' name, but
# "Premises postcode" is a postcode and "Company number" is not a company's name.
EXACT_ONLY = frozenset({"premises", "company", "hazards"})


def header_words(header: str) -> str:
    """'Post-Code ' -> 'post code'; 'TradingName' -> 'trading name'; 'AddressLine2' -> 'address line 2'."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])", " ", header.strip())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", spaced.lower()).split())


def guess_mapping(header: list[str]) -> Mapping:
    """Exact synonyms first, then headers that contain a synonym as whole words."""
    words = {column: header_words(column) for column in header}
    mapping: Mapping = {}
    taken: set[str] = set()
    for contains in (False, True):
        for field in FIELDS:
            if field.key in mapping:
                continue
            for synonym in field.synonyms:
                column = _find(words, synonym, taken, contains=contains)
                if column is not None:
                    mapping[field.key] = column
                    taken.add(column)
                    break
    return {key: mapping[key] for key in FIELD_KEYS if key in mapping}


def _find(words: dict[str, str], synonym: str, taken: set[str], *, contains: bool) -> str | None:
    for column, normal in words.items():
        if column in taken or not normal:
            continue
        if normal == synonym or (
            contains and len(synonym) > 3 and synonym not in EXACT_ONLY and f" {synonym} " in f" {normal} "
        ):
            return column
    return None


def mapping_problems(mapping: Mapping, header: list[str]) -> list[str]:
    """What is wrong with a mapping for this header, in words; empty when it can be used."""
    problems = [
        f"{FIELD_LABELS.get(key, key)}: the file has no column called “{column}”"
        for key, column in mapping.items()
        if column not in header
    ]
    unknown = sorted(set(mapping) - set(FIELD_KEYS))
    problems.extend(f"{key} is not a field this import knows" for key in unknown)
    if not any(mapping.get(key) for key in NAME_FIELDS):
        problems.append("No column holds the business name or trading name")
    return problems


KNOWN, CONTAINS = 1.0, 0.6  # how sure a guess is: the whole header a known name, or one within it


def how_guessed(header: str, key: str) -> tuple[float, str]:
    """How sure the guess of this header for this field is, and in words, for the columns page."""
    normal = header_words(header)
    field = next(field for field in FIELDS if field.key == key)
    if normal in field.synonyms:
        return KNOWN, "known name"
    within = next((synonym for synonym in field.synonyms if f" {synonym} " in f" {normal} "), normal)
    return CONTAINS, f"contains '{within}'"
