"""The evidence composer: what the Figures page, the FOI answer, the scrutiny proposals and the
statement's commitments quote, built from the figures each app publishes.

Every figure here counts one `Period`, [starts_on, ends_before), so a day at a boundary belongs to
one period only. Counts are exact: whoever shows them applies small-count suppression.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tackle.cases.figures import (
    CaseFigures,
    ReferralRoutes,
    SupportOutcomes,
    case_figures,
    case_figures_by_period,
    organisation_has_cases,
    referral_routes_by_period,
    support_outcomes,
)
from tackle.core.periods import Period, financial_year
from tackle.disrupt.figures import OperationFigures, operation_figures_by_period, sharing_partners
from tackle.spend.selectors import spend_imports_visible_to, year_on_year
from tackle.suppliers.figures import (
    AssessmentsDue,
    SupplierActivity,
    SupplyChainFigures,
    assessments_due,
    supplier_activity,
    supply_chain_figures_by_period,
)
from tackle.training.figures import CampaignFigure, TrainingFigures, campaigns_begun, training_figures


@dataclass(frozen=True)
class PeriodEvidence:
    """One column of the Figures page."""

    period: Period
    cases: CaseFigures
    operations: OperationFigures
    supply_chain: SupplyChainFigures


@dataclass(frozen=True)
class YearEvidence:
    """One financial year, for the FOI answer and the scrutiny proposals."""

    period: Period
    cases: CaseFigures
    training: TrainingFigures
    has_cases: bool  # any concern recorded at all, in any year
    sharing_partners: tuple[str, ...]
    assessments_due: AssessmentsDue


@dataclass(frozen=True)
class StatementEvidence:
    """The live figures a statement quotes for its period."""

    period: Period
    cases_referred: int
    training: TrainingFigures


@dataclass(frozen=True)
class SpendScreening:
    screened_at: datetime
    latest_year: str  # the last financial year with spend in the file, "" when none
    latest_year_high_risk_share: int  # percent of that year's spend in high-risk sectors


def evidence_by_period(organisation_id: int, spans: list[Period]) -> list[PeriodEvidence]:
    """Consecutive periods, in order; a few aggregate queries in all, not a few per period."""
    return [
        PeriodEvidence(period, cases, operations, supply)
        for period, cases, operations, supply in zip(
            spans,
            case_figures_by_period(organisation_id, spans),
            operation_figures_by_period(organisation_id, spans),
            supply_chain_figures_by_period(organisation_id, spans),
            strict=True,
        )
    ]


def referrals_by_route(
    organisation_id: int, spans: list[Period], kind: str
) -> tuple[list[ReferralRoutes], ReferralRoutes]:
    """One kind of referral in each of `spans` (consecutive, in order), and in all of them together,
    whose median is the one a reader can be told: a period's alone may rest on one or two referrals."""
    label = spans[0].label if len(spans) == 1 else f"{spans[0].label} to {spans[-1].label}"
    whole = Period(label, spans[0].starts_on, spans[-1].ends_before)
    found = referral_routes_by_period(organisation_id, [*spans, whole], kind)
    return found[:-1], found[-1]


def support_outcomes_in_years(organisation_id: int, first_year: int, last_year: int) -> SupportOutcomes:
    """Outcome scores from 1 April of the first year to 31 March after the last."""
    first, last = financial_year(first_year), financial_year(last_year)
    return support_outcomes(
        organisation_id, Period(f"{first.label} to {last.label}", first.starts_on, last.ends_before)
    )


def training_by_year(organisation_id: int, first_year: int, last_year: int) -> list[TrainingFigures]:
    return [training_figures(organisation_id, financial_year(year)) for year in range(first_year, last_year + 1)]


def year_evidence(organisation_id: int, year: int) -> YearEvidence:
    """The financial year starting 1 April `year`."""
    period = financial_year(year)
    return YearEvidence(
        period=period,
        cases=case_figures(organisation_id, period),
        training=training_figures(organisation_id, period),
        has_cases=organisation_has_cases(organisation_id),
        sharing_partners=sharing_partners(organisation_id, period),
        assessments_due=assessments_due(organisation_id, period),
    )


def twelve_months_to(today: date) -> Period:
    """The twelve months to `today`, `today` included: what a commitment's evidence counts."""
    since = date(today.year - 1, today.month, min(today.day, 28))
    return Period(f"the twelve months to {today:%-d %B %Y}", since, today + timedelta(days=1))


def statement_period(label: str, starts_on: date, ends_on: date) -> Period:
    """A statement's period, which names its last day, as a Period."""
    return Period(label, starts_on, ends_on + timedelta(days=1))


def cases_referred(organisation_id: int, period: Period) -> int:
    """Distinct cases with an NRM referral sent in the period."""
    return case_figures(organisation_id, period).cases_referred


def statement_evidence(organisation_id: int, period: Period) -> StatementEvidence:
    return StatementEvidence(period, cases_referred(organisation_id, period), training_figures(organisation_id, period))


def campaigns_begun_by(organisation_id: int, today: date) -> list[CampaignFigure]:
    """Every awareness campaign that has started, `today` included, latest first."""
    return campaigns_begun(organisation_id, Period("to date", date.min, today + timedelta(days=1)))


def supplier_activity_for(user: Any, period: Period) -> SupplierActivity | None:
    """None without a user: supplier records are read for a user only."""
    return None if user is None else supplier_activity(user, period)


def latest_spend_screening(user: Any) -> SpendScreening | None:
    """The user's organisation's most recently screened spend file, and its last known year."""
    if user is None:
        return None
    latest = spend_imports_visible_to(user).filter(screened_at__isnull=False).order_by("-screened_at").first()
    if latest is None or latest.screened_at is None:
        return None
    years = [line for line in year_on_year(latest) if line.amount > 0 and line.label[:4].isdigit()]  # known years
    if not years:
        return SpendScreening(latest.screened_at, "", 0)
    return SpendScreening(latest.screened_at, years[-1].label, years[-1].high_risk_share)
