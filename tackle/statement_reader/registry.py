"""The Home Office modern slavery statement registry's yearly CSV: read it, keep it, link it.

The file's columns and quirks are described in the shared data folder
(reference/registry_columns.md). What matters here: multi-line cells inside quotes, booleans that
are "Yes" or empty, a group statement whose summary URL is shared by several organisations (so a
row is keyed on URL and organisation), company numbers often blank, and names that may be numbers.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import transaction

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.columns import Vocabulary, fold_header, parse_map, with_corrections
from tackle.core.errors import ApplicationError
from tackle.core.identifiers import normalise_company_number
from tackle.core.uploads import UploadError, read_table
from tackle.statement_reader.fetch import fetch
from tackle.statement_reader.models import RegistryStatement
from tackle.suppliers.selectors import supplier_identities

# Our area -> the registry column in which the organisation claims its statement covers it.
CLAIM_COLUMNS: dict[str, str] = {
    "structure_business_supply_chains": "StatementIncludesOrgStructure",
    "policies": "StatementIncludesPolicies",
    "risk_assessment_management": "StatementIncludesRisksAssessment",
    "due_diligence": "StatementIncludesDueDiligence",
    "training": "StatementIncludesTraining",
    "effectiveness_kpis": "StatementIncludesGoals",
}
CLAIM_FIELDS: dict[str, str] = {
    "structure_business_supply_chains": "includes_structure",
    "policies": "includes_policies",
    "risk_assessment_management": "includes_risk_assessment",
    "due_diligence": "includes_due_diligence",
    "training": "includes_training",
    "effectiveness_kpis": "includes_goals",
}
REQUIRED_COLUMNS = ("StatementYear", "OrganisationName", *CLAIM_COLUMNS.values())
# Each registry column (the field, named as the registry names it) and the other names a person's
# copy of the file may give it, folded (core.columns.fold_header): a copy re-saved or exported by
# another tool spaces, cases or words them otherwise. A close spelling is matched too, with a
# confidence. No bare "training" or "policies": the registry has columns of those names that list
# what was done, not whether the statement covers it.
_CLAIM_WORDS = {
    "StatementIncludesOrgStructure": ["organisation structure", "org structure", "structure"],
    "StatementIncludesPolicies": ["policies"],
    "StatementIncludesRisksAssessment": ["risk assessment", "risks assessment"],
    "StatementIncludesDueDiligence": ["due diligence"],
    "StatementIncludesTraining": ["training"],
    "StatementIncludesGoals": ["goals", "kpis", "effectiveness"],
}
COLUMN_NAMES = Vocabulary(
    {
        "StatementYear": ["statementyear", "statement year", "year", "reporting year"],
        "OrganisationName": ["organisationname", "organisation name", "organization name", "organisation"],
        "CompanyNumber": ["companynumber", "company number", "company registration number", "company no"],
        "StatementSummaryURL": ["statementsummaryurl", "statement summary url", "summary url", "registry url"],
        "StatementURL": ["statementurl", "statement url", "statement link", "link to statement"],
        "SectorType": ["sectortype", "sector type", "sector"],
        "GroupSubmission": ["groupsubmission", "group submission", "group statement"],
        "ParentName": ["parentname", "parent name", "parent organisation"],
        "StatementStartDate": ["statementstartdate", "statement start date", "period start", "start date"],
        "StatementEndDate": ["statementenddate", "statement end date", "period end", "end date"],
        "ApprovingPerson": ["approvingperson", "approving person", "approved by"],
        "DateApproved": ["dateapproved", "date approved", "approval date"],
        "Turnover": ["turnover", "turnover band"],
        "LastUpdated": ["lastupdated", "last updated"],
        **{
            column: [
                fold_header(column),
                *(f"{lead} {words}" for words in synonyms for lead in ("statement includes", "includes")),
            ]
            for column, synonyms in _CLAIM_WORDS.items()
        },
    }
)
MAX_REGISTRY_BYTES = 200 * 1024 * 1024
DOWNLOAD_TIMEOUT_SECONDS = 120
_LEGAL_SUFFIXES = frozenset({"limited", "ltd", "plc", "llp", "lp", "inc", "incorporated", "corporation", "corp", "co"})
_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"", "no", "n", "false", "0"}


def name_key(name: str) -> str:
    """A name reduced for matching: case, accents, punctuation, "&", "The" and legal suffixes
    ("Limited", "Ltd", "PLC", "LLP") do not tell two organisations apart."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", " ", text.replace("&", " and ")).split()
    if words[:1] == ["the"]:
        words = words[1:]
    while words and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True)
class RegistryReject:
    line: int
    reason: str


@dataclass
class RegistryImportResult:
    saved: int = 0
    years: list[int] = field(default_factory=list)
    linked: int = 0
    rejects: list[RegistryReject] = field(default_factory=list)


def _parse_date(raw: str) -> date:
    """Dates as the registry writes them: ISO (with or without a time) or day/month/year."""
    text = raw.strip()
    for pattern in ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"'{raw}' is not a date") from None


def _optional_date(values: dict[str, str], column: str) -> date | None:
    raw = values.get(column, "").strip()
    if not raw:
        return None
    try:
        return _parse_date(raw)
    except ValueError as error:
        raise ValueError(f"{column}: {error}") from None


def _flag(values: dict[str, str], column: str) -> bool:
    raw = values.get(column, "").strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ValueError(f"{column} must be Yes or empty, not '{values[column].strip()}'")


def _row(values: dict[str, str], *, expected_year: int | None) -> RegistryStatement:
    name = values["OrganisationName"].strip()
    if not name:
        raise ValueError("No organisation name")
    raw_year = values["StatementYear"].strip()
    if not re.fullmatch(r"\d{4}", raw_year) or not 2015 <= int(raw_year) <= 2100:
        raise ValueError(f"StatementYear '{raw_year}' is not a year")
    year = int(raw_year)
    if expected_year is not None and year != expected_year:
        raise ValueError(f"StatementYear {year} is not {expected_year}, the year asked for")
    start = _optional_date(values, "StatementStartDate")
    end = _optional_date(values, "StatementEndDate")
    if start and end and end < start:
        raise ValueError("StatementEndDate is before StatementStartDate")

    def text(column: str, length: int) -> str:
        return values.get(column, "").strip()[:length]

    return RegistryStatement(
        year=year,
        organisation_name=name[:300],
        name_key=name_key(name)[:300],
        company_number=normalise_company_number(text("CompanyNumber", 20)) or "",
        summary_url=text("StatementSummaryURL", 500),
        statement_url=text("StatementURL", 1000),
        sector_type=text("SectorType", 100),
        group_submission=_flag(values, "GroupSubmission") if "GroupSubmission" in values else False,
        parent_name=text("ParentName", 300),
        period_start=start,
        period_end=end,
        approving_person=text("ApprovingPerson", 300),
        date_approved=_optional_date(values, "DateApproved"),
        turnover=text("Turnover", 100),
        last_updated=text("LastUpdated", 40),
        **{CLAIM_FIELDS[area]: _flag(values, column) for area, column in CLAIM_COLUMNS.items()},
    )


class ColumnMapError(ApplicationError):
    """A --map option names a field the registry has not, or a column the file has not."""


def registry_import(
    *, data: bytes, year: int | None = None, actor: Any = None, column_map: Sequence[str] = ()
) -> RegistryImportResult:
    """Replace the rows of each year in the file with the file's rows, in one transaction.

    Columns are found by their names, the registry's or others (COLUMN_NAMES); `column_map` holds
    `FIELD=HEADER` corrections over the guess. Lines that cannot be read are left out and reported
    with their line number (a multi-line cell counts from the line it starts on). A file that
    cannot be read at all saves nothing."""
    headed = [pair.partition("=")[2] for pair in column_map]
    # The header is the row among the first few that names most registry columns (title lines passed over).
    table = read_table(data, max_bytes=MAX_REGISTRY_BYTES, vocabulary=COLUMN_NAMES, headed=headed)
    header = [column.strip() for column in table.header]
    try:
        corrections = parse_map(column_map, header, COLUMN_NAMES.fields)
    except ValueError as error:
        raise ColumnMapError(str(error)) from None
    positions = {name: at for name, (at, _) in with_corrections(COLUMN_NAMES.assign(header), corrections).items()}
    missing = [column for column in REQUIRED_COLUMNS if column not in positions]
    if missing:
        raise ApplicationError(
            f"The file is not a registry download: no column {', '.join(missing)} (name one with --map FIELD=HEADER)."
        )
    result = RegistryImportResult()
    rows: list[RegistryStatement] = []
    first_line: dict[tuple[int, str, str], int] = {}
    try:
        for line, cells in ((row.line, row.cells) for row in table):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) < len(header) or any(cell.strip() for cell in cells[len(header) :]):
                result.rejects.append(RegistryReject(line, f"Expected {len(header)} values, found {len(cells)}"))
                continue
            try:
                row = _row({name: cells[at] for name, at in positions.items()}, expected_year=year)
            except ValueError as error:
                result.rejects.append(RegistryReject(line, str(error)))
                continue
            key = (row.year, row.summary_url, row.organisation_name)
            if key in first_line:
                result.rejects.append(
                    RegistryReject(line, f"Repeats line {first_line[key]} (same statement and organisation)")
                )
                continue
            first_line[key] = line
            rows.append(row)
    except UploadError as error:
        result.rejects.append(RegistryReject(error.line or 0, error.message))
    result.years = sorted({row.year for row in rows})
    with transaction.atomic():
        RegistryStatement.objects.filter(year__in=result.years).delete()
        RegistryStatement.objects.bulk_create(rows, batch_size=1000)
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            object_type="statement_reader.registry-import",
            note=f"Registry {', '.join(map(str, result.years)) or 'no year'}: {len(rows)} rows, "
            f"{len(result.rejects)} lines rejected",
        )
    result.saved = len(rows)
    result.linked = _count_linked(rows)
    return result


def _count_linked(rows: list[RegistryStatement]) -> int:
    numbers, names = set(), set()
    for name, company_number, other_names in supplier_identities():
        if number := normalise_company_number(company_number):
            numbers.add(number)
        names.update(supplier_name_keys(name, other_names))
    return sum(1 for row in rows if (row.company_number and row.company_number in numbers) or row.name_key in names)


def supplier_name_keys(name: str, other_names: Any) -> set[str]:
    """Keys a supplier can be found under; names that are only digits match nothing."""
    candidates = [name, *(other for other in (other_names or []) if isinstance(other, str))]
    return {key for key in map(name_key, candidates) if key and not key.isdigit()}


def registry_download_url(year: int) -> str:
    template = settings.REGISTRY_DOWNLOAD_URL
    if not template:
        raise ApplicationError(
            "Set REGISTRY_DOWNLOAD_URL to the registry's download address (with {year}), or pass the file."
        )
    return template.replace("{year}", str(year))


def registry_download(year: int) -> bytes:
    # The address comes from the server's settings, not from a user, so any host is allowed.
    fetched = fetch(
        registry_download_url(year),
        max_bytes=MAX_REGISTRY_BYTES,
        timeout=DOWNLOAD_TIMEOUT_SECONDS,
        allow_private=True,
    )
    return fetched.data
