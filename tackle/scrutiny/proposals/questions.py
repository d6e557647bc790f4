"""What Tackle already holds that answers a self-assessment question: a proposed answer, the
evidence in words and a link to it. The figures come from reporting's evidence composer, the
training rates from training's selectors and the approved statement from statements' figures."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from tackle.accounts.selectors import disclosure_for
from tackle.core.disclosure import Audience
from tackle.core.periods import financial_year_label
from tackle.core.roles import Role
from tackle.reporting.evidence import year_evidence
from tackle.scrutiny.models import Spend, SpendCategory
from tackle.scrutiny.proposals.modules import contracts_proposal, sharing_proposal
from tackle.scrutiny.selectors import current_arrangement
from tackle.statements.figures import statement_approved_by_end_of
from tackle.training.selectors import training_compliance_rate

NOT_RECORDED = "not recorded in Tackle"


@dataclass(frozen=True)
class Proposal:
    answer: str
    evidence: str
    url: str = ""
    link_text: str = ""


def training_rate(organisation: Any, role: str | None = None) -> float | None:
    """The share of staff up to date with required training, 0 to 100, or None when not recorded."""
    rate = training_compliance_rate(organisation, role=role)
    return None if rate is None else rate * 100


def _rate_proposal(rate: float | None, who: str) -> Proposal | None:
    if rate is None:
        return None
    answer = "yes" if rate >= 90 else "partly" if rate > 0 else "no"
    return Proposal(answer, f"{rate:.0f}% of {who} are up to date with required training (Tackle training records).")


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

    evidence = year_evidence(organisation.pk, year)
    concerns, referrals = evidence.cases.concerns, evidence.cases.referrals
    if evidence.has_cases:
        found["structures_records"] = Proposal(
            "yes",
            "Concerns, NRM referrals and decisions are recorded in Tackle's register and counted by quarter.",
            figures_url,
            "Figures",
        )
        # The self-assessment goes to the scrutiny committee: councillors' figures.
        disclosure = disclosure_for(organisation.pk, Audience.COUNCILLORS)
        shown = disclosure.show
        found["strategy_figures"] = Proposal(
            "yes",
            f"In {label} Tackle recorded {shown(concerns)} concerns and {shown(referrals)} NRM referrals. "
            f"{disclosure.small_counts_note()}".strip(),
            figures_url,
            "Figures",
        )

    proposal = _rate_proposal(training_rate(organisation), "staff")
    if proposal:
        found["knowledge_staff_trained"] = proposal
    proposal = _rate_proposal(training_rate(organisation, Role.PROCUREMENT_OFFICER), "procurement staff")
    if proposal:
        found["procurement_staff"] = proposal

    statement = statement_approved_by_end_of(organisation.pk, evidence.period)
    if statement is not None:
        body = f" by {statement.approval_body}" if statement.approval_body else ""
        found["procurement_statement"] = Proposal(
            "yes",
            f"The modern slavery statement ({statement.name}) was approved{body} "
            f"on {statement.approval_date:%-d %B %Y}.",
        )

    support = Spend.objects.filter(
        organisation_id=organisation.pk,
        financial_year=label,
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
        answered = proposal_of(evidence)
        if answered:
            found[key] = Proposal(*answered)
    return found
