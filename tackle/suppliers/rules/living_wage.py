"""The National Living Wage (UK statutory minimum hourly rate for the oldest age band), by the date
each rate came in. Rates change every 1 April; the age the rate starts at fell from 25 to 23 in
2021 and to 21 in 2024. Add next year's row when the government announces it (usually November).
"""

from datetime import date
from decimal import Decimal

from tackle.core.dated import DatedRule, value_on

# Pounds an hour, by the date each rate came in, oldest first. Public rates from GOV.UK
# "National Minimum Wage and National Living Wage rates".
NATIONAL_LIVING_WAGE: tuple[DatedRule[Decimal], ...] = (
    DatedRule(date(2016, 4, 1), Decimal("7.20")),
    DatedRule(date(2017, 4, 1), Decimal("7.50")),
    DatedRule(date(2018, 4, 1), Decimal("7.83")),
    DatedRule(date(2019, 4, 1), Decimal("8.21")),
    DatedRule(date(2020, 4, 1), Decimal("8.72")),
    DatedRule(date(2021, 4, 1), Decimal("8.91")),
    DatedRule(date(2022, 4, 1), Decimal("9.50")),
    DatedRule(date(2023, 4, 1), Decimal("10.42")),
    DatedRule(date(2024, 4, 1), Decimal("11.44")),
    DatedRule(date(2025, 4, 1), Decimal("12.21")),
    DatedRule(date(2026, 4, 1), Decimal("12.71")),
)

FIRST_YEAR = NATIONAL_LIVING_WAGE[0].in_force_from.year
LAST_YEAR = NATIONAL_LIVING_WAGE[-1].in_force_from.year


def rate_on(day: date) -> Decimal | None:
    """The rate in force on a day; None before the National Living Wage began."""
    return value_on(NATIONAL_LIVING_WAGE, day)


def rate_for_year(year: int) -> Decimal | None:
    """The rate set for a year: the one that came in on 1 April of that year. After the last known
    year, the latest known rate (it can only have gone up, so the floor stays a floor)."""
    if year < FIRST_YEAR:
        return None
    return rate_on(date(min(year, LAST_YEAR), 4, 1))
