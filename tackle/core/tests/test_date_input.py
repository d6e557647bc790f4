"""The GOV.UK date input (issue 18): three boxes, one question, errors that say which box is wrong."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django import forms

from tackle.core.forms import GovukDateField, GovukDateTimeField, GovukForm, GovukModelForm
from tackle.core.models import RecordShare
from tackle.core.tests.dates import date_answer


class _SightingForm(GovukForm):
    seen_on = GovukDateField(label="Date last seen")
    left_at = GovukDateTimeField(label="Time they left", required=False)


def _boxes(day: str, month: str, year: str) -> dict[str, str]:
    return {"seen_on-day": day, "seen_on-month": month, "seen_on-year": year}


def _cleaned(data: dict[str, str]) -> dict:
    form = _SightingForm(data)
    assert form.is_valid(), form.errors
    return form.cleaned_data


def _errors(data: dict[str, str]) -> list[str]:
    form = _SightingForm(data)
    assert not form.is_valid()
    return form.errors["seen_on"]


def test_three_boxes_clean_to_a_date_and_five_to_a_london_time() -> None:
    answers = _boxes("27", "3", "2007") | date_answer("left_at", datetime(2025, 7, 1, 9, 5))
    cleaned = _cleaned(answers)
    assert cleaned["seen_on"] == date(2007, 3, 27)
    assert cleaned["left_at"] == datetime(2025, 7, 1, 9, 5, tzinfo=ZoneInfo("Europe/London"))


def test_spaces_round_the_numbers_and_a_month_written_as_a_word_are_read() -> None:
    assert _cleaned(_boxes(" 27 ", " March", "2007 "))["seen_on"] == date(2007, 3, 27)
    assert _cleaned(_boxes("1", "feb", "2024"))["seen_on"] == date(2024, 2, 1)


def test_29_february_is_a_real_date_only_in_a_leap_year() -> None:
    assert _cleaned(_boxes("29", "2", "2024"))["seen_on"] == date(2024, 2, 29)
    assert _errors(_boxes("29", "2", "2025")) == ["Date last seen must be a real date"]


@pytest.mark.parametrize(
    ("boxes", "message"),
    [
        (("", "", ""), "Enter the date last seen"),
        (("27", "", "2007"), "Date last seen must include a month"),
        (("", "3", ""), "Date last seen must include a day and year"),
        (("32", "3", "2007"), "Date last seen must be a real date"),
        (("27", "13", "2007"), "Date last seen must be a real date"),
        (("27", "three", "2007"), "Date last seen must be a real date"),
        (("-1", "3", "2007"), "Date last seen must be a real date"),
        (("27", "3", "²⁰⁰⁷"), "Date last seen must be a real date"),  # digits to str.isdigit, not to int()
        (("¹", "3", "2007"), "Date last seen must be a real date"),
        (("27", "3", "07"), "Date last seen must have a year from 1900 onwards, with 4 numbers, such as 2025"),
        (("27", "3", "1899"), "Date last seen must have a year from 1900 onwards, with 4 numbers, such as 2025"),
    ],
)
def test_a_missing_or_impossible_part_is_named(boxes, message) -> None:
    assert _errors(_boxes(*boxes)) == [message]


def test_a_date_and_time_missing_its_time_says_so() -> None:
    form = _SightingForm(_boxes("1", "2", "2025") | {"left_at-day": "1", "left_at-month": "2", "left_at-year": "2025"})
    assert not form.is_valid()
    assert form.errors["left_at"] == ["Time they left must include an hour and minute"]


def test_an_older_address_with_one_iso_date_is_still_read() -> None:
    cleaned = _cleaned({"seen_on": " 2007-03-27 ", "left_at": "2025-07-01T09:05"})
    assert cleaned["seen_on"] == date(2007, 3, 27)
    assert cleaned["left_at"].hour == 9


def test_the_page_shows_a_fieldset_with_labelled_boxes_and_keeps_what_was_typed() -> None:
    form = _SightingForm(_boxes("27", "", "2007"))
    form.is_valid()
    html = str(form)
    assert '<fieldset class="govuk-fieldset" role="group"' in html
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date last seen</legend>' in html
    assert "For example, 27 3 2007" in html
    assert 'for="id_seen_on-month">Month</label>' in html
    assert 'name="seen_on-day" type="text" inputmode="numeric" value="27"' in html
    assert 'href="#id_seen_on-day"' in html  # the error summary's link lands on the first box
    assert "govuk-input--error" in html
    assert 'type="date"' not in html and "datetime-local" not in html


def test_a_saved_date_is_shown_in_its_boxes() -> None:
    html = str(_SightingForm(initial={"seen_on": date(2025, 1, 2), "left_at": datetime(2025, 1, 2, 14, 30)}))
    assert 'name="seen_on-day" type="text" inputmode="numeric" value="2"' in html
    assert 'name="left_at-minute" type="text" inputmode="numeric" value="30"' in html


class _ShareForm(GovukModelForm):
    class Meta:
        model = RecordShare
        fields = ["expires_at"]


def test_a_model_forms_own_date_fields_get_the_date_input() -> None:
    field = _ShareForm.base_fields["expires_at"]
    assert isinstance(field, GovukDateTimeField)
    assert not isinstance(field.widget, forms.DateTimeInput)
    assert field.help_text == "For example, 27 3 2007 and 14 30 (the 24-hour clock)"
