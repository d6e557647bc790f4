"""What an FOI request asks: its questions in the requester's order, and the periods it covers.

A requester may ask by calendar year ("2019 to 2023"), by financial year, or between two dates; the
periods are kept in the order asked, so "2023, 2022, 2021" is answered in that order.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from tackle.core.periods import Period, financial_year, financial_year_of


class PeriodKind(StrEnum):
    CALENDAR = "calendar"
    FINANCIAL = "financial"
    DATES = "dates"


class BeforeRecords(StrEnum):
    """What to say for a period before the council's records of something begin."""

    NOT_HELD = "not_held"  # nothing was kept: the information is not held
    COST_LIMIT = "cost_limit"  # kept on paper: finding it would exceed the section 12 cost limit


@dataclass(frozen=True)
class FoiRequest:
    questions: tuple[str, ...]  # keys of foi.questions.QUESTIONS, in the requester's order
    kind: PeriodKind
    periods: tuple[Period, ...]  # in the requester's order
    before_records: BeforeRecords = BeforeRecords.NOT_HELD

    @property
    def by_financial_year(self) -> bool:
        return self.kind == PeriodKind.FINANCIAL

    @property
    def span(self) -> Period:
        """From the earliest period's first day to the latest's end."""
        starts, ends = min(p.starts_on for p in self.periods), max(p.ends_before for p in self.periods)
        return Period(f"{starts:%-d %B %Y} to {ends - timedelta(days=1):%-d %B %Y}", starts, ends)

    def financial_years(self) -> list[Period]:
        """The financial years the request covers, in its order: money is recorded by financial year."""
        if self.by_financial_year:
            return list(self.periods)
        years: list[int] = []
        for period in self.periods:
            last = financial_year_of(period.ends_before - timedelta(days=1))
            span = range(financial_year_of(period.starts_on), last + 1)
            descending = self.periods[0].starts_on > self.periods[-1].starts_on
            for year in reversed(span) if descending else span:
                if year not in years:
                    years.append(year)
        return [financial_year(year) for year in years]


def calendar_year(year: int) -> Period:
    return Period(str(year), date(year, 1, 1), date(year + 1, 1, 1))


def years_asked(first: int, last: int) -> list[int]:
    """From the first year asked to the last, descending when the requester listed them so."""
    step = 1 if last >= first else -1
    return list(range(first, last + step, step))


def request_periods(kind: PeriodKind, *, first_year: int = 0, last_year: int = 0, starts_on: date | None = None,
                    ends_on: date | None = None) -> tuple[Period, ...]:  # fmt: skip
    """The periods of a request: each year from `first_year` to `last_year`, or one span of dates
    from `starts_on` to `ends_on`, both days included."""
    if kind == PeriodKind.DATES:
        assert starts_on is not None and ends_on is not None
        label = f"{starts_on:%-d %B %Y} to {ends_on:%-d %B %Y}"
        return (Period(label, starts_on, ends_on + timedelta(days=1)),)
    make = calendar_year if kind == PeriodKind.CALENDAR else financial_year
    return tuple(make(year) for year in years_asked(first_year, last_year))
