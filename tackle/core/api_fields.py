"""Date fields for the API with the forms' plausibility rule: nothing Tackle records happened before
1900, so a year like 0019 (a typing slip for 2019) is refused, not stored."""

from datetime import date
from typing import Any

from rest_framework import serializers

from tackle.core.forms import EARLIEST_YEAR


def _refuse_early_years(value: date) -> None:
    if value.year < EARLIEST_YEAR:
        raise serializers.ValidationError(f"Enter a year from {EARLIEST_YEAR} onwards, with 4 numbers, such as 2025")


class PlausibleDateField(serializers.DateField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators.append(_refuse_early_years)


class PlausibleDateTimeField(serializers.DateTimeField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators.append(_refuse_early_years)
