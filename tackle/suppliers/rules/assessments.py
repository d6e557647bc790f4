"""When annual supplier assessments fall due, and when one is overdue or needs a reminder.

A high-tier contract gets its first assessment a year after it starts (or, if that has passed,
90 days after it was added; never after the contract ends), then one a year after each is
completed, while the contract runs.
Reminders go out from REMIND_DAYS before the due date, at most once a week per assessment.
"""

import calendar
from datetime import date, timedelta

REMIND_DAYS = 30
REMIND_EVERY_DAYS = 7
FIRST_DUE_WHEN_LATE_DAYS = 90


def add_years(day: date, years: int = 1) -> date:
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def first_due(*, start_on: date, end_on: date, today: date) -> date | None:
    """None when the contract has already ended."""
    if end_on < today:
        return None
    due = add_years(start_on)
    if due < today:  # an old contract just added to the register: assess it soon
        due = today + timedelta(days=FIRST_DUE_WHEN_LATE_DAYS)
    return min(due, end_on)


def next_due(*, completed_on: date, end_on: date) -> date | None:
    due = add_years(completed_on)
    return due if due <= end_on else None


def is_overdue(*, due_on: date, completed_on: date | None, today: date) -> bool:
    return completed_on is None and due_on < today


def needs_reminder(*, due_on: date, completed_on: date | None, last_reminded_on: date | None, today: date) -> bool:
    if completed_on is not None or today < due_on - timedelta(days=REMIND_DAYS):
        return False
    return last_reminded_on is None or (today - last_reminded_on).days >= REMIND_EVERY_DAYS
