"""Published figures from disruption records. Read-only.

The annual disruption report, in the shape Sandwell used: operations by exploitation type,
agencies taking part, their interventions, and arrests. Counts of operations and interventions are
not counts of people and are shown whole; the counts of people (encountered, victims, referrals,
arrests) go through disclosure control (`annual_people_shown`), because the report is published.

For other apps: operations led and what they found, and the information-sharing partners, for one
period, counting [starts_on, ends_before).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext_noop

from tackle.core.db import aggregate_by_period, date_in, datetime_in, reporting_alias
from tackle.core.disclosure import Disclosure, Line, Shown, protect
from tackle.core.periods import Period, financial_year
from tackle.core.vocabulary import ExploitationType
from tackle.disrupt.choices import OperationKind, PremisesType
from tackle.disrupt.models import Operation, OperationOutcome, Premises, SharingAgreement

# English keys, read in the reader's language where shown (views/meeting.py _shown).
NOT_RECORDED = gettext_noop("Not recorded yet")
NONE_FOUND = gettext_noop("None found")
ARRESTS = (
    gettext_noop("Modern slavery offences"),
    gettext_noop("Immigration offences"),
    gettext_noop("Other offences"),
)


@dataclass
class AgencyRow:
    name: str
    operations: int = 0
    interventions: int = 0


@dataclass
class AnnualFigures:
    year: int
    label: str
    operations: int = 0
    planned: int = 0
    dynamic: int = 0
    with_outcomes: int = 0
    by_exploitation: list[tuple[str, int]] = field(default_factory=list)
    agencies: list[AgencyRow] = field(default_factory=list)
    interventions: int = 0
    arrests: dict[str, int] = field(default_factory=dict)
    people_encountered: int = 0
    victims_adult: int = 0
    victims_child: int = 0
    nrm_referrals: int = 0
    duty_to_notify: int = 0
    safeguarding_referrals: int = 0
    premises_closed: int = 0
    cases_opened: int = 0

    @property
    def arrests_total(self) -> int:
        return sum(self.arrests.values())


def _agency_key(name: str) -> str:
    # "GLAA" and "glaa " are one agency: counting distinct agencies must not depend on typing.
    return " ".join(name.split()).casefold()


def annual_figures(organisation_id: int, year: int) -> AnnualFigures:
    """Figures for one organisation's operations in the financial year starting 1 April `year`."""
    period = financial_year(year)
    operations = list(
        Operation.objects.filter(
            organisation_id=organisation_id,
            operation_date__gte=period.starts_on,
            operation_date__lt=period.ends_before,
        )
        .order_by("operation_date", "pk")
        .prefetch_related("agencies", "case_links")
    )
    outcomes = {
        outcome.operation_id: outcome
        for outcome in OperationOutcome.objects.filter(operation__in=[operation.pk for operation in operations])
    }
    figures = AnnualFigures(year=year, label=period.label, operations=len(operations))
    by_type: Counter[str] = Counter()
    agencies: dict[str, AgencyRow] = {}
    arrests = {"Modern slavery offences": 0, "Immigration offences": 0, "Other offences": 0}
    for operation in operations:
        if operation.kind == "dynamic":
            figures.dynamic += 1
        else:
            figures.planned += 1
        figures.cases_opened += len(operation.case_links.all())
        for agency in operation.agencies.all():
            row = agencies.setdefault(_agency_key(agency.name), AgencyRow(agency.name))
            row.operations += 1
            row.interventions += agency.interventions
            figures.interventions += agency.interventions
        outcome = outcomes.get(operation.pk)
        if outcome is None:
            by_type[NOT_RECORDED] += 1
            continue
        figures.with_outcomes += 1
        labels = [
            str(ExploitationType(code).label) for code in ExploitationType.values if code in outcome.exploitation_types
        ]
        for label in labels or [NONE_FOUND]:
            by_type[label] += 1
        arrests["Modern slavery offences"] += outcome.arrests_modern_slavery
        arrests["Immigration offences"] += outcome.arrests_immigration
        arrests["Other offences"] += outcome.arrests_other
        figures.people_encountered += outcome.people_encountered
        figures.victims_adult += outcome.victims_adult
        figures.victims_child += outcome.victims_child
        figures.nrm_referrals += outcome.nrm_referrals
        figures.duty_to_notify += outcome.duty_to_notify
        figures.safeguarding_referrals += outcome.safeguarding_referrals
        figures.premises_closed += outcome.premises_closed
    figures.by_exploitation = sorted(by_type.items(), key=lambda item: (-item[1], item[0]))
    figures.agencies = sorted(agencies.values(), key=lambda row: (-row.operations, row.name.casefold()))
    figures.arrests = arrests
    return figures


PEOPLE_COUNTS = (
    "people_encountered", "victims_adult", "victims_child", "cases_opened", "nrm_referrals", "duty_to_notify",
    "safeguarding_referrals",
)  # fmt: skip


def annual_people_shown(figures: AnnualFigures, disclosure: Disclosure) -> dict[str, Shown]:
    """The report's counts of people as `disclosure` shows them: victims adult and child beside
    their total, arrests by offence beside theirs, so no withheld one follows by subtraction."""
    values: dict[str, int] = {name: getattr(figures, name) for name in PEOPLE_COUNTS}
    values["victims"] = figures.victims_adult + figures.victims_child
    values.update({f"arrests:{offence}": count for offence, count in figures.arrests.items()})
    values["arrests_total"] = figures.arrests_total
    lines = [
        Line(("victims_adult", "victims_child"), "victims"),
        Line(tuple(f"arrests:{offence}" for offence in figures.arrests), "arrests_total"),
    ]
    return protect(values, lines, disclosure)


@dataclass(frozen=True)
class OperationFigures:
    """Operations the organisation led (recorded) in the period, and the sums of their outcomes; an
    operation without outcomes yet counts as held, with nothing found."""

    period: Period
    operations_held: int
    victims_adult: int
    victims_child: int
    nrm_referrals: int
    arrests_modern_slavery: int
    premises_closed: int


_OPERATION_ROWS = {
    "operations_held": (Q(),),
    "victims_adult": "outcome__victims_adult",
    "victims_child": "outcome__victims_child",
    "nrm_referrals": "outcome__nrm_referrals",
    "arrests_modern_slavery": "outcome__arrests_modern_slavery",
    "premises_closed": "outcome__premises_closed",
}


def operation_figures_by_period(organisation_id: int, spans: list[Period]) -> list[OperationFigures]:
    """The figures for each period in `spans`, from one aggregate query."""
    operations = Operation.objects.using(reporting_alias()).filter(organisation_id=organisation_id)
    rows = aggregate_by_period(operations, date_in("operation_date"), spans, _OPERATION_ROWS)
    return [
        OperationFigures(period, **{name: values[i] for name, values in rows.items()}) for i, period in enumerate(spans)
    ]


def operation_figures(organisation_id: int, period: Period) -> OperationFigures:
    return operation_figures_by_period(organisation_id, [period])[0]


def sharing_partners(organisation_id: int, period: Period) -> tuple[str, ...]:
    """The organisations it had an information-sharing agreement with, in force (not revoked) on any
    day of the period, whichever side signed it first; sorted by name."""
    agreements = SharingAgreement.objects.filter(
        Q(organisation_id=organisation_id) | Q(partner_id=organisation_id),
        starts_on__lt=period.ends_before,
        expires_on__gte=period.starts_on,
        revoked_at__isnull=True,
    ).select_related("organisation", "partner")
    return tuple(
        sorted({(a.partner if a.organisation_id == organisation_id else a.organisation).name for a in agreements})
    )


BY_TYPE_DEFINITION = (
    "Premises by the day they were first recorded (London time), by type; operations by the day held, "
    "planned or dynamic, and by the type of the premises they visited: an operation visiting premises of "
    "two types counts once under each, and once only under a type however many such premises it visited."
)


def premises_and_operations_by_type(organisation_id: int, spans: list[Period]) -> dict[str, list[int]]:
    """{row: [count per period]}: premises recorded by type, operations by kind and by the type of
    premises visited; a type no premises or operation had in any period is left out."""
    premises = Premises.objects.using(reporting_alias()).filter(organisation_id=organisation_id)
    rows = aggregate_by_period(
        premises,
        datetime_in("created_at"),
        spans,
        {f"Premises recorded: {label}": (Q(premises_type=value),) for value, label in PremisesType.choices},
    )
    operations = Operation.objects.using(reporting_alias()).filter(organisation_id=organisation_id)
    held = date_in("operation_date")
    rows |= aggregate_by_period(
        operations, held, spans, {f"Operations: {label}": (Q(kind=value),) for value, label in OperationKind.choices}
    )
    # Counted apart and distinct: joining an operation's premises repeats the operation once per premises.
    visited = operations.aggregate(
        **{
            f"v_{t}_{i}": Count("pk", filter=held(period) & Q(premises__premises_type=value), distinct=True)
            for t, (value, _) in enumerate(PremisesType.choices)
            for i, period in enumerate(spans)
        }
    )
    rows |= {
        f"Operations visiting: {label}": [visited[f"v_{t}_{i}"] for i in range(len(spans))]
        for t, (_, label) in enumerate(PremisesType.choices)
    }
    return {name: counts for name, counts in rows.items() if any(counts) or name.startswith("Operations: ")}
