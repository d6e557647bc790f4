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

from tackle.spend.screening.engine import Screener
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


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_ROW, max_size=25), min_size=2, max_size=4))
def test_any_files_give_the_same_in_two_processes_as_in_one(files):
    with tempfile.TemporaryDirectory() as name:
        paths = []
        for number, rows in enumerate(files):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(["Supplier Name", "Amount", "Payment Date", "Expense Type", "Description"])
            writer.writerows(rows)
            path = Path(name) / f"spend-{number}.csv"
            path.write_text(buffer.getvalue(), encoding="utf-8")
            paths.append(path)
        assert _everything(paths, 2) == _everything(paths, 1)
