"""The annual disruption report, in the shape Sandwell used: operations by exploitation type,
agencies taking part, their interventions, and arrests. Counts of operations, not of people, so no
small-count suppression applies; victims are shown as totals for the whole year."""

from collections import Counter
from dataclasses import dataclass, field

from tackle.cases.models.choices import ExploitationType
from tackle.core.periods import financial_year
from tackle.disrupt.models import Operation, OperationOutcome

NOT_RECORDED = "Not recorded yet"


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
            ExploitationType(code).label for code in ExploitationType.values if code in outcome.exploitation_types
        ]
        for label in labels or ["None found"]:
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
