from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tackle.training.rules.compliance import DUE_SOON_DAYS, Status, add_months, compliance_status, due_on

TODAY = date(2026, 6, 15)


def test_never_done_is_never_whatever_the_date():
    assert compliance_status(last_completed_on=None, every_months=12, today=TODAY) is Status.NEVER


@pytest.mark.parametrize(
    ("completed_on", "expected"),
    [
        (date(2026, 6, 15), Status.COMPLIANT),  # today
        (date(2025, 7, 16), Status.COMPLIANT),  # due in 31 days: outside the window
        (date(2025, 7, 15), Status.DUE),  # due in 30 days
        (date(2025, 6, 15), Status.DUE),  # due today
        (date(2025, 6, 14), Status.OVERDUE),  # due yesterday
        (date(2020, 1, 1), Status.OVERDUE),
    ],
)
def test_status_at_the_edges_of_a_yearly_requirement(completed_on, expected):
    status = compliance_status(last_completed_on=completed_on, every_months=12, today=TODAY)
    assert status is expected


def test_add_months_keeps_the_day_or_uses_the_last_day_of_a_short_month():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)


@given(
    completed_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    every_months=st.integers(min_value=1, max_value=120),
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2045, 12, 31)),
)
def test_status_follows_the_due_date_for_every_combination(completed_on, every_months, today):
    status = compliance_status(last_completed_on=completed_on, every_months=every_months, today=today)
    due = due_on(completed_on, every_months)
    assert due is not None and due > completed_on
    if today > due:
        assert status is Status.OVERDUE
        assert not status.in_date
    elif (due - today) <= timedelta(days=DUE_SOON_DAYS):
        assert status is Status.DUE
        assert status.in_date
    else:
        assert status is Status.COMPLIANT
        assert status.in_date


@given(start=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)), months=st.integers(0, 240))
def test_add_months_moves_exactly_that_many_calendar_months(start, months):
    moved = add_months(start, months)
    assert (moved.year - start.year) * 12 + moved.month - start.month == months
    assert moved.day <= start.day
