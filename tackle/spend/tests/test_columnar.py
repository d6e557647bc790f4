"""Screening by columns (screening/columnar.py) gives exactly what reading row by row gives: the
figures, every reject with its line, the totals in the same order with the same reasons, and the
same spelling of each payee; and files it cannot read as the csv module does go row by row."""

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tackle.spend.screening.screener import Screener
from tackle.spend.screening.summary import file_mappings, summary

_SOME = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = ["Supplier Name", "Amount", "Payment Date", "Expense Type", "Description"]


def _everything(paths: list[Path], *, columnar: bool) -> tuple[Any, ...]:
    screener = Screener(columnar=columnar)
    result = screener.screen(paths)
    totals = [(key, count, str(amount), reason) for key, (count, amount, reason) in result.totals.rows.items()]
    payees = [(key, payee.name) for key, payee in result.totals.payees.items()]
    rejects = [(reject.file, reject.line, reject.reason) for reject in result.rejects]
    files = [
        (report.name, report.rows_accepted, report.rows_rejected, str(report.total_amount)) for report in result.files
    ]
    return summary(result), file_mappings(result), totals, payees, rejects, files, screener.columnar_files


def _same_both_ways(paths: list[Path]) -> int:
    """Assert the two ways agree; the number of files screened by columns."""
    by_columns = _everything(paths, columnar=True)
    by_rows = _everything(paths, columnar=False)
    assert by_columns[:-1] == by_rows[:-1]
    assert by_rows[-1] == 0
    return int(by_columns[-1])


def _csv_text(rows: list[list[str]], line_end: str = "\r\n", separator: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_end, delimiter=separator).writerows(rows)
    return buffer.getvalue()


def _write(folder: str, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = Path(folder) / name
    path.write_bytes(text.encode(encoding))
    return path


_CELLS = {
    "supplier": ["Acme Care Ltd", "ACME CARE LIMITED", "Bright, Cleaning", 'Smith "Bob" Ltd', "REDACTED", "Total", ""],
    "amount": ["100", "2.50", "(30.00)", "£1,000", "n/a", "7.125", "-5", "12 CR", "1,234.5-", "(-5)", "", "1;5"],
    "date": ["01/04/2020", "31/03/2021", "2020-13-01", "", "5 May 2021"],
    "category": ["Residential Care", "Stationery", "Agency Staff", "", "Sub Total", "Total", "TOTAL:"],
    "description": ["monthly", "security guard", "cleaning", 'the "big" job', "line one, line two", "a\tb", ""],
    "company": ["", "01234567", "SC123456"],
    "department": ["Adults", "Total", "Grand Total", ""],
}
_NAMES = {
    "supplier": "Supplier Name",
    "amount": "Amount",
    "date": "Payment Date",
    "category": "Expense Type",
    "description": "Description",
    "company": "Company Number",
    "department": "Department",
}
_ROW = st.fixed_dictionaries({field: st.sampled_from(values) for field, values in _CELLS.items()})
# A file's columns: the amount and the supplier, and any of the others, in any order.
_LAYOUT = st.sets(st.sampled_from(["date", "category", "description", "company", "department"])).flatmap(
    lambda others: st.permutations(["amount", "supplier", *sorted(others)])
)


def _lines(layout: list[str]) -> st.SearchStrategy[list[str]]:
    """Rows as the messy files have them: whole, blank, short or long, a total line, empty cells."""
    width = len(layout)
    return st.one_of(
        _ROW.map(lambda row: [row[field] for field in layout]),
        _ROW.map(lambda row: [row[field] for field in layout]),
        st.just([]),
        _ROW.map(lambda row: [row[field] for field in layout][:2]),
        _ROW.map(lambda row: [*(row[field] for field in layout), "", ""]),
        _ROW.map(lambda row: [*(row[field] for field in layout), "extra"]),
        st.sampled_from(["Total", "Grand Total", "TOTAL:"]).map(lambda word: [word, *[""] * (width - 1)]),
        st.just([""] * width),
    )


_FILE = _LAYOUT.flatmap(lambda layout: st.tuples(st.just(layout), st.lists(_lines(layout), max_size=40)))


_ABOVE = st.sampled_from([[], [["Payments over £500"]], [["Spend, Q1 2021", "Council"], []], [['"Quoted" title']]])
_ENDING = st.sampled_from(["as written", "no last line break", "blank lines after"])


@_SOME
@given(
    st.lists(_FILE, min_size=1, max_size=3),
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from(["\r\n", "\n"]),
    _ABOVE,
    _ENDING,
    st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_screening_by_columns_gives_what_reading_row_by_row_gives(files, separator, line_end, above, ending, encoding):
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, (layout, rows) in enumerate(files):
            header = [_NAMES[field] for field in layout]
            text = _csv_text([*above, header, *rows], line_end, separator)
            if ending == "no last line break":
                text = text.removesuffix(line_end)
            elif ending == "blank lines after":
                text += line_end * 2
            paths.append(_write(folder, f"spend-{number}.csv", text, encoding))
        assert _same_both_ways(paths) == len(paths)


_RAW_LINE = st.lists(st.sampled_from([*'Aa1.,, "()£-\t\r', "Total", "0.5", '""']), max_size=12).map("".join)


@_SOME
@given(st.lists(_RAW_LINE, max_size=30), st.sampled_from(["\r\n", "\n"]))
def test_any_text_at_all_gives_the_same_both_ways(lines, line_end):
    """Lines of stray quotes, separators and CRs, not written by a csv writer: whichever way each
    file goes, the outcome is the same."""
    with tempfile.TemporaryDirectory() as folder:
        text = line_end.join(["Supplier Name,Amount,Expense Type", *lines]) + line_end
        _same_both_ways([_write(folder, "spend.csv", text)])


def _long_rows(count: int) -> list[list[str]]:
    """Rows over several batches, new suppliers arriving all along, odd rows among them."""
    rows = []
    for index in range(count):
        supplier = f"Supplier {index % 150 + index // 3000 * 150} Ltd"
        category = ["Residential Care", "Stationery", "Agency Staff"][index % 3]
        description = ["monthly", "security guard", "cleaning", "office paper"][index % 7 % 4]
        amount = [f"{index}.{index % 100:02d}", f"({index % 50}.5)", "n/a", f"£{index:,}"][index % 11 % 4]
        date = ["01/05/2020", "01/05/2021", "not a date"][index % 13 % 3]
        rows.append([supplier, amount, date, category, description])
        if index % 997 == 0:
            rows.append([])
        if index % 1499 == 0:
            rows.append([supplier, amount])
    return rows


def test_the_order_of_totals_holds_over_many_batches():
    """Buckets are made, and years listed, as the batch loop makes and lists them, over files of
    several batches each with refunds, rejects, blank and short rows among the payments."""
    with tempfile.TemporaryDirectory() as folder:
        paths = [
            _write(folder, "spend-a.csv", _csv_text([HEADER, *_long_rows(9500)])),
            _write(folder, "spend-b.csv", _csv_text([HEADER, *reversed(_long_rows(12000))], "\n")),
        ]
        assert _same_both_ways(paths) == 2


@pytest.mark.parametrize(
    ("why", "text", "encoding"),
    [
        ("a line break inside quotes", 'Supplier Name,Amount\n"Acme\nLtd",100\nBright Ltd,5\n', "utf-8"),
        ("a line ending in CR alone", "Supplier Name,Amount\rAcme Ltd,100\rBright Ltd,5\r", "utf-8"),
        ("a CR inside a line", "Supplier Name,Amount\nAcme\rLtd,100\nBright Ltd,5\n", "utf-8"),
        ("a NUL", "Supplier Name,Amount\nAcme\x00 Ltd,100\nBright Ltd,5\n", "utf-8"),
        ("Windows-1252 text", "Supplier Name,Amount\nCafé Ltd,100\n", "cp1252"),
        ("a quote closed before the cell ends", 'Supplier Name,Amount\n"Acme" Ltd,100\nBright Ltd,5\n', "utf-8"),
        ("a quote left open", 'Supplier Name,Amount\n"Acme Ltd,100\nBright Ltd,5\n', "utf-8"),
        ("a lone quote inside a cell", 'Supplier Name,Amount\nAcme "Ltd,100\nBright Ltd,5\n', "utf-8"),
        ("amounts in other digits", "Supplier Name,Amount\nAcme Ltd,\u0661\u0662\nBright Ltd,5\n", "utf-8"),
    ],
)
def test_files_polars_might_read_otherwise_are_read_row_by_row(why, text, encoding):
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "spend.csv", text, encoding)
        assert _same_both_ways([path]) == 0, why


def test_a_stray_quote_inside_a_cell_is_read_by_the_csv_module_and_the_file_still_by_columns():
    text = 'Supplier Name,Amount,Description\nSmith "Bob" Ltd,100,"a, b"\nBright Ltd,5,x "y" z\n'
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "spend.csv", text)
        assert _same_both_ways([path]) == 1
        result = Screener().screen([path])
        assert {payee.name for payee in result.totals.payees.values()} == {'Smith "Bob" Ltd', "Bright Ltd"}


def test_the_real_files_are_screened_by_columns_with_the_same_outcome(shared_data):
    paths = sorted((shared_data / "spend").rglob("*.csv"))
    assert paths
    assert _same_both_ways(paths) >= 1


def test_a_file_larger_than_columns_may_hold_is_streamed_row_by_row(monkeypatch):
    from tackle.spend.screening import columnar

    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "spend-big.csv", _csv_text([HEADER, *_long_rows(500)]))
        assert _same_both_ways([path]) == 1
        monkeypatch.setattr(columnar, "MAX_BYTES", path.stat().st_size - 1)
        assert _same_both_ways([path]) == 0
