"""Short cuts in the batch loop (screening/filepass.py) give exactly what the long way gives: the
figures, the rejects, and the stored details that depend on which row came first. The files are
read row by row here (columnar=False); test_columnar holds the columnar way to this one."""

import contextlib
import csv
import io
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tackle.spend.screening.screener import Screener
from tackle.spend.screening.summary import file_mappings, summary
from tackle.spend.screening.values import AmountError, parse_amount

_SOME = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _everything(paths: list[Path], *, quick_lookup: bool = True) -> tuple[Any, ...]:
    result = Screener(quick_lookup=quick_lookup, columnar=False).screen(paths)
    totals = [(key, count, str(amount), reason) for key, (count, amount, reason) in result.totals.rows.items()]
    payees = [(key, payee.name) for key, payee in result.totals.payees.items()]
    return summary(result), file_mappings(result), totals, payees


def _write(folder: str, number: int, header: list[str], rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path = Path(folder) / f"spend-{number}.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


# "Residential Care" settles the sector whatever the description; "Stationery" and "" do not, and
# "security guard" then makes it security. Suppliers spelt two ways share a payee.
_ROW = st.tuples(
    st.sampled_from(["Acme Care Ltd", "ACME CARE LIMITED", "Bright Cleaning", "REDACTED", "Total", ""]),
    st.sampled_from(["100", "2.50", "(30.00)", "£1,000", "n/a", "7.125"]),
    st.sampled_from(["01/04/2020", "31/03/2021", "2020-13-01"]),
    st.sampled_from(["Residential Care", "Stationery", "Agency Staff", ""]),
    st.sampled_from(["monthly", "security guard", "cleaning", ""]),
    st.sampled_from(["", "01234567"]),
)
_HEADERS = [
    ["Supplier Name", "Amount", "Payment Date", "Expense Type", "Description", "Company Number"],
    ["Supplier Name", "Amount", "Payment Date", "Expense Type", "Description"],  # no company number
    ["Supplier Name", "Amount", "Payment Date", "Expense Type"],  # no description: full keys only
]


@_SOME
@given(st.lists(st.tuples(st.sampled_from(range(len(_HEADERS))), st.lists(_ROW, max_size=30)), min_size=1, max_size=3))
def test_looking_up_category_and_supplier_first_gives_what_looking_up_every_cell_gives(files):
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, (layout, rows) in enumerate(files):
            header = _HEADERS[layout]
            paths.append(_write(folder, number, header, [list(row[: len(header)]) for row in rows]))
        assert _everything(paths) == _everything(paths, quick_lookup=False)


_AMOUNT = st.text(alphabet=st.sampled_from(list("0123456789.,-£() ")), min_size=1, max_size=12)


@_SOME
@given(st.lists(_AMOUNT, min_size=1, max_size=40))
def test_amounts_are_read_in_bulk_as_parse_amount_reads_them_one_by_one(amounts):
    """Plain amounts, amounts cleaned of `,`, `£` and spaces, and amounts in brackets are read in
    bulk; whatever the text, the rows accepted and the exact total (value and decimal places) are
    what parse_amount gives for each amount alone."""
    expected = []
    for text in amounts:
        with contextlib.suppress(AmountError):  # such a row is rejected
            expected.append(parse_amount(text))
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, 0, ["Supplier Name", "Amount"], [["Acme Ltd", text] for text in amounts])
        report = Screener().screen([path]).files[0]
    assert report.rows_accepted == len(expected)
    assert report.rows_rejected == len(amounts) - len(expected)
    assert str(report.total_amount) == str(sum(expected, Decimal(0)))


def test_amounts_in_brackets_are_refunds_read_exactly(tmp_path):
    path = tmp_path / "spend.csv"
    path.write_text(
        'Supplier Name,Amount\nAcme Ltd,(1.50)\nAcme Ltd,"(£1,000)"\nAcme Ltd,(.25)\nAcme Ltd,(-5)\nAcme Ltd,( 7 )\n'
        "Acme Ltd,(5.1234567)\nAcme Ltd,()\n",
        encoding="utf-8",
    )
    report = Screener().screen([path]).files[0]
    assert report.rows_accepted == 5  # `(-5)` is 5 to parse_amount, as before
    assert str(report.total_amount) == "-1003.75"
    assert report.rows_rejected == 2


def _long_file(folder: str, categories: list[str], rows: int = 9000) -> Path:
    """Rows over three batches, the categories taken in turn, the descriptions and suppliers
    varied, so that the description has a say for the rows of some categories only."""
    descriptions = ["monthly", "security guard", "cleaning", "office paper"]
    return _write(
        folder,
        0,
        ["Supplier Name", "Amount", "Payment Date", "Expense Type", "Description"],
        [
            [
                f"Supplier {index % 97} Ltd",
                f"{index}.{index % 100:02d}",
                "01/05/2020",
                categories[index % len(categories)],
                descriptions[index % 7 % len(descriptions)],
            ]
            for index in range(rows)
        ],
    )


def _lookups(path: Path) -> dict[str, int]:
    screener = Screener(columnar=False)
    screener.screen([path])
    return screener.lookup_batches


def test_a_file_whose_descriptions_mostly_have_a_say_stops_looking_up_twice():
    """After a batch in which the description has a say for most rows, the rest of the file is
    looked up with all its key cells at once; the results stay exactly those of the long way."""
    with tempfile.TemporaryDirectory() as folder:
        paths = [_long_file(folder, ["Stationery", "Stationery", "Stationery", "Residential Care"])]
        # In the first batch every cell is new, which does not count; the second makes the switch.
        assert _lookups(paths[0]) == {"quick": 2, "full": 1}
        assert _everything(paths) == _everything(paths, quick_lookup=False)


def test_a_file_whose_categories_mostly_settle_the_sector_keeps_looking_up_the_short_way():
    with tempfile.TemporaryDirectory() as folder:
        paths = [_long_file(folder, ["Residential Care", "Residential Care", "Residential Care", "Stationery"])]
        assert _lookups(paths[0]) == {"quick": 3, "full": 0}
        assert _everything(paths) == _everything(paths, quick_lookup=False)


def test_the_long_way_is_taken_when_asked_for():
    with tempfile.TemporaryDirectory() as folder:
        path = _long_file(folder, ["Residential Care", "Stationery"])
        screener = Screener(quick_lookup=False, columnar=False)
        screener.screen([path])
        assert screener.lookup_batches == {"quick": 0, "full": 3}
