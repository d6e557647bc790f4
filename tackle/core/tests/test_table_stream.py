"""The shared reader, streamed from a file on disk (core.table_stream): the same header, title,
encoding and rows as read_table gives for the same bytes, and the header chosen as the row naming
most columns, not the first naming any."""

import csv

import pytest

from tackle.core.columns import Vocabulary
from tackle.core.table_stream import open_table
from tackle.core.tests.table_files import csv_text, malformed_files
from tackle.core.uploads import WINDOWS_1252, UploadError, read_table

MB = 1024 * 1024
NAMES = Vocabulary(
    {"supplier": ["supplier", "supplier name"], "amount": ["amount", "net amount"], "date": ["payment date"]},
    [(r"supplier", "supplier"), (r"amount|£", "amount")],
)
READABLE = [
    "utf-8 with a byte-order mark",
    "windows-1252",
    "latin-1",
    "semicolon-delimited",
    "tab-delimited",
    "title lines above the header",
    "ods",
    "xlsx",
]


def streamed(path, **options) -> tuple[list[str], int, str, list[tuple[int, list[str]]]]:
    with open_table(path, vocabulary=NAMES, **options) as table:
        rows = []
        for cells in table.cells:
            rows.append((table.cells.line_num, cells))
        return table.header, table.header_line, table.title, rows


@pytest.mark.parametrize("case", READABLE)
def test_a_file_streamed_reads_as_read_table_reads_its_bytes(tmp_path, case):
    data = malformed_files(["Supplier", "Amount"], ["Acme Ltd", "12.50"])[case]
    path = tmp_path / "table.csv"
    path.write_bytes(data)
    whole = read_table(data, max_bytes=MB, vocabulary=NAMES)
    header, header_line, title, rows = streamed(path)
    assert (header, header_line, title) == (whole.header, whole.header_line, whole.title)
    assert rows == [(row.line, row.cells) for row in whole]
    with open_table(path, vocabulary=NAMES) as table:
        assert table.encoding == whole.encoding


@pytest.mark.parametrize("case", ["empty", "not a spreadsheet", "utf-16"])
def test_a_file_that_is_no_table_is_refused_in_one_line(tmp_path, case):
    path = tmp_path / "table.csv"
    path.write_bytes(malformed_files(["Supplier", "Amount"], ["Acme Ltd", "12.50"])[case])
    with pytest.raises(UploadError) as refused:
        open_table(path, vocabulary=NAMES)
    assert refused.value.message and "\n" not in refused.value.message


def test_a_title_line_naming_a_known_column_is_not_taken_for_the_header(tmp_path):
    """'Supplier spend over £500' names a supplier and (by its £) an amount: the header below it
    names three columns, and wins."""
    path = tmp_path / "spend.csv"
    text = csv_text(
        [
            ["Supplier spend over £500", "Amount paid, quarter 1"],
            ["Supplier Name", "Net Amount", "Payment Date"],
            ["Acme Ltd", "600", "01/04/2026"],
        ]
    )
    path.write_text(text, encoding="cp1252")
    header, header_line, title, rows = streamed(path, required=["amount"])
    assert (header, header_line) == (["Supplier Name", "Net Amount", "Payment Date"], 2)
    assert title == "Supplier spend over £500 Amount paid, quarter 1"
    assert rows == [(3, ["Acme Ltd", "600", "01/04/2026"])]
    whole = read_table(text.encode("cp1252"), max_bytes=MB, vocabulary=NAMES)
    assert (whole.header, whole.encoding) == (header, WINDOWS_1252)


def test_rows_after_the_header_come_from_the_csv_module_and_a_bad_line_does_not_end_them(tmp_path):
    path = tmp_path / "spend.csv"
    path.write_text('Supplier,Amount\nA Ltd,1\n"B\nLtd",2\nC Ltd,3\n', encoding="utf-8")
    with open_table(path, vocabulary=NAMES) as table:
        assert type(table.cells) is type(csv.reader([]))
        assert [(cells, table.cells.line_num) for cells in table.cells] == [
            (["A Ltd", "1"], 2),
            (["B\nLtd", "2"], 4),
            (["C Ltd", "3"], 5),
        ]


def test_the_separator_is_the_one_under_which_the_header_names_the_columns(tmp_path):
    """Rows that each hold a tab would sniff as tab-separated; the header reads only with commas."""
    path = tmp_path / "spend.csv"
    path.write_text("Supplier,Amount\nA\t,1\nB\t,2\n", encoding="utf-8")
    with open_table(path, vocabulary=NAMES) as table:
        assert (table.delimiter, table.header) == (",", ["Supplier", "Amount"])
