"""The screening run: read each file, by columns or in batches of rows, and keep only running totals.

What counts as a data row: every record after the header row with a letter or a digit in at least
one cell. Blank records (nothing, or only spaces, commas and filler symbols) are skipped and not
counted; lines above the header (titles, report parameters) are not data. Every data row is either
accepted or rejected with its line number and reason, so accepted + rejected = read, always.

Speed comes from doing per distinct value what need not be done per row: a row's category,
supplier, company number and description form a key; the first row with that key pays for register
matching and classification and learns its bucket (payee and sector; see buckets.py); each
distinct date text is read once. A CSV file is screened by columns with Polars (columnar.py) where
Polars reads it as the csv module does, and row by row in batches otherwise (filepass.py, whose
rules both follow). What a run gives back is in results.py.

Modules import one way only, each from those before it: values, headers, sums, readers, matching
and payment_sectors; results; rows; buckets; filepass; columnar; screener; summary.
"""

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from decimal import localcontext
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any

from tackle.core.columns import fold_header, parse_map
from tackle.core.periods import financial_year_of
from tackle.core.table_stream import TableFile, open_table
from tackle.core.uploads import HEADER_SEARCH_ROWS, UploadError
from tackle.spend.screening import headers as cols
from tackle.spend.screening import wording
from tackle.spend.screening.buckets import Buckets
from tackle.spend.screening.filepass import FilePass
from tackle.spend.screening.matching import RegisterEntryLike
from tackle.spend.screening.payment_sectors import EMPTY_LEXICON, Lexicon
from tackle.spend.screening.readers import SpendFileError
from tackle.spend.screening.results import MAX_REJECTS_KEPT, FileReport, ScreenResult
from tackle.spend.screening.sums import to_decimal
from tackle.spend.screening.values import period_in_text

Progress = Callable[[int, int], None]


def period_from_name(name: str) -> date | None:
    """`2011-06-payments.csv` covers June 2011, `Q2 2023-24.csv` July to September 2023: used for
    rows whose date is missing or lost (see values.period_in_text)."""
    return period_in_text(name)


class Screener:
    """One screening run over any number of files, with the register and vocabulary it uses."""

    def __init__(
        self,
        *,
        register: Iterable[RegisterEntryLike] = (),
        lexicon: Lexicon = EMPTY_LEXICON,
        overrides: dict[str, dict[str, int | None]] | None = None,
        on_progress: Progress | None = None,
        quick_lookup: bool = True,
        columnar: bool = True,
        column_map: Sequence[str] = (),
    ) -> None:
        """quick_lookup=False looks every row up with all four key cells (see buckets.GroupCodes),
        and columnar=False reads every CSV file row by row (see screening.columnar): the same
        results, more slowly; the tests hold the quick ways to them."""
        self.buckets = Buckets(register=register, lexicon=lexicon, quick_lookup=quick_lookup)
        self.lookup_batches = self.buckets.lookup_batches  # how this process looked keys up
        self.columnar = columnar
        self.columnar_files = 0  # files screened by columns, in this process
        self.overrides = overrides or {}
        self.column_map = tuple(column_map)  # `FIELD=HEADER` corrections for every file (--map)
        self.on_progress = on_progress
        self.result = ScreenResult()
        self._bytes_done = 0
        self._bytes_total = 0

    # Public ----------------------------------------------------------------------------------

    def screen(self, paths: Sequence[Path], names: Sequence[str] | None = None, *, jobs: int = 1) -> ScreenResult:
        """Screen every file. `names` are what reports call each file (default: its file name).
        With jobs > 1, files are screened side by side in that many processes; the result is the
        same. Raises SpendFileError for a file that cannot be read at all."""
        names = list(names) if names is not None else [path.name for path in paths]
        self._bytes_total = sum(_size(path) for path in paths)
        # Millions of short-lived tuples and lists would make the cycle collector sweep the caches
        # over and over; nothing here makes reference cycles, so it is paused for the run.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._screen_all(paths, names, jobs)
        finally:
            if collecting:
                gc.enable()
        return self.result

    def _screen_all(self, paths: Sequence[Path], names: list[str], jobs: int) -> None:
        with localcontext(prec=60):
            if jobs > 1 and len(paths) > 1:
                self._screen_in_processes(list(paths), names, jobs)
            else:
                for path, name in zip(paths, names, strict=True):
                    self._screen_file(path, name)
            self.buckets.fold()
            for payee, info, by_year in self.buckets.bucket_list:
                for year, (count, millionths, places) in by_year.items():
                    self.result.totals.add(payee, info, year, count, to_decimal(millionths, places))

    def _screen_in_processes(self, paths: list[Path], names: list[str], jobs: int) -> None:
        """Files are cut into `jobs` runs of consecutive files, of about the same size. This
        process screens the first run itself while the others are screened in worker processes,
        each of which hands back its reports, rejects and buckets (in the order it made them, each
        with its sums by year in the order they first appeared). Screening runs one after another
        is what one process does, so adding the runs' buckets and years up in run order gives what
        one process gives, down to the order of the totals and which spelling names a payee."""
        shares = contiguous_shares([_size(path) for path in paths], min(jobs, len(paths)))
        buckets = self.buckets
        settings = (
            buckets.register.entries,
            buckets.classifier.lexicon,
            self.overrides,
            self.columnar,
            self.column_map,
        )
        # forkserver, not fork: the web worker and the test server run threads, and forking a
        # threaded process can deadlock the child (Python 3.14 makes it the default on Linux).
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=len(shares) - 1, mp_context=context) as pool:
            # Workers start (a fresh interpreter, imports) while this process screens its own run.
            others = [
                pool.submit(_screen_share, paths[share.start : share.stop], names[share.start : share.stop], settings)
                for share in shares[1:]
            ]
            for index in shares[0]:
                self._screen_file(paths[index], names[index])
            # Its amounts go into its buckets before any other run's, so years keep their order.
            self.buckets.fold()
            for share, future in zip(shares[1:], others, strict=True):
                self._merge_share(future.result())
                self._bytes_done += sum(_size(paths[index]) for index in share)
                self._progress(0)

    def _merge_share(self, outcome: tuple[Any, ...]) -> None:
        """Add what a worker gave for its run (see _screen_share) after the runs before it."""
        reports, rejects, rejected, their_buckets = outcome
        buckets = self.buckets
        for payee, info, years in their_buckets:
            by_year = buckets.bucket_list[buckets.bucket_for(payee, info)][2]
            for year, sums in years.items():
                slot = by_year.get(year)
                if slot is None:
                    by_year[year] = sums
                else:
                    slot[0] += sums[0]
                    slot[1] += sums[1]
                    slot[2] = max(slot[2], sums[2])
        self.result.files.extend(reports)
        self.result.rejects.extend(rejects[: max(0, MAX_REJECTS_KEPT - len(self.result.rejects))])
        self.result.rows_rejected += rejected

    # One file --------------------------------------------------------------------------------

    def _screen_file(self, path: Path, name: str, *, without_dates: str = "") -> None:
        """`without_dates`: why, on a second reading of a file whose date column could not be read
        on any row (see _dates_unreadable), that column is left out."""
        try:
            table = open_spend_table(path, name, self.column_map)
        except OSError as error:
            raise SpendFileError(wording.CANNOT_OPEN % {"name": name, "error": error.strerror or error}) from None
        try:
            with localcontext(prec=60):
                again = self._screen_rows(table, name, without_dates=without_dates)
        except UnicodeError:
            raise SpendFileError(wording.NOT_TEXT % {"name": name}) from None
        except UploadError as error:  # a workbook's row over the kernel's bounds, a damaged sheet
            raise SpendFileError(wording.IN_FILE % {"name": name, "problem": error.english}) from None
        finally:
            table.close()
        if again:
            self._screen_file(path, name, without_dates=again)

    def _screen_rows(self, table: TableFile, name: str, *, without_dates: str = "") -> str:
        """Screen the file's rows into the run. When the file must be read again without its date
        column, none of whose dates could be read, the reason, having added nothing; else ""."""
        header, header_line, title = table.header, table.header_line, table.title
        mapping = cols.map_columns(header)
        if self.column_map:
            try:
                mapping = cols.apply_overrides(mapping, parse_map(self.column_map, header, cols.FIELDS))
            except ValueError as error:
                raise SpendFileError(f"{name}: {error}") from None
        if name in self.overrides:
            mapping = cols.apply_overrides(mapping, self.overrides[name])
        if cols.AMOUNT not in mapping.columns:
            raise SpendFileError(wording.NO_AMOUNT_COLUMN % {"name": name, "line": header_line})
        date_header = header[mapping.columns[cols.DATE]].strip() if cols.DATE in mapping.columns else ""
        if without_dates:
            mapping = cols.apply_overrides(mapping, {cols.DATE: None})
        period, period_from = period_from_name(name), "name"
        if period is None:
            period, period_from = period_in_text(title), "title"
        report = FileReport(
            name=name,
            kind=table.kind,
            encoding=table.codec or table.kind,
            separator=table.delimiter,
            header_line=header_line,
            mapping=mapping,
            period=period,
        )
        file_pass = self._by_columns(table, report, header_line)
        by_columns = file_pass is not None
        if file_pass is None:
            file_pass = FilePass(self.buckets, table.cells, report, header_line, len(self.result.rejects))
            file_pass.run(lambda: self._progress(table.bytes_read()))
        if not without_dates and _dates_unreadable(file_pass):
            return next(iter(file_pass.years.reasons.values()))
        self.columnar_files += by_columns
        filled = _filled_from(period, period_from)
        if without_dates:
            report.gaps.append(
                wording.NO_DATES_READ % {"header": date_header, "reason": without_dates, "filled": filled}
            )
        elif file_pass.years.times_only_seen:
            examples = ", ".join(f"“{text}”" for text in file_pass.years.times_only)
            which = wording.SOME_TIMES_ONLY if file_pass.years.dates_read else wording.EVERY_TIME_ONLY
            report.gaps.append(which % {"header": date_header, "examples": examples, "filled": filled})
        report.rows_accepted = file_pass.accepted
        report.rows_rejected = file_pass.rejected
        report.total_amount = file_pass.total
        self.result.files.append(report)
        self.result.rejects.extend(file_pass.rejects)
        self.result.rows_rejected += file_pass.rejected
        self._bytes_done += table.size
        self._progress(0)
        return ""

    def _by_columns(self, table: TableFile, report: FileReport, header_line: int) -> FilePass | None:
        """The file screened by screening.columnar, or None where it must be read row by row."""
        if not self.columnar or table.codec not in ("utf-8", "utf-8-sig"):
            return None
        from tackle.spend.screening import columnar  # Polars is imported only when a file needs it

        try:
            file_pass = columnar.screen_file(
                self.buckets, table.path, table.delimiter, report, header_line, len(self.result.rejects)
            )
        except columnar.NotColumnar:
            return None
        return file_pass

    def _progress(self, within_file: int) -> None:
        if self.on_progress is not None:
            self.on_progress(min(self._bytes_done + within_file, self._bytes_total), self._bytes_total)


# Helpers ---------------------------------------------------------------------------------------


def contiguous_shares(sizes: Sequence[int], parts: int) -> list[range]:
    """Cut files of these sizes into `parts` runs of consecutive files (none empty, as long as
    there are that many files), each as close as it can be to an equal share of the bytes."""
    total = sum(sizes)
    ends = list(accumulate(sizes))
    cuts = [0]
    for part in range(1, parts):
        goal = total * part / parts
        # The first file after the cut: as near the goal as may be, leaving a file for each run.
        lowest, highest = cuts[-1] + 1, len(sizes) - (parts - part)
        cut = min(range(lowest, highest + 1), key=lambda at: abs(ends[at - 1] - goal))
        cuts.append(cut)
    cuts.append(len(sizes))
    return [range(start, end) for start, end in pairwise(cuts)]


def _screen_share(
    paths: list[Path], names: list[str], settings: tuple[Any, Lexicon, Any, bool, tuple[str, ...]]
) -> tuple[Any, ...]:
    """A run of files, in a worker process: its reports, rejects, rows rejected and buckets, each
    bucket as [payee, classification, {year: [rows, sum in millionths, most places]}], in the
    order this run made them (see Screener._merge_share)."""
    register, lexicon, overrides, by_columns, column_map = settings
    # One process a core: Polars (screening.columnar) need not start a thread for every core too.
    os.environ.setdefault("POLARS_MAX_THREADS", "1")
    gc.disable()  # as in Screener.screen: no cycles are made, and sweeping costs time
    screener = Screener(
        register=register, lexicon=lexicon, overrides=overrides, columnar=by_columns, column_map=column_map
    )
    with localcontext(prec=60):
        for path, name in zip(paths, names, strict=True):
            screener._screen_file(path, name)
    screener.buckets.fold()
    result = screener.result
    return result.files, result.rejects, result.rows_rejected, screener.buckets.bucket_list


# Fewer rows than this refused for their dates are read as bad rows, not as a broken column.
BROKEN_DATE_COLUMN_ROWS = 3


def _dates_unreadable(file_pass: FilePass) -> bool:
    """No row was kept, several were refused for their dates, and no date in the column could be
    read: the column is broken, not the rows (nothing was added, so reading again adds it once)."""
    return (
        file_pass.date_at is not None
        and not file_pass.accepted
        and file_pass.rejected_for_date >= BROKEN_DATE_COLUMN_ROWS
        and not file_pass.years.dates_read
    )


def _filled_from(period: date | None, source: str) -> str:
    if period is None:
        return wording.DATE_UNKNOWN
    year = financial_year_of(period)
    template = wording.PERIOD_FROM_NAME if source == "name" else wording.PERIOD_FROM_TITLE
    return template % {"year": f"{year}-{(year + 1) % 100:02d}", "period": f"{period:%B %Y}"}


def open_spend_table(path: Path, name: str, column_map: Sequence[str] = ()) -> TableFile:
    """The file through the kernel's reader, streamed: its header is the row among the first few
    that holds every header named by --map, else names the amount and most other fields (a title
    line above it may say which period the file covers). Raises SpendFileError when no row does."""
    try:
        table = open_table(
            path,
            vocabulary=cols.VOCABULARY,
            headed=[pair.partition("=")[2] for pair in column_map],
            required=[cols.AMOUNT],
        )
    except UploadError as error:
        raise SpendFileError(wording.IN_FILE % {"name": name, "problem": error.english}) from None
    named = {fold_header(pair.partition("=")[2]) for pair in column_map} - {""}
    if named and not named <= {fold_header(cell) for cell in table.header}:
        table.close()
        wanted = ", ".join(repr(pair.partition("=")[2].strip()) for pair in column_map)
        raise SpendFileError(f"{name}: no row in the first {HEADER_SEARCH_ROWS} lines holds the headers {wanted}")
    if not named and not cols.map_columns(table.header).usable:
        table.close()
        raise SpendFileError(
            f"{name}: no header row in the first {HEADER_SEARCH_ROWS} lines "
            "(looked for a row naming the amount and the supplier, date or category)"
        )
    return table


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
