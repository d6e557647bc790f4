"""Reading amounts and dates as councils publish them. Plain functions over text, no database.

Amounts: `1,234.56`, `£1234.56`, `GBP 12`, `(500.00)` and `500.00-` for negatives, `-£20`, stray
quotes and spaces. Dates: day first (the UK way) with `/`, `-` or `.`, ISO dates with or without a
time, `01-JUN-2012`, `1 June 2012`, and spreadsheet serial numbers.
"""

import re
from datetime import date, timedelta
from decimal import Decimal

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
        raise AmountError("amount is missing")
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
        raise AmountError(f"amount is not a number: {_shorten(text)}")
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
        raise DateError(f"date not recognised: {_shorten(text)}")
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
