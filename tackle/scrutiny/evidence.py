"""What Tackle already holds that answers a self-assessment question: a proposed answer, the
evidence in words and a link to it. Modules built by others (training, statements) are read
when they are installed, and skipped when they are not."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.apps import apps
from django.urls import reverse

from tackle.cases.models import Case
from tackle.core.disclosure import suppress_small_counts
from tackle.core.periods import financial_year, financial_year_label
from tackle.core.roles import Role
from tackle.reporting.selectors import figures_tables
from tackle.scrutiny.evidence_modules import contracts_proposal, sharing_proposal
from tackle.scrutiny.models import Spend, SpendCategory
from tackle.scrutiny.selectors import current_arrangement

NOT_RECORDED = "not recorded in Tackle"


@dataclass(frozen=True)
class Proposal:
    answer: str
    evidence: str
    url: str = ""
    link_text: str = ""


def _masked(value: int) -> Any:
    return suppress_small_counts({"n": value})["n"]


def training_rate(organisation: Any, role: str | None = None) -> float | None:
    """The share of staff up to date with required training, 0 to 100, or None when not recorded."""
    try:
        from tackle.training.selectors import training_compliance_rate  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    rate = training_compliance_rate(organisation, role=role)
    if rate is None:
        return None
    return float(rate) * 100 if float(rate) <= 1 else float(rate)


def _rate_proposal(rate: float | None, who: str) -> Proposal | None:
    if rate is None:
        return None
    answer = "yes" if rate >= 90 else "partly" if rate > 0 else "no"
    return Proposal(answer, f"{rate:.0f}% of {who} are up to date with required training (Tackle training records).")


def _approved_statement(organisation_id: int, year: int) -> Any:
    if not apps.is_installed("tackle.statements"):
        return None
    try:
        statement_model = apps.get_model("statements", "Statement")
    except LookupError:
        return None
    return (
        statement_model.objects.filter(
            organisation_id=organisation_id, status__in=["approved", "published"], approval_date__isnull=False
        )
        .filter(approval_date__lte=date(year + 1, 3, 31))
        .order_by("-approval_date")
        .first()
    )


def proposals_for(organisation: Any, year: int) -> dict[str, Proposal]:
    """Proposed answers for the financial year starting in `year`, keyed by question."""
    found: dict[str, Proposal] = {}
    label = financial_year_label(year)
    figures_url = f"{reverse('reporting:figures')}?first_year={year}&last_year={year}&by=quarter"

    arrangement = current_arrangement(organisation.pk)
    if arrangement is not None:
        found["strategy_lead"] = Proposal(
            "yes",
            f"{arrangement.lead_label} leads on modern slavery ({arrangement.team}) "
            f"since {arrangement.since:%-d %B %Y}.",
            reverse("scrutiny:arrangements"),
            "Lead arrangements",
        )

    tables = {
        t.key: t for t in figures_tables(organisation_id=organisation.pk, first_year=year, last_year=year, by="year")
    }
    concerns = tables["concerns"].rows[0][1][-1]
    referrals = sum(values[-1] for _, values in tables["referrals"].rows)
    if Case.objects.filter(organisation_id=organisation.pk).exists():
        found["structures_records"] = Proposal(
            "yes",
            "Concerns, NRM referrals and decisions are recorded in Tackle's register and counted by quarter.",
            figures_url,
            "Figures",
        )
        found["strategy_figures"] = Proposal(
            "yes",
            f"In {label} Tackle recorded {_masked(concerns)} concerns and {_masked(referrals)} NRM referrals "
            "(counts from 1 to 4 read \u201cfewer than 5\u201d).",
            figures_url,
            "Figures",
        )

    proposal = _rate_proposal(training_rate(organisation), "staff")
    if proposal:
        found["knowledge_staff_trained"] = proposal
    proposal = _rate_proposal(training_rate(organisation, Role.PROCUREMENT_OFFICER), "procurement staff")
    if proposal:
        found["procurement_staff"] = proposal

    statement = _approved_statement(organisation.pk, year)
    if statement is not None:
        body = f" by {statement.approval_body}" if statement.approval_body else ""
        found["procurement_statement"] = Proposal(
            "yes",
            f"The modern slavery statement ({statement}) was approved{body} on {statement.approval_date:%-d %B %Y}.",
        )

    support = Spend.objects.filter(
        organisation_id=organisation.pk,
        financial_year=financial_year(year).label,
        category__in=[SpendCategory.COMMISSIONED_SUPPORT, SpendCategory.EMERGENCY_ACCOMMODATION],
        amount__gt=0,
    )
    if support.exists():
        found["victims_support"] = Proposal(
            "yes",
            f"Spending on commissioned support or emergency accommodation is recorded for {label}.",
            reverse("scrutiny:spend"),
            "Spending",
        )
    for key, proposal_of in (("partnership_sharing", sharing_proposal), ("procurement_contracts", contracts_proposal)):
        answered = proposal_of(organisation, year)
        if answered:
            found[key] = Proposal(*answered)
    return found
