"""Users' tables as they arrive, for every importer's tests: a spreadsheet written as ODS or XLSX,
and the malformed-file set each importer must read or refuse in one clear sentence."""

import csv
import io
import zipfile
from xml.sax.saxutils import escape

import openpyxl

_ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _ods_cell(value: object) -> str:
    if isinstance(value, int | float):
        kind = f'office:value-type="float" office:value="{value}"'
        return f"<table:table-cell {kind}><text:p>{value}</text:p></table:table-cell>"
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def ods(*rows: list[object], trailing_empty: bool = True) -> bytes:
    """An ODS workbook as LibreOffice writes one: the first sheet holds `rows`, and after them the
    empty space a spreadsheet repeats to its edge (16,384 columns, a million rows)."""
    body = "".join(
        f"<table:table-row>{''.join(_ods_cell(v) for v in row)}"
        + ('<table:table-cell table:number-columns-repeated="16380"/>' if trailing_empty else "")
        + "</table:table-row>"
        for row in rows
    )
    if trailing_empty:
        body += '<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>'
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NAMESPACES}><office:body>'
        f'<office:spreadsheet><table:table table:name="Sheet1">{body}</table:table>'
        '<table:table table:name="Sheet2"><table:table-row><table:table-cell office:value-type="string">'
        "<text:p>not read</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def xlsx(*rows: list[object]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def malformed_files(header: list[str], row: list[str]) -> dict[str, bytes]:
    """One importer's header and one good row, written every way a user's file comes, and broken
    every way one does. Each importer gives rows or one clear error for each, never an exception."""
    rows = [header, row]
    text = csv_text(rows)
    return {
        "utf-8 with a byte-order mark": "\ufeff".encode() + text.encode(),
        "windows-1252": (text + csv_text([[f"Café Ltd \u2013 \u201cquoted\u201d {row[0]}", *row[1:]]])).encode(
            "cp1252"
        ),
        "latin-1": (text.encode() + csv_text([[f"Bad \x81 byte {row[0]}", *row[1:]]]).encode("latin-1")),
        "semicolon-delimited": csv_text(rows, ";").encode(),
        "tab-delimited": csv_text(rows, "\t").encode(),
        "title lines above the header": ("Published under the transparency code\r\nApril 2026\r\n\r\n" + text).encode(),
        "ods": ods(*rows),
        "xlsx": xlsx(*rows),
        "unknown headers": csv_text([["Col A", "Col B", "Col C"], ["x", "y", "z"]]).encode(),
        "empty": b"",
        "header only": csv_text([header]).encode(),
        "huge line": (text + ",".join(["x" * 40_000] * 2) + "\r\n").encode(),
        "not a spreadsheet": b"PK\x03\x04 this is not a zip",
        "utf-16": text.encode("utf-16"),
    }
