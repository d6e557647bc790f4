"""The period a statement covers, from the dates written in it.

Statements say it in a handful of ways: "1 April 2024 to 31 March 2025", "01/04/2024 - 31/03/2025",
"April 2024 to March 2025", "the financial year ending 31 March 2025", "year ended 31 December
2024", "financial year 2024/25". A range written out wins over a year-end phrase; the first match
in the text wins among equals (statements state their period near the top).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# "1 April 2024", "1st of April 2024", "April 1, 2024", "01/04/2024", "2024-04-01"
_DATE = (
    rf"(?:{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|[0-3]?\d[/.][01]?\d[/.]{_YEAR}"
    rf"|{_YEAR}-[01]\d-[0-3]\d)"
)
_TO = r"\s*(?:to|until|till|through|and|-|\u2013|\u2014)\s*"
_RANGE = re.compile(rf"(?:from|between|period|covering|covers)?\s*({_DATE}){_TO}({_DATE})", re.IGNORECASE)
_MONTH_RANGE = re.compile(rf"\b({_MONTH})\s+({_YEAR}){_TO}({_MONTH})\s+({_YEAR})\b", re.IGNORECASE)
_YEAR_END = re.compile(
    rf"(?:financial|fiscal|reporting|accounting)?\s*(?:year|period)\s+(?:ending|ended|to|end(?:ing)?\s+on)\s+(?:on\s+)?({_DATE})",
    re.IGNORECASE,
)
_SPLIT_YEAR = re.compile(rf"(?:financial|fiscal)\s+year\s+({_YEAR})\s*[/-]\s*(\d{{2}}|{_YEAR})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    start: date | None
    end: date | None


def parse_date(text: str) -> date | None:
    """One date as written in a statement, or None when it is not a real date."""
    raw = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip().lower().replace(",", " "))
    raw = re.sub(r"\bof\b|\.(?=\s|$)", " ", raw)
    parts = raw.split()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return date.fromisoformat(raw)
        numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", raw)
        if numeric:  # UK order: day first
            return date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
        if len(parts) == 3 and parts[0].isdigit():
            return date(int(parts[2]), _MONTHS[parts[1]], int(parts[0]))
        if len(parts) == 3 and parts[1].isdigit():
            return date(int(parts[2]), _MONTHS[parts[0]], int(parts[1]))
    except (KeyError, ValueError):
        return None
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_before(end: date) -> date:
    """The first day of the twelve months that finish on `end`."""
    try:
        return end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return date(end.year - 1, 3, 1)


def _plausible(start: date, end: date) -> bool:
    """A reporting period runs from about six months to two years; other ranges are events."""
    return 150 <= (end - start).days <= 800


def find_period(text: str) -> Period:
    for match in _RANGE.finditer(text):
        start, end = parse_date(match[1]), parse_date(match[2])
        if start and end and _plausible(start, end):
            return Period(start, end)
    for match in _MONTH_RANGE.finditer(text):
        try:
            start = date(int(match[2]), _MONTHS[match[1].lower().rstrip(".")], 1)
            end = _month_end(int(match[4]), _MONTHS[match[3].lower().rstrip(".")])
        except (KeyError, ValueError):
            continue
        if _plausible(start, end):
            return Period(start, end)
    for match in _YEAR_END.finditer(text):
        end = parse_date(match[1])
        if end:
            return Period(_year_before(end), end)
    for match in _SPLIT_YEAR.finditer(text):
        first = int(match[1])
        second = int(match[2]) if len(match[2]) == 4 else first // 100 * 100 + int(match[2])
        if second == first + 1:
            # A split year without dates is the UK financial year, April to March.
            return Period(date(first, 4, 1), date(second, 3, 31))
    return Period(None, None)
