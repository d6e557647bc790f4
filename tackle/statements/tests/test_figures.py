"""Statements' published figures: a statement approved on 31 March counts for the year ending, one
approved on 1 April only from the next year on."""

from datetime import date

from tackle.core.periods import financial_year
from tackle.statements.figures import statement_approved_by_end_of
from tackle.statements.models import Statement
from tackle.statements.services.statement import statement_approve, statement_submit


def _approved_on(statement: Statement, day: date, lead) -> None:
    statement_submit(statement=statement, actor=lead)
    statement_approve(statement=statement, actor=lead)
    Statement.objects.filter(pk=statement.pk).update(approval_date=day, approval_body="Cabinet")


def test_approval_on_31_march_counts_for_the_year_ending(statement_a, lead_a) -> None:
    _approved_on(statement_a, date(2026, 3, 31), lead_a)
    found = statement_approved_by_end_of(lead_a.organisation_id, financial_year(2025))
    assert found is not None and found.approval_date == date(2026, 3, 31) and found.approval_body == "Cabinet"
    assert found.name == str(statement_a)


def test_approval_on_1_april_counts_from_the_next_year_only(statement_a, lead_a, lead_b) -> None:
    _approved_on(statement_a, date(2026, 4, 1), lead_a)
    assert statement_approved_by_end_of(lead_a.organisation_id, financial_year(2025)) is None
    assert statement_approved_by_end_of(lead_a.organisation_id, financial_year(2026)) is not None
    assert statement_approved_by_end_of(lead_b.organisation_id, financial_year(2026)) is None
