"""Reads for spend screening. Every page and command comes through here: an import is seen only
by people of the organisation that uploaded it."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils.translation import gettext

from tackle.core.uploads import XLSX_MAGIC, UploadError, read_table
from tackle.spend.models import ImportStatus, SpendFile, SpendImport, SpendReject, SpendTotal
from tackle.suppliers.sectors import Sector
from tackle.suppliers.selectors import supplier_register_entries, turnover_requires_statement

TOP_SUPPLIERS = 20


def spend_imports_visible_to(user: Any) -> QuerySet[SpendImport]:
    if not user.is_authenticated or user.organisation_id is None:
        return SpendImport.objects.none()
    return SpendImport.objects.filter(organisation_id=user.organisation_id)


def spend_files_visible_to(user: Any) -> QuerySet[SpendFile]:
    return SpendFile.objects.filter(spend_import__in=spend_imports_visible_to(user)).select_related("spend_import")


def rejects_of(spend_import: SpendImport) -> QuerySet[SpendReject]:
    return SpendReject.objects.filter(spend_import=spend_import).order_by("id")


@dataclass(frozen=True)
class SectorLine:
    sector: str
    label: str
    high_risk: bool
    rows: int
    amount: Decimal


@dataclass(frozen=True)
class PayeeLine:
    name: str
    supplier_uuid: str | None
    sectors: str
    rows: int
    amount: Decimal
    must_publish: bool = False


@dataclass(frozen=True)
class YearLine:
    label: str
    rows: int
    amount: Decimal
    high_risk_amount: Decimal

    @property
    def high_risk_share(self) -> int:
        return round(self.high_risk_amount * 100 / self.amount) if self.amount > 0 else 0


def spend_by_sector(spend_import: SpendImport) -> list[SectorLine]:
    rows = (
        SpendTotal.objects.filter(spend_import=spend_import)
        .values("sector", "high_risk")
        .annotate(rows=Sum("rows"), amount=Sum("amount"))
        .order_by()
    )
    labels = dict(Sector.choices)
    lines = [
        SectorLine(
            row["sector"], str(labels.get(row["sector"], row["sector"])), row["high_risk"], row["rows"], row["amount"]
        )
        for row in rows
    ]
    return sorted(lines, key=lambda line: (not line.high_risk, -line.amount))


def top_high_risk_payees(spend_import: SpendImport, limit: int = TOP_SUPPLIERS) -> list[PayeeLine]:
    """The payees paid most in high-risk sectors (named payees only: redacted rows have no name)."""
    return _payees(SpendTotal.objects.filter(spend_import=spend_import, high_risk=True).exclude(payee_key=""))[:limit]


def payees_without_statement(spend_import: SpendImport) -> list[PayeeLine]:
    """Register suppliers paid in this import with no modern slavery statement on file; those whose
    turnover means the law requires one are marked."""
    register = {entry.supplier_id: entry for entry in supplier_register_entries(spend_import.organisation_id)}
    missing = {pk for pk, entry in register.items() if not entry.has_statement}
    lines = _payees(SpendTotal.objects.filter(spend_import=spend_import, supplier_id__in=missing))
    by_uuid = {entry.uuid: entry for entry in register.values()}
    return [
        PayeeLine(
            line.name,
            line.supplier_uuid,
            line.sectors,
            line.rows,
            line.amount,
            must_publish=turnover_requires_statement(by_uuid[line.supplier_uuid].turnover_band)
            if line.supplier_uuid in by_uuid
            else False,
        )
        for line in lines
    ]


def _payees(totals: QuerySet[SpendTotal]) -> list[PayeeLine]:
    grouped: dict[str, dict[str, Any]] = {}
    for row in totals.values("payee_key", "payee_name", "supplier__uuid", "sector", "rows", "amount").order_by():
        slot = grouped.setdefault(
            row["payee_key"],
            {
                "name": row["payee_name"],
                "uuid": row["supplier__uuid"],
                "sectors": set(),
                "rows": 0,
                "amount": Decimal(0),
            },
        )
        slot["sectors"].add(row["sector"])
        slot["rows"] += row["rows"]
        slot["amount"] += row["amount"]
    labels = dict(Sector.choices)
    lines = [
        PayeeLine(
            slot["name"],
            str(slot["uuid"]) if slot["uuid"] else None,
            ", ".join(sorted(str(labels.get(sector, sector)) for sector in slot["sectors"])),
            slot["rows"],
            slot["amount"],
        )
        for slot in grouped.values()
    ]
    return sorted(lines, key=lambda line: -line.amount)


def year_on_year(spend_import: SpendImport) -> list[YearLine]:
    """Spend per financial year (April to March), with the part in high-risk sectors."""
    rows = (
        SpendTotal.objects.filter(spend_import=spend_import)
        .values("financial_year", "high_risk")
        .annotate(rows=Sum("rows"), amount=Sum("amount"))
        .order_by()
    )
    years: dict[int | None, dict[str, Any]] = {}
    for row in rows:
        slot = years.setdefault(row["financial_year"], {"rows": 0, "amount": Decimal(0), "high": Decimal(0)})
        slot["rows"] += row["rows"]
        slot["amount"] += row["amount"]
        if row["high_risk"]:
            slot["high"] += row["amount"]
    ordered = sorted(years.items(), key=lambda item: (item[0] is None, item[0] or 0))
    return [YearLine(_year_label(year), slot["rows"], slot["amount"], slot["high"]) for year, slot in ordered]


def _year_label(year: int | None) -> str:
    return f"{year}-{(year + 1) % 100:02d}" if year is not None else gettext("Date not known")


SAMPLE_BYTES = 256 * 1024
SAMPLE_ROWS = 20
SAMPLE_WORKBOOK_BYTES = 10 * 1024 * 1024  # a workbook is read whole for its first rows: a big one is not


def file_sample_rows(spend_file: SpendFile) -> list[list[str]]:
    """The first rows under a screened file's header, for the columns page's sample values. A CSV
    file's first lines only; a workbook only when small; [] when the file cannot be read."""
    header_line = int(spend_file.mapping.get("header_line") or 1)
    try:
        with spend_file.file.open("rb") as handle:
            data = handle.read(SAMPLE_WORKBOOK_BYTES + 1)
        if data.startswith(XLSX_MAGIC):
            if len(data) > SAMPLE_WORKBOOK_BYTES:
                return []
            table = read_table(data, max_bytes=SAMPLE_WORKBOOK_BYTES)
        else:
            head = data[:SAMPLE_BYTES]
            head = head[: head.rfind(b"\n") + 1] or head  # whole lines: a character is not cut in two
            table = read_table(head, max_bytes=SAMPLE_BYTES)
        rows: list[list[str]] = []
        for row in table:
            if row.line > header_line:
                rows.append(row.cells)
            if len(rows) >= SAMPLE_ROWS:
                break
        return rows
    except (OSError, UploadError):
        return []


def file_waiting_for_columns(spend_import: SpendImport) -> SpendFile | None:
    """Before an import's first screening: its first file whose guessed columns no one has checked."""
    if spend_import.status != ImportStatus.COLUMNS:
        return None
    return next((f for f in spend_import.files.order_by("position") if f.mapping and not f.overrides), None)
