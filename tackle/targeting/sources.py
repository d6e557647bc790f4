"""Read one regulator's CSV list into records, reporting each line that cannot be used.

A file that cannot be read at all (too big, not text, no header, no name column) raises
SourceError and gives nothing; a bad line is rejected with its number and reason and the rest are
kept. The file is read by the kernel's upload reader, as every importer's is.
"""

import csv
import io
import itertools
from collections import Counter
from collections.abc import Iterator
from collections.abc import Mapping as ReadOnlyMapping
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext

from tackle.core.columns import ColumnsToConfirm, confirmed_columns
from tackle.core.identifiers import normalise_company_number, normalise_postcode
from tackle.core.uploads import (
    HEADER_SEARCH_ROWS,
    XLSX_MAGIC,
    Bounds,
    Row,
    Table,
    UploadError,
    UploadLimitError,
    csv_table,
    read_table,
)
from tackle.core.uploads import decode as decode_upload
from tackle.targeting.fhrs import fhrs_table, looks_like_xml
from tackle.targeting.list_columns import (
    FIELD_LABELS,
    NAME_FIELDS,
    VOCABULARY,
    Mapping,
    guess_mapping,
    mapping_problems,
)
from tackle.targeting.normalise import (
    address_numbers,
    name_key,
    normalise_address,
    parse_date,
    postcode_sector,
    premises_type,
)
from tackle.targeting.rules.outcomes import outcome

# The whole file cannot be used; the message is written for the person who supplied it. It is the
# kernel's upload error, under the name the targeting pages and command catch.
SourceError = UploadError
MAX_FILE_BYTES = 5 * 1024 * 1024
# A list of more rows is refused: ranking holds every record in memory (about 5 KB each).
MAX_LIST_ROWS = 50_000
LIST_BOUNDS = Bounds(rows=MAX_LIST_ROWS)


@dataclass(slots=True)
class Record:
    """One line of one regulator's list, with the normalised keys matching uses."""

    source: str
    line: int
    name: str
    trading_name: str
    address: str
    town: str
    postcode: str
    company_number: str
    premises_type: str
    non_compliant: bool
    finding: str
    date: date | None
    name_key: str = ""
    trading_key: str = ""
    address_key: str = ""
    town_key: str = ""
    numbers: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.name_key = name_key(self.name)
        self.trading_key = name_key(self.trading_name)
        self.address_key = normalise_address(self.address)
        self.town_key = normalise_address(self.town)
        self.numbers = address_numbers(self.address_key)

    @property
    def key(self) -> str:
        return f"{self.source}:{self.line}"

    @property
    def sector(self) -> str:
        return postcode_sector(self.postcode) if self.postcode else ""


@dataclass(frozen=True)
class Reject:
    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source} line {self.line}: {self.reason}"


@dataclass
class SourceRead:
    name: str
    header: list[str]
    mapping: Mapping
    records: list[Record] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    # Results whose wording no rule places and the organisation has not classified: how many lines each.
    unfamiliar: Counter[str] = field(default_factory=Counter)


def decode(data: bytes) -> str:
    """A list's text: UTF-8 (with or without a byte-order mark), else Windows-1252 as Excel saves
    it in the UK, else Latin-1; an XLSX or ODS workbook's first sheet as CSV text, so a list is
    kept and read again as text whatever it came as."""
    if data.startswith(XLSX_MAGIC):
        return _workbook_text(data)
    return decode_upload(data, max_bytes=MAX_FILE_BYTES).text


def _workbook_text(data: bytes) -> str:
    sheet = read_table(data, max_bytes=MAX_FILE_BYTES, bounds=LIST_BOUNDS)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(sheet.header)
    for row in sheet:  # a workbook's rows raise only for a bound, which refuses the whole list
        writer.writerow(row.cells)
    return buffer.getvalue()


def table(text: str) -> Table:
    """A list's rows: the Food Standards Agency's ratings XML as it is published, else CSV whose
    header is the row, among the first few, that names a business column and the most other
    fields (a title line "Food business ratings" above it names a business too, and nothing else),
    the earliest on a tie."""
    if looks_like_xml(text):
        return fhrs_table(text, bounds=LIST_BOUNDS)
    rows = csv_table(text, bounds=LIST_BOUNDS)
    best, named = None, 0
    first = [cell.strip() for cell in rows.header]
    candidates = itertools.chain([first], ([cell.strip() for cell in row.cells] for row in _readable(rows)))
    for cells in itertools.islice(candidates, HEADER_SEARCH_ROWS):
        guessed = guess_mapping(cells)
        if any(cells) and not mapping_problems(guessed, cells) and len(guessed) > named:
            best, named = cells, len(guessed)
    if best is None or best == first:
        return csv_table(text, bounds=LIST_BOUNDS)
    return csv_table(text, bounds=LIST_BOUNDS, headed=best)


def _readable(rows: Table) -> Iterator[Row]:
    """The rows the csv module can read, passing over one it cannot."""
    iterator = iter(rows)
    while True:
        try:
            yield next(iterator)
        except StopIteration:
            return
        except UploadLimitError:
            return
        except UploadError:
            continue


def read_header(text: str) -> list[str]:
    stripped = [cell.strip() for cell in table(text).header]
    duplicates = sorted({cell for cell in stripped if cell and stripped.count(cell) > 1})
    if duplicates:
        raise SourceError(
            gettext("The first line names a column twice: %(columns)s") % {"columns": ", ".join(duplicates)}
        )
    return stripped


Outcomes = ReadOnlyMapping[str, bool]  # a result's wording -> adverse?, as the organisation classified it


def read_source(name: str, data: bytes, mapping: Mapping | None = None, outcomes: Outcomes | None = None) -> SourceRead:
    """Records from one uploaded file. With no mapping, the columns are guessed from the header."""
    return read_text(name, decode(data), mapping, outcomes)


Columns = dict[str, int | None]  # a person's choice: field -> 0-based column, None for none
SAMPLE_ROWS = 3


def read_text(
    name: str,
    text: str,
    mapping: Mapping | None = None,
    outcomes: Outcomes | None = None,
    *,
    columns: Columns | None = None,
    confirm: bool = False,
) -> SourceRead:
    """Records from a list's text (an upload decoded, or a list as saved). `outcomes` places the
    result wordings no rule knows; those still unplaced are counted in `unfamiliar`. With no
    `mapping`, the columns are guessed from the header under the person's `columns`; with
    `confirm`, a guessed column, or no name column, raises ColumnsToConfirm (with the first values
    under each) until a person has chosen the columns."""
    header = read_header(text)
    chosen = dict(mapping) if mapping is not None else _guessed(header, text, columns, confirm=confirm)
    chosen = {key: column for key, column in chosen.items() if column}
    problems = mapping_problems(chosen, header)
    if problems:
        raise SourceError("; ".join(problems))
    result = SourceRead(name=name, header=header, mapping=chosen)
    positions = {key: header.index(column) for key, column in chosen.items()}
    rows = iter(table(text))
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except UploadLimitError:
            raise
        except UploadError as error:  # one line the csv module cannot read; the lines after it can be
            result.rejects.append(Reject(name, error.line or 0, error.message))
            continue
        line, cells = row.line, row.cells
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            counts = {"expected": len(header), "found": len(cells)}
            result.rejects.append(Reject(name, line, gettext("Expected %(expected)d values, found %(found)d") % counts))
            continue
        values = {key: cells[index].strip() if index < len(cells) else "" for key, index in positions.items()}
        record_or_reason = _record(name, line, values, chosen, outcomes or {})
        if isinstance(record_or_reason, str):
            result.rejects.append(Reject(name, line, record_or_reason))
        else:
            record, unfamiliar = record_or_reason
            result.records.append(record)
            if unfamiliar:
                result.unfamiliar[unfamiliar] += 1
    return result


def _guessed(header: list[str], text: str, columns: Columns | None, *, confirm: bool) -> Mapping:
    samples: list[list[str]] = []
    for row in _readable(table(text)):
        if len(samples) == SAMPLE_ROWS:
            break
        if any(cell.strip() for cell in row.cells):
            samples.append(row.cells)
    positions, choices = confirmed_columns(
        VOCABULARY, FIELD_LABELS, (), header, samples, columns=columns, accept_guesses=not confirm
    )
    if confirm and not any(key in positions for key in NAME_FIELDS):
        raise ColumnsToConfirm(
            gettext("No column holds the business name or trading name. Choose the columns, then the file again"),
            header=header,
            choices=choices,
        )
    return {key: header[column] for key, column in positions.items()}


def _record(
    source: str, line: int, values: dict[str, str], mapping: Mapping, outcomes: Outcomes
) -> tuple[Record, str] | str:
    """The record on this line, or the reason it cannot be used."""
    business, trading = values.get("business_name", ""), values.get("trading_name", "")
    if not business and not trading:
        return gettext("No business name or trading name")
    postcode = ""
    if values.get("postcode"):
        postcode = normalise_postcode(values["postcode"]) or ""
        if not postcode:
            return f"“{values['postcode']}” is not a UK postcode"
    company = ""
    if values.get("company_number"):
        company = normalise_company_number(values["company_number"]) or ""
        if not company:
            return f"“{values['company_number']}” is not a company number"
    when = None
    if values.get("date"):
        when = parse_date(values["date"])
        if when is None:
            return f"“{values['date']}” is not a date (use for example 2026-03-27 or 27/03/2026)"
    found = outcome(values, mapping, outcomes)
    address = ", ".join(part for part in (values.get("address_1", ""), values.get("address_2", "")) if part)
    record = Record(
        source=source,
        line=line,
        name=business or trading,
        trading_name=trading if business else "",
        address=address,
        town=values.get("town", ""),
        postcode=postcode,
        company_number=company,
        premises_type=premises_type(values.get("premises_type", ""), business, trading),
        non_compliant=found.adverse,
        finding=found.finding,
        date=when,
    )
    return record, found.unfamiliar
