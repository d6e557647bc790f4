"""The one upload reader: its size limit, its encoding rule, its rows and line numbers, its errors."""

import csv
import io
from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tackle.core.errors import ApplicationError
from tackle.core.uploads import LATIN_1, UTF_8, WINDOWS_1252, XLSX, UploadError, csv_table, decode, read_table

MB = 1024 * 1024


def rows_of(table) -> list[tuple[int, list[str]]]:
    return [(row.line, row.cells) for row in table]


def xlsx(*rows: list[object]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_file_over_the_limit_is_refused_with_the_limit_in_megabytes():
    with pytest.raises(UploadError) as raised:
        read_table(b"a,b\n" + b"x" * (5 * MB), max_bytes=5 * MB)
    assert raised.value.message == "The file must be smaller than 5 MB"
    assert raised.value.line is None


def test_a_file_object_is_read_no_further_than_the_limit():
    upload = io.BytesIO(b"name\n" + b"x" * (3 * MB))
    with pytest.raises(UploadError, match="smaller than 2 MB"):
        read_table(upload, max_bytes=2 * MB)
    assert upload.tell() == 2 * MB + 1


def test_a_file_at_the_limit_is_read():
    assert read_table(b"name\nAcme\n", max_bytes=10).header == ["name"]


def test_an_upload_error_is_an_application_error_so_forms_show_it():
    assert issubclass(UploadError, ApplicationError)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Café,£5\n".encode(), "Café,£5\n", UTF_8),
        ("\ufeffCafé\n".encode(), "Café\n", UTF_8),
        ("Café \u2013 £5\n".encode("cp1252"), "Café \u2013 £5\n", WINDOWS_1252),
        (b"plain\n", "plain\n", UTF_8),
    ],
)
def test_text_is_utf8_else_windows_1252_and_says_which(data, text, encoding):
    decoded = decode(data, max_bytes=MB)
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_a_file_neither_utf8_nor_windows_1252_is_read_as_latin_1():
    decoded = decode(b"name\nok\nbad \x81 byte \xe9\n", max_bytes=MB)
    assert (decoded.text, decoded.encoding) == ("name\nok\nbad \x81 byte é\n", LATIN_1)


@pytest.mark.parametrize("data", ["name\nAcme\n".encode("utf-16"), b"name\nAc\x00me\n", b"\x89PNG\r\n\x1a\n\x00"])
def test_nul_bytes_are_refused_as_not_text(data):
    with pytest.raises(UploadError, match=r"saved as UTF-8 or Windows-1252 \(line \d holds a NUL byte\)"):
        decode(data, max_bytes=MB)


def test_an_old_excel_workbook_is_named_as_one():
    with pytest.raises(UploadError, match=r"old Excel \.xls workbook"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", max_bytes=MB)


def test_bytes_that_are_valid_utf8_are_read_as_utf8_even_if_meant_as_windows_1252():
    # "Ã©" in Windows-1252 is the UTF-8 for "é": no reader can tell them apart, and UTF-8 wins.
    assert decode("Ã©".encode("cp1252"), max_bytes=MB).text == "é"


def test_rows_carry_the_line_they_start_on():
    table = read_table(b'name,address\nAcme,"1 Road\nLeeds"\n\nOther,2 Street\n', max_bytes=MB)
    assert table.header == ["name", "address"]
    assert rows_of(table) == [(2, ["Acme", "1 Road\nLeeds"]), (4, []), (5, ["Other", "2 Street"])]


@pytest.mark.parametrize("data", [b"", b"\n", b" , \n"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(UploadError, match="The file is empty: the first line must name the columns"):
        read_table(data, max_bytes=MB)


@pytest.fixture
def small_csv_fields():
    previous = csv.field_size_limit(100)  # the limit is the process's; other code may raise it
    yield
    csv.field_size_limit(previous)


def test_a_line_the_csv_module_cannot_read_raises_with_its_line_and_reading_goes_on(small_csv_fields):
    rows = iter(read_table(b"name\n" + b"x" * 200 + b"\nafter\n", max_bytes=MB))
    with pytest.raises(UploadError) as raised:
        next(rows)
    assert raised.value.line == 2 and raised.value.message.startswith("The line could not be read as CSV")
    assert [(row.line, row.cells) for row in rows] == [(3, ["after"])]


def test_a_header_the_csv_module_cannot_read_is_refused(small_csv_fields):
    with pytest.raises(UploadError, match="The first line, which names the columns: The line could not") as raised:
        read_table(b"x" * 200 + b"\n", max_bytes=MB)
    assert raised.value.line == 1


def test_strict_reading_refuses_a_quote_never_closed():
    table = csv_table('bidder,price\n"A,100\n', strict=True)
    with pytest.raises(UploadError) as raised:
        list(table)
    assert raised.value.line == 2


def test_the_first_sheet_of_a_workbook_is_read_as_text_with_sheet_row_numbers():
    data = xlsx(
        ["name", "when", "amount"],
        ["Acme", date(2025, 3, 1), 12.0],
        [],
        ["Other", datetime(2025, 3, 1, 9, 30), 2.5],
    )
    table = read_table(data, max_bytes=MB)
    assert (table.header, table.encoding) == (["name", "when", "amount"], XLSX)
    assert rows_of(table) == [
        (2, ["Acme", "2025-03-01", "12"]),
        (3, ["", "", ""]),
        (4, ["Other", "2025-03-01 09:30:00", "2.5"]),
    ]


def test_a_damaged_workbook_is_refused():
    with pytest.raises(UploadError, match="not a readable XLSX workbook"):
        read_table(b"PK\x03\x04 not really a zip", max_bytes=MB)


# Round trips --------------------------------------------------------------------------------------

_CP1252 = "".join(
    chr(code) for code in range(1, 0x3000) if chr(code).encode("cp1252", errors="ignore") and chr(code) != "\ufeff"
)
cell = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00\ufeff"), max_size=12)
cp1252_cell = st.text(alphabet=_CP1252, max_size=12)


def tables(cells: st.SearchStrategy[str]) -> st.SearchStrategy[list[list[str]]]:
    header = st.lists(cells, min_size=1, max_size=5).filter(lambda row: any(value.strip() for value in row))
    rows = st.lists(st.lists(cells, min_size=1, max_size=5), max_size=8)
    return st.builds(lambda first, rest: [first, *rest], header, rows)


def written(table: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(table)
    return buffer.getvalue()


def read_back(data: bytes) -> list[list[str]]:
    # Told the separator: a one-column table whose values hold semicolons could be either.
    table = read_table(data, max_bytes=len(data), delimiter=",")
    return [table.header, *(row.cells for row in table)]


@given(tables(cell), st.booleans())
def test_any_table_written_as_utf8_csv_reads_back_equal(table, byte_order_mark):
    text = written(table)
    assert read_back(("\ufeff" if byte_order_mark else "").encode() + text.encode()) == table


@given(tables(cp1252_cell))
def test_any_table_written_as_windows_1252_csv_reads_back_equal(table):
    data = written(table).encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))  # see the "Ã©" test
    assert read_back(data) == table


@given(tables(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00\ufeff\r"), max_size=12)))
def test_each_row_is_numbered_by_the_line_it_starts_on(table):
    text = written(table)
    assume(not text.lstrip().startswith("<"))  # read as XML or HTML, and refused
    starts = [written(table[:count]).count("\n") + 1 for count in range(1, len(table))]
    assert [row.line for row in read_table(text.encode(), max_bytes=len(text.encode()), delimiter=",")] == starts


# Real files ----------------------------------------------------------------------------------------


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("path", "encoding"),
    [
        ("statements/aims_ca_gold_sentences.csv", WINDOWS_1252),
        ("reference/MSU-SicCodes.csv", UTF_8),
        ("spend/lambeth/2012-06-payments.csv", UTF_8),
    ],
)
def test_real_public_files_read_as_the_csv_module_reads_them(shared_data, path, encoding):
    data = (shared_data / path).read_bytes()
    table = read_table(data, max_bytes=len(data))
    expected = list(csv.reader(io.StringIO(data.decode("utf-8-sig" if encoding == UTF_8 else "cp1252"), newline="")))
    assert table.encoding == encoding
    assert [table.header, *(row.cells for row in table)] == expected


def test_an_xml_or_html_file_is_named_for_what_it_is():
    for data in (b'<?xml version="1.0"?>\n<FHRSEstablishment/>', b"\xef\xbb\xbf  <html><body>x</body></html>"):
        with pytest.raises(UploadError, match="XML or HTML, not CSV") as refused:
            read_table(data, max_bytes=1_000_000)
        assert refused.value.line == 1


def test_a_first_line_the_csv_module_cannot_read_is_named_once():
    with pytest.raises(UploadError) as refused:
        read_table(b'name,"unclosed\n', max_bytes=1_000, strict=True)
    assert refused.value.message.count("could not be read") <= 1
