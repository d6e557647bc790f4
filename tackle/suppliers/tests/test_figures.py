"""Suppliers' published figures: each counts its period, [1 April, next 1 April), and nothing twice."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from tackle.core.periods import LONDON, financial_year
from tackle.suppliers.figures import assessments_due, supplier_activity, supply_chain_figures_by_period
from tackle.suppliers.models import (
    Contract,
    ContractTier,
    SelectionResponse,
    Supplier,
    SupplierAssessment,
    TenderBid,
    TenderCheck,
)

pytestmark = pytest.mark.django_db
YEARS = [financial_year(2025), financial_year(2026)]


@pytest.fixture
def at_the_boundary(council_a):
    """A contract, an assessment, a questionnaire answer and a flagged tender check on 31 March 2026,
    and the same on 1 April."""
    supplier = Supplier.objects.create(organisation=council_a, name="Shine Cleaning Ltd")
    for day in (date(2026, 3, 31), date(2026, 4, 1)):
        contract = Contract.objects.create(
            organisation=council_a,
            supplier=supplier,
            title=f"Cleaning from {day}",
            category="Cleaning",
            value=Decimal("900000"),
            start_on=day,
            end_on=date(2029, 3, 31),
            tier=ContractTier.HIGH_RISK,
        )
        SupplierAssessment.objects.filter(contract=contract).delete()  # only the one below
        SupplierAssessment.objects.create(contract=contract, due_on=day, completed_on=day, outcome="satisfactory")
        SelectionResponse.objects.create(
            organisation=council_a,
            supplier=supplier,
            procurement="Office cleaning",
            answered_on=day,
            is_relevant_organisation=True,
            is_compliant=True,
            statement_url="https://shine.example/msa",
            outcome="compliant",
        )
        check = TenderCheck.objects.create(organisation=council_a, lot=f"Lot {day}", threshold=Decimal("0.7"))
        late = datetime(day.year, day.month, day.day, 23, 55, tzinfo=LONDON)
        TenderCheck.objects.filter(pk=check.pk).update(created_at=late)
        TenderBid.objects.create(check_run=check, line=2, bidder="A", price=Decimal("10"), flags=["far_below_median"])
    return council_a


def test_31_march_counts_in_the_year_ending_and_1_april_in_the_next_never_both(at_the_boundary) -> None:
    for figures in supply_chain_figures_by_period(at_the_boundary.pk, YEARS):
        assert (figures.contracts_starting, figures.contracts_starting_high_tier) == (1, 1)
        assert (figures.assessments_completed, figures.bids_flagged) == (1, 1)
    for year in YEARS:
        due = assessments_due(at_the_boundary.pk, year)
        assert (due.due, due.completed) == (1, 1)


def test_a_users_supplier_activity_counts_the_same_way(at_the_boundary, lead_a, lead_b) -> None:
    for year in YEARS:
        activity = supplier_activity(lead_a, year)
        assert (activity.bidders_answered, activity.bidders_required, activity.bidders_compliant) == (1, 1, 1)
        assert (activity.tender_checks, activity.assessments_completed) == (1, 1)
        assert supplier_activity(lead_b, year).bidders_answered == 0
