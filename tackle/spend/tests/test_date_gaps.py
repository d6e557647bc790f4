"""A file whose date column is lost keeps its rows and its money; the gap is reported once.

Built at run time from a real Lambeth file (never a committed copy): its dates replaced by times of
day, as one council's export left them, or by text no reader knows."""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from tackle.spend.screening.screener import Screener
from tackle.spend.screening.summary import file_mappings, summary

JUNE = "2012-06-payments.csv"  # header on line 10; the date is column 4
DATE_AT = 3
_FUSED = re.compile(r"(\d{1,2}/\d{1,2}/\d{4})(-?[\d,]*\.?\d+)")


def _with_dates(source: Path, target: Path, replace, *, keep_title: bool = True) -> Path:  # type: ignore[no-untyped-def]
    """The file with every date cell under the header replaced by replace(line number)."""
    rows = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"), newline="")))
    header_at = next(index for index, row in enumerate(rows) if "Invoice Creation Date" in row)
    width = len(rows[header_at])
    changed = [] if not keep_title else rows[:header_at]
    changed.append(rows[header_at])
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if len(row) == width - 1 and (match := _FUSED.fullmatch(row[DATE_AT])):  # a known export fault
            row = [*row[:DATE_AT], match.group(1), match.group(2), *row[DATE_AT + 1 :]]
        if len(row) == width and re.fullmatch(r"\d{2}/\d{2}/\d{4}", row[DATE_AT]):
            row = [*row[:DATE_AT], replace(number), *row[DATE_AT + 1 :]]
        changed.append(row)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(changed)
    target.write_text(buffer.getvalue(), encoding="utf-8")
    return target


def _times(number: int) -> str:
    return f"{9 + number % 8:02d}:{number % 60:02d}:00"


def _date_rejects(figures: dict) -> list:  # type: ignore[type-arg]
    return [reject for reject in figures["rejects"] if "date" in reject["reason"]]


@pytest.fixture
def june(shared_data) -> tuple[Path, dict]:  # type: ignore[type-arg]
    path = shared_data / "spend" / "lambeth" / JUNE
    return path, summary(Screener().screen([path]))


@pytest.mark.shared_data
@pytest.mark.parametrize("columnar", [True, False])
def test_a_file_whose_dates_hold_only_times_keeps_every_row_and_its_money(june, tmp_path, columnar):
    original, before = june
    broken = _with_dates(original, tmp_path / JUNE, _times)
    result = Screener(columnar=columnar).screen([broken])
    after = summary(result)
    assert _date_rejects(after) == []
    assert after["rows_accepted"] == before["rows_accepted"]
    assert Decimal(after["total_amount"]) == Decimal(before["total_amount"])
    assert after["high_risk"] == before["high_risk"]
    (gap,) = result.files[0].gaps
    assert gap.startswith("Every date in the column “Invoice Creation Date” holds only a time of day (“")
    assert "in financial year 2012-13, from the period in the file's name (June 2012)" in gap
    assert file_mappings(result)[0]["gaps"] == [gap]
    assert {year for (_payee, _sector, year) in result.totals.rows} == {2012}


@pytest.mark.shared_data
def test_without_a_period_in_its_name_the_title_dates_the_rows(june, tmp_path):
    original, before = june
    broken = _with_dates(original, tmp_path / "lambeth-payments.csv", _times)
    result = Screener().screen([broken])
    assert "from the period in the file's title (June 2012)" in result.files[0].gaps[0]
    assert result.files[0].total_amount == Decimal(before["total_amount"])


@pytest.mark.shared_data
def test_with_no_period_anywhere_the_date_is_unknown_and_the_money_stays_in_the_totals(june, tmp_path):
    original, before = june
    broken = _with_dates(original, tmp_path / "payments.csv", _times, keep_title=False)
    result = Screener().screen([broken])
    after = summary(result)
    assert "with their date unknown; their money is in every total" in result.files[0].gaps[0]
    assert Decimal(after["total_amount"]) == Decimal(before["total_amount"])
    assert {year for (_payee, _sector, year) in result.totals.rows} == {None}


@pytest.mark.shared_data
@pytest.mark.parametrize("columnar", [True, False])
def test_a_date_column_no_row_of_which_can_be_read_is_left_out_and_the_rows_kept(june, tmp_path, columnar):
    original, before = june
    broken = _with_dates(original, tmp_path / JUNE, lambda number: "#######")
    result = Screener(columnar=columnar).screen([broken])
    after = summary(result)
    assert _date_rejects(after) == []
    assert (after["rows_accepted"], after["rows_rejected"]) == (before["rows_accepted"], before["rows_rejected"])
    assert Decimal(after["total_amount"]) == Decimal(before["total_amount"])
    (gap,) = result.files[0].gaps
    assert gap.startswith(
        "No date in the column “Invoice Creation Date” could be read (date not recognised: '#######')"
    )
    assert "date" not in result.files[0].mapping.columns


def test_a_few_bad_dates_among_good_ones_are_still_rejected_by_line(tmp_path):
    path = tmp_path / "2024-01-payments.csv"
    path.write_text(
        "Supplier,Amount,Payment Date\nAcme,100,05/01/2024\nBeta,200,31/02/2024\nGamma,300,99/99/2024\n"
        "Delta,400,12/13/2024\n",
        encoding="utf-8",
    )
    figures = summary(Screener().screen([path]))
    assert [(reject["line"], reject["reason"]) for reject in figures["rejects"]] == [
        (3, "date not recognised: '31/02/2024'"),
        (4, "date not recognised: '99/99/2024'"),
        (5, "date not recognised: '12/13/2024'"),
    ]
    assert figures["rows_accepted"] == 1


@pytest.mark.shared_data
def test_the_command_says_once_how_the_lost_dates_were_filled(june, tmp_path, db):
    from io import StringIO

    from django.core.management import call_command

    original, _before = june
    broken = _with_dates(original, tmp_path / JUNE, _times)
    out = StringIO()
    call_command("spend", "screen", str(broken), stdout=out)
    assert out.getvalue().count("holds only a time of day") == 1
