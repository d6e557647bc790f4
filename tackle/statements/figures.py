"""Published figures from the council's statements, for one period. Read-only.

Scrutiny reads here whether a statement was approved, never through the models.
"""

from dataclasses import dataclass
from datetime import date

from tackle.core.periods import Period
from tackle.statements.models import Statement, StatementStatus


@dataclass(frozen=True)
class ApprovedStatement:
    name: str  # "2025-2026 version 1"
    approval_body: str
    approval_date: date


def statement_approved_by_end_of(organisation_id: int, period: Period) -> ApprovedStatement | None:
    """The statement most recently approved (or since published) on or before the period's last day."""
    statement = (
        Statement.objects.filter(
            organisation_id=organisation_id,
            status__in=[StatementStatus.APPROVED, StatementStatus.PUBLISHED],
            approval_date__isnull=False,
            approval_date__lt=period.ends_before,
        )
        .select_related("period")
        .order_by("-approval_date")
        .first()
    )
    if statement is None or statement.approval_date is None:
        return None
    return ApprovedStatement(str(statement), statement.approval_body, statement.approval_date)
