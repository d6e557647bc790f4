"""Fuzzed spend files: whatever comes in, the screening keeps its promises or refuses cleanly."""

import csv
import io
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tackle.spend.screening.readers import SpendFileError
from tackle.spend.screening.screener import Screener
from tackle.spend.screening.summary import summary

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _screen_bytes(data: bytes, name: str = "fuzz.csv") -> dict | None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            return summary(Screener().screen([path]))
        except SpendFileError:
            return None


def _holds_its_promises(figures: dict) -> None:  # type: ignore[type-arg]
    assert figures["rows_accepted"] + figures["rows_rejected"] == figures["rows_read"]
    assert len(figures["rejects"]) == figures["rows_rejected"]
    assert sum(figures["rows_by_sector"].values()) == figures["rows_accepted"]
    high = figures["high_risk"]
    assert high["rows"] == sum(slot["rows"] for slot in high["by_sector"].values())
    assert Decimal(high["amount"]) == sum((Decimal(slot["amount"]) for slot in high["by_sector"].values()), Decimal(0))
    assert all(reject["line"] >= 1 and reject["reason"] for reject in figures["rejects"])


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_at_all_are_screened_or_refused_cleanly(data):
    figures = _screen_bytes(b"Supplier,Amount\n" + data)
    assert figures is not None  # a header is there, so the file is always screened
    _holds_its_promises(figures)


@FUZZ
@given(st.binary(max_size=500))
def test_bytes_with_no_header_are_refused_with_a_clear_error_not_a_crash(data):
    figures = _screen_bytes(data)
    if figures is not None:
        _holds_its_promises(figures)


_CELL = st.text(alphabet=st.sampled_from(list("ab1£,.\"'()-\n\r\t ;xX0")), max_size=12)


@FUZZ
@given(st.lists(st.lists(_CELL, min_size=0, max_size=6), max_size=40))
def test_any_cells_keep_the_counts_honest(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Supplier Name", "Amount", "Payment Date", "Expense Type"])
    writer.writerows(rows)
    figures = _screen_bytes(buffer.getvalue().encode())
    assert figures is not None
    _holds_its_promises(figures)


_POSITIVE = ["{:f}", "£{:,f}", "{:,f}", " £ {:f} "]
_NEGATIVE = ["-{:f}", "({:f})", "{:f}-", "-£{:,f}", "(£{:,f})"]


@st.composite
def _good_row(draw):  # type: ignore[no-untyped-def]
    """A well-formed payment and the amount it must add to the total."""
    amount = Decimal(draw(st.integers(min_value=-(10**9), max_value=10**9))) / 100
    style = draw(st.sampled_from(_NEGATIVE if amount < 0 else _POSITIVE))
    day = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
    cells = [
        draw(st.text(alphabet="abcdefgh ", min_size=1, max_size=10)) + " Ltd",
        style.format(abs(amount)),
        draw(st.sampled_from([day.strftime("%d/%m/%Y"), day.isoformat(), day.strftime("%d-%b-%Y").upper()])),
        draw(st.sampled_from(["Care", "Stationery", "Cleaning", ""])),
    ]
    return cells, amount


@FUZZ
@given(
    st.lists(
        st.one_of(
            _good_row().map(lambda pair: ("good", pair)),
            st.sampled_from([["Bad Ltd", "abc", "01/01/2020", ""], ["Bad Ltd", "", "01/01/2020", "x"]]).map(
                lambda row: ("bad", (row, None))
            ),
            st.just(("blank", ([], None))),
        ),
        max_size=60,
    )
)
def test_total_is_the_exact_sum_of_accepted_amounts(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Supplier Name", "Amount", "Payment Date", "Expense Type"])
    for _kind, (cells, _amount) in rows:
        writer.writerow(cells)
    figures = _screen_bytes(buffer.getvalue().encode())
    assert figures is not None
    _holds_its_promises(figures)
    good = [amount for kind, (_cells, amount) in rows if kind == "good"]
    assert figures["rows_accepted"] == len(good)
    assert figures["rows_rejected"] == sum(1 for kind, _ in rows if kind == "bad")
    assert Decimal(figures["total_amount"]) == sum(good, Decimal(0))
