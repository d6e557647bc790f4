"""The screening result as the plain figures `tackle spend screen --json` prints and pages show."""

from decimal import Decimal, localcontext
from typing import Any

from tackle.spend.screening.results import ScreenResult
from tackle.suppliers.sectors import HIGH_RISK_SECTORS


def money(amount: Decimal) -> str:
    """An exact decimal as text, never in exponent form (`1E+3`)."""
    return format(amount, "f")


def summary(result: ScreenResult) -> dict[str, Any]:
    """Exactly the keys the issue names, in its order. Sums are exact (Decimal, 60 digits)."""
    rows_by_sector: dict[str, int] = {}
    high: dict[str, list[Any]] = {}
    suppliers: set[str] = set()
    with localcontext(prec=60):
        for (payee_key, sector, _year), (count, amount, _reason) in result.totals.rows.items():
            rows_by_sector[sector] = rows_by_sector.get(sector, 0) + count
            if payee_key is not None:
                suppliers.add(payee_key)
            if sector in HIGH_RISK_SECTORS:
                slot = high.setdefault(sector, [0, Decimal(0)])
                slot[0] += count
                slot[1] += amount
        high_rows = sum(slot[0] for slot in high.values())
        high_amount = sum((slot[1] for slot in high.values()), Decimal(0))
        total = result.total_amount
    return {
        "files": len(result.files),
        "rows_read": result.rows_read,
        "rows_accepted": result.rows_accepted,
        "rows_rejected": result.rows_rejected,
        "rejects": [{"file": r.file, "line": r.line, "reason": r.reason} for r in result.rejects],
        "total_amount": money(total),
        "suppliers": len(suppliers),
        "high_risk": {
            "rows": high_rows,
            "amount": money(high_amount),
            "by_sector": {
                sector: {"rows": high[sector][0], "amount": money(high[sector][1])} for sector in sorted(high)
            },
        },
        "rows_by_sector": dict(sorted(rows_by_sector.items())),
    }


def file_mappings(result: ScreenResult) -> list[dict[str, Any]]:
    """How each file was read: encoding, header line and the column chosen for each field."""
    return [
        {
            "file": report.name,
            "kind": report.kind,
            "encoding": report.encoding,
            "header_line": report.header_line,
            "headers": [header.strip() for header in report.mapping.headers],
            "columns": report.mapping.describe(),
            "rows_read": report.rows_read,
            "rows_accepted": report.rows_accepted,
            "rows_rejected": report.rows_rejected,
            "total_amount": money(report.total_amount),
            "gaps": list(report.gaps),
        }
        for report in result.files
    ]
