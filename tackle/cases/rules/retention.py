"""Retention (UK GDPR, storage limitation): how long each kind of case record is kept after the
case closes, and when a record falls due for a decision. Pure: dates in, dates out.

The periods are the organisation's to set (cases.RetentionPeriod); these defaults apply until it
does. Why each default is what it is: docs/retention.md.
"""

import calendar
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordType(models.TextChoices):
    ADULT_CASE = "adult_case", _("Closed cases of adults, and the people in them")
    CHILD_CASE = "child_case", _("Closed cases of children, and the people in them")
    SUPPORT_DOCUMENT = "support_document", _("Documents kept on a closed case")


DEFAULT_MONTHS: dict[str, int] = {
    RecordType.ADULT_CASE: 72,
    RecordType.CHILD_CASE: 300,
    RecordType.SUPPORT_DOCUMENT: 24,
}

# Long enough for any lawful reason a council has given; a longer wish is an extension with a reason.
MAX_MONTHS = 1200
KEEP, ANONYMISE, ERASE = "keep", "anonymise", "erase"  # what may be decided on a record past its date


def months_later(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day where it has no such day (31 Jan + 1)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def retention_ends(*, closed_on: date, months: int, extended_to: date | None = None) -> date:
    """The first day the record is kept past its period: its period from closure, or the latest
    extension a person decided on, whichever is later."""
    ends = months_later(closed_on, months)
    return max(ends, extended_to) if extended_to is not None else ends


def is_due(*, ends_on: date, today: date, on_hold: bool) -> bool:
    """Past its retention date and not held: a record on legal hold is never due."""
    return not on_hold and ends_on <= today
