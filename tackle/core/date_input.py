"""The GOV.UK date input for every date a person types: day, month and year in three boxes (and hour
and minute for a date with a time), asked as one question in a fieldset.

The fields clean to what Django's DateField and DateTimeField give (a date; an aware datetime), so
services do not change. A single `name=2026-03-27` (an address bookmarked before the boxes, a
script) is still read. Errors follow the GOV.UK pattern: "Enter the date seen", "Date seen must
include a month", "Date seen must be a real date"; each form names the field (form_messages.py).
"""

import calendar
from datetime import date, datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy, gettext_noop

DATE_PARTS = ("day", "month", "year")
TIME_PARTS = ("hour", "minute")
# English, for other modules' own sentences; the fields below show them in the reader's language.
PARTS_MISSING = gettext_noop("The date must include %(missing)s")  # a form names the field (form_messages.py)
DATE_HINT = gettext_noop("For example, 27 3 2007")
DATE_TIME_HINT = gettext_noop("For example, 27 3 2007 and 14 30 (the 24-hour clock)")
# Each box's label, and its name in "must include a day and year".
_PART_LABELS = {
    "day": gettext_lazy("Day"),
    "month": gettext_lazy("Month"),
    "year": gettext_lazy("Year"),
    "hour": gettext_lazy("Hour"),
    "minute": gettext_lazy("Minute"),
}
_PART_WORDS = {
    "day": gettext_lazy("day"),
    "month": gettext_lazy("month"),
    "year": gettext_lazy("year"),
    "hour": gettext_lazy("hour"),
    "minute": gettext_lazy("minute"),
}
_WIDTHS = {"day": 2, "month": 2, "year": 4, "hour": 2, "minute": 2}
# "March", "mar" and "3" are all the third month, as GOV.UK's own services accept.
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
}


def part_names(name: str, parts: tuple[str, ...] = DATE_PARTS) -> list[str]:
    """The names the boxes are sent under: `due_on-day`, `due_on-month`, `due_on-year`."""
    return [f"{name}-{part}" for part in parts]


class GovukDateInput(forms.Widget):
    """Day, month and year boxes; the bound field puts them in a fieldset with the label as legend."""

    template_name = "govuk/widgets/date_input.html"
    parts: tuple[str, ...] = DATE_PARTS

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        names = part_names(name, self.parts)
        if any(part in data for part in names):
            return [data.get(part, "") for part in names]
        return data.get(name)  # one value, such as 2026-03-27 in an older address

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and not any(part in data for part in part_names(name, self.parts))

    def id_for_label(self, id_: str) -> str:
        return f"{id_}-{self.parts[0]}" if id_ else ""

    def _typed(self, value: Any) -> dict[str, str]:
        if isinstance(value, list | tuple):
            return {part: str(typed or "") for part, typed in zip(self.parts, value, strict=False)}
        if isinstance(value, str) and value:
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                return {self.parts[0]: value}  # shown back as typed, in the first box
        if isinstance(value, date):
            found: dict[str, object] = {"day": value.day, "month": value.month, "year": value.year}
            if isinstance(value, datetime):
                found |= {"hour": value.hour, "minute": f"{value.minute:02d}"}
            return {part: str(found[part]) for part in self.parts}
        return {}

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        typed = self._typed(value)
        widget_id = context["widget"]["attrs"].get("id", "")
        context["widget"]["parts"] = [
            {
                "label": _PART_LABELS[part],
                "name": f"{name}-{part}",
                "id": f"{widget_id}-{part}",
                "value": typed.get(part, ""),
                "width": _WIDTHS[part],
            }
            for part in self.parts
        ]
        context["widget"]["time_from"] = len(DATE_PARTS)
        return context


class GovukDateTimeInput(GovukDateInput):
    parts = DATE_PARTS + TIME_PARTS


def _number(part: str, typed: str) -> int | None:
    if part == "month" and typed.lower() in _MONTHS:
        return _MONTHS[typed.lower()]
    return int(typed) if typed.isascii() and typed.isdigit() else None  # not '¹': int() refuses it


def _missing(parts: list[str]) -> str:
    """'a month', 'a day and year', 'an hour and minute'."""
    words = [str(_PART_WORDS[part]) for part in parts]
    joined = (
        words[0]
        if len(words) == 1
        else gettext("%(first)s and %(last)s")
        % {
            "first": ", ".join(words[:-1]),
            "last": words[-1],
        }
    )
    article = gettext("an %(parts)s") if parts[0] == "hour" else gettext("a %(parts)s")
    return article % {"parts": joined}


class _PartsMixin:
    """Turns the boxes' strings into the numbers of a date, or the GOV.UK error for what is wrong."""

    parts: tuple[str, ...]
    error_messages: dict[str, Any]

    def numbers(self, typed: list[str]) -> dict[str, int] | None:
        """None when every box is empty; raises for a missing box or one that is not a number."""
        cleaned = {part: str(value or "").strip() for part, value in zip(self.parts, typed, strict=False)}
        missing = [part for part in self.parts if not cleaned.get(part)]
        if len(missing) == len(self.parts):
            return None
        if missing:
            raise ValidationError(
                self.error_messages["parts_missing"], code="parts_missing", params={"missing": _missing(missing)}
            )
        numbers = {part: _number(part, cleaned[part]) for part in self.parts}
        if any(number is None for number in numbers.values()):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return numbers  # type: ignore[return-value]


class GovukDateField(_PartsMixin, forms.DateField):
    widget = GovukDateInput
    parts = DATE_PARTS
    default_error_messages = {"parts_missing": gettext_lazy(PARTS_MISSING)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["help_text"] = kwargs.get("help_text") or gettext_lazy(DATE_HINT)  # a model field gives ""
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> date | None:
        if not isinstance(value, list | tuple):
            return super().to_python(value.strip() if isinstance(value, str) else value)
        numbers = self.numbers(list(value))
        if numbers is None:
            return None
        try:
            return date(numbers["year"], numbers["month"], numbers["day"])
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class GovukDateTimeField(_PartsMixin, forms.DateTimeField):
    """A date and a time of day in London (the current time zone), as Django's own field gives."""

    widget = GovukDateTimeInput
    parts = DATE_PARTS + TIME_PARTS
    default_error_messages = {"parts_missing": gettext_lazy(PARTS_MISSING)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["help_text"] = kwargs.get("help_text") or gettext_lazy(DATE_TIME_HINT)
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> datetime | None:
        if not isinstance(value, list | tuple):
            return super().to_python(value.strip() if isinstance(value, str) else value)
        numbers = self.numbers(list(value))
        if numbers is None:
            return None
        try:
            typed = datetime(numbers["year"], numbers["month"], numbers["day"], numbers["hour"], numbers["minute"])
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        return super().to_python(typed)  # made aware in the current time zone
