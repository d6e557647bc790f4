"""Reading amounts and dates as councils publish them. Plain functions over text, no database.

Amounts: `1,234.56`, `£1234.56`, `GBP 12`, `(500.00)` and `500.00-` for negatives, `-£20`, stray
quotes and spaces. Dates: day first (the UK way) with `/`, `-` or `.`, ISO dates with or without a
time, `01-JUN-2012`, `1 June 2012`, and spreadsheet serial numbers.
"""

import re
from datetime import date, timedelta
from decimal import Decimal

from tackle.spend.screening import wording

# Twelve digits before the point and six after keep every sum exact in a 60-digit context, and no
# council pays a single supplier a trillion pounds in one line.
PLAIN_AMOUNT = re.compile(r"-?(?:\d{1,12}(?:\.\d{0,6})?|\.\d{1,6})")
_NOISE = re.compile(r"[\s\"'£$,\u00a0]|GBP|gbp")
_SIGN_AFTER = re.compile(r"(.*\d)-")
_CREDIT = re.compile(r"(.*\d)\s*(?:CR|cr|Cr)")


class AmountError(ValueError):
    """The text is not an amount of money; the message says why, for the reject list."""


def parse_amount(text: str) -> Decimal:
    """The amount in `text`, exactly. Raises AmountError with a reason a person can act on."""
    if PLAIN_AMOUNT.fullmatch(text):
        return Decimal(text)
    quick = text.replace(",", "").replace("£", "")
    if PLAIN_AMOUNT.fullmatch(quick):
        return Decimal(quick)
    cleaned = _NOISE.sub("", text)
    if not cleaned:
        raise AmountError(wording.AMOUNT_MISSING)
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    elif (match := _CREDIT.fullmatch(cleaned)) or (match := _SIGN_AFTER.fullmatch(cleaned)):
        negative, cleaned = True, match.group(1)
    if cleaned.startswith("-"):
        negative, cleaned = not negative, cleaned[1:]
    elif cleaned.startswith("+"):
        cleaned = cleaned[1:]
    if not cleaned or not PLAIN_AMOUNT.fullmatch(cleaned) or cleaned.startswith("-"):
        raise AmountError(wording.AMOUNT_NOT_A_NUMBER % {"text": _shorten(text)})
    amount = Decimal(cleaned)
    return -amount if negative else amount


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})" + _TIME)
_ISO = re.compile(r"(\d{4})[\-/](\d{1,2})[\-/](\d{1,2})" + _TIME)
_NAMED_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ \-/]([A-Za-z]{3,9})[ \-/,]+(\d{4}|\d{2})" + _TIME)
_SERIAL = re.compile(r"\d{5}(?:\.0+)?")
_EXCEL_EPOCH = date(1899, 12, 30)
EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)


class DateError(ValueError):
    """The text is not a date we can read."""


def parse_date(text: str) -> date | None:
    """The date in `text`, or None when the cell is empty. Raises DateError when it is not a date."""
    cleaned = text.strip().strip("\"'").strip()
    if not cleaned:
        return None
    try:
        found = _read_date(cleaned)
    except ValueError:  # a day or month out of range, such as 31/02/2012
        found = None
    if found is None or not EARLIEST <= found <= LATEST:
        raise DateError(wording.DATE_NOT_RECOGNISED % {"text": _shorten(text)})
    return found


def _read_date(text: str) -> date | None:
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        return date(_full_year(year, match.group(3)), month, day)
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return date(year, month, day)
    if match := _NAMED_MONTH.fullmatch(text):
        named = MONTHS.get(match.group(2).lower())
        if named is None:
            return None
        return date(_full_year(int(match.group(3)), match.group(3)), named, int(match.group(1)))
    if _SERIAL.fullmatch(text):
        return _EXCEL_EPOCH + timedelta(days=int(float(text)))
    return None


def _full_year(year: int, written: str) -> int:
    if len(written) == 4:
        return year
    return 2000 + year if year < 70 else 1900 + year


def _shorten(text: str, limit: int = 40) -> str:
    text = text.strip()
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_QUARTER_FIRST = re.compile(
    r"(?<![a-z0-9])q([1-4])[\s_\-]*(?:of\s+)?(?:fy\s*)?((?:19|20)\d{2})[\-/](\d{2}|\d{4})(?!\d)"
)
_QUARTER_LAST = re.compile(r"(?<!\d)((?:19|20)\d{2})[\-/](\d{2}|\d{4})[\s_\-]*q([1-4])(?![a-z0-9])")
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_ .]?(0[1-9]|1[0-2])(?!\d)")
_MONTH_YEAR = re.compile(rf"(?<![a-z])({_MONTH_NAMES})(?![a-z])[\s_\-,.]*((?:19|20)\d{{2}})(?!\d)")
_FINANCIAL_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})[\-/](\d{2})(?!\d)")


def period_in_text(text: str) -> date | None:
    """The first day of the period a file's name or title names, or None: `2011-06-payments.csv`
    and `Payments July 2024` name a month; `Q2 2023-24` the quarter from 1 July 2023 (quarters of
    the financial year, which starts in April); `Spend 2023-24` the financial year."""
    text = text.lower()
    if match := _QUARTER_FIRST.search(text):
        return _quarter_start(int(match.group(2)), match.group(3), int(match.group(1)))
    if match := _QUARTER_LAST.search(text):
        return _quarter_start(int(match.group(1)), match.group(2), int(match.group(3)))
    if match := _YEAR_MONTH.search(text):
        return date(int(match.group(1)), int(match.group(2)), 1)
    if match := _MONTH_YEAR.search(text):
        return date(int(match.group(2)), MONTHS[match.group(1)], 1)
    if (match := _FINANCIAL_YEAR.search(text)) and _next_year(int(match.group(1)), match.group(2)):
        return date(int(match.group(1)), 4, 1)
    return None


def _next_year(first: int, written: str) -> bool:
    return int(written) == (first + 1) % (100 if len(written) == 2 else 10_000)


def _quarter_start(first: int, written: str, quarter: int) -> date | None:
    if not _next_year(first, written):
        return None
    month = 4 + 3 * (quarter - 1)
    return date(first, month, 1) if month <= 12 else date(first + 1, month - 12, 1)


_TIME_ONLY = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?|0?\.\d+", re.IGNORECASE)


def is_time_only(text: str) -> bool:
    """`09:30:00`, `9:30 am`, or a spreadsheet's fraction of a day (`0.395833`): a time with no
    date, what an export leaves when it drops the date part of a date and time."""
    return bool(_TIME_ONLY.fullmatch(text.strip().strip("\"'").strip()))
