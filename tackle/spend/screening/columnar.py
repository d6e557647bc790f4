"""Screening one CSV file by columns, with Polars: FilePass's outcome, several times faster.

Polars reads the whole file into columns (in Rust, on every core) and does the per-row work on
them; Python runs once per new key, once per distinct date and once per odd row, never once per
plain row. It is used only where Polars reads the file as the csv module does (see `_read`):
UTF-8, no NUL, every line ending in LF or CRLF, no line as long as the csv module's field limit,
and no record running over a line break, so that record n is line n. A line whose quotes Polars
might read differently (a quote that does not open or close a whole cell) is read again by the
csv module, on its own. Anything else, and any error from Polars, leaves the file to FilePass,
where every rule lives: odd rows are still handed to FilePass._one_row.

FilePass's outcome depends on the order it works in: buckets are made, and each bucket's years
listed, in the order it first meets them. It reads BATCH lines at a time, and in each batch it
(0) looks up the key of every row as wide as the header, in line order, (1) takes the odd rows one
by one, in line order, then (2) adds the plain payments. This pass keeps that order: it makes the
buckets batch by batch, phase 0 then phase 1, and hands the sums to `pending` with each key
placed where FilePass would first have added to it, (batch, phase, line).
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from tackle.spend.screening.buckets import Buckets
from tackle.spend.screening.filepass import FilePass
from tackle.spend.screening.readers import FIELD_LIMIT
from tackle.spend.screening.results import FileReport
from tackle.spend.screening.rows import (
    AMOUNT_NOISE,
    BATCH,
    CACHE_LIMIT,
    FOLD_AT,
    ODD,
    TOTAL_LINE,
    TOTAL_SPELLINGS,
    YEARS_PER_BUCKET,
)
from tackle.spend.screening.sums import decimal_millionths
from tackle.spend.screening.values import PLAIN_AMOUNT

# Larger files are streamed by FilePass, whose memory does not grow with the file; Polars holds a
# file in memory, about twice its size.
MAX_BYTES = 128 * 1024 * 1024
# values.PLAIN_AMOUNT with 0-9 for `\d` (which in Python takes any script's digits; see _sort).
_PLAIN_ASCII = PLAIN_AMOUNT.pattern.replace(r"\d", "[0-9]")
_DIGITS = _PLAIN_ASCII.removeprefix("-?")  # without its sign
_PLAIN = f"^{_PLAIN_ASCII}$"
_ASCII_PLAIN = re.compile(_PLAIN_ASCII)
_BRACKETED = rf"^\({_DIGITS}\)$"  # a refund as FilePass._clean_amounts reads it without parse_amount
_NOISE = f"[{''.join(AMOUNT_NOISE)}]"  # what FilePass strips from an amount before trying it again
_QUOTED_CELL = r'"(?:[^"]|"")*"'
_IN_CLASS = {",": ",", ";": ";", "|": "|", "\t": r"\t"}
_LITERAL = {",": ",", ";": ";", "|": r"\|", "\t": r"\t"}
KEYS = ["k0", "k1", "k2", "k3"]  # category, supplier, company number, description ("" if absent)
_STAMP = 1 << 32  # (batch * 2 + phase - 1) * _STAMP + record: where FilePass first adds to a key


class NotColumnar(Exception):
    """This file is not one Polars is known to read as the csv module does; FilePass takes it."""


@dataclass
class _Row:
    """A row for FilePass._one_row: where it is (records after the header, from 0) and its cells
    as the csv module reads them."""

    index: int
    cells: list[str]


def screen_file(
    buckets: Buckets, path: Path, separator: str, report: FileReport, header_line: int, kept_before: int
) -> FilePass:
    """Screen the file after its header into the run's buckets; the FilePass returned holds the
    file's counts, rejects and total (`kept_before` as for FilePass). Raises NotColumnar, having
    changed nothing, when the file must go through FilePass."""
    if path.stat().st_size > MAX_BYTES or not _plain_head(path, header_line):
        raise NotColumnar
    file_pass = FilePass(buckets, _NoReader(), report, header_line, kept_before)
    try:
        plan = _Plan(file_pass, path, separator, header_line)  # every check is made here, before any change
    except (pl.exceptions.PolarsError, pl.exceptions.PanicException) as error:  # a panic is not an Exception
        raise NotColumnar from error
    plan.carry_out()
    return file_pass


class _NoReader:
    """FilePass._one_row asks its reader how far it has read, to name the lines a stray quote
    joined; here no record spans lines, so no line is further than the row's own."""

    line_num = 1 << 62


def _plain_head(path: Path, header_line: int) -> bool:
    """No NUL and no CR but in CRLF in the lines down to the header: Polars skips them by LF alone,
    the csv module counted a lone CR as a line break. (Data lines are checked in `_read`.)"""
    with path.open("rb") as handle:
        for _ in range(header_line):
            line = handle.readline()
            body = line[:-2] if line.endswith(b"\r\n") else line.rstrip(b"\n")
            if b"\r" in body or b"\x00" in body:
                return False
    return True


class _Plan:
    """The file read and sorted into plain payments, refunds in brackets and odd rows, with every
    check done; `carry_out` then changes the buckets, and cannot fail part way."""

    def __init__(self, file_pass: FilePass, path: Path, separator: str, header_line: int) -> None:
        self.file_pass = file_pass
        self.buckets = file_pass.buckets
        self.header_line = header_line
        self.names = [f"c{index}" for index in range(file_pass.width)]
        rows, ragged = self._read(path, separator)
        self._sort(rows, ragged)

    # Reading ---------------------------------------------------------------------------------

    def _read(self, path: Path, separator: str) -> tuple[pl.DataFrame, list[_Row]]:
        """The rows as wide as the header, and the others (not blank) as the csv module reads them."""
        width = len(self.names)
        common: dict[str, Any] = {"has_header": False, "skip_lines": self.header_line, "raise_if_empty": False}
        lines = pl.read_csv(path, separator="\x01", quote_char=None, schema={"line": pl.String}, **common)
        cells = pl.read_csv(
            path,
            separator=separator,
            schema=dict.fromkeys(self.names, pl.String),
            truncate_ragged_lines=True,
            missing_columns="insert",  # the first line may be short, long or blank: every row is fitted
            extra_columns="ignore",
            **common,
        )
        if lines.height != cells.height:  # a record ran over a line break
            raise NotColumnar
        line = pl.col("line")
        lines = lines.with_row_index("r").with_columns(
            fields=line.str.count_matches(separator, literal=True) + 1, quoted=line.str.contains('"', literal=True)
        )
        longest = lines.select(pl.col("line").str.len_bytes().max()).item()
        if (longest or 0) >= FIELD_LIMIT:  # the csv module would refuse the line
            raise NotColumnar
        if lines["line"].str.contains("[\r\x00]").any():  # a lone CR ends a line for the csv module only
            raise NotColumnar
        cell = f'(?:{_QUOTED_CELL}|[^"{_IN_CLASS[separator]}]*)'
        quoted = lines.filter(pl.col("quoted")).select(
            "r",
            "line",
            fields=line.str.replace_all(_QUOTED_CELL, "").str.count_matches(separator, literal=True) + 1,
            for_python=~line.str.contains(f"^{cell}(?:{_LITERAL[separator]}{cell})*$"),
        )
        for_python = quoted.filter(pl.col("for_python"))
        fields = lines.select("r", "line", "fields").update(quoted.select("r", "fields"), on="r")
        ragged = fields.filter(line.is_not_null() & (pl.col("fields") != width))
        by_csv = {
            index: _Row(index, _csv_cells(text, separator))
            for index, text in pl.concat([for_python.select("r", "line"), ragged.select("r", "line")]).iter_rows()
        }
        wide_by_csv = [row for row in by_csv.values() if len(row.cells) == width]
        full = line.is_not_null() & (pl.col("fields") == width) & ~pl.col("r").is_in(list(by_csv))
        keep = fields.select("r", full=full)["full"]
        if wide_by_csv:  # read by the csv module, as wide as the header: its cells stand
            keep = keep | fields["r"].is_in([row.index for row in wide_by_csv])
            fixed = pl.DataFrame(
                [[row.index for row in wide_by_csv], *([row.cells[at] for row in wide_by_csv] for at in range(width))],
                schema={"r": pl.UInt32, **dict.fromkeys(self.names, pl.String)},
                orient="col",
            )
            cells = cells.with_row_index("r").update(fixed, on="r")
        else:
            cells = cells.with_row_index("r")
        rows = cells.filter(keep).with_columns(pl.col(self.names).fill_null(""))
        return rows, [row for row in by_csv.values() if len(row.cells) != width]

    # Sorting the rows -------------------------------------------------------------------------

    def _sort(self, rows: pl.DataFrame, ragged: list[_Row]) -> None:
        """Each full row's key and year, and whether FilePass would add it as a plain payment
        (phase 2), read it as a refund in brackets (phase 1), or hand it to _one_row; the keys not
        met before, in the order met."""
        file_pass = self.file_pass
        columns = [pl.col(f"c{at}") if at is not None else pl.lit("") for at in file_pass.key_columns]
        checks_first = not file_pass.first_is_payee
        first = pl.col("c0")
        frame = rows.select(
            "r",
            *(column.alias(name) for name, column in zip(KEYS, columns, strict=True)),
            date=pl.col(f"c{file_pass.date_at}") if file_pass.date_at is not None else pl.lit(""),
            amount=pl.col(f"c{file_pass.amount_at}").str.replace_all(_NOISE, ""),
            first_total=first.is_in(sorted(TOTAL_SPELLINGS)) if checks_first else pl.lit(False),
            first_totalish=first.str.to_lowercase().str.contains("total", literal=True)
            if checks_first
            else pl.lit(False),
        )
        # Rows whose key an earlier file met have its code; the others are looked up here.
        known = self.buckets.known_keys
        seen = None
        if known is not None:
            frame = frame.join(known, on=KEYS, how="left")
            seen = frame.filter(pl.col("code").is_not_null()).with_columns(new_key=pl.lit(None, pl.UInt32))
            frame = frame.filter(pl.col("code").is_null()).drop("code", "total_key")
        new = frame.group_by(KEYS).agg(first=pl.col("r").min()).sort("first")
        self.new_keys: list[tuple[str, str, str, str]] = new.select(KEYS).rows()
        self.new_firsts: list[int] = new["first"].to_list()
        is_total_key = self.buckets.is_total_key
        new_totals = [is_total_key(supplier, number) for _, supplier, number, _ in self.new_keys]
        self.new_key_frame = (
            new.select(KEYS).with_row_index("new_key").with_columns(total_key=pl.Series(new_totals, dtype=pl.Boolean))
        )
        frame = frame.join(self.new_key_frame, on=KEYS, how="left").with_columns(code=pl.lit(None, pl.Int64))
        if seen is not None:
            frame = pl.concat([seen, frame], how="diagonal")
        years = file_pass.years
        year_codes = {text: years[text] for text in frame["date"].unique().to_list()}
        year = pl.col("date").replace_strict(year_codes, return_dtype=pl.Int64) if year_codes else pl.lit(0, pl.Int64)
        frame = frame.with_columns(year=year)  # (an empty mapping would leave the column as text)
        amount = pl.col("amount")
        usable = ~pl.col("total_key") & (pl.col("year") >= 0)
        frame = frame.select(
            "r",
            "code",
            "new_key",
            "year",
            "amount",
            plain=amount.str.contains(_PLAIN) & ~pl.col("first_total") & usable,
            refund=amount.str.contains(_BRACKETED) & ~pl.col("first_totalish") & usable,
        )
        odd = frame.filter(~pl.col("plain") & ~pl.col("refund"))
        # An amount in other digits than 0-9 is plain to the csv path's `\d`, not to Polars' [0-9].
        if any(PLAIN_AMOUNT.fullmatch(text) and not _ASCII_PLAIN.fullmatch(text) for text in odd["amount"].to_list()):
            raise NotColumnar
        full_odd = rows.filter(pl.col("r").is_in(odd["r"].implode())).select("r", *self.names).iter_rows()
        self.odd_rows = sorted([*(_Row(index, list(cells)) for index, *cells in full_odd), *ragged], key=_index)
        self.sums = self._read_amounts(frame.filter(pl.col("plain") | pl.col("refund")))

    def _read_amounts(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Plain amounts and refunds as millionths and places, as sums.millionths_of reads them
        (a decimal of six places holds any of them exactly: twelve digits and six places at most)."""
        text = pl.col("amount").str.strip_chars("()")  # only a refund has brackets
        places = (text.str.len_bytes().cast(pl.Int64) - text.str.find(".", literal=True) - 1).fill_null(0)
        value = (text.cast(pl.Decimal(38, 6)) * 1_000_000).cast(pl.Int64)
        read = frame.select(
            "code",
            "new_key",
            "year",
            stamp=(pl.col("r").cast(pl.Int64) // BATCH * 2 + (~pl.col("refund")).cast(pl.Int64)) * _STAMP
            + pl.col("r").cast(pl.Int64),
            millionths=pl.when(pl.col("refund")).then(-value).otherwise(value),  # a refund is minus what it says
            places=places,
        )
        largest = int(read.select(pl.col("millionths").abs().max()).item() or 0)
        if largest * read.height >= 2**63:  # sums could pass int64: FilePass's way
            raise NotColumnar
        return read

    # Changing the buckets ----------------------------------------------------------------------

    def carry_out(self) -> None:
        """Make the new keys' buckets and take the odd rows, batch by batch, as FilePass would;
        then hand the sums to `pending`."""
        file_pass = self.file_pass
        recorder = _Recorder()
        file_pass.pending = recorder  # type: ignore[assignment]  # _one_row's amounts, with where they came
        codes = [0] * len(self.new_keys)
        key_at = odd_at = 0
        keys, firsts, odd_rows = self.new_keys, self.new_firsts, self.odd_rows
        row_buckets = self.buckets.row_buckets
        lines_from = self.header_line + 1
        while key_at < len(keys) or odd_at < len(odd_rows):
            batch = min(
                firsts[key_at] // BATCH if key_at < len(keys) else 1 << 62,
                odd_rows[odd_at].index // BATCH if odd_at < len(odd_rows) else 1 << 62,
            )
            while key_at < len(keys) and firsts[key_at] // BATCH == batch:  # phase 0
                bucket = row_buckets[keys[key_at]]
                codes[key_at] = ODD if bucket == TOTAL_LINE else bucket * YEARS_PER_BUCKET
                key_at += 1
            while odd_at < len(odd_rows) and odd_rows[odd_at].index // BATCH == batch:  # phase 1
                row = odd_rows[odd_at]
                recorder.stamp = (row.index // BATCH * 2) * _STAMP + row.index
                file_pass._one_row(row.cells, lines_from + row.index)
                odd_at += 1
        file_pass.pending = self.buckets.pending
        self._remember_keys(codes)
        self._add_sums(codes, recorder)

    def _remember_keys(self, codes: list[int]) -> None:
        """The new keys' codes, for the next files (see Buckets.known_keys)."""
        learnt = self.new_key_frame.select(*KEYS, code=pl.Series(codes, dtype=pl.Int64), total_key="total_key")
        known = self.buckets.known_keys
        if known is None or known.height + learnt.height > CACHE_LIMIT:
            self.buckets.known_keys = learnt
        else:
            self.buckets.known_keys = pl.concat([known, learnt])

    def _add_sums(self, codes: list[int], recorder: "_Recorder") -> None:
        """The file's sums by bucket and year to `pending`, each key where it first came."""
        file_pass = self.file_pass
        sums = self.sums
        code = pl.col("code")  # known from an earlier file, else the new key's, just made
        if codes:
            code = pl.coalesce(
                code, pl.Series(np.asarray(codes, dtype=np.int64)[sums["new_key"].fill_null(0).to_numpy()])
            )
        keyed = sums.select("millionths", "places", "stamp", code=code + pl.col("year"))
        by_code = (
            keyed.group_by("code")
            .agg(
                rows=pl.len(),
                millionths=pl.col("millionths").sum(),
                places=pl.col("places").max(),
                stamp=pl.col("stamp").min(),
            )
            .sort("stamp")
        )
        millionths, places, rows = keyed.select(pl.col("millionths").sum(), pl.col("places").max(), pl.len()).row(0)
        file_pass._add((int(millionths or 0), int(places or 0)))
        file_pass.accepted += rows
        found = [by_code[name].to_list() for name in ("code", "rows", "millionths", "places")]
        if recorder.added:  # few: merged in Python, whose ints cannot overflow
            found = _merged(by_code, recorder.added)
        pending = self.buckets.pending
        pending.add_sums(*found)
        if pending.count >= FOLD_AT:
            self.buckets.fold()


def _merged(by_code: pl.DataFrame, added: list[tuple[int, int, int, int]]) -> list[list[int]]:
    """The sums by code with _one_row's amounts (code, millionths, places, stamp) added, in the
    order each code first came; as four lists: codes, rows, millionths, places."""
    slots = {code: list(rest) for code, *rest in by_code.iter_rows()}  # rows, millionths, places, stamp
    for code, millionths, places, stamp in added:
        slot = slots.get(code)
        if slot is None:
            slots[code] = [1, millionths, places, stamp]
        else:
            slot[0] += 1
            slot[1] += millionths
            slot[2] = max(slot[2], places)
            slot[3] = min(slot[3], stamp)
    ordered = sorted(slots.items(), key=lambda item: item[1][3])
    return [[code for code, _ in ordered], *([slot[at] for _, slot in ordered] for at in range(3))]


class _Recorder:
    """Stands in for `pending` while _one_row runs: keeps each amount with where it was added."""

    def __init__(self) -> None:
        self.stamp = 0
        self.added: list[tuple[int, int, int, int]] = []  # code, millionths, places, stamp

    def add_one(self, key: int, amount: Any) -> tuple[int, int]:
        millionths, places = decimal_millionths(amount)
        self.added.append((key, millionths, places, self.stamp))
        return millionths, places


def _index(row: _Row) -> int:
    return row.index


def _csv_cells(text: str, separator: str) -> list[str]:
    """One line's cells as the csv module reads them; NotColumnar if they run on past the line."""
    try:
        records = list(csv.reader([text], delimiter=separator))
    except csv.Error as error:
        raise NotColumnar from error
    if len(records) != 1:
        raise NotColumnar
    return records[0]
