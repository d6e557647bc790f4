"""What a screening run gives back: each file's report, the rejected rows and the running totals.

Plain data, made by the screener (screener.py) and read by the summary, the command and the pages.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from typing import Any

from tackle.spend.screening.headers import Mapping
from tackle.spend.screening.payment_sectors import Classification

MAX_REJECTS_KEPT = 100_000  # the count stays exact; the list stops growing (memory stays bounded)


@dataclass(frozen=True, slots=True)
class Reject:
    file: str
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Payee:
    """Who a group of rows was paid to, once matched: the key that makes suppliers distinct."""

    key: str | None  # None when the name was redacted or left blank
    name: str
    register_id: int | None = None
    match_how: str = ""
    has_statement: bool | None = None  # None: not in the register, so not known
    sectors: tuple[str, ...] = ()  # what the register says the supplier does


@dataclass
class FileReport:
    name: str
    kind: str
    encoding: str
    separator: str
    header_line: int
    mapping: Mapping
    period: date | None
    rows_accepted: int = 0
    rows_rejected: int = 0
    total_amount: Decimal = Decimal(0)
    # What the file lacked and how it was filled, once each (a date column that could not be read).
    gaps: list[str] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return self.rows_accepted + self.rows_rejected


@dataclass
class Totals:
    """Running totals by (payee key, sector, financial year). Small: suppliers x sectors x years."""

    rows: dict[tuple[str | None, str, int | None], list[Any]] = field(default_factory=dict)
    payees: dict[str | None, Payee] = field(default_factory=dict)

    def add(self, payee: Payee, info: Classification, year: int | None, count: int, amount: Decimal) -> None:
        key = (payee.key, info.sector, year)
        slot = self.rows.get(key)
        if slot is None:
            self.rows[key] = [count, amount, info.reason]
            self.payees.setdefault(payee.key, payee)
        else:
            slot[0] += count
            slot[1] += amount


@dataclass
class ScreenResult:
    files: list[FileReport] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    rows_rejected: int = 0
    totals: Totals = field(default_factory=Totals)

    @property
    def rows_accepted(self) -> int:
        return sum(report.rows_accepted for report in self.files)

    @property
    def rows_read(self) -> int:
        return self.rows_accepted + self.rows_rejected

    @property
    def total_amount(self) -> Decimal:
        with localcontext(prec=60):
            return sum((report.total_amount for report in self.files), Decimal(0))
