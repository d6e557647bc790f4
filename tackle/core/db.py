from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from tackle.core.periods import Period


def reporting_alias() -> str:
    """The database that reporting reads from: the replica when one is configured."""
    return "replica" if "replica" in settings.DATABASES else "default"


def aggregate_by_period(
    queryset: Any, when: Callable[[Period], Q], spans: list[Period], rows: dict[str, Any]
) -> dict[str, list[int]]:
    """{row name: [value per period]} from one aggregate query: a row is (a condition,) to count the
    rows that meet it, or the name of a field to sum. `when` says which rows fall in a period."""
    aggregates: dict[str, Any] = {}
    for r, measure in enumerate(rows.values()):
        for i, period in enumerate(spans):
            if isinstance(measure, tuple):
                aggregates[f"v_{r}_{i}"] = Count("pk", filter=when(period) & measure[0])
            else:
                aggregates[f"v_{r}_{i}"] = Coalesce(Sum(measure, filter=when(period)), 0)
    result = queryset.aggregate(**aggregates)
    return {name: [result[f"v_{r}_{i}"] for i in range(len(spans))] for r, name in enumerate(rows)}


def date_in(field: str) -> Callable[[Period], Q]:
    """Rows whose date `field` falls in the period: on or after its first day, before `ends_before`."""
    return lambda period: Q(**{f"{field}__gte": period.starts_on, f"{field}__lt": period.ends_before})


def datetime_in(field: str) -> Callable[[Period], Q]:
    """Rows whose moment `field` falls in the period, its days taken in London."""
    return lambda period: Q(**{f"{field}__gte": period.start_at, f"{field}__lt": period.end_at})
