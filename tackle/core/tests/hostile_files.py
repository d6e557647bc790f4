"""The hostile-file corpus (issue 15, item 9): files made to hang a reader, exhaust its memory or
crash it. Every importer and document reader is run against all of them
(tackle/home/tests/test_hostile_files.py), each in a process of its own with time and memory bounds.

`heavy_files()` are the same for every reader (bombs, huge and wide files, broken documents) and
are written once to a folder; `shaped_files(header, row)` carry one reader's own header, so that
the attack reaches past the header check."""

import io
import random
import zipfile
from pathlib import Path

from tackle.core.tests.table_files import csv_text, ods, xlsx

MB = 1024 * 1024
# Unpacks to more than any reader allows (the statement reader's 100 MB for a Word document is the
# most) from well under a megabyte; bigger would only make the corpus slower to write.
BOMB_INFLATED = 128 * MB
WIDE = 1_000_000  # columns
NESTING = 200_000  # levels


def _bomb(part: str, *, first: dict[str, bytes] | None = None) -> bytes:
    """A zip that looks like an Office file whose `part` inflates to BOMB_INFLATED bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (first or {}).items():
            archive.writestr(name, data)
        with archive.open(part, "w", force_zip64=True) as inflating:
            chunk = b" " * MB
            for _ in range(BOMB_INFLATED // MB):
                inflating.write(chunk)
    return buffer.getvalue()


def _many_parts(count: int = 100_000) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for number in range(count):
            archive.writestr(f"xl/worksheets/sheet{number}.xml", b"")
    return buffer.getvalue()


def _docx() -> bytes:
    from docx import Document

    document = Document()
    for number in range(200):
        document.add_paragraph(f"We train every buyer in modern slavery risks, paragraph {number}.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf() -> bytes:
    from tackle.core.documents import tagged_pdf

    html = (
        "<html><body>" + "".join(f"<p>Modern slavery statement, part {n}.</p>" for n in range(200)) + "</body></html>"
    )
    return tagged_pdf(html, title="Statement")


def heavy_files() -> dict[str, bytes]:
    """Files that attack the reading itself, whatever the reader expects to find inside."""
    table = [["Name", "Amount"], *[[f"Row {n}", str(n)] for n in range(2_000)]]
    workbook, document, pdf = xlsx(*table), _docx(), _pdf()
    rng = random.Random(15)
    return {
        "zip bomb posing as XLSX": _bomb("xl/worksheets/sheet1.xml", first={"[Content_Types].xml": b"<Types/>"}),
        "zip bomb posing as DOCX": _bomb("word/document.xml", first={"[Content_Types].xml": b"<Types/>"}),
        "zip of 100,000 parts": _many_parts(),
        "a million columns in the header": b"a" + b",a" * WIDE + b"\r\n",
        "one 30 MB line": b"x" * (30 * MB),
        "deeply nested XML": b'<?xml version="1.0"?>' + b"<a>" * NESTING + b"</a>" * NESTING,
        "entity expansion XML (billion laughs)": _laughs(),
        "FHRS XML of 55,000 establishments": _establishments(55_000),
        "deeply nested HTML": b"<html><body>" + b"<div>" * NESTING + b"x" + b"</div>" * NESTING + b"</body></html>",
        "truncated XLSX": workbook[: len(workbook) // 2],
        "truncated ODS": ods(*table)[: len(ods(*table)) // 2],
        "truncated DOCX": document[: len(document) // 2],
        "truncated PDF": pdf[: len(pdf) // 2],
        "random bytes": rng.randbytes(2 * MB),
        "NUL bytes": b"\0" * (2 * MB),
        "UTF-32 text": "Name,Amount\r\nAcme,10\r\n".encode("utf-32"),
        "UTF-16 without a byte-order mark": "Name,Amount\r\nAcme,10\r\n".encode("utf-16-le"),
        "EBCDIC text": "Name,Amount\r\nAcme,10\r\n".encode("cp500"),
    }


def shaped_files(header: list[str], row: list[str]) -> dict[str, bytes]:
    """Attacks behind a reader's own header, so that they reach the rows."""
    good = csv_text([header, row])
    controls = [f"{cell}\x0b\x1b\x7f\x85\u2028\u202e" for cell in row]  # NUL has a file of its own
    return {
        "control characters in every value": (good + csv_text([controls])).encode(),
        "a million columns in one row": good.encode() + b"," * WIDE + b"\r\n",
        # Rows up to 6 MB: over the size limits of tenders (2 MB), training and targeting (5 MB);
        # spend and the registry take far more and must read it in time (their bound is rows read).
        "a huge file of good rows": good.encode() + csv_text([row]).encode() * (6 * MB // len(csv_text([row]))),
        "a million empty lines": good.encode() + b"\r\n" * WIDE,
        "an unclosed quote": (good + '"' + ",".join(row) + "\r\n" * 1000).encode(),
    }


def _establishments(count: int) -> bytes:
    one = b"<EstablishmentDetail><BusinessName>A</BusinessName></EstablishmentDetail>"
    return (
        b'<?xml version="1.0"?><FHRSEstablishment><EstablishmentCollection>'
        + one * count
        + b"</EstablishmentCollection></FHRSEstablishment>"
    )


def _laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    return (f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(entities)}]><lolz>&lol9;</lolz>').encode()


def write_heavy_files(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, (name, data) in enumerate(heavy_files().items()):
        (folder / f"{number:02d} {name}").write_bytes(data)
    return folder
