"""Screening files side by side in processes (`--jobs`) gives exactly what one process gives:
the figures, and also the stored details (the order of the totals, each total's reason, and which
spelling names each payee), which depend on which row came first."""

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tackle.spend.screening.readers import SpendFileError
from tackle.spend.screening.screener import Screener, contiguous_shares
from tackle.spend.screening.summary import file_mappings, summary


def _everything(paths: list[Path], jobs: int) -> tuple[Any, ...]:
    result = Screener().screen(paths, jobs=jobs)
    totals = [(key, count, str(amount), reason) for key, (count, amount, reason) in result.totals.rows.items()]
    payees = [(key, payee.name) for key, payee in result.totals.payees.items()]
    return summary(result), file_mappings(result), totals, payees


@pytest.mark.shared_data
def test_the_lambeth_files_give_the_same_in_two_processes_as_in_one(shared_data):
    paths = sorted((shared_data / "spend" / "lambeth").glob("*.csv"))
    assert len(paths) > 2
    assert _everything(paths, 2) == _everything(paths, 1)


_ROW = st.tuples(
    st.sampled_from(["Acme Care Ltd", "ACME CARE LIMITED", "Acme Care", "REDACTED", "Total", "Bright Cleaning"]),
    st.sampled_from(["100", "2.50", "(30.00)", "£1,000", "n/a", "", "7.125"]),
    st.sampled_from(["01/04/2020", "31/03/2021", "2020-13-01", ""]),
    st.sampled_from(["Residential Care", "Stationery", "Agency Staff", ""]),
    st.sampled_from(["monthly", "security guard", "cleaning"]),
)


def _write_files(folder: Path, files: list[list[tuple[str, ...]]]) -> list[Path]:
    paths = []
    for number, rows in enumerate(files):
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["Supplier Name", "Amount", "Payment Date", "Expense Type", "Description"])
        writer.writerows(rows)
        path = folder / f"spend-{number}.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        paths.append(path)
    return paths


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_ROW, max_size=25), min_size=2, max_size=4))
def test_any_files_give_the_same_in_two_processes_as_in_one(files):
    with tempfile.TemporaryDirectory() as name:
        paths = _write_files(Path(name), files)
        assert _everything(paths, 2) == _everything(paths, 1)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_ROW, max_size=40), min_size=3, max_size=6))
def test_files_shared_among_three_processes_give_the_same_as_one(files):
    """This process screens the first run of files and two workers the others; runs of uneven
    size, some empty of rows, still add up to what one process gives."""
    with tempfile.TemporaryDirectory() as name:
        paths = _write_files(Path(name), files)
        assert _everything(paths, 3) == _everything(paths, 1)


def test_a_file_that_cannot_be_read_in_a_worker_is_refused_as_in_one_process(tmp_path):
    paths = []
    for number in range(4):
        path = tmp_path / f"spend-{number}.csv"
        path.write_text("Supplier Name,Amount\nAcme Ltd,100\n" if number != 3 else "nothing to see\n", encoding="utf-8")
        paths.append(path)
    with pytest.raises(SpendFileError) as one:
        Screener().screen(paths)
    with pytest.raises(SpendFileError) as two:
        Screener().screen(paths, jobs=2)
    assert str(two.value) == str(one.value)


@pytest.mark.parametrize(
    ("sizes", "parts", "expected"),
    [
        ([5] * 10, 2, [range(0, 5), range(5, 10)]),
        ([5] * 10, 3, [range(0, 3), range(3, 7), range(7, 10)]),
        ([90, 1, 1, 1, 1, 1, 1, 1, 1, 1], 2, [range(0, 1), range(1, 10)]),
        ([1, 1, 1, 1, 1, 1, 1, 1, 1, 90], 2, [range(0, 9), range(9, 10)]),
        ([0, 0, 0], 3, [range(0, 1), range(1, 2), range(2, 3)]),
        ([7, 3], 2, [range(0, 1), range(1, 2)]),
    ],
)
def test_files_are_cut_into_runs_of_about_equal_size(sizes, parts, expected):
    assert contiguous_shares(sizes, parts) == expected


@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=30), st.integers(1, 8))
def test_the_runs_cover_every_file_once_in_order_and_none_is_empty(sizes, parts):
    parts = min(parts, len(sizes))
    shares = contiguous_shares(sizes, parts)
    assert len(shares) == parts
    assert [index for share in shares for index in share] == list(range(len(sizes)))
    assert all(len(share) > 0 for share in shares)
