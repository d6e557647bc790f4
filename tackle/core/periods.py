"""Financial years and their quarters.

Tackle counts in the UK public sector's financial year, 1 April to 31 March, because council
budgets, spending returns and FOI answers about money use it: "2025-26" runs from 1 April 2025 to
31 March 2026. Quarter 1 is April to June, quarter 2 July to September, quarter 3 October to
December and quarter 4 January to March.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Period:
    label: str
    starts_on: date
    ends_before: date  # the first day after the period

    @property
    def start_at(self) -> datetime:
        return datetime.combine(self.starts_on, time.min, tzinfo=LONDON)

    @property
    def end_at(self) -> datetime:
        return datetime.combine(self.ends_before, time.min, tzinfo=LONDON)


def financial_year_label(start_year: int) -> str:
    """2025 -> "2025-26"."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def financial_year_of(day: date) -> int:
    """The year a financial year starts in: 10 May 2025 and 10 February 2026 are both in 2025."""
    return day.year if day.month >= 4 else day.year - 1


def parse_financial_year(text: str) -> int | None:
    """ "2025-26" -> 2025; anything else -> None."""
    text = text.strip()
    if len(text) != 7 or text[4] != "-" or not (text.isascii() and text[:4].isdigit() and text[5:].isdigit()):
        return None
    start = int(text[:4])
    return start if (start + 1) % 100 == int(text[5:]) else None


def financial_year(start_year: int) -> Period:
    return Period(financial_year_label(start_year), date(start_year, 4, 1), date(start_year + 1, 4, 1))


def quarters(start_year: int) -> list[Period]:
    label = financial_year_label(start_year)
    starts = [date(start_year, 4, 1), date(start_year, 7, 1), date(start_year, 10, 1), date(start_year + 1, 1, 1)]
    ends = [*starts[1:], date(start_year + 1, 4, 1)]
    return [Period(f"Q{n} {label}", s, e) for n, (s, e) in enumerate(zip(starts, ends, strict=True), start=1)]


def periods(first_year: int, last_year: int, *, by: str = "quarter") -> list[Period]:
    years = range(first_year, last_year + 1)
    if by == "year":
        return [financial_year(year) for year in years]
    return [quarter for year in years for quarter in quarters(year)]


def end_of_day(as_of: date) -> datetime:
    """Midnight in London at the end of `as_of`: anything before it happened on or before that date."""
    return datetime.combine(as_of + timedelta(days=1), time.min, tzinfo=LONDON)


def today_in_london() -> date:
    return datetime.now(LONDON).date()
