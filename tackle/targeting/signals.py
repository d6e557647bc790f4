"""What the disruption module knows about premises, as risk signals for targeting.

Premises are matched to ranked entities by postcode and
normalised name (the premises' own name or a business linked to it). Only what the user may see
in disruption counts, through disruption's own selectors, and a reason names a report's date and
grade, never its content.
"""

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from tackle.core.identifiers import normalise_postcode
from tackle.disrupt import selectors as disrupt
from tackle.targeting.normalise import name_key
from tackle.targeting.ranking import SignalIndex
from tackle.targeting.rules.risk import Signals


def disruption_signals_for(user: Any) -> SignalIndex:
    """Signals from the intelligence, premises and operations the user may see in disruption."""
    return _signals(
        disrupt.premises_visible_to(user),
        disrupt.intelligence_visible_to(user),
        disrupt.operations_visible_to(user),
    )


def disruption_signals(organisation_id: int) -> SignalIndex:
    """Signals from the records one organisation holds (for the command line, where nobody signs in)."""
    return _signals(*disrupt.records_of_organisation(organisation_id))


def _signals(premises: QuerySet[Any], intelligence: QuerySet[Any], operations: QuerySet[Any]) -> SignalIndex:
    today = timezone.localdate()
    reports: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for item in intelligence.filter(premises__in=premises).distinct().prefetch_related("premises"):
        line = f"received {item.received_on:%d %B %Y}, graded {item.grade}"
        for place in item.premises.all():
            reports[place.pk].append((item.received_on, line))
    past: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for operation in (
        operations.filter(premises__in=premises, operation_date__lte=today).distinct().prefetch_related("premises")
    ):
        line = f"{operation.name}, {operation.operation_date:%d %B %Y}"
        for place in operation.premises.all():
            past[place.pk].append((operation.operation_date, line))
    index: dict[tuple[str, str], Signals] = {}
    for place in premises.filter(pk__in=[*reports, *past]).prefetch_related("businesses"):
        postcode = normalise_postcode(place.postcode)
        if not postcode:
            continue
        signals = Signals(
            intelligence=tuple(dict.fromkeys(line for _, line in sorted(reports[place.pk], reverse=True))),
            operations=tuple(dict.fromkeys(line for _, line in sorted(past[place.pk], reverse=True))),
        )
        for name in [place.name, *(business.name for business in place.businesses.all())]:
            key = name_key(name)
            if key:
                index[(postcode, key)] = _merge(index.get((postcode, key)), signals)
    return index


def _merge(first: Signals | None, second: Signals) -> Signals:
    if first is None:
        return second
    return Signals(
        intelligence=tuple(dict.fromkeys([*first.intelligence, *second.intelligence])),
        operations=tuple(dict.fromkeys([*first.operations, *second.operations])),
    )
