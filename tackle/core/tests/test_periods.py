from datetime import date, datetime, timedelta
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from tackle.core.periods import (
    LONDON,
    end_of_day,
    financial_year,
    financial_year_label,
    financial_year_of,
    parse_financial_year,
    periods,
    quarters,
)

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def test_financial_years_run_april_to_march():
    assert financial_year_label(2025) == "2025-26"
    assert financial_year_label(1999) == "1999-00"
    assert financial_year_of(date(2026, 3, 31)) == 2025
    assert financial_year_of(date(2026, 4, 1)) == 2026
    assert parse_financial_year("2025-26") == 2025
    assert parse_financial_year(" 1999-00 ") == 1999
    assert parse_financial_year("2025-27") is None
    assert parse_financial_year("2025/26") is None
    assert parse_financial_year("²⁰²⁵-26") is None  # superscripts pass str.isdigit, not int()
    q = quarters(2025)
    assert [p.label for p in q] == ["Q1 2025-26", "Q2 2025-26", "Q3 2025-26", "Q4 2025-26"]
    assert q[3].starts_on == date(2026, 1, 1) and q[3].ends_before == date(2026, 4, 1)


@given(days)
def test_every_day_lies_in_exactly_one_financial_year_and_one_quarter(day):
    year = financial_year_of(day)
    assert financial_year(year).starts_on <= day < financial_year(year).ends_before
    assert not (financial_year(year + 1).starts_on <= day < financial_year(year + 1).ends_before)
    assert sum(1 for q in quarters(year) if q.starts_on <= day < q.ends_before) == 1


@given(st.integers(min_value=1990, max_value=2100))
def test_a_label_reads_back_as_its_year_and_quarters_tile_the_year(year):
    assert parse_financial_year(financial_year_label(year)) == year
    spans = quarters(year)
    assert spans[0].starts_on == financial_year(year).starts_on
    assert spans[-1].ends_before == financial_year(year).ends_before
    assert all(a.ends_before == b.starts_on for a, b in pairwise(spans))


def test_periods_by_year_and_by_quarter_cover_the_same_span():
    by_year, by_quarter = periods(2023, 2025, by="year"), periods(2023, 2025)
    assert [p.label for p in by_year] == ["2023-24", "2024-25", "2025-26"]
    assert len(by_quarter) == 12
    assert by_year[0].starts_on == by_quarter[0].starts_on and by_year[-1].ends_before == by_quarter[-1].ends_before


def test_period_bounds_are_london_midnights_whatever_the_clocks_do():
    year = financial_year(2025)
    assert year.start_at == datetime(2025, 4, 1, tzinfo=LONDON)
    assert year.start_at.utcoffset() == timedelta(hours=1)  # British Summer Time on 1 April
    assert quarters(2025)[3].start_at.utcoffset() == timedelta(0)  # 1 January is GMT


def test_end_of_day_is_the_next_london_midnight():
    assert end_of_day(date(2025, 3, 29)) == datetime(2025, 3, 30, tzinfo=LONDON)
    assert end_of_day(date(2025, 12, 31)) == datetime(2026, 1, 1, tzinfo=LONDON)
