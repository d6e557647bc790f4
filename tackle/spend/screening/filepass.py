"""One pass over one file: the hot loop of the screening, in batches.

Rows are read in batches; each step of the work is then one C-level `map` over a whole column
(pick the cells, check the amounts, look up each row's bucket and year in caches whose misses are
filled by `__missing__`), so Python runs once per distinct value rather than once per row. Rows
that are not plain payments (ragged, a strange amount, a bad date, a total line, a blank) are set
aside and handled one by one by `_one_row`, which gives each its line number and reason.
"""

import operator
import re
from collections import defaultdict, deque
from collections.abc import Callable
from csv import Error as CsvError
from decimal import Decimal
from itertools import compress, islice, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from tackle.spend.screening import columns as cols
from tackle.spend.screening.values import PLAIN_AMOUNT, AmountError, parse_amount, parse_date

if TYPE_CHECKING:
    from tackle.spend.screening.engine import FileReport, Reject, Screener

BATCH = 4096
FOLD_AT = 250_000
# Removed from an amount before the bulk check: thousands separators, pound signs, spaces, quotes.
# (str.replace, one character at a time: far faster here than str.translate.)
_NOISE = (",", "£", " ")
TOTAL_LINE = -1  # a row's bucket when it is a total line, not a payment
_HAS_WORD = re.compile(r"[^\W_]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FUSED_DATE_AMOUNT = re.compile(r"\s*(\d{1,2}/\d{1,2}/\d{4})(-?[\d,]*\.?\d+)\s*")
_TOTAL_WORDS = {"total", "grand total", "sub total", "subtotal", "totals", "total spend", "net total"}
# The spellings a total line's first cell usually has, for a quick set test on a whole batch.
TOTAL_SPELLINGS = frozenset(
    spelling
    for word in _TOTAL_WORDS
    for cased in (word, word.upper(), word.title(), word.capitalize())
    for spelling in (cased, f"{cased}:", f" {cased} ", f"{cased} ")
)


class BadDate:
    """Stands for an unreadable date in the year cache (a reason is kept beside it)."""


BAD_DATE = BadDate()


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


class Years(dict[str, Any]):
    """Date text -> year code (see `year_code`), or BAD_DATE; filled on first sight."""

    def __init__(self, fixed_year: int | None, to_year: Callable[[Any], int]) -> None:
        super().__init__()
        self.fixed_year = fixed_year
        self.to_year = to_year
        self.reasons: dict[str, str] = {}

    def __missing__(self, text: str) -> Any:
        if len(self) > 500_000:
            self.clear()
        try:
            day = parse_date(text)
        except ValueError as error:
            self.reasons[text] = str(error)
            self[text] = BAD_DATE
            return BAD_DATE
        code = year_code(self.to_year(day) if day else self.fixed_year)
        self[text] = code
        return code


class FilePass:
    """Screens the rows of one file into the screener's buckets; counts and rejects are its own."""

    def __init__(self, screener: "Screener", reader: Any, report: "FileReport", header_line: int) -> None:
        from tackle.spend.screening.engine import financial_year

        self.screener = screener
        self.reader = reader
        self.report = report
        self.name = report.name
        mapping = report.mapping
        self.width = len(mapping.headers)
        at = mapping.columns.get
        self.amount_at = mapping.columns[cols.AMOUNT]
        self.date_at = at(cols.DATE)
        self.last_mapped = max(mapping.columns.values())
        self.first_is_payee = at(cols.SUPPLIER) == 0
        # Getters for the key cells; a field the file lacks reads as "".
        self.key_columns = [
            at(field) for field in (cols.CATEGORY, cols.SUPPLIER, cols.COMPANY_NUMBER, cols.DESCRIPTION)
        ]
        self.years = Years(financial_year(report.period) if report.period else None, financial_year)
        self.rejects: list[Reject] = []
        self.rejected = 0
        self.accepted = 0
        self.total = Decimal(0)
        self.last_line = header_line
        # Amounts waiting to be added, by bucket and year: summing many at once is cheaper than
        # one by one, and a batch rarely repeats a key. Folded every FOLD_AT amounts.
        self.pending: defaultdict[int, list[Decimal]] = defaultdict(list)
        self.pending_count = 0

    # The batch loop ----------------------------------------------------------------------------

    def run(self, on_batch: Callable[[], None]) -> None:
        reader = self.reader
        while True:
            batch: list[list[str]] = []
            base = self.last_line
            failed: CsvError | None = None
            try:
                batch.extend(islice(reader, BATCH))
            except CsvError as error:
                failed = error
            if not batch and failed is None:
                self.fold()
                break
            if failed is None and reader.line_num - base == len(batch):
                lines: Any = range(base + 1, base + 1 + len(batch))  # one physical line per row
            else:
                lines = _starts(batch, base)
            if batch:
                self._batch(batch, lines)
            self.last_line = reader.line_num
            if failed is not None:
                self._reject(reader.line_num, f"cannot read this line: {failed}")
            on_batch()

    def _batch(self, batch: list[list[str]], lines: Any) -> None:
        width = self.width
        count = len(batch)
        odd: list[int] = []  # rows handled one by one, by position in the batch
        positions: Any = range(count)
        rows = batch
        sizes = list(map(len, batch))
        if sizes.count(width) != count:
            fits = list(map(width.__eq__, sizes))
            odd.extend(compress(range(count), map(operator.not_, fits)))
            positions = list(compress(positions, fits))
            rows = list(compress(batch, fits))
        size = len(rows)
        texts = list(map(itemgetter(self.amount_at), rows))
        plain = list(map(operator.truth, map(PLAIN_AMOUNT.fullmatch, texts)))
        if plain.count(True) != size:
            # `£1,234.56` and ` 500 ` are common enough to clean in bulk; the rest go one by one.
            for noise in _NOISE:
                texts = list(map(str.replace, texts, repeat(noise), repeat("")))
            plain = list(map(operator.truth, map(PLAIN_AMOUNT.fullmatch, texts)))
        key_cells = [map(itemgetter(c), rows) if c is not None else repeat("", size) for c in self.key_columns]
        buckets = list(map(self.screener.row_buckets.__getitem__, zip(*key_cells, strict=False)))
        dates = map(itemgetter(self.date_at), rows) if self.date_at is not None else repeat("", size)
        years = list(map(self.years.__getitem__, dates))
        good = list(
            map(
                operator.and_,
                map(operator.and_, plain, map(TOTAL_LINE.__lt__, buckets)),
                map(operator.is_not, years, repeat(BAD_DATE)),
            )
        )
        if not self.first_is_payee and not TOTAL_SPELLINGS.isdisjoint(map(itemgetter(0), rows)):
            good = [flag and row[0] not in TOTAL_SPELLINGS for flag, row in zip(good, rows, strict=True)]
        if good.count(True) != size:
            odd.extend(compress(positions, map(operator.not_, good)))
            texts = list(compress(texts, good))
            buckets = list(compress(buckets, good))
            years = list(compress(years, good))
        for index in sorted(odd):  # in line order, so rejects are listed as the file reads
            self._one_row(batch[index], lines[index])
        amounts = list(map(Decimal, texts))
        keys = map(operator.add, map(operator.mul, buckets, repeat(YEARS_PER_BUCKET)), years)
        deque(map(list.append, map(self.pending.__getitem__, keys), amounts), maxlen=0)
        self.pending_count += len(amounts)
        if self.pending_count >= FOLD_AT:
            self.fold()
        self.accepted += len(amounts)
        self.total += sum(amounts, Decimal(0))

    def fold(self) -> None:
        """Add the amounts waiting in `pending` to their buckets' yearly totals."""
        all_buckets = self.screener.bucket_list
        for key, amounts in self.pending.items():
            bucket, code = divmod(key, YEARS_PER_BUCKET)
            year = year_of(code)
            by_year = all_buckets[bucket][2]
            slot = by_year.get(year)
            if slot is None:
                by_year[year] = [len(amounts), sum(amounts, Decimal(0))]
            else:
                slot[0] += len(amounts)
                slot[1] += sum(amounts, Decimal(0))
        self.pending.clear()
        self.pending_count = 0

    # One row at a time, for rows that are not plain payments -----------------------------------

    def _one_row(self, cells: list[str], start: int) -> None:
        width = self.width
        if len(cells) != width:
            if not any(cells):
                return
            fitted = self._fit(cells)
            if isinstance(fitted, str):
                if _has_word(cells):
                    last = min(_last_line(cells, start), self.reader.line_num)
                    joined = f" (a stray quote joined lines {start} to {last})" if last > start else ""
                    self._reject(start, fitted + joined)
                return
            cells = fitted
        try:
            amount = parse_amount(cells[self.amount_at])
        except AmountError as error:
            if _has_word(cells):
                self._reject(start, str(error))
            return
        if (not self.first_is_payee and is_total(cells[0])) or (
            bucket := self.screener.row_buckets[self._key(cells)]
        ) == TOTAL_LINE:
            self._reject(start, "a total line, not a payment")
            return
        day = cells[self.date_at] if self.date_at is not None else ""
        code = self.years[day]
        if code is BAD_DATE:
            self._reject(start, self.years.reasons[day])
            return
        self.pending[bucket * YEARS_PER_BUCKET + code].append(amount)
        self.pending_count += 1
        self.accepted += 1
        self.total += amount

    def _key(self, cells: list[str]) -> tuple[str, str, str, str]:
        category, supplier, number, description = (cells[c] if c is not None else "" for c in self.key_columns)
        return category, supplier, number, description

    def _fit(self, cells: list[str]) -> list[str] | str:
        """Make a ragged row fit the header, or say why it cannot. Empty cells beyond the header are
        dropped; cells missing after the last column we use are taken as empty; a date run into the
        amount (`25/06/2012900`, a known export fault) is split in two. Anything else is rejected:
        which cell went missing cannot be known."""
        width, date_at = self.width, self.date_at
        if len(cells) > width:
            if not any(cell.strip() for cell in cells[width:]):
                return cells[:width]
        elif (
            len(cells) == width - 1
            and date_at is not None
            and self.amount_at == date_at + 1
            and date_at < len(cells)
            and (match := _FUSED_DATE_AMOUNT.fullmatch(cells[date_at]))
        ):
            return [*cells[:date_at], match.group(1), match.group(2), *cells[date_at + 1 :]]
        if self.last_mapped < len(cells) < width:
            return cells + [""] * (width - len(cells))
        return f"row has {len(cells)} field{'s' if len(cells) != 1 else ''}; the header has {width}"

    def _reject(self, line: int, reason: str) -> None:
        from tackle.spend.screening.engine import MAX_REJECTS_KEPT, Reject

        self.rejected += 1
        if len(self.rejects) + len(self.screener.result.rejects) < MAX_REJECTS_KEPT:
            self.rejects.append(Reject(self.name, line, reason))


def _has_word(cells: list[str]) -> bool:
    return any(_HAS_WORD.search(cell) for cell in cells)


def _starts(batch: list[list[str]], base: int) -> list[int]:
    """The first physical line of each row, counting the line breaks inside quoted cells."""
    starts = []
    line = base + 1
    for cells in batch:
        starts.append(line)
        line += 1 + sum(len(_LINE_BREAK.findall(cell)) for cell in cells)
    return starts


def _last_line(cells: list[str], start: int) -> int:
    return start + sum(len(_LINE_BREAK.findall(cell)) for cell in cells)
