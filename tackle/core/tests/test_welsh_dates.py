"""Issue 21: our catalogue must not change how Django names months and days in Welsh dates.

Gettext has one namespace: our own entry for a word that is also a month's or a day's name (a
column headed "May", meaning what a token may do) would replace Django's Welsh for that month in
every date. Such a word takes a context (`{% translate "May" context "..." %}`)."""

import calendar
from datetime import date

from django.utils import translation
from django.utils.formats import date_format

from tackle.core.catalogue import catalogue_path, read_catalogue

ENGLISH_NAMES = {
    *calendar.month_name[1:],
    *calendar.month_abbr[1:],
    *calendar.day_name,
    *calendar.day_abbr,
}


def test_no_entry_without_a_context_is_a_month_or_a_day_name():
    entries = read_catalogue(catalogue_path("cy"))
    clashes = [entry.msgid for entry in entries if not entry.context and entry.msgid in ENGLISH_NAMES]
    assert clashes == []


def test_a_date_in_may_reads_mai_in_welsh():
    with translation.override("cy"):
        assert date_format(date(2025, 5, 1), "j F Y") == "1 Mai 2025"
