"""What both ways of screening a file (filepass.py row by row, columnar.py by columns) agree on
about a row: the batch and cache sizes, which first cells make a total line, and the one int a row
becomes, its bucket and financial year together, below zero when the row needs a closer look.
"""

from collections.abc import Callable
from typing import Any

from tackle.spend.screening.values import is_time_only, parse_date

BATCH = 4096
FOLD_AT = 1 << 18  # amounts kept waiting (24 bytes each, about 4 times that while folding)
CACHE_LIMIT = 500_000  # distinct keys remembered; past this the memory of keys starts again (totals are kept)
# Removed from an amount before the bulk check: thousands separators, pound signs, spaces, quotes.
# (str.replace, one character at a time: far faster here than str.translate.)
AMOUNT_NOISE = (",", "£", " ")
TOTAL_LINE = -1  # a row's bucket when it is a total line, not a payment
_TOTAL_WORDS = {"total", "grand total", "sub total", "subtotal", "totals", "total spend", "net total"}
# The spellings a total line's first cell usually has, for a quick set test on a whole batch.
TOTAL_SPELLINGS = frozenset(
    spelling
    for word in _TOTAL_WORDS
    for cased in (word, word.upper(), word.title(), word.capitalize())
    for spelling in (cased, f"{cased}:", f" {cased} ", f"{cased} ")
)


# A row's code (bucket * YEARS_PER_BUCKET + year code) is below zero when the row is not a plain
# payment: ODD stands for a total line in the bucket part and for an unreadable date in the year
# part, so one `min()` over a batch's codes tells whether any row needs a closer look.
ODD = -(1 << 62)
NO_YEAR = 999
YEARS_PER_BUCKET = 1000


def year_code(year: int | None) -> int:
    """A financial year as a small number (1900 is 0; unknown is NO_YEAR): a bucket and a year
    then make one int key, bucket * YEARS_PER_BUCKET + code, cheaper to hash than a tuple."""
    return NO_YEAR if year is None else year - 1900


def year_of(code: int) -> int | None:
    return None if code == NO_YEAR else code + 1900


def is_total(text: str) -> bool:
    return " ".join(text.lower().replace(":", " ").split()) in _TOTAL_WORDS


class Years(dict[str, int]):
    """Date text -> year code (see `year_code`), or ODD when it is not a date; filled on first sight.

    A cell holding only a time of day is a date the export lost, not a row that cannot be read: it
    takes the file's own year (`fixed_year`, from its name or title; unknown without one), as an
    empty cell does, and is counted so the file's report can say so once."""

    def __init__(self, fixed_year: int | None, to_year: Callable[[Any], int]) -> None:
        super().__init__()
        self.fixed_year = fixed_year
        self.to_year = to_year
        self.reasons: dict[str, str] = {}
        self.dates_read = 0  # distinct texts read as a date
        self.times_only: list[str] = []  # distinct texts holding only a time (the first few kept)
        self.times_only_seen = 0

    def __missing__(self, text: str) -> int:
        if len(self) > CACHE_LIMIT:
            self.clear()
        try:
            day = parse_date(text)
        except ValueError as error:
            if is_time_only(text):
                self.times_only_seen += 1
                if len(self.times_only) < 3:
                    self.times_only.append(text.strip())
                code = year_code(self.fixed_year)
            else:
                self.reasons[text] = str(error)
                code = ODD
            self[text] = code
            return code
        self.dates_read += day is not None
        code = year_code(self.to_year(day) if day else self.fixed_year)
        self[text] = code
        return code
