"""Abnormally low tenders: which bids for one lot need the bidder to explain its price.

Two tests, each a plain function over plain data:
- far below the others: the price is below `threshold` (70% by default) of the median of the
  other bids for the lot. The bid itself is left out of the median it is compared with, so one
  very low bid cannot drag its own yardstick down.
- below the wage floor: the bid says how many hours of labour it prices, and the price is less
  than those hours paid at the National Living Wage of the bid's year.
A flag is a reason to ask, never a reason to reject: the law lets a bidder explain first.
"""

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from statistics import median

from tackle.core.columns import Vocabulary, confirmed_columns, parse_map, with_corrections
from tackle.core.uploads import Row, UploadError, csv_table, read_bytes, read_table
from tackle.suppliers.rules.living_wage import FIRST_YEAR, LAST_YEAR, rate_for_year, rate_on
from tackle.suppliers.rules.ocds import OcdsError, bids_in, read_package

FAR_BELOW_MEDIAN = "far_below_median"
BELOW_WAGE_FLOOR = "below_wage_floor"
DEFAULT_THRESHOLD = Decimal("0.7")
REQUIRED_COLUMNS = ("bidder", "price")
OPTIONAL_COLUMNS = ("labour_hours", "year")
COLUMN_LABELS = {"bidder": "Bidder", "price": "Price", "labour_hours": "Labour hours", "year": "Year of the prices"}
SAMPLE_ROWS = 5  # rows read ahead for the values shown under each column
# What bid sheets call each column, best first; a header close to one of these, or with a
# tell-tale word, is read as that column (the kernel's matching, as spend screening uses).
COLUMN_NAMES = Vocabulary(
    {
        "bidder": [
            "bidder",
            "bidder name",
            "name of bidder",
            "tenderer",
            "tenderer name",
            "company",
            "company name",
            "supplier",
            "supplier name",
            "organisation",
            "organisation name",
            "bidding organisation",
            "contractor",
            "firm",
            "name",
        ],
        "price": [
            "price",
            "bid price",
            "bid value",
            "bid amount",
            "bid",
            "tender price",
            "tender value",
            "tender sum",
            "total price",
            "total bid value",
            "price offered",
            "offer",
            "quoted price",
            "quote",
            "contract value",
            "total cost",
            "cost",
            "amount",
            "value",
            "total",
        ],
        "labour_hours": [
            "labour hours",
            "hours of labour",
            "labour",
            "hours",
            "total hours",
            "staff hours",
            "person hours",
            "hours priced",
        ],
        "year": ["year", "price year", "contract year", "financial year", "year of bid"],
    },
    [
        (r"hour", "labour_hours"),
        (r"year", "year"),
        (r"price|bid|tender|value|amount|cost|£", "price"),
        (r"bidder|compan|supplier|tenderer|contractor|name", "bidder"),
    ],
)
MAX_BIDS = 10_000
MAX_BIDS_FILE_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Bid:
    line: int
    bidder: str
    price: Decimal
    labour_hours: Decimal | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class BidResult:
    bid: Bid
    flags: tuple[str, ...]
    explanation: str
    other_median: Decimal | None
    wage_floor: Decimal | None


@dataclass(frozen=True, slots=True)
class TenderReport:
    median: Decimal | None
    results: tuple[BidResult, ...]

    def as_json(self) -> dict[str, object]:
        """The shape `tackle tenders check --json` prints; decimals as strings so none is rounded."""
        return {
            "median": None if self.median is None else str(self.median),
            "bids": [
                {
                    "bidder": result.bid.bidder,
                    "price": str(result.bid.price),
                    "flags": list(result.flags),
                    "explanation": result.explanation,
                }
                for result in self.results
            ],
        }


@dataclass
class BidFileError(Exception):
    """The file cannot be checked. Every problem found, each with its line number."""

    problems: list[tuple[int, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(f"line {line}: {problem}" for line, problem in self.problems)


def money(amount: Decimal) -> str:
    return f"£{amount.quantize(Decimal('0.01')):,}"


def _percent(part: Decimal, whole: Decimal) -> str:
    return f"{(part * 100 / whole).quantize(Decimal('1'))}%"


def parse_threshold(text: str) -> Decimal:
    """'0.7', '70' and '70%' all mean seventy per cent. Raises ValueError with a reason."""
    cleaned = text.strip().removesuffix("%").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"threshold {text!r} is not a number") from None
    if text.strip().endswith("%") or value > 1:
        value = value / 100
    if not (0 < value <= 1):
        raise ValueError(f"threshold {text!r} must be more than 0 and at most 100%")
    return value


_AMOUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")
MAX_PRICE = Decimal("10000000000000")  # £10 trillion: anything bigger is a typing slip
MAX_HOURS = Decimal("1000000000")


def _decimal(text: str) -> Decimal | None:
    """A plain amount with at most two decimal places; a £ sign and thousands commas are allowed."""
    cleaned = text.strip().replace(",", "").replace("£", "").replace(" ", "")
    return Decimal(cleaned) if _AMOUNT.match(cleaned) else None


def parse_bids(
    data: bytes | str,
    *,
    max_bytes: int = MAX_BIDS_FILE_BYTES,
    column_map: Sequence[str] = (),
    confirm: bool = False,
    columns: Mapping[str, int | None] | None = None,
) -> list[Bid]:
    """Read a bids CSV (or XLSX, or ODS; title lines above the header are passed over). All or
    nothing: any problem with what the file holds raises BidFileError naming every bad line; a
    file over `max_bytes` raises the kernel's UploadError. `column_map` holds `FIELD=HEADER`
    corrections of the columns guessed from the header. With `confirm` (the page), a guessed or
    missing column raises core.columns.ColumnsToConfirm with the first values under each, until
    a person gives `columns` (field -> 0-based column)."""
    if isinstance(data, bytes) and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        return _ocds_bids(data)
    if isinstance(data, bytes):
        data = read_bytes(data, max_bytes=max_bytes)
    headed = [pair.partition("=")[2] for pair in column_map]
    try:
        # Strict: a quote left open would otherwise swallow the bids after it without a word.
        table = (
            csv_table(data, strict=True, vocabulary=COLUMN_NAMES, headed=headed)
            if isinstance(data, str)
            else read_table(data, max_bytes=max_bytes, strict=True, vocabulary=COLUMN_NAMES, headed=headed)
        )
    except UploadError as error:  # not text, not a workbook, no header: the first line unless it names one
        raise BidFileError([(error.line or 1, error.message)]) from None
    header = [cell.strip() for cell in table.header]
    rows: Iterable[Row] = table
    if confirm:
        ahead, rest = _read_ahead(iter(table))
        index, _ = confirmed_columns(
            COLUMN_NAMES, COLUMN_LABELS, REQUIRED_COLUMNS, header, [row.cells for row in ahead], columns=columns
        )
        rows = itertools.chain(ahead, rest)
    else:
        index = bid_columns(header, column_map, line=table.header_line)
    bids, problems = _bids(rows, index, width=len(header))
    if problems:
        raise BidFileError(problems)
    if not bids:
        raise BidFileError([(1, "the file has no bids under its header")])
    return bids


def _ocds_bids(data: bytes) -> list[Bid]:
    """The bids of an OCDS release package (the bids extension's details), numbered in order."""
    try:
        found = bids_in(read_package(data))
    except OcdsError as error:
        problems = [
            (p.line or 1, f"{p.unit} {p.release}: {p.reason}" if p.release else p.reason) for p in error.problems
        ]
        raise BidFileError(problems) from None
    if not found:
        raise BidFileError([(1, "the OCDS package holds no bids (bids.details with a tenderer and a value)")])
    return [Bid(line=number, bidder=bid.bidder[:200], price=bid.price) for number, bid in enumerate(found, start=1)]


def _read_ahead(rows: Iterator[Row]) -> tuple[list[Row], Iterator[Row]]:
    """The first rows, for the values shown under each column; a line that cannot be read ends
    the sample there and is read again, and reported, with the rest."""
    ahead: list[Row] = []
    while len(ahead) < SAMPLE_ROWS:
        try:
            ahead.append(next(rows))
        except StopIteration:
            break
        except UploadError as error:
            return ahead, itertools.chain(_raising(error), rows)
    return ahead, rows


def _raising(error: UploadError) -> Iterator[Row]:
    raise error
    yield  # a generator: it raises when first read, where the line was


def bid_columns(header: list[str], column_map: Sequence[str] = (), *, line: int = 1) -> dict[str, int]:
    """Which column (0-based) holds the bidder, the price and, when given, labour hours and year.
    Raises BidFileError (the header's line) when the bidder or the price cannot be told apart or
    found, or a `FIELD=HEADER` correction names no column."""
    folded = [cell.lower() for cell in header]
    duplicated = sorted({cell for cell, low in zip(header, folded, strict=True) if low and folded.count(low) > 1})
    if duplicated:
        raise BidFileError([(line, f"column {', '.join(duplicated)} appears more than once")])
    try:
        corrections = parse_map(column_map, header, (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS))
    except ValueError as error:
        raise BidFileError([(line, str(error))]) from None
    chosen = with_corrections(COLUMN_NAMES.assign(header), corrections)
    index = {name: column for name, (column, _guess) in chosen.items()}
    missing = [name for name in REQUIRED_COLUMNS if name not in index]
    if missing:
        found = ", ".join(cell for cell in header if cell) or "nothing"
        raise BidFileError(
            [(line, f"no column for the {' or the '.join(missing)} (found: {found}); name them bidder and price")]
        )
    return index


def _bids(table: Iterable[Row], index: dict[str, int], *, width: int) -> tuple[list[Bid], list[tuple[int, str]]]:
    bids: list[Bid] = []
    problems: list[tuple[int, str]] = []
    rows = iter(table)
    while True:
        try:
            read = next(rows)
        except StopIteration:
            break
        except UploadError as error:
            problems.append((error.line or 1, error.message))
            break
        line, row = read.line, read.cells
        if not any(cell.strip() for cell in row):
            continue  # blank lines carry no bid
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            problems.append((line, f"{len(row)} values but only {width} columns"))
            continue
        bid, problem = _parse_row(line, row, index)
        if problem:
            problems.append((line, problem))
        elif bid is not None:
            bids.append(bid)
        if len(bids) > MAX_BIDS:
            problems.append((line, f"more than {MAX_BIDS:,} bids; one file is one lot"))
            break
    return bids, problems


def _cell(row: list[str], index: dict[str, int], name: str) -> str:
    position = index.get(name)
    if position is None or position >= len(row):
        return ""
    return row[position].strip()


def _parse_row(line: int, row: list[str], index: dict[str, int]) -> tuple[Bid | None, str]:
    bidder = _cell(row, index, "bidder")
    if not bidder:
        return None, "bidder is empty"
    raw_price = _cell(row, index, "price")
    if not raw_price:
        return None, f"price is empty for {bidder}"
    price = _decimal(raw_price)
    if price is None:
        return None, f"price {raw_price!r} is not a number of pounds (like 1250.50)"
    if price <= 0:
        return None, f"price {raw_price!r} must be more than zero"
    if price >= MAX_PRICE:
        return None, f"price {raw_price!r} is too large"
    labour_hours = None
    raw_hours = _cell(row, index, "labour_hours")
    if raw_hours:
        labour_hours = _decimal(raw_hours)
        if labour_hours is None:
            return None, f"labour_hours {raw_hours!r} is not a number of hours (like 37.5)"
        if labour_hours < 0:
            return None, f"labour_hours {raw_hours!r} cannot be negative"
        if labour_hours >= MAX_HOURS:
            return None, f"labour_hours {raw_hours!r} is too large"
    year = None
    raw_year = _cell(row, index, "year")
    if raw_year:
        if not (raw_year.isascii() and raw_year.isdigit() and len(raw_year) == 4):
            return None, f"year {raw_year!r} is not a four-digit year"
        year = int(raw_year)
        if year < FIRST_YEAR:
            return None, f"year {year} is before the National Living Wage began (April {FIRST_YEAR})"
    return Bid(line=line, bidder=bidder, price=price, labour_hours=labour_hours, year=year), ""


def check_bids(bids: list[Bid], *, threshold: Decimal = DEFAULT_THRESHOLD, today: date | None = None) -> TenderReport:
    """Flag each bid. A bid without a year is priced at the rate in force `today`."""
    prices = [bid.price for bid in bids]
    lot_median = median(prices) if prices else None
    results = []
    for position, bid in enumerate(bids):
        others = prices[:position] + prices[position + 1 :]
        other_median = median(others) if others else None
        results.append(_check_one(bid, other_median, threshold=threshold, today=today or date.today()))
    return TenderReport(median=lot_median, results=tuple(results))


def _check_one(bid: Bid, other_median: Decimal | None, *, threshold: Decimal, today: date) -> BidResult:
    flags: list[str] = []
    sentences: list[str] = []
    if other_median is None:
        sentences.append("The only bid: nothing to compare it with.")
    elif bid.price < threshold * other_median:
        flags.append(FAR_BELOW_MEDIAN)
        sentences.append(
            f"{money(bid.price)} is {_percent(bid.price, other_median)} of the median of the other bids "
            f"({money(other_median)}), below the {_percent(threshold, Decimal(1))} threshold."
        )
    else:
        sentences.append(
            f"{_percent(bid.price, other_median)} of the median of the other bids ({money(other_median)})."
        )
    floor = None
    if bid.labour_hours is not None:
        if bid.year is not None:
            rate, when = rate_for_year(bid.year), f"for {bid.year}"
            if bid.year > LAST_YEAR:
                when += f" (latest known rate, {LAST_YEAR})"
        else:
            rate, when = rate_on(today), f"in force on {today:%-d %B %Y}"
        if rate is not None:
            floor = bid.labour_hours * rate
            hours = f"{bid.labour_hours.normalize():f} hours at the National Living Wage {when}, {money(rate)} an hour"
            if bid.price < floor:
                flags.append(BELOW_WAGE_FLOOR)
                sentences.append(f"The price does not cover {hours} ({money(floor)}).")
            else:
                sentences.append(f"The price covers {hours} ({money(floor)}).")
    return BidResult(
        bid=bid, flags=tuple(flags), explanation=" ".join(sentences), other_median=other_median, wage_floor=floor
    )


MAX_TYPED_CHARS = 200_000
# "Acme Cleaning Ltd, 12,500.00" or "Acme Cleaning Ltd<tab>12500" (pasted from a spreadsheet): the
# price is what follows the last separator that leaves an amount, so a name may hold commas.
_TYPED_LINE = re.compile(r"^(?P<bidder>.*?)\s*[,;\t]\s*(?P<price>[^,;\t]*|£?\s*\d{1,3}(,\d{3})+(\.\d+)?)\s*$")


def parse_typed_bids(text: str) -> list[Bid]:
    """Bids typed on the page, one a line: the bidder's name, a comma (or a tab), then the price.
    All or nothing, as a file is: every bad line is named by its number in what was typed."""
    if len(text) > MAX_TYPED_CHARS:
        raise BidFileError([(1, f"more than {MAX_TYPED_CHARS:,} characters; upload the bids as a file")])
    bids: list[Bid] = []
    problems: list[tuple[int, str]] = []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        found = _TYPED_LINE.match(raw.strip())
        if found is None:
            problems.append((line, "write the bidder's name, a comma, then the price, like Acme Ltd, 12500"))
            continue
        bid, problem = _parse_row(line, [found["bidder"], found["price"]], {"bidder": 0, "price": 1})
        if problem:
            problems.append((line, problem))
        elif bid is not None:
            bids.append(bid)
        if len(bids) > MAX_BIDS:
            problems.append((line, f"more than {MAX_BIDS:,} bids; one check is one lot"))
            break
    if problems:
        raise BidFileError(problems)
    if not bids:
        raise BidFileError([(1, "no bids were typed")])
    return bids
