"""Compliance rules: plain functions over dates, no database.

A requirement is met until `every_months` after the latest completion ("due on" that day).
- never done: no completion at all;
- overdue: today is after the due date;
- due: the due date is within DUE_SOON_DAYS (today included);
- compliant: otherwise.
Due counts as in date: a user who is due is still compliant for the compliance rate.
"""

import calendar
from datetime import date, timedelta
from enum import StrEnum

DUE_SOON_DAYS = 30


class Status(StrEnum):
    COMPLIANT = "compliant"
    DUE = "due"
    OVERDUE = "overdue"
    NEVER = "never"

    @property
    def label(self) -> str:
        return {"compliant": "Compliant", "due": "Due", "overdue": "Overdue", "never": "Not done"}[self.value]

    @property
    def tag_class(self) -> str:
        return {"compliant": "govuk-tag--green", "due": "govuk-tag--yellow", "overdue": "govuk-tag--red"}.get(
            self.value, "govuk-tag--grey"
        )

    @property
    def in_date(self) -> bool:
        return self in (Status.COMPLIANT, Status.DUE)


def add_months(start: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_on(last_completed_on: date | None, every_months: int) -> date | None:
    return None if last_completed_on is None else add_months(last_completed_on, every_months)


def compliance_status(*, last_completed_on: date | None, every_months: int, today: date) -> Status:
    due = due_on(last_completed_on, every_months)
    if due is None:
        return Status.NEVER
    if today > due:
        return Status.OVERDUE
    if due - today <= timedelta(days=DUE_SOON_DAYS):
        return Status.DUE
    return Status.COMPLIANT
