"""Published figures from the supplier register, for one period. Read-only.

Other apps read supply-chain numbers here. A period counts [starts_on, ends_before): a contract by
its start date, an assessment by the day it was completed (or fell due), a tender check by the day
it was run in London.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from tackle.core.db import aggregate_by_period, date_in, datetime_in, reporting_alias
from tackle.core.periods import Period
from tackle.suppliers.models import HIGH_TIERS, Contract, SupplierAssessment, TenderBid
from tackle.suppliers.selectors import (
    assessments_visible_to,
    clarifications_visible_to,
    selection_responses_visible_to,
    tender_checks_visible_to,
)


@dataclass(frozen=True)
class SupplyChainFigures:
    period: Period
    contracts_starting: int
    contracts_starting_high_tier: int  # high value, high risk or business critical
    assessments_completed: int  # annual supplier assessments
    bids_flagged: int  # tender bids flagged as abnormally low


@dataclass(frozen=True)
class AssessmentsDue:
    period: Period
    due: int  # annual supplier assessments that fell due in the period
    completed: int  # of those, the ones completed (on any day)


@dataclass(frozen=True)
class SupplierActivity:
    """What one user's supplier records show for the period (the supplier selectors scope them)."""

    period: Period
    bidders_answered: int  # selection questionnaires answered
    bidders_required: int  # of those, bidders required to publish a statement
    bidders_compliant: int  # of those, bidders that said they comply
    tender_checks: int
    clarifications: int  # bids sent back to the bidder to explain their price
    assessments_completed: int


def supply_chain_figures_by_period(organisation_id: int, spans: list[Period]) -> list[SupplyChainFigures]:
    """The figures for each period in `spans`, from one aggregate query per source."""
    alias = reporting_alias()
    contracts = aggregate_by_period(
        Contract.objects.using(alias).filter(organisation_id=organisation_id),
        date_in("start_on"),
        spans,
        {"contracts_starting": (Q(),), "contracts_starting_high_tier": (Q(tier__in=HIGH_TIERS),)},
    )
    assessments = aggregate_by_period(
        SupplierAssessment.objects.using(alias).filter(contract__organisation_id=organisation_id),
        date_in("completed_on"),
        spans,
        {"assessments_completed": (Q(),)},
    )
    bids = aggregate_by_period(
        TenderBid.objects.using(alias).filter(check_run__organisation_id=organisation_id).exclude(flags=[]),
        datetime_in("check_run__created_at"),
        spans,
        {"bids_flagged": (Q(),)},
    )
    rows = {**contracts, **assessments, **bids}
    return [
        SupplyChainFigures(period, **{name: values[i] for name, values in rows.items()})
        for i, period in enumerate(spans)
    ]


def supply_chain_figures(organisation_id: int, period: Period) -> SupplyChainFigures:
    return supply_chain_figures_by_period(organisation_id, [period])[0]


def assessments_due(organisation_id: int, period: Period) -> AssessmentsDue:
    due = SupplierAssessment.objects.filter(
        contract__organisation_id=organisation_id, due_on__gte=period.starts_on, due_on__lt=period.ends_before
    )
    return AssessmentsDue(period, due.count(), due.filter(completed_on__isnull=False).count())


def supplier_activity(user: Any, period: Period) -> SupplierActivity:
    def made_in(field: str) -> dict[str, Any]:
        return {f"{field}__gte": period.starts_on, f"{field}__lt": period.ends_before}

    answered = selection_responses_visible_to(user).filter(**made_in("answered_on"))
    required = answered.filter(is_relevant_organisation=True)
    return SupplierActivity(
        period=period,
        bidders_answered=answered.count(),
        bidders_required=required.count(),
        bidders_compliant=required.filter(is_compliant=True).count(),
        tender_checks=tender_checks_visible_to(user).filter(**made_in("created_at__date")).count(),
        clarifications=clarifications_visible_to(user).filter(**made_in("created_at__date")).count(),
        assessments_completed=assessments_visible_to(user).filter(**made_in("completed_on")).count(),
    )
