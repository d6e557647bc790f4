"""Reading an uploaded table (CSV with any usual separator, or the first sheet of an XLSX or ODS
workbook) the same way for every importer: one size rule, one encoding rule, rows numbered by the
line a person would look at, and one error, UploadError, that each importer turns into its form
error or command error. Given the importer's Vocabulary, the header is the row among the first
few that names its columns best, so title lines above it are passed over.

Each importer keeps its own limit, its own columns and its own reasons for rejecting a line.
"""

import csv
import io
import zipfile
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from tackle.core.columns import Vocabulary, fold_header
from tackle.core.error_wording import (
    EMPTY,
    FIRST_LINE,
    MARKUP,
    NOT_CSV_LINE,
    NOT_ODS,
    NOT_XLSX,
    NOT_ZIP,
    NUL_BYTE,
    OLD_XLS,
    TOO_BIG,
    TOO_MANY_PARTS,
    TOO_MANY_ROWS,
    TOO_MANY_VALUES,
    UNPACKS_TOO_BIG,
    VALUE_TOO_LONG,
    worded,
)
from tackle.core.errors import ApplicationError
from tackle.core.ods import OdsError, is_ods, sheet_rows, unreadable_workbook

UTF_8 = "UTF-8"
WINDOWS_1252 = "Windows-1252"
LATIN_1 = "Latin-1"
XLSX = "XLSX"
ODS = "ODS"
XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"

# Every table is read within these bounds, checked on each line as it is read, so a hostile file
# (a million columns on one line, a value megabytes long) is refused in time linear in its size.
MAX_COLUMNS = 1_000
MAX_CELL_CHARS = 32_767  # what one spreadsheet cell holds in Excel
# A workbook is a zip: its parts' inflated sizes, read from the zip's directory, are checked
# before anything is inflated. XML packs about ten to one; a zip bomb packs a thousand to one.
INFLATION_ALLOWED = 20
MAX_ZIP_MEMBERS = 1_000
# Separators a spreadsheet's CSV export uses; the one that splits most of the first lines wins,
# a comma on a tie.
DELIMITERS = (",", ";", "\t", "|")
SNIFF_CHARS = 64 * 1024
# Title lines ("Payments over £500, April 2026") may stand above the header: it is looked for in
# the first rows of the file.
HEADER_SEARCH_ROWS = 20


class UploadError(ApplicationError):
    """The file, or one line of it, cannot be read. `line` is set when the problem is on a line."""

    def __init__(self, message: str, english: str | None = None, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.english = message if english is None else english  # what is stored (error_wording)


class UploadLimitError(UploadError):
    """The file is over one of the bounds (size, columns, rows, parts): it is refused whole and
    reading stops, where a bad line is only that line."""


@dataclass(frozen=True, slots=True)
class Text:
    text: str
    encoding: str  # UTF_8 or WINDOWS_1252: what the file was read as


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # where the row starts: a quoted value may run over several lines
    cells: list[str]


def megabytes(limit: int) -> str:
    """A limit as a person reads it: whole megabytes from 10 up, one decimal below, kilobytes under
    one (a limit worked out from a file's size is 9.95859 MB exactly, which says nothing more)."""
    size = limit / (1024 * 1024)
    if size >= 9.95:
        return f"{round(size):,} MB"
    if size >= 1:
        return f"{round(size, 1):g} MB"
    return f"{max(round(limit / 1024), 1):,} KB"


def read_bytes(upload: bytes | IO[bytes], *, max_bytes: int) -> bytes:
    """The upload's bytes, refused when there are more than `max_bytes` (read no further than that)."""
    data = upload if isinstance(upload, bytes) else upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadError(*worded(TOO_BIG, {"size": megabytes(max_bytes)}))
    return data


def read_path(path: Path, *, max_bytes: int) -> bytes:
    """A file named on the command line, refused over `max_bytes` before it is read, as an upload is.
    OSError (no such file, no permission) is left to the command to word."""
    if path.stat().st_size > max_bytes:
        raise UploadLimitError(*worded(TOO_BIG, {"size": megabytes(max_bytes)}))
    with path.open("rb") as handle:
        return read_bytes(handle, max_bytes=max_bytes)


def check_zip(data: bytes, *, max_inflated_bytes: int, max_members: int = MAX_ZIP_MEMBERS) -> zipfile.ZipFile:
    """The zip archive in `data`, refused when its directory lists more than `max_members` parts or
    more than `max_inflated_bytes` once inflated; nothing is inflated to find out."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UploadError(*worded(NOT_ZIP)) from None
    return check_archive(archive, max_inflated_bytes=max_inflated_bytes, max_members=max_members)


def check_archive(
    archive: zipfile.ZipFile, *, max_inflated_bytes: int, max_members: int = MAX_ZIP_MEMBERS
) -> zipfile.ZipFile:
    """The archive, or UploadLimitError (the archive closed) when its directory lists too many
    parts or too many bytes once inflated."""
    members = archive.infolist()
    problem: tuple[str, str] | None = None
    if len(members) > max_members:
        problem = worded(TOO_MANY_PARTS, {"parts": f"{len(members):,}", "most": f"{max_members:,}"})
    elif sum(member.file_size for member in members) > max_inflated_bytes:
        problem = worded(UNPACKS_TOO_BIG, {"size": megabytes(max_inflated_bytes)})
    if problem:
        archive.close()
        raise UploadLimitError(*problem)
    return archive


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def decode(upload: bytes | IO[bytes], *, max_bytes: int) -> Text:
    """UTF-8 (a byte-order mark is dropped), else Windows-1252 as Excel saves CSV on a UK PC, else
    Latin-1. A NUL byte (UTF-16 text, a spreadsheet, an image) refuses the file and names its line,
    rather than guessing at what it meant."""
    data = read_bytes(upload, max_bytes=max_bytes)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = _line_of(data, nul)
        if data.startswith(OLD_EXCEL_MAGIC):
            raise UploadError(*worded(OLD_XLS), line=line)
        raise UploadError(*worded(NUL_BYTE, {"line": line}), line=line)
    try:
        return Text(data.decode("utf-8-sig"), UTF_8)
    except UnicodeDecodeError:
        pass
    try:
        return Text(data.decode("cp1252"), WINDOWS_1252)
    except UnicodeDecodeError:
        pass
    # Latin-1 reads every byte: older systems' exports use it, and it differs from Windows-1252
    # only in the five bytes Windows-1252 leaves unassigned.
    return Text(data.decode("latin-1"), LATIN_1)


class Table:
    """A header and then its rows. Iterating raises UploadError (with the line) for a line the csv
    module cannot read; the iteration can go on after it, with the next line."""

    def __init__(
        self,
        header: list[str],
        rows: Iterator[Row],
        encoding: str,
        *,
        header_line: int = 1,
        title: str = "",
        delimiter: str = "",
    ) -> None:
        self.header = header
        self.encoding = encoding
        self.header_line = header_line
        self.title = title  # the lines above the header, which may say what the file covers
        self.delimiter = delimiter  # "" for a workbook
        self._rows = rows

    def __iter__(self) -> Iterator[Row]:
        return self._rows


@dataclass(frozen=True, slots=True)
class Bounds:
    """How much of a table is read: `rows` counts the rows under the header (None: no limit)."""

    columns: int = MAX_COLUMNS
    rows: int | None = None
    cell_chars: int = MAX_CELL_CHARS

    def check(self, row: Row, *, rows_read: int) -> None:
        """Raise UploadLimitError when the file is over a bound, UploadError when only this line is."""
        if len(row.cells) > self.columns:
            raise UploadLimitError(
                *worded(
                    TOO_MANY_VALUES, {"line": row.line, "values": f"{len(row.cells):,}", "columns": f"{self.columns:,}"}
                ),
                line=row.line,
            )
        if self.rows is not None and rows_read > self.rows + 1:
            raise UploadLimitError(
                *worded(TOO_MANY_ROWS, {"rows": f"{self.rows:,}", "most": f"{self.rows:,}"}),
                line=row.line,
            )
        if any(len(cell) > self.cell_chars for cell in row.cells):
            raise UploadError(*worded(VALUE_TOO_LONG, {"chars": f"{self.cell_chars:,}"}), line=row.line)


class _CsvRows:
    """Not a generator: a generator that raised cannot be resumed, and a bad line must not end the file."""

    def __init__(self, text: str, *, strict: bool, bounds: Bounds, delimiter: str = ",") -> None:
        self._reader = csv.reader(io.StringIO(text, newline=""), strict=strict, delimiter=delimiter)
        self._done = False
        self._bounds = bounds
        self._read = 0

    def __iter__(self) -> Iterator[Row]:
        return self

    def __next__(self) -> Row:
        if self._done:
            raise StopIteration
        line = self._reader.line_num + 1
        try:
            cells = next(self._reader)
        except csv.Error as error:
            self._done = self._reader.line_num < line  # nothing was read: nothing more can be
            raise UploadError(*worded(NOT_CSV_LINE, {"error": error}), line=line) from None
        self._read += 1
        row = Row(line, cells)
        try:
            self._bounds.check(row, rows_read=self._read)
        except UploadLimitError:
            self._done = True
            raise
        return row


def _header(rows: Iterator[Row]) -> list[str]:
    try:
        first = next(rows, None)
    except UploadLimitError:
        raise
    except UploadError as error:
        raise UploadError(*worded(FIRST_LINE, {"problem": (error.message, error.english)}), line=1) from None
    if first is None or not any(cell.strip() for cell in first.cells):
        raise UploadError(*worded(EMPTY), line=1)
    return first.cells


class _Replay:
    """The rows read ahead while the header was looked for (a line that could not be read raises
    again in its place), then the rest of the file."""

    def __init__(self, ahead: list[Row | UploadError], rest: Iterator[Row]) -> None:
        self._ahead = deque(ahead)
        self._rest = rest

    def __iter__(self) -> Iterator[Row]:
        return self

    def __next__(self) -> Row:
        if self._ahead:
            item = self._ahead.popleft()
            if isinstance(item, UploadError):
                raise item
            return item
        return next(self._rest)


def _fit(vocabulary: Vocabulary | None, cells: list[str], required: Sequence[str]) -> tuple[bool, int, int]:
    """How well a row names the importer's columns: whether it names every required field, how
    many fields it names, how surely."""
    if vocabulary is None:
        return False, 0, 0
    assigned = vocabulary.assign(cells)
    named = bool(required) and set(required) <= set(assigned)
    return named, len(assigned), sum(guess.score for _, guess in assigned.values())


def header_place(
    ahead: Sequence[Row | UploadError],
    vocabulary: Vocabulary | None,
    headed: Sequence[str] = (),
    required: Sequence[str] = (),
) -> int:
    """Which of the first rows is the header: the one holding every header a person named, then
    the one naming every `required` field, then the one naming most fields, most surely (not the
    first to name any: a title line "Supplier spend over £500" names a supplier too), the earliest
    on a tie. When none names anything, the first row that is not blank. Raises UploadError for a
    file with no row to be its header."""
    candidates = [
        (place, item)
        for place, item in enumerate(ahead)
        if isinstance(item, Row) and any(c.strip() for c in item.cells)
    ]
    if not candidates:
        if ahead and isinstance(ahead[0], UploadError):
            raise UploadError(*worded(FIRST_LINE, {"problem": (ahead[0].message, ahead[0].english)}), line=1)
        raise UploadError(*worded(EMPTY), line=1)
    fits = [(*_header_fit(row.cells, vocabulary, headed, required), -place) for place, row in candidates]
    best = max(range(len(candidates)), key=lambda index: fits[index])
    holds_wanted, _, count, _, _ = fits[best]
    if count == 0 and holds_wanted == (not any(name.strip() for name in headed)):
        best = 0  # nothing is named: the first line is the header, and the importer says what is missing
    return candidates[best][0]


def _header_fit(
    cells: list[str], vocabulary: Vocabulary | None, headed: Sequence[str], required: Sequence[str]
) -> tuple[bool, bool, int, int]:
    wanted = {fold_header(name) for name in headed if name.strip()}
    return (wanted <= {fold_header(cell) for cell in cells}, *_fit(vocabulary, cells, required))


def choose_delimiter(
    text: str, vocabulary: Vocabulary | None = None, headed: Sequence[str] = (), required: Sequence[str] = ()
) -> str:
    """The separator sniffed from the first lines; given what the importer looks for, the one
    under which some first line names its columns best ("Supplier,Amount" above rows that each
    hold a tab is still split by commas), the sniffed order breaking a tie."""
    ranked = delimiters_by_likelihood(text)
    if vocabulary is None and not headed:
        return ranked[0]
    lines = [line for line in text[:SNIFF_CHARS].splitlines()[:HEADER_SEARCH_ROWS] if line.strip()]

    def best(delimiter: str) -> tuple[bool, bool, int, int]:
        try:
            rows = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:
            return False, False, 0, 0
        return max((_header_fit(cells, vocabulary, headed, required) for cells in rows), default=(False, False, 0, 0))

    return max(ranked, key=lambda delimiter: (best(delimiter), -ranked.index(delimiter)))


def title_above(ahead: Sequence[Row | UploadError], place: int) -> str:
    """The lines above the header, each line's values joined: they may say what the file covers."""
    lines = (" ".join(c for c in item.cells if c.strip()) for item in ahead[:place] if isinstance(item, Row))
    return "\n".join(lines).strip()


def _table(
    rows: Iterator[Row], encoding: str, vocabulary: Vocabulary | None, delimiter: str = "", headed: Sequence[str] = ()
) -> Table:
    if vocabulary is None and not headed:
        return Table(_header(rows), rows, encoding, delimiter=delimiter)
    ahead: list[Row | UploadError] = []
    for _ in range(HEADER_SEARCH_ROWS):
        try:
            ahead.append(next(rows))
        except StopIteration:
            break
        except UploadLimitError:
            raise
        except UploadError as error:
            ahead.append(error)
    place = header_place(ahead, vocabulary, headed)
    header = ahead[place]
    assert isinstance(header, Row)
    return Table(
        header.cells,
        _Replay(ahead[place + 1 :], rows),
        encoding,
        header_line=header.line,
        title=title_above(ahead, place),
        delimiter=delimiter,
    )


def sniff_delimiter(text: str) -> str:
    """The separator that splits most of the first lines into several values, then most of them
    into the same number of values; a comma when none does better."""
    return delimiters_by_likelihood(text)[0]


def delimiters_by_likelihood(text: str) -> list[str]:
    """Every usual separator, the one sniff_delimiter chooses first."""
    lines = [line for line in text[:SNIFF_CHARS].splitlines()[: 2 * HEADER_SEARCH_ROWS] if line.strip()]

    def fit(delimiter: str) -> tuple[int, int, bool, int]:
        try:
            counts = [len(cells) for cells in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            return 0, 0, False, 0
        split = [count for count in counts if count > 1]
        usual = max(split, key=split.count) if split else 0
        return len(split), split.count(usual), delimiter == ",", sum(counts)

    return sorted(DELIMITERS, key=fit, reverse=True)


def csv_table(
    text: str,
    *,
    encoding: str = UTF_8,
    strict: bool = False,
    bounds: Bounds = Bounds(),
    vocabulary: Vocabulary | None = None,
    delimiter: str | None = None,
    headed: Sequence[str] = (),
) -> Table:
    """The rows of text already decoded, split by `delimiter` (sniffed when None). `strict` refuses
    a quote in the wrong place, or one never closed, instead of reading on as the csv module
    otherwise does. With a `vocabulary`, the header is the row that names its columns best; with
    `headed` (the headers a person named), the first row that holds them all."""
    text = text.removeprefix("\ufeff")
    if text.lstrip()[:9].lower().startswith(("<?xml", "<!doctype", "<html", "<!--")):
        # Regulators publish XML (the Food Standards Agency's ratings) and a web page saved by
        # mistake is HTML: neither reads as rows, and the csv module's own error says nothing useful.
        raise UploadError(*worded(MARKUP), line=1)
    delimiter = delimiter or choose_delimiter(text, vocabulary, headed)
    rows = _CsvRows(text, strict=strict, bounds=bounds, delimiter=delimiter)
    return _table(rows, encoding, vocabulary, delimiter, headed)


def read_table(
    upload: bytes | IO[bytes],
    *,
    max_bytes: int,
    strict: bool = False,
    bounds: Bounds = Bounds(),
    vocabulary: Vocabulary | None = None,
    delimiter: str | None = None,
    headed: Sequence[str] = (),
) -> Table:
    """An uploaded CSV file, or the first sheet of an XLSX or ODS workbook (told by its first bytes
    and, for a zip, the kind it names)."""
    data = read_bytes(upload, max_bytes=max_bytes)
    if data.startswith(XLSX_MAGIC):
        try:  # told cheaply, before openpyxl is loaded; bounded by this file's size, not the largest allowed
            archive = check_zip(data, max_inflated_bytes=INFLATION_ALLOWED * len(data))
        except UploadLimitError:
            raise
        except UploadError:
            raise UploadError(*worded(unreadable_workbook(data), {"error": "BadZipFile"})) from None
        if is_ods(archive):
            return _table(_ods_rows(archive, bounds), ODS, vocabulary, headed=headed)
        return _table(_xlsx_rows(data, bounds=bounds), XLSX, vocabulary, headed=headed)
    decoded = decode(data, max_bytes=max_bytes)
    return csv_table(
        decoded.text,
        encoding=decoded.encoding,
        strict=strict,
        bounds=bounds,
        vocabulary=vocabulary,
        delimiter=delimiter,
        headed=headed,
    )


def _ods_rows(archive: zipfile.ZipFile, bounds: Bounds) -> Iterator[Row]:
    try:
        for number, cells in sheet_rows(archive, max_columns=bounds.columns):
            row = Row(number, cells)
            bounds.check(row, rows_read=number)
            yield row
    except OdsError as error:
        raise UploadLimitError(*worded(NOT_ODS, {"error": error})) from None
    finally:
        archive.close()


def _xlsx_rows(data: bytes, *, bounds: Bounds) -> Iterator[Row]:
    from openpyxl import load_workbook  # imported here: CSV uploads never pay for it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise UploadError(*worded(NOT_XLSX, {"error": error.__class__.__name__})) from None
    return _sheet_rows(book, sheet, bounds)


def _sheet_rows(book: Any, sheet: Any, bounds: Bounds) -> Iterator[Row]:
    try:
        # Read-only sheets give every row from the first, empty ones too, so the count is the row number.
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            row = Row(number, [cell_text(value) for value in values])
            bounds.check(row, rows_read=number)
            yield row
    finally:
        book.close()


def cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a CSV export of it would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
