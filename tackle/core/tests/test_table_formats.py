"""The reader's formats and layouts: ODS, Latin-1, any usual separator, title lines above the header."""

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tackle.core.columns import Vocabulary
from tackle.core.tests.table_files import csv_text, ods
from tackle.core.uploads import LATIN_1, ODS, Bounds, UploadError, UploadLimitError, read_table

MB = 1024 * 1024
NAMES = Vocabulary({"supplier": ["supplier", "supplier name"], "amount": ["amount", "net amount"]})


def rows_of(table) -> list[tuple[int, list[str]]]:
    return [(row.line, row.cells) for row in table]


def test_the_first_sheet_of_an_ods_workbook_is_read_without_its_repeated_empty_space():
    table = read_table(ods(["Supplier", "Amount"], ["Acme", 12.5], ["Bee & Co", 3]), max_bytes=MB)
    assert (table.header, table.encoding) == (["Supplier", "Amount"], ODS)
    assert rows_of(table) == [(2, ["Acme", "12.5"]), (3, ["Bee & Co", "3"])]


def test_an_ods_row_wider_than_the_bound_refuses_the_file():
    with pytest.raises(UploadLimitError, match="more than 3 columns"):
        list(
            read_table(
                ods(["a", "b"], ["1", "2", "3", "4"], trailing_empty=False), max_bytes=MB, bounds=Bounds(columns=3)
            )
        )


def test_an_ods_file_with_broken_xml_is_refused_in_words():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content><unclosed")
    with pytest.raises(UploadError, match="not a readable ODS spreadsheet"):
        read_table(buffer.getvalue(), max_bytes=MB)


def test_bytes_neither_utf8_nor_windows_1252_reads_are_read_as_latin_1():
    table = read_table(b"name\nCaf\xe9 \x81\n", max_bytes=MB)
    assert (rows_of(table), table.encoding) == ([(2, ["Café \x81"])], LATIN_1)


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_separator_is_found(delimiter):
    table = read_table(csv_text([["supplier", "amount"], ["Acme, Ltd", "1,50"]], delimiter).encode(), max_bytes=MB)
    assert table.delimiter == delimiter
    assert (table.header, rows_of(table)) == (["supplier", "amount"], [(2, ["Acme, Ltd", "1,50"])])


def test_a_semicolon_file_with_decimal_commas_is_split_on_its_semicolons():
    data = b"Supplier;Amount;Date\nAcme;12,50;01/04/2026\nBee;3,00;02/04/2026\n"
    assert read_table(data, max_bytes=MB).delimiter == ";"


def test_title_lines_above_the_header_are_passed_over_and_kept_as_the_title():
    data = b"Payments over \xa3500\r\nApril 2026\r\n\r\nSupplier Name,Net Amount\r\nAcme,10\r\n"
    table = read_table(data, max_bytes=MB, vocabulary=NAMES)
    assert (table.header, table.header_line, table.title) == (
        ["Supplier Name", "Net Amount"],
        4,
        "Payments over £500\nApril 2026",
    )
    assert rows_of(table) == [(5, ["Acme", "10"])]


def test_with_no_row_naming_a_column_the_first_line_is_the_header():
    table = read_table(b"Col A,Col B\nx,y\n", max_bytes=MB, vocabulary=NAMES)
    assert (table.header, rows_of(table)) == (["Col A", "Col B"], [(2, ["x", "y"])])


def test_title_lines_above_an_ods_header_are_passed_over():
    table = read_table(
        ods(["Spend April 2026"], [], ["Supplier", "Amount"], ["Acme", 3]), max_bytes=MB, vocabulary=NAMES
    )
    assert (table.header_line, table.title, rows_of(table)) == (3, "Spend April 2026", [(4, ["Acme", "3"])])


_PLAIN = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters='\x00\ufeff\r\n",;\t|'), min_size=1, max_size=8
)


@settings(max_examples=40)
@given(
    st.integers(min_value=2, max_value=5).flatmap(
        lambda width: st.lists(st.lists(_PLAIN, min_size=width, max_size=width), min_size=1, max_size=6)
    ),
    st.sampled_from([",", ";", "\t", "|"]),
)
def test_any_table_of_two_or_more_columns_is_split_on_the_separator_it_was_written_with(table, delimiter):
    if not any(cell.strip() for cell in table[0]):
        table[0][0] = "header"
    read = read_table(csv_text(table, delimiter).encode(), max_bytes=MB)
    assert [read.header, *(row.cells for row in read)] == table


def test_the_headers_a_person_named_find_the_header_under_lines_the_vocabulary_reads_wrongly():
    data = b"Supplier spend, amount by month\n\nWho,How much\nAcme,3\n"
    assert read_table(data, max_bytes=MB, vocabulary=NAMES).header_line == 1
    table = read_table(data, max_bytes=MB, vocabulary=NAMES, headed=["who", "How much"])
    assert (table.header, rows_of(table)) == (["Who", "How much"], [(4, ["Acme", "3"])])
