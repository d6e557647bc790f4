"""One pass over one file: the hot loop of the screening, in batches.

Rows are read in batches; each step of the work is then one C-level `map` over a whole column
(pick the cells, check the amounts, look up each row's bucket and year in caches whose misses are
filled by `__missing__`), so Python runs once per distinct value rather than once per row. Amounts
go to sums.PendingSums as text, never as a Decimal per row. Rows that are not plain payments
(ragged, a strange amount, a bad date, a total line, a blank) are set aside and handled one by one
by `_one_row`, which gives each its line number and reason.

Results must not depend on how the work is done: buckets are made, and the years of each bucket
first seen, in the same order as reading the rows one by one would, because the stored totals
(their order, reasons and payee names) follow the first row of each.
"""

import operator
import re
from collections import deque
from collections.abc import Callable
from csv import Error as CsvError
from decimal import Decimal
from itertools import compress, islice, repeat
from operator import itemgetter
from typing import Any

import numpy as np

from tackle.core.periods import financial_year_of
from tackle.spend.screening import headers as cols
from tackle.spend.screening import wording
from tackle.spend.screening.buckets import LOOK_FURTHER, NEW_CELLS, Buckets, GroupCodes, KeyCodes
from tackle.spend.screening.results import MAX_REJECTS_KEPT, FileReport, Reject
from tackle.spend.screening.rows import (
    AMOUNT_NOISE,
    BATCH,
    FOLD_AT,
    TOTAL_LINE,
    TOTAL_SPELLINGS,
    YEARS_PER_BUCKET,
    Years,
    is_total,
)
from tackle.spend.screening.sums import decimal_millionths, millionths_of, to_decimal
from tackle.spend.screening.values import PLAIN_AMOUNT, AmountError, parse_amount

_HAS_WORD = re.compile(r"[^\W_]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FUSED_DATE_AMOUNT = re.compile(r"\s*(\d{1,2}/\d{1,2}/\d{4})(-?[\d,]*\.?\d+)\s*")


class FilePass:
    """Screens the rows of one file into the run's buckets; counts and rejects are its own.
    `kept_before` is how many rejects the run had kept before this file (see MAX_REJECTS_KEPT)."""

    def __init__(self, buckets: Buckets, reader: Any, report: FileReport, header_line: int, kept_before: int) -> None:
        self.buckets = buckets
        self.kept_before = kept_before
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
        self.key_codes, self.key_of = KeyCodes.for_file(buckets, self.key_columns)
        self.group_codes: GroupCodes | None = None
        self.group_of: Any = None
        if buckets.quick_lookup:
            self.group_codes, self.group_of = GroupCodes.for_file(buckets, self.key_columns)
        self.amount_of = itemgetter(self.amount_at)
        self.date_of = itemgetter(self.date_at) if self.date_at is not None else None
        self.years = Years(financial_year_of(report.period) if report.period else None, financial_year_of)
        self.no_date = self.years[""]  # the year of a row in a file with no date column
        self.rejects: list[Reject] = []
        self.rejected = 0
        self.rejected_for_date = 0
        self.accepted = 0
        # The file's own total, exact: the sum in millionths and the most decimal places seen.
        self.total_millionths = 0
        self.total_places = 0
        self.last_line = header_line
        # Amounts waiting to be added, by bucket and year, shared by the run's files: summing many
        # at once is cheaper than one by one. Folded every FOLD_AT amounts and when the run ends.
        self.pending = buckets.pending

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
                break
            if failed is None and reader.line_num - base == len(batch):
                lines: Any = range(base + 1, base + 1 + len(batch))  # one physical line per row
            else:
                lines = _starts(batch, base)
            if batch:
                self._batch(batch, lines)
            self.last_line = reader.line_num
            if failed is not None:
                self._reject(reader.line_num, wording.LINE_UNREADABLE % {"error": failed})
            on_batch()

    def _batch(self, batch: list[list[str]], lines: Any) -> None:
        width = self.width
        count = len(batch)
        odd: list[int] = []  # rows handled one by one, by position in the batch
        positions: Any = range(count)
        rows = batch
        sizes = list(map(len, batch))
        if sizes.count(width) != count:
            fits = list(map(operator.eq, sizes, repeat(width)))  # (width.__eq__ is slower in a map)
            odd.extend(compress(range(count), map(operator.not_, fits)))
            positions = list(compress(positions, fits))
            rows = list(compress(batch, fits))
        size = len(rows)
        texts: list[Any] = list(map(self.amount_of, rows))
        readable = list(map(PLAIN_AMOUNT.fullmatch, texts))
        all_read = None not in readable
        rescued: dict[int, tuple[int, int]] = {}
        if not all_read:
            readable = self._clean_amounts(texts, readable, rows, rescued)
            all_read = all(readable)
        # Every row's key is looked up, in line order, before any is set aside: the first row
        # with a key creates its bucket, and buckets keep the order they were created in.
        key_of = self.key_of
        if key_of is None:  # no key columns: one key for every row (looked up only when there are rows)
            buckets: Any = repeat(self.key_codes[None], size) if size else ()
        elif self.group_codes is None:
            self.buckets.lookup_batches["full"] += 1
            buckets = map(self.key_codes.__getitem__, map(key_of, rows))
        else:
            self.buckets.lookup_batches["quick"] += 1
            buckets = self._buckets(rows, key_of)
        years: Any = map(self.years.__getitem__, map(self.date_of, rows)) if self.date_of else repeat(self.no_date)
        # The codes in a numpy array: finding the rows to set aside is then one array operation.
        codes = all_codes = np.fromiter(map(operator.add, buckets, years), np.int64, size)
        good: Any = None
        if size and (not all_read or codes.min() < 0):
            good = np.fromiter(map(operator.truth, readable), bool, size) & (codes >= 0)
        if not self.first_is_payee and not TOTAL_SPELLINGS.isdisjoint(map(itemgetter(0), rows)):
            if good is None:
                good = np.ones(size, dtype=bool)
            good &= np.fromiter((row[0] not in TOTAL_SPELLINGS for row in rows), bool, size)
        if good is not None and not good.all():
            keep = good.tolist()
            odd.extend(compress(positions, map(operator.not_, keep)))
            texts = list(compress(texts, keep))
            codes = codes[good]
        pending = self.pending
        # By position in the batch: the row's code and amount, for rows `_one_row` would accept.
        ready = {positions[at]: (int(all_codes[at]), *read) for at, read in rescued.items() if all_codes[at] >= 0}
        for index in sorted(odd):  # in line order, so rejects are listed as the file reads
            if index in ready:  # what `_one_row` would do with it, without reading it again
                self._add(pending.add_read(*ready[index]))
                self.accepted += 1
            else:
                self._one_row(batch[index], lines[index])
        self._add(pending.add_texts(codes, texts))
        self.accepted += len(codes)
        if pending.count >= FOLD_AT:
            self.buckets.fold()

    def _buckets(self, rows: list[list[str]], key_of: Any) -> list[int]:
        """Each row's bucket code: from GroupCodes where the description has no say, else from
        KeyCodes, looked up in line order (see GroupCodes)."""
        assert self.group_codes is not None
        buckets = list(map(self.group_codes.__getitem__, map(self.group_of, rows)))
        answers = np.fromiter(buckets, np.int64, len(buckets))
        further = (answers == LOOK_FURTHER) | (answers == NEW_CELLS)
        if further.any():
            at = np.flatnonzero(further).tolist()
            codes = map(self.key_codes.__getitem__, map(key_of, map(rows.__getitem__, at)))
            deque(map(buckets.__setitem__, at, codes), maxlen=0)  # puts each code in its place
        # Where the description has a say for most rows (categories the rules do not settle), two
        # lookups a row cost more than the one of KeyCodes: the rest of the file then does that.
        # Either way gives the same buckets; cells merely new do not count, as they soon are not.
        if np.count_nonzero(answers == LOOK_FURTHER) * 2 > len(buckets):
            self.group_codes = None
        return buckets

    def _add(self, added: tuple[int, int]) -> None:
        self.total_millionths += added[0]
        self.total_places = max(self.total_places, added[1])

    @property
    def total(self) -> Decimal:
        """The exact sum of the file's accepted amounts, as adding them from Decimal(0) gives it."""
        return to_decimal(self.total_millionths, self.total_places)

    def _clean_amounts(
        self, texts: list[Any], readable: list[Any], rows: list[list[str]], rescued: dict[int, tuple[int, int]]
    ) -> list[Any]:
        """Amounts the plain pattern refused, tried again without thousands separators, pound signs
        and spaces: those read then are plain payments. The rest are `_one_row`'s, but the amounts
        `parse_amount` reads (brackets, a trailing minus, `CR`) are read here, in `rescued` by
        position (as millionths and places, see sums.decimal_millionths), so that a row that is
        otherwise fine need not be read again one cell at a time.
        Such rows are still taken in line order among the odd ones, as the totals' order depends
        on it; and one whose first cell reads as a total line is left wholly to `_one_row`."""
        readable = list(map(operator.truth, readable))
        refused = list(compress(range(len(texts)), map(operator.not_, readable)))
        cleaned: Any = map(texts.__getitem__, refused)
        for noise in AMOUNT_NOISE:  # one C-level pass per character, over the refused amounts only
            cleaned = map(str.replace, cleaned, repeat(noise), repeat(""))
        cleaned = list(cleaned)
        for index, text, match in zip(refused, cleaned, map(PLAIN_AMOUNT.fullmatch, cleaned), strict=True):
            if match:
                texts[index] = text
                readable[index] = True
            elif self.first_is_payee or not is_total(rows[index][0]):
                # A plain amount in brackets, the usual way to write a refund, is read here as
                # parse_amount would read it (minus the amount inside), without making a Decimal.
                # `(-5)` is 5 to parse_amount: that is left to it.
                inside = text[1:-1]
                if text[:1] == "(" and text[-1:] == ")" and inside[:1] != "-" and PLAIN_AMOUNT.fullmatch(inside):
                    millionths, places = millionths_of(inside)
                    rescued[index] = (-millionths, places)
                    continue
                try:
                    rescued[index] = decimal_millionths(parse_amount(texts[index]))
                except AmountError:
                    continue
        return readable

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
                    if last > start:
                        fitted = wording.plural(
                            wording.ROW_WIDTH_JOINED, len(cells), {**self._widths(cells), "start": start, "last": last}
                        )
                    self._reject(start, fitted)
                return
            cells = fitted
        try:
            amount = parse_amount(cells[self.amount_at])
        except AmountError as error:
            if _has_word(cells):
                self._reject(start, str(error))
            return
        if not self.first_is_payee and is_total(cells[0]):
            self._reject(start, wording.TOTAL_LINE)
            return
        key = self._key(cells)
        bucket = self.buckets.row_buckets[key]
        if bucket == TOTAL_LINE:
            self._reject(start, wording.TOTAL_LINE)
            return
        day = cells[self.date_at] if self.date_at is not None else ""
        code = self.years[day]
        if code < 0:
            self.rejected_for_date += 1
            self._reject(start, self.years.reasons[day])
            return
        self._add(self.pending.add_one(bucket * YEARS_PER_BUCKET + code, amount))
        self.accepted += 1

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
        return wording.plural(wording.ROW_WIDTH, len(cells), self._widths(cells))

    def _widths(self, cells: list[str]) -> dict[str, object]:
        return {"found": len(cells), "width": self.width}

    def _reject(self, line: int, reason: str) -> None:
        self.rejected += 1
        if len(self.rejects) + self.kept_before < MAX_REJECTS_KEPT:
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
