"""Disruption's published figures: each counts its period, [1 April, next 1 April), and nothing twice."""

from datetime import date

import pytest

from tackle.core.periods import financial_year
from tackle.disrupt.figures import annual_figures, operation_figures, operation_figures_by_period, sharing_partners
from tackle.disrupt.tests.factories import make_agreement, make_operation, make_outcome

pytestmark = pytest.mark.django_db


def test_an_operation_on_31_march_counts_in_the_year_ending_and_one_on_1_april_in_the_next(safety_a) -> None:
    make_outcome(make_operation(safety_a, on=date(2026, 3, 31)), safety_a, victims_adult=2, arrests_modern_slavery=1)
    make_outcome(make_operation(safety_a, on=date(2026, 4, 1)), safety_a, victims_adult=3, premises_closed=1)
    ending, starting = operation_figures_by_period(
        safety_a.organisation_id, [financial_year(2025), financial_year(2026)]
    )
    assert (ending.operations_held, ending.victims_adult, ending.arrests_modern_slavery) == (1, 2, 1)
    assert (starting.operations_held, starting.victims_adult, starting.premises_closed) == (1, 3, 1)
    assert operation_figures(safety_a.organisation_id, financial_year(2026)) == starting
    assert (
        annual_figures(safety_a.organisation_id, 2025).operations,
        annual_figures(safety_a.organisation_id, 2026).operations,
    ) == (1, 1)


def test_an_agreement_ending_31_march_is_evidence_for_that_year_and_one_starting_1_april_for_the_next(
    safety_a, council_b, police
) -> None:
    make_agreement(safety_a, council_b, starts_on=date(2025, 1, 1), expires_on=date(2026, 3, 31))
    make_agreement(safety_a, police, starts_on=date(2026, 4, 1), expires_on=date(2027, 3, 31))
    assert sharing_partners(safety_a.organisation_id, financial_year(2025)) == (council_b.name,)
    assert sharing_partners(safety_a.organisation_id, financial_year(2026)) == (police.name,)
