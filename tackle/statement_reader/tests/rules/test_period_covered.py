from datetime import date

import pytest

from tackle.statement_reader.rules.period_covered import Period, find_period


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("This statement covers the financial year ending 31 March 2025.", date(2024, 4, 1), date(2025, 3, 31)),
        ("It covers 1 April 2024 to 31 March 2025.", date(2024, 4, 1), date(2025, 3, 31)),
        ("for the period from 1st April 2024 until 31st March 2025", date(2024, 4, 1), date(2025, 3, 31)),
        ("Reporting period: 01/04/2024 - 31/03/2025", date(2024, 4, 1), date(2025, 3, 31)),
        ("covering April 2024 to March 2025", date(2024, 4, 1), date(2025, 3, 31)),
        ("for the year ended 31 December 2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("in our financial year 2024/25", date(2024, 4, 1), date(2025, 3, 31)),
        ("from April 1, 2024 through March 31, 2025", date(2024, 4, 1), date(2025, 3, 31)),
        ("the year to 29 February 2024", date(2023, 3, 1), date(2024, 2, 29)),
    ],
)
def test_period_is_found_in_the_ways_statements_write_it(text, start, end):
    assert find_period(text) == Period(start, end)


def test_a_written_range_wins_over_a_year_end_mentioned_first():
    text = "Our financial year ending 31 December 2024 differs; this statement covers 1 April 2024 to 31 March 2025."
    assert find_period(text) == Period(date(2024, 4, 1), date(2025, 3, 31))


def test_short_ranges_are_events_not_periods():
    assert find_period("Training ran from 1 May 2024 to 3 May 2024.") == Period(None, None)


def test_impossible_dates_and_no_dates_give_nothing():
    assert find_period("from 31 February 2024 to 31 March 2025") == Period(None, None)
    assert find_period("We published our first statement in 2017.") == Period(None, None)
