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
from typing import TYPE_CHECKING, Any

import numpy as np

from tackle.spend.screening import columns as cols
from tackle.spend.screening.sums import PendingSums, decimal_millionths, millionths_of, to_decimal
from tackle.spend.screening.values import PLAIN_AMOUNT, AmountError, parse_amount, parse_date

if TYPE_CHECKING:
    from tackle.spend.screening.engine import FileReport, Reject, Screener

BATCH = 4096
FOLD_AT = 1 << 18  # amounts kept waiting (24 bytes each, about 4 times that while folding)
CACHE_LIMIT = 500_000  # distinct keys remembered; past this the memory of keys starts again (totals are kept)
# Removed from an amount before the bulk check: thousands separators, pound signs, spaces, quotes.
# (str.replace, one character at a time: far faster here than str.translate.)
AMOUNT_NOISE = (",", "£", " ")
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
    """Date text -> year code (see `year_code`), or ODD when it is not a date; filled on first sight."""

    def __init__(self, fixed_year: int | None, to_year: Callable[[Any], int]) -> None:
        super().__init__()
        self.fixed_year = fixed_year
        self.to_year = to_year
        self.reasons: dict[str, str] = {}

    def __missing__(self, text: str) -> int:
        if len(self) > CACHE_LIMIT:
            self.clear()
        try:
            day = parse_date(text)
        except ValueError as error:
            self.reasons[text] = str(error)
            self[text] = ODD
            return ODD
        code = year_code(self.to_year(day) if day else self.fixed_year)
        self[text] = code
        return code


class KeyCodes(dict[Any, int]):
    """A row's key cells, as picked by one itemgetter (a tuple, one cell, or `None` when a file has
    none of the key columns), -> bucket * YEARS_PER_BUCKET, or ODD for a total line. Shared by the
    files that have the same key fields (see `for_file`), so a payee is looked up once per run. A
    miss asks the screener's RowBuckets, which does the real work once per distinct key."""

    def __init__(self, screener: "Screener", places: tuple[int | None, ...]) -> None:
        super().__init__()
        self.row_buckets = screener.row_buckets
        self.places = places
        self.single = places.count(None) == len(places) - 1

    @staticmethod
    def for_file(screener: "Screener", key_columns: list[int | None]) -> tuple["KeyCodes", Any]:
        """The codes for a file with these key columns, and the getter that picks its key cells."""
        present = [column for column in key_columns if column is not None]
        # Where each of the four key fields sits in what the getter returns (None: not in the file).
        places = tuple(None if column is None else present.index(column) for column in key_columns)
        codes = screener.key_codes.get(places)
        if codes is None:
            codes = screener.key_codes[places] = KeyCodes(screener, places)
        return codes, itemgetter(*present) if present else None

    def __missing__(self, picked: Any) -> int:
        if len(self) >= CACHE_LIMIT:
            self.clear()
        cells = (picked,) if self.single else picked
        key = tuple("" if place is None else cells[place] for place in self.places)
        bucket = self.row_buckets[key]  # type: ignore[index]
        code = self[picked] = ODD if bucket == TOTAL_LINE else bucket * YEARS_PER_BUCKET
        return code


# GroupCodes' answers for rows it cannot settle: the description has a say, or the cells are new.
LOOK_FURTHER = -1
NEW_CELLS = -2


class GroupCodes(dict[Any, int]):
    """A row's category, supplier and company number cells, as one itemgetter picks them, ->
    bucket * YEARS_PER_BUCKET (ODD for a total line) where those cells settle the bucket whatever
    the description, else LOOK_FURTHER. Rows settled so are spared hashing their description (the
    longest key cell, a new string on every row) and comparing it.

    A miss only reads what the screener already knows and makes nothing: cells not seen before
    give NEW_CELLS, unremembered. The rows that get LOOK_FURTHER or NEW_CELLS are then looked up
    in KeyCodes, in line order; as only those can make a bucket, buckets are made in the same
    order as when every row is looked up in KeyCodes. Used for files with a description column
    (see FilePass._buckets for when a file stops using it)."""

    def __init__(self, screener: "Screener", places: tuple[int | None, ...]) -> None:
        super().__init__()
        self.screener = screener
        self.places = places
        self.single = places.count(None) == len(places) - 1

    @staticmethod
    def for_file(screener: "Screener", key_columns: list[int | None]) -> tuple["GroupCodes | None", Any]:
        """As KeyCodes.for_file, for the first three key fields; (None, None) where there is no
        description column, or none of the other three, so KeyCodes alone is the shorter way."""
        *fields, description = key_columns
        present = [column for column in fields if column is not None]
        if description is None or not present:
            return None, None
        places = tuple(None if column is None else present.index(column) for column in fields)
        codes = screener.group_codes.get(places)
        if codes is None:
            codes = screener.group_codes[places] = GroupCodes(screener, places)
        return codes, itemgetter(*present)

    def __missing__(self, picked: Any) -> int:
        cells = (picked,) if self.single else picked
        category, supplier, number = ("" if place is None else cells[place] for place in self.places)
        group = self.screener.known_group(category, supplier, number)
        if group is None:
            return NEW_CELLS
        if len(self) >= CACHE_LIMIT:
            self.clear()
        if isinstance(group, dict):  # the description has a say
            code = self[picked] = LOOK_FURTHER
        else:
            code = self[picked] = ODD if group == TOTAL_LINE else group * YEARS_PER_BUCKET
        return code


class FilePass:
    """Screens the rows of one file into the screener's buckets; counts and rejects are its own."""

    def __init__(self, screener: "Screener", reader: Any, report: "FileReport", header_line: int) -> None:
        from tackle.core.periods import financial_year_of

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
        self.key_codes, self.key_of = KeyCodes.for_file(screener, self.key_columns)
        self.group_codes: GroupCodes | None = None
        self.group_of: Any = None
        if screener.quick_lookup:
            self.group_codes, self.group_of = GroupCodes.for_file(screener, self.key_columns)
        self.amount_of = itemgetter(self.amount_at)
        self.date_of = itemgetter(self.date_at) if self.date_at is not None else None
        self.years = Years(financial_year_of(report.period) if report.period else None, financial_year_of)
        self.no_date = self.years[""]  # the year of a row in a file with no date column
        self.rejects: list[Reject] = []
        self.rejected = 0
        self.accepted = 0
        # The file's own total, exact: the sum in millionths and the most decimal places seen.
        self.total_millionths = 0
        self.total_places = 0
        self.last_line = header_line
        # Amounts waiting to be added, by bucket and year, shared by the run's files: summing many
        # at once is cheaper than one by one. Folded every FOLD_AT amounts and when the run ends.
        self.pending = screener.pending

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
            self.screener.lookup_batches["full"] += 1
            buckets = map(self.key_codes.__getitem__, map(key_of, rows))
        else:
            self.screener.lookup_batches["quick"] += 1
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
            self.screener.fold()

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
        if not self.first_is_payee and is_total(cells[0]):
            self._reject(start, "a total line, not a payment")
            return
        key = self._key(cells)
        bucket = self.screener.row_buckets[key]
        if bucket == TOTAL_LINE:
            self._reject(start, "a total line, not a payment")
            return
        day = cells[self.date_at] if self.date_at is not None else ""
        code = self.years[day]
        if code < 0:
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
        return f"row has {len(cells)} field{'s' if len(cells) != 1 else ''}; the header has {width}"

    def _reject(self, line: int, reason: str) -> None:
        from tackle.spend.screening.engine import MAX_REJECTS_KEPT, Reject

        self.rejected += 1
        if len(self.rejects) + len(self.screener.result.rejects) < MAX_REJECTS_KEPT:
            self.rejects.append(Reject(self.name, line, reason))


def fold_into(buckets: list[list[Any]], pending: PendingSums) -> None:
    """Add the amounts waiting in `pending` to their buckets' yearly totals, which are kept as
    [rows, sum in millionths, most decimal places] (see sums.to_decimal) until the run ends."""
    for key, count, millionths, places in pending.drain():
        bucket, code = divmod(key, YEARS_PER_BUCKET)
        by_year = buckets[bucket][2]
        year = year_of(code)
        slot = by_year.get(year)
        if slot is None:
            by_year[year] = [count, millionths, places]
        else:
            slot[0] += count
            slot[1] += millionths
            if places > slot[2]:
                slot[2] = places


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
