"""Opening spend files as they come: CSV in whatever encoding and separator, or an XLSX or ODS
workbook (its first sheet, read by the kernel's ODS reader, as every importer's is).

Nothing here loads a whole file: CSV is read through the csv module line by line, XLSX through
openpyxl's read-only mode row by row. Both give rows of text cells and the physical line (or
sheet row) the last row ended on, so rejects can name the line a person would look at.
"""

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tackle.core.ods import OdsError, is_ods, sheet_rows
from tackle.core.uploads import INFLATION_ALLOWED, MAX_COLUMNS, cell_text

XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"
# Tried in order: a BOM decides at once; otherwise UTF-8, then Windows-1252 (Excel's CSV on a UK
# PC), then Latin-1, which can read any byte at all.
ENCODINGS = ("utf-8", "cp1252", "latin-1")
SEPARATORS = (",", "\t", ";", "|")
SNIFF_BYTES = 64 * 1024
# A field longer than this is a stray quote running on through the file: stop it, reject the line.
FIELD_LIMIT = 1_000_000
csv.field_size_limit(FIELD_LIMIT)


class SpendFileError(Exception):
    """The file cannot be screened at all; the message says why, in plain words."""


def file_kind(path: Path) -> str:
    """'xlsx' or 'csv', from the file's first bytes rather than its name."""
    try:
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as error:
        raise SpendFileError(f"cannot open {path.name}: {error.strerror or error}") from None
    if start.startswith(XLSX_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                return "ods" if is_ods(archive) else "xlsx"
        except (zipfile.BadZipFile, OSError):
            return "xlsx"  # openpyxl then says the workbook cannot be read
    if start.startswith(OLD_EXCEL_MAGIC):
        raise SpendFileError(f"{path.name} is an old Excel .xls workbook: save it as CSV or XLSX and try again")
    return "csv"


def bom_encoding(start: bytes) -> str | None:
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def separators_to_try(sample: str) -> list[str]:
    """Every separator, most likely first: the one found on most of the first lines, then the one
    used most; a comma when nothing stands out. The screener keeps the first that yields a header."""
    lines = [line for line in sample.splitlines()[:40] if line.strip()]

    def likelihood(separator: str) -> tuple[int, int, bool]:
        return (
            sum(1 for line in lines if separator in line),
            sum(line.count(separator) for line in lines),
            separator == ",",
        )

    return sorted(SEPARATORS, key=likelihood, reverse=True)


class CsvRows:
    """Rows of one CSV file. `reader` gives rows of text; its `line_num` is the physical line the
    last row ended on. Reading may raise csv.Error for one bad line, and carries on after it."""

    def __init__(self, path: Path, encoding: str, separator: str | None = None) -> None:
        self.path = path
        self.encoding = encoding
        self.size = path.stat().st_size
        self._binary = path.open("rb")
        self._text: IO[str] = io.TextIOWrapper(self._binary, encoding=encoding, newline="")
        sample = self._binary.read(SNIFF_BYTES).decode(encoding.replace("-sig", ""), errors="replace")
        self._binary.seek(0)
        self.separators = [separator] if separator else separators_to_try(sample)
        self.separator = self.separators[0]
        # The csv reader itself keeps the line count (`reader.line_num`), read on every row.
        self.reader = csv.reader(self._text, delimiter=self.separator)

    def bytes_read(self) -> int:
        return self._binary.tell()

    def close(self) -> None:
        self._text.close()


class XlsxRows:
    """Rows of the first worksheet of an XLSX workbook, every cell as text. Its `reader` is
    itself, and `line_num` is the worksheet row the last row came from (row 1 at the top)."""

    encoding = "xlsx"
    separator = ""

    def __init__(self, path: Path) -> None:
        from openpyxl import load_workbook  # imported here: CSV-only runs never pay for it

        self.path = path
        self.size = path.stat().st_size
        # Opened as a file, not by name: openpyxl refuses a workbook whose name does not end in
        # .xlsx, and an upload saved as `spend.csv` or `.txt` is still told by its first bytes.
        self._handle = path.open("rb")
        try:
            self._book = load_workbook(self._handle, read_only=True, data_only=True)
            sheet = self._book.worksheets[0]
        except Exception as error:  # openpyxl raises many kinds for a damaged workbook
            self._handle.close()
            raise SpendFileError(f"{path.name} is not a readable XLSX workbook ({error.__class__.__name__})") from None
        self._rows = sheet.iter_rows(values_only=True)
        self.line_num = 0
        self.reader = self

    def bytes_read(self) -> int:
        return 0

    def __iter__(self) -> Iterator[list[str]]:
        return self

    def __next__(self) -> list[str]:
        values = next(self._rows)
        self.line_num += 1
        return [cell_text(value) for value in values]

    def close(self) -> None:
        self._book.close()
        self._handle.close()


class OdsRows:
    """Rows of the first sheet of an ODS workbook, as XlsxRows gives an XLSX one's. Empty rows are
    passed over; `line_num` is the sheet row the last row came from."""

    encoding = "ods"
    separator = ""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = path.stat().st_size
        try:
            self._archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise SpendFileError(f"{path.name} is not a readable ODS spreadsheet") from None
        if sum(member.file_size for member in self._archive.infolist()) > INFLATION_ALLOWED * max(self.size, 1):
            self._archive.close()
            raise SpendFileError(f"{path.name} unpacks to far more than its size: it is not read")
        self._rows = sheet_rows(self._archive, max_columns=MAX_COLUMNS)
        self.line_num = 0
        self.reader = self

    def bytes_read(self) -> int:
        return 0

    def __iter__(self) -> Iterator[list[str]]:
        return self

    def __next__(self) -> list[str]:
        try:
            self.line_num, cells = next(self._rows)
        except OdsError as error:
            raise SpendFileError(f"{self.path.name} is not a readable ODS spreadsheet: {error}") from None
        return cells

    def close(self) -> None:
        self._archive.close()


def detect_encoding(path: Path) -> str:
    """The file's encoding: its BOM's, else the first of ENCODINGS that decodes every byte. The
    check reads the file once in large blocks (fast, in C) and keeps nothing of it."""
    with path.open("rb") as handle:
        found = bom_encoding(handle.read(4))
        if found:
            return found
        for encoding in ENCODINGS[:-1]:
            handle.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while block := handle.read(1 << 20):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return encoding
    return ENCODINGS[-1]
