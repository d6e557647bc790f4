"""What Tackle already holds that answers a self-assessment question: a proposed answer, the
evidence in words and a link to it. The figures come from reporting's evidence composer, the
training rates from training's selectors and the approved statement from statements' figures."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext

from tackle.accounts.selectors import disclosure_for
from tackle.core.disclosure import Audience, disclosed_in_language
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


def _rate_proposal(rate: float | None, sentence: str) -> Proposal | None:
    """`sentence` is already translated and takes the rate as %(rate)s."""
    if rate is None:
        return None
    answer = "yes" if rate >= 90 else "partly" if rate > 0 else "no"
    return Proposal(answer, sentence % {"rate": f"{rate:.0f}"})


def proposals_for(organisation: Any, year: int) -> dict[str, Proposal]:
    """Proposed answers for the financial year starting in `year`, keyed by question."""
    found: dict[str, Proposal] = {}
    label = financial_year_label(year)
    figures_url = f"{reverse('reporting:figures')}?first_year={year}&last_year={year}&by=quarter"

    arrangement = current_arrangement(organisation.pk)
    if arrangement is not None:
        found["strategy_lead"] = Proposal(
            "yes",
            gettext("%(lead)s leads on modern slavery (%(team)s) since %(since)s.")
            % {
                "lead": arrangement.lead_label,
                "team": arrangement.team,
                "since": date_format(arrangement.since, "j F Y"),
            },
            reverse("scrutiny:arrangements"),
            gettext("Lead arrangements"),
        )

    evidence = year_evidence(organisation.pk, year)
    concerns, referrals = evidence.cases.concerns, evidence.cases.referrals
    if evidence.has_cases:
        found["structures_records"] = Proposal(
            "yes",
            gettext("Concerns, NRM referrals and decisions are recorded in Tackle's register and counted by quarter."),
            figures_url,
            gettext("Figures"),
        )
        # The self-assessment goes to the scrutiny committee: councillors' figures.
        disclosure = disclosure_for(organisation.pk, Audience.COUNCILLORS)

        def shown(count: int) -> object:
            return disclosed_in_language(disclosure.show(count))

        found["strategy_figures"] = Proposal(
            "yes",
            (
                gettext("In %(year)s Tackle recorded %(concerns)s concerns and %(referrals)s NRM referrals.")
                % {"year": label, "concerns": shown(concerns), "referrals": shown(referrals)}
                + f" {disclosed_in_language(disclosure.small_counts_note())}"
            ).strip(),
            figures_url,
            gettext("Figures"),
        )

    proposal = _rate_proposal(
        training_rate(organisation),
        gettext("%(rate)s%% of staff are up to date with required training (Tackle training records)."),
    )
    if proposal:
        found["knowledge_staff_trained"] = proposal
    proposal = _rate_proposal(
        training_rate(organisation, Role.PROCUREMENT_OFFICER),
        gettext("%(rate)s%% of procurement staff are up to date with required training (Tackle training records)."),
    )
    if proposal:
        found["procurement_staff"] = proposal

    statement = statement_approved_by_end_of(organisation.pk, evidence.period)
    if statement is not None:
        approved = {"name": statement.name, "body": statement.approval_body}
        approved["on"] = date_format(statement.approval_date, "j F Y")
        if statement.approval_body:
            sentence = gettext("The modern slavery statement (%(name)s) was approved by %(body)s on %(on)s.")
        else:
            sentence = gettext("The modern slavery statement (%(name)s) was approved on %(on)s.")
        found["procurement_statement"] = Proposal("yes", sentence % approved)

    support = Spend.objects.filter(
        organisation_id=organisation.pk,
        financial_year=label,
        category__in=[SpendCategory.COMMISSIONED_SUPPORT, SpendCategory.EMERGENCY_ACCOMMODATION],
        amount__gt=0,
    )
    if support.exists():
        found["victims_support"] = Proposal(
            "yes",
            gettext("Spending on commissioned support or emergency accommodation is recorded for %(year)s.")
            % {"year": label},
            reverse("scrutiny:spend"),
            gettext("Spending"),
        )
    for key, proposal_of in (("partnership_sharing", sharing_proposal), ("procurement_contracts", contracts_proposal)):
        answered = proposal_of(evidence)
        if answered:
            found[key] = Proposal(*answered)
    return found
