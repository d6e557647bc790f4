"""Figures tables from the disruption and supply-chain modules, in the same periods as the cases tables.

Definitions
-----------
- Operations: operations the organisation led (it recorded them), dated in the period; the people
  found and the arrests are the sums of their recorded outcomes (an operation without outcomes yet
  counts as held, with nothing found).
- Supply-chain risk: contracts starting in the period, those in the upper tiers (high value, high
  risk or business critical), annual supplier assessments completed, and tender bids flagged as
  abnormally low, by the date the check was run.

Each table is one aggregate query per source, as in selectors.py.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from tackle.core.db import reporting_alias
from tackle.core.periods import Period


def _date_in(field: str) -> Callable[[Period], Q]:
    return lambda period: Q(**{f"{field}__gte": period.starts_on, f"{field}__lt": period.ends_before})


def _datetime_in(field: str) -> Callable[[Period], Q]:
    return lambda period: Q(**{f"{field}__gte": period.start_at, f"{field}__lt": period.end_at})


def aggregate_rows(
    queryset: Any, when: Callable[[Period], Q], spans: list[Period], rows: dict[str, Any]
) -> dict[str, list[int]]:
    """{row label: [value per period]} from one aggregate query: a row is (a condition,) to count the
    rows that meet it, or the name of a field to sum."""
    aggregates: dict[str, Any] = {}
    for r, measure in enumerate(rows.values()):
        for i, period in enumerate(spans):
            if isinstance(measure, tuple):  # (count filter)
                aggregates[f"v_{r}_{i}"] = Count("pk", filter=when(period) & measure[0])
            else:
                aggregates[f"v_{r}_{i}"] = Coalesce(Sum(measure, filter=when(period)), 0)
    result = queryset.aggregate(**aggregates)
    return {label: [result[f"v_{r}_{i}"] for i in range(len(spans))] for r, label in enumerate(rows)}


def operations_counts(organisation_id: int, spans: list[Period]) -> dict[str, list[int]]:
    from tackle.disrupt.models import Operation

    operations = Operation.objects.using(reporting_alias()).filter(organisation_id=organisation_id)
    return aggregate_rows(
        operations,
        _date_in("operation_date"),
        spans,
        {
            "Operations held": (Q(),),
            "Potential victims: adults": "outcome__victims_adult",
            "Potential victims: children": "outcome__victims_child",
            "NRM referrals from operations": "outcome__nrm_referrals",
            "Arrests: modern slavery offences": "outcome__arrests_modern_slavery",
            "Premises closed or prohibited": "outcome__premises_closed",
        },
    )


def supply_chain_counts(organisation_id: int, spans: list[Period]) -> dict[str, list[int]]:
    from tackle.suppliers.models import HIGH_TIERS, Contract, SupplierAssessment, TenderBid

    alias = reporting_alias()
    contracts = aggregate_rows(
        Contract.objects.using(alias).filter(organisation_id=organisation_id),
        _date_in("start_on"),
        spans,
        {
            "Contracts starting": (Q(),),
            "of which high value, high risk or business critical": (Q(tier__in=HIGH_TIERS),),
        },
    )
    assessments = aggregate_rows(
        SupplierAssessment.objects.using(alias).filter(contract__organisation_id=organisation_id),
        _date_in("completed_on"),
        spans,
        {"Annual supplier assessments completed": (Q(),)},
    )
    bids = aggregate_rows(
        TenderBid.objects.using(alias).filter(check_run__organisation_id=organisation_id).exclude(flags=[]),
        _datetime_in("check_run__created_at"),
        spans,
        {"Tender bids flagged as abnormally low": (Q(),)},
    )
    return {**contracts, **assessments, **bids}
