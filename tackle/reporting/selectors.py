"""Figures for a lead's statistics page, the exports and the FOI answer, counted in the database.

Each table is one query: a conditional COUNT per period (financial quarters or years, see
periods.py) over the organisation's cases or NRM events, so nothing is loaded row by row.

Definitions
-----------
- Concerns recorded: cases first seen (encountered_at, Europe/London) in the period.
- NRM referrals: "NRM referral sent" events dated in the period, split by the case's age group.
- Duty to Notify: "Duty to Notify sent" events dated in the period.
- Decisions: reasonable grounds (positive / negative) and conclusive grounds (trafficking,
  slavery, negative) events dated in the period.
- Exploitation types and nationalities: concerns recorded in the period, by Home Office
  category and by nationality as recorded (the ten most common; blank reads "Not recorded").
- Operations and supply-chain risk: see module_tables.py.

Suppression: for publication, and always for roles that see figures only (councillors), every
count from 1 to 4 reads "fewer than 5" (tackle.cases.register.suppress_small_counts). Zero stays 0.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q

from tackle.cases.categories import exploitation_categories, exploitation_category
from tackle.cases.models import AgeGroup, Case, NrmEvent, NrmEventKind, NrmOutcome
from tackle.cases.register import register_is_exact_for
from tackle.core.db import reporting_alias
from tackle.core.disclosure import suppress_small_counts
from tackle.core.periods import Period, financial_year, periods
from tackle.core.roles import Module
from tackle.reporting.module_tables import aggregate_rows, operations_counts, supply_chain_counts

NOT_RECORDED_IN_TACKLE = "not recorded in Tackle"
TOP_NATIONALITIES = 10


@dataclass
class Table:
    key: str
    title: str
    row_heading: str
    columns: list[str]
    rows: list[tuple[str, list[Any]]] = field(default_factory=list)
    note: str = ""

    def chart_bars(self) -> list[tuple[str, Any]]:
        """One row: a bar per period. Several rows: a bar per row, its total (the last column)."""
        if len(self.rows) == 1:
            _, values = self.rows[0]
            return list(zip(self.columns[:-1], values[:-1], strict=True))
        return [(label, values[-1]) for label, values in self.rows]


@dataclass
class Figures:
    first_year: int
    last_year: int
    by: str
    tables: list[Table]
    suppressed: bool
    training: list[tuple[str, str, str]]  # (year, sessions held, people trained)


def _counts(queryset: Any, when: Callable[[Period], Q], spans: list[Period], splits: dict[str, Q]) -> dict[str, list]:
    """{split: [count per period]} from one aggregate query."""
    return aggregate_rows(queryset, when, spans, {name: (condition,) for name, condition in splits.items()})


def _case_when(period: Period) -> Q:
    return Q(encountered_at__gte=period.start_at, encountered_at__lt=period.end_at)


def _event_when(period: Period) -> Q:
    return Q(occurred_on__gte=period.starts_on, occurred_on__lt=period.ends_before)


def _cases(organisation_id: int) -> Any:
    return Case.objects.using(reporting_alias()).filter(organisation_id=organisation_id)


def _events(organisation_id: int, spans: list[Period]) -> Any:
    return NrmEvent.objects.using(reporting_alias()).filter(
        case__organisation_id=organisation_id,
        occurred_on__gte=spans[0].starts_on,
        occurred_on__lt=spans[-1].ends_before,
    )


def _with_totals(
    spans: list[Period], rows: list[tuple[str, list[int]]]
) -> tuple[list[str], list[tuple[str, list[Any]]]]:
    columns = [p.label for p in spans] + ["Total"]
    return columns, [(label, [*values, sum(values)]) for label, values in rows]


def _table(key: str, title: str, row_heading: str, spans: list[Period], counts: dict[str, list]) -> Table:
    columns, rows = _with_totals(spans, list(counts.items()))
    return Table(key, title, row_heading, columns, rows)


def _category_table(
    key: str,
    title: str,
    row_heading: str,
    spans: list[Period],
    rows: list[dict],
    label: Callable[[Any], str],
    order: list[str] | None,
    limit: int | None,
) -> Table:
    totals: dict[str, list[int]] = {}
    for row in rows:
        name = label(row["value"])
        bucket = totals.setdefault(name, [0] * len(spans))
        for i in range(len(spans)):
            bucket[i] += row[f"p{i}"]
    totals = {name: values for name, values in totals.items() if sum(values)}
    if order is not None:
        names = [name for name in order if name in totals]
    else:
        names = sorted(totals, key=lambda name: (-sum(totals[name]), name))
    if limit is not None:
        names = names[:limit]
    columns, with_totals = _with_totals(spans, [(name, totals[name]) for name in names])
    return Table(key, title, row_heading, columns, with_totals)


def _grouped(organisation_id: int, spans: list[Period], column: str) -> list[dict]:
    per_period = {f"p{i}": Count("pk", filter=_case_when(period)) for i, period in enumerate(spans)}
    return [
        {"value": row[column], **{k: row[k] for k in per_period}}
        for row in _cases(organisation_id)
        .filter(encountered_at__gte=spans[0].start_at, encountered_at__lt=spans[-1].end_at)
        .order_by()
        .values(column)
        .annotate(**per_period)
    ]


def figures_tables(*, organisation_id: int, first_year: int, last_year: int, by: str = "quarter") -> list[Table]:
    """Every table for the organisation's financial years first_year..last_year, exact counts."""
    spans = periods(first_year, last_year, by=by)
    cases = _cases(organisation_id).filter(encountered_at__gte=spans[0].start_at, encountered_at__lt=spans[-1].end_at)
    events = _events(organisation_id, spans)
    referral = Q(kind=NrmEventKind.REFERRAL_SENT)
    rg = Q(kind=NrmEventKind.RG_DECISION)
    cg = Q(kind=NrmEventKind.CG_DECISION)
    tables = [
        _table(
            "concerns",
            "Concerns recorded",
            "Concerns",
            spans,
            _counts(cases, _case_when, spans, {"Concerns recorded": Q()}),
        ),
        _table(
            "referrals",
            "NRM referrals",
            "Age group",
            spans,
            _counts(
                events,
                _event_when,
                spans,
                {
                    "Adult": referral & Q(case__age_group=AgeGroup.ADULT),
                    "Child": referral & Q(case__age_group=AgeGroup.CHILD),
                    "Age not known": referral & ~Q(case__age_group__in=[AgeGroup.ADULT, AgeGroup.CHILD]),
                },
            ),
        ),
        _table(
            "duty_to_notify",
            "Duty to Notify (adults who did not consent to an NRM referral)",
            "Notifications",
            spans,
            _counts(events, _event_when, spans, {"Duty to Notify sent": Q(kind=NrmEventKind.DUTY_TO_NOTIFY_SENT)}),
        ),
        _table(
            "decisions",
            "NRM decisions by outcome",
            "Decision",
            spans,
            _counts(
                events,
                _event_when,
                spans,
                {
                    "Reasonable grounds: positive": rg & Q(outcome=NrmOutcome.POSITIVE),
                    "Reasonable grounds: negative": rg & Q(outcome=NrmOutcome.NEGATIVE),
                    "Conclusive grounds: trafficking": cg & Q(outcome=NrmOutcome.TRAFFICKING),
                    "Conclusive grounds: slavery or forced labour": cg & Q(outcome=NrmOutcome.SLAVERY),
                    "Conclusive grounds: negative": cg & Q(outcome=NrmOutcome.NEGATIVE),
                },
            ),
        ),
        _category_table(
            "exploitation",
            "Concerns by exploitation type (Home Office categories)",
            "Exploitation type",
            spans,
            _grouped(organisation_id, spans, "exploitation_types"),
            exploitation_category,
            exploitation_categories(),
            None,
        ),
        _category_table(
            "nationalities",
            f"Concerns by nationality (the {TOP_NATIONALITIES} most common)",
            "Nationality",
            spans,
            _grouped(organisation_id, spans, "nationality"),
            lambda value: (value or "").strip() or "Not recorded",
            None,
            TOP_NATIONALITIES,
        ),
    ]
    tables += [
        _table(
            "operations", "Multi-agency operations led", "Operations", spans, operations_counts(organisation_id, spans)
        ),
        _table(
            "supply_chain",
            "Supply-chain risk",
            "Contracts and checks",
            spans,
            supply_chain_counts(organisation_id, spans),
        ),
    ]
    return tables


def suppress_table(table: Table) -> Table:
    masked = [
        (label, [suppress_small_counts({"cells": dict(enumerate(values))})["cells"][i] for i in range(len(values))])
        for label, values in table.rows
    ]
    return Table(table.key, table.title, table.row_heading, table.columns, masked, table.note)


def training_by_year(organisation: Any, first_year: int, last_year: int) -> list[tuple[str, str, str]]:
    """Sessions held and people trained per financial year from the training module, when it is there."""
    try:
        from tackle.training.selectors import training_figures  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return []
    rows = []
    for year in range(first_year, last_year + 1):
        span = financial_year(year)
        found = training_figures(organisation, span.starts_on, span.ends_before)
        rows.append((span.label, str(found.get("sessions_held", "")), str(found.get("people_trained", ""))))
    return rows


def figures_is_exact_for(user: Any) -> bool:
    """True: this user may see exact counts. PermissionDenied: no figures at all."""
    if not (user.is_authenticated and user.organisation_id and user.may_use(Module.REPORTING)):
        raise PermissionDenied("Your role cannot see figures.")
    return register_is_exact_for(user)


def figures_for_user(
    user: Any, *, first_year: int, last_year: int, by: str = "quarter", publication: bool = False
) -> Figures:
    exact = figures_is_exact_for(user) and not publication
    tables = figures_tables(organisation_id=user.organisation_id, first_year=first_year, last_year=last_year, by=by)
    if not exact:
        tables = [suppress_table(table) for table in tables]
    return Figures(
        first_year=first_year,
        last_year=last_year,
        by=by,
        tables=tables,
        suppressed=not exact,
        training=training_by_year(user.organisation, first_year, last_year),
    )


def default_years(today: date) -> tuple[int, int]:
    from tackle.core.periods import financial_year_of

    last = financial_year_of(today)
    return last - 1, last
