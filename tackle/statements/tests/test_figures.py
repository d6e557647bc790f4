"""Statements' published figures: a statement approved on 31 March counts for the year ending, one
approved on 1 April only from the next year on."""

from datetime import date

from tackle.core.periods import financial_year
from tackle.statements.figures import statement_approved_by_end_of


def test_approval_on_31_march_counts_for_the_year_ending(statement_a, lead_a, approve) -> None:
    approve(statement_a, lead_a, on=date(2026, 3, 31))
    found = statement_approved_by_end_of(lead_a.organisation_id, financial_year(2025))
    assert found is not None and found.approval_date == date(2026, 3, 31) and found.approval_body == "Cabinet"
    assert found.name == str(statement_a)


def test_approval_on_1_april_counts_from_the_next_year_only(statement_a, lead_a, lead_b, approve) -> None:
    approve(statement_a, lead_a, on=date(2026, 4, 1))
    assert statement_approved_by_end_of(lead_a.organisation_id, financial_year(2025)) is None
    assert statement_approved_by_end_of(lead_a.organisation_id, financial_year(2026)) is not None
    assert statement_approved_by_end_of(lead_b.organisation_id, financial_year(2026)) is None
