"""The first sheet of an OpenDocument spreadsheet (.ods, what LibreOffice saves), read with the
standard library: no ODS library is pinned, and the format is a zip holding one XML part.

A sheet says "this cell repeated 16,000 times" or "this row repeated a million times" for the
empty space after the data, so repeats are never expanded blindly: empty cells and rows are only
counted, and written out only when something follows them.
"""

import zipfile
from collections.abc import Iterator
from typing import cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from tackle.core.error_wording import NOT_XLSX, UNREADABLE_ODS

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ROW = f"{{{_TABLE}}}table-row"
SHEET = f"{{{_TABLE}}}table"
CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_PARAGRAPH = f"{{{_TEXT}}}p"
_SPACES = f"{{{_TEXT}}}s"
_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"
# The most rows and columns a spreadsheet program has: a repeat past these is a hostile file.
MAX_SHEET_ROWS = 1_048_576
MAX_SHEET_COLUMNS = 16_384
_CHUNK = 64 * 1024


class OdsError(ValueError):
    """The spreadsheet's XML cannot be read; the reader turns it into the importer's error."""


def is_ods(archive: zipfile.ZipFile) -> bool:
    """An ODS file names its kind in a first part called `mimetype`."""
    try:
        return archive.read("mimetype").strip() == ODS_MIMETYPE
    except KeyError:
        return False


def unreadable_workbook(head: bytes) -> str:
    """The refusal's template (error_wording, filled with the reason) for a zip that cannot be opened
    (cut short, damaged), naming the kind its first bytes claim: an ODS file starts with its stored
    `mimetype` part, so even a truncated one says so."""
    return UNREADABLE_ODS if ODS_MIMETYPE in head[:128] else NOT_XLSX


def sheet_rows(archive: zipfile.ZipFile, *, max_columns: int) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts) of the first sheet, from row 1; empty rows are not given but their
    numbers are counted. More than `max_columns` cells in a row, or a repeat past a spreadsheet's
    size, raises OdsError."""
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    number = 0
    sheets = 0
    try:
        with archive.open("content.xml") as content:
            while chunk := content.read(_CHUNK):
                parser.feed(chunk)
                for happened in parser.read_events():
                    event, element = cast(tuple[str, Element], happened)
                    if element.tag == SHEET:
                        sheets += event == "start"
                        if event == "end" and sheets == 1:
                            return  # the first sheet is read; the others are not
                    if sheets != 1 or event != "end" or element.tag != ROW:
                        continue
                    cells = _row_cells(element, max_columns)
                    repeat = _repeat(element.get(_ROWS_REPEATED), MAX_SHEET_ROWS)
                    element.clear()
                    if not cells:
                        number += repeat
                        continue
                    for _ in range(repeat):
                        number += 1
                        yield number, cells
                    if number > MAX_SHEET_ROWS:
                        raise OdsError(f"the sheet has more than {MAX_SHEET_ROWS:,} rows")
    except KeyError:
        raise OdsError("the spreadsheet has no content part") from None
    except ParseError as error:
        raise OdsError(f"its XML cannot be read ({error})") from None


def _repeat(raw: str | None, most: int) -> int:
    try:
        count = int(raw) if raw else 1
    except ValueError:
        return 1
    if count > most:
        raise OdsError(f"a repeat of {count:,} is more than a spreadsheet holds")
    return max(count, 1)


def _row_cells(row: Element, max_columns: int) -> list[str]:
    cells: list[str] = []
    empty_run = 0  # empty cells counted, written out only when a value follows them
    for cell in row:
        if cell.tag not in CELLS:
            continue
        repeat = _repeat(cell.get(_COLUMNS_REPEATED), MAX_SHEET_COLUMNS)
        text = _cell_text(cell)
        if not text:
            empty_run += repeat
            continue
        if len(cells) + empty_run + repeat > max_columns:
            raise OdsError(f"a row has more than {max_columns:,} columns")
        cells.extend([""] * empty_run)
        cells.extend([text] * repeat)
        empty_run = 0
    return cells


def _cell_text(cell: Element) -> str:
    """What a CSV export of the cell would hold: its value for numbers and dates, else its text."""
    kind = cell.get(f"{{{_OFFICE}}}value-type")
    if kind in {"float", "percentage", "currency"}:
        value = cell.get(f"{{{_OFFICE}}}value", "")
        return value[:-2] if value.endswith(".0") else value
    if kind == "date":
        value = cell.get(f"{{{_OFFICE}}}date-value", "")
        return value.removesuffix("T00:00:00").replace("T", " ")
    if kind == "boolean":
        return cell.get(f"{{{_OFFICE}}}boolean-value", "")
    return "\n".join(_paragraph_text(p) for p in cell.iter(_PARAGRAPH))


def _paragraph_text(paragraph: Element) -> str:
    parts: list[str] = [paragraph.text or ""]
    for child in paragraph:
        if child.tag == _SPACES:
            parts.append(" " * min(_repeat(child.get(f"{{{_TEXT}}}c"), MAX_SHEET_COLUMNS), 1_000))
        else:
            parts.append(_paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
