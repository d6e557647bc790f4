"""The shared table reader (uploads.py) for a file on disk too big to hold in memory: a council's
spend export runs to gigabytes. The same rules as `read_table` (UTF-8, Windows-1252 or Latin-1, a
NUL byte refused; the separator sniffed; XLSX or ODS told by the first bytes; the header chosen by
`header_place` below title lines), but nothing is read whole: the encoding is checked block by
block, and the rows under the header come from `TableFile.cells`, the csv module's own reader (or
a workbook's rows), read as they are needed.

`cells` gives each row as a list of text; its `line_num` is the line (or sheet row) the last row
ended on, so an importer names the line a person would look at. A CSV line the csv module cannot
read raises csv.Error and reading goes on after it, as csv.reader does.
"""

import codecs
import csv
import io
import zipfile
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from tackle.core.columns import Vocabulary
from tackle.core.error_wording import MARKUP, NOT_CSV_LINE, NOT_ODS, NOT_XLSX, NUL_BYTE, OLD_XLS, worded
from tackle.core.ods import OdsError, is_ods, sheet_rows, unreadable_workbook
from tackle.core.uploads import (
    HEADER_SEARCH_ROWS,
    INFLATION_ALLOWED,
    LATIN_1,
    ODS,
    OLD_EXCEL_MAGIC,
    SNIFF_CHARS,
    UTF_8,
    WINDOWS_1252,
    XLSX,
    XLSX_MAGIC,
    Bounds,
    Row,
    UploadError,
    UploadLimitError,
    cell_text,
    check_archive,
    choose_delimiter,
    header_place,
    title_above,
)

# A value longer than this is a stray quote running on through the file: the csv module stops it
# and that line is refused, not the file. (The csv module's limit is one for the whole process.)
FIELD_LIMIT = 1_000_000
csv.field_size_limit(max(FIELD_LIMIT, csv.field_size_limit()))
_BLOCK = 1 << 20
_BOUNDS = Bounds()
# Python's codec for each encoding the reader tells apart.
CODECS = {UTF_8: "utf-8", WINDOWS_1252: "cp1252", LATIN_1: "latin-1"}


class TableFile:
    """An open table: its header, what came above it, how it was read, and `cells`, the rows after
    the header. Close it (or use it in a `with`) when done."""

    def __init__(
        self,
        path: Path,
        *,
        kind: str,
        encoding: str,
        codec: str,
        delimiter: str,
        header: list[str],
        header_line: int,
        title: str,
        cells: Any,
        handles: Sequence[Any],
    ) -> None:
        self.path = path
        self.kind = kind  # "csv", "xlsx" or "ods"
        self.encoding = encoding  # UTF_8, WINDOWS_1252, LATIN_1, XLSX or ODS, as read_table says it
        self.codec = (
            codec  # Python's name for a CSV file's encoding ("utf-8-sig" with a byte-order mark); "" for a workbook
        )
        self.delimiter = delimiter  # "" for a workbook
        self.header = header
        self.header_line = header_line  # the line the header ends on
        self.title = title
        self.cells = cells
        self.size = path.stat().st_size
        self._handles = handles

    def bytes_read(self) -> int:
        """How far into a CSV file reading has gone (for progress); 0 for a workbook."""
        binary = self._handles[0] if self.kind == "csv" else None
        return binary.tell() if binary is not None and not binary.closed else 0

    def close(self) -> None:
        for handle in reversed(self._handles):
            handle.close()

    def __enter__(self) -> "TableFile":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_table(
    path: Path,
    *,
    vocabulary: Vocabulary | None = None,
    headed: Sequence[str] = (),
    required: Sequence[str] = (),
    bounds: Bounds = _BOUNDS,
) -> TableFile:
    """The table in the file at `path`, its header found as `header_place` finds it. Raises
    UploadError when the file cannot be read as a table; OSError is left to the importer to word."""
    with path.open("rb") as handle:
        start = handle.read(8)
    if start.startswith(XLSX_MAGIC):
        return _open_workbook(path, vocabulary, headed, required, bounds)
    if start.startswith(OLD_EXCEL_MAGIC):
        raise UploadError(*worded(OLD_XLS), line=1)
    encoding, codec = file_encoding(path)
    with path.open("rb") as handle:
        sample = handle.read(4 * SNIFF_CHARS).decode(codec, errors="replace")[:SNIFF_CHARS]
    if sample.lstrip()[:9].lower().startswith(("<?xml", "<!doctype", "<html", "<!--")):
        raise UploadError(*worded(MARKUP), line=1)
    delimiter = choose_delimiter(sample, vocabulary, headed, required)
    binary, text, reader = _csv_reader(path, codec, delimiter)
    try:
        ahead, ends = _search(reader, bounds)
    except BaseException:
        text.close()
        raise
    text.close()
    place = header_place(ahead, vocabulary, headed, required)
    header = ahead[place]
    assert isinstance(header, Row)
    # Read again from the start to just after the header, so that the rows under it come straight
    # from the csv module's reader (fast, and its line count right) rather than through a replay.
    binary, text, reader = _csv_reader(path, codec, delimiter)
    try:
        for _ in range(place + 1):
            try:
                next(reader)
            except csv.Error:
                continue
    except BaseException:
        text.close()
        raise
    return TableFile(
        path,
        kind="csv",
        encoding=encoding,
        codec=codec,
        delimiter=delimiter,
        header=header.cells,
        header_line=ends[place],
        title=title_above(ahead, place),
        cells=reader,
        handles=(binary, text),
    )


def file_encoding(path: Path) -> tuple[str, str]:
    """(encoding as read_table names it, Python's codec): as uploads.decode tells it, read block
    by block. Text that is not one byte a character (UTF-16, an image) is refused, naming the line
    of its first NUL byte; in a file this size a lone NUL is a stray byte in one value, read as it is."""
    with path.open("rb") as handle:
        start = handle.read(SNIFF_CHARS)
        nul = start.find(b"\x00")
        if nul >= 0 and (start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _mostly_nul(start)):
            line = start.count(b"\n", 0, nul) + 1
            raise UploadError(*worded(NUL_BYTE, {"line": line}), line=line)
        codec = "utf-8-sig" if start.startswith(codecs.BOM_UTF8) else "utf-8"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder(codec)()
        utf_8 = True
        while block := handle.read(_BLOCK):
            if utf_8:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    utf_8 = False
        if utf_8:
            try:
                decoder.decode(b"", final=True)
                return UTF_8, codec
            except UnicodeDecodeError:
                pass
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("cp1252")()
        try:
            while block := handle.read(_BLOCK):
                decoder.decode(block)
        except UnicodeDecodeError:
            return LATIN_1, "latin-1"  # Latin-1 reads every byte
    return WINDOWS_1252, "cp1252"


def _mostly_nul(start: bytes) -> bool:
    """UTF-16 text holds a NUL in every other byte, a binary file many: not one stray byte."""
    return start.count(b"\x00") * 10 > len(start)


def _csv_reader(path: Path, codec: str, delimiter: str) -> tuple[IO[bytes], IO[str], Any]:
    binary = path.open("rb")
    text = io.TextIOWrapper(binary, encoding=codec, newline="")
    return binary, text, csv.reader(text, delimiter=delimiter)


def _search(reader: Any, bounds: Bounds) -> tuple[list[Row | UploadError], list[int]]:
    """The first rows, where the header is looked for, and the line each ends on."""
    ahead: list[Row | UploadError] = []
    ends: list[int] = []
    for _ in range(HEADER_SEARCH_ROWS):
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            ahead.append(UploadError(*worded(NOT_CSV_LINE, {"error": error}), line=start))
            ends.append(reader.line_num)
            continue
        row = Row(start, cells)
        bounds.check(row, rows_read=len(ahead) + 1)
        ahead.append(row)
        ends.append(reader.line_num)
    return ahead, ends


# Workbooks -------------------------------------------------------------------------------------


class _SheetCells:
    """A sheet's rows after the header as `cells`: the rows read ahead, then the rest."""

    def __init__(self, ahead: list[Row], rest: Iterator[Row], line: int) -> None:
        self._ahead = deque(ahead)
        self._rest = rest
        self.line_num = line

    def __iter__(self) -> "_SheetCells":
        return self

    def __next__(self) -> list[str]:
        row = self._ahead.popleft() if self._ahead else next(self._rest)
        self.line_num = row.line
        return row.cells


def _open_workbook(
    path: Path, vocabulary: Vocabulary | None, headed: Sequence[str], required: Sequence[str], bounds: Bounds
) -> TableFile:
    size = max(path.stat().st_size, 1)
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        with path.open("rb") as handle:
            raise UploadError(*worded(unreadable_workbook(handle.read(128)), {"error": "BadZipFile"})) from None
    check_archive(archive, max_inflated_bytes=INFLATION_ALLOWED * size)
    handles: list[Any]
    if is_ods(archive):
        kind, encoding, rows, handles = "ods", ODS, _ods_rows(archive, bounds), [archive]
    else:
        archive.close()
        kind, encoding = "xlsx", XLSX
        rows, handles = _xlsx_rows(path, bounds)
    try:
        ahead: list[Row] = []
        for row in rows:
            ahead.append(row)
            if len(ahead) == HEADER_SEARCH_ROWS:
                break
        place = header_place(ahead, vocabulary, headed, required)
    except BaseException:
        for handle in handles:
            handle.close()
        raise
    header = ahead[place]
    return TableFile(
        path,
        kind=kind,
        encoding=encoding,
        codec="",
        delimiter="",
        header=header.cells,
        header_line=header.line,
        title=title_above(ahead, place),
        cells=_SheetCells(ahead[place + 1 :], rows, header.line),
        handles=handles,
    )


def _ods_rows(archive: zipfile.ZipFile, bounds: Bounds) -> Iterator[Row]:
    try:
        for number, cells in sheet_rows(archive, max_columns=bounds.columns):
            row = Row(number, cells)
            bounds.check(row, rows_read=number)
            yield row
    except OdsError as error:
        raise UploadLimitError(*worded(NOT_ODS, {"error": error})) from None


def _xlsx_rows(path: Path, bounds: Bounds) -> tuple[Iterator[Row], list[Any]]:
    from openpyxl import load_workbook  # imported here: CSV files never pay for it

    # Opened as a file, not by name: openpyxl refuses a workbook whose name does not end in .xlsx,
    # and one saved as `spend.csv` is still told by its first bytes.
    handle = path.open("rb")
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
        sheet = book.worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        handle.close()
        raise UploadError(*worded(NOT_XLSX, {"error": error.__class__.__name__})) from None

    def rows() -> Iterator[Row]:
        # Read-only sheets give every row from the first, empty ones too: the count is the row number.
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            row = Row(number, [cell_text(value) for value in values])
            bounds.check(row, rows_read=number)
            yield row

    return rows(), [handle, book]
