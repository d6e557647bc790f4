"""Evidence Tackle already holds for a charter commitment, offered to the lead as a proposal.

Each proposal is worked out again when the lead accepts it, so what is saved is what Tackle holds
at that moment, never text sent by the browser. The figures come from reporting's evidence
composer (cases, training, suppliers, spend) and training's compliance selector; a proposal that
finds nothing proposes nothing, and one that fails is a defect to see, not to hide.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tackle.accounts.selectors import disclosure_for
from tackle.core.disclosure import Audience
from tackle.core.roles import Role
from tackle.reporting.evidence import (
    campaigns_begun_by,
    cases_referred,
    latest_spend_screening,
    supplier_activity_for,
    twelve_months_to,
)
from tackle.statements.evidence_wording import in_english, worded, worded_in_english
from tackle.statements.models import Commitment, DecisionMaker, Statement, StatementStatus
from tackle.training.selectors import training_compliance_rate

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class EvidenceProposal:
    """`key` picks the proposal to accept; `wording` and `values` make its sentence (issue 21), in
    English as it is stored (`text`) and in the reader's language as it is shown (`shown`)."""

    key: str
    wording: str
    values: dict[str, Any]
    url: str = ""
    link_text: "StrOrPromise" = ""

    @property
    def text(self) -> str:
        return worded_in_english(self.wording, self.values)

    @property
    def shown(self) -> str:
        return worded(self.wording, self.values)


def _procurement_training(commitment: Commitment, today: date, user: Any = None) -> list[EvidenceProposal]:
    share = training_compliance_rate(commitment.organisation, role=Role.PROCUREMENT_OFFICER)
    if share is None:
        return []
    values = {"percent": round(share * 100), "day": today.isoformat()}
    return [
        EvidenceProposal(
            "procurement_training", "procurement_training", values, reverse("training:index"), _("Training records")
        )
    ]


def _annual_statement(commitment: Commitment, today: date, user: Any = None) -> list[EvidenceProposal]:
    statement = (
        Statement.objects.filter(
            organisation_id=commitment.organisation_id,
            status__in=[StatementStatus.APPROVED, StatementStatus.PUBLISHED],
        )
        .select_related("period")
        .order_by("-period__starts_on", "-version")
        .first()
    )
    if statement is None:
        return []
    wording = "annual_statement"
    values: dict[str, Any] = {"period": statement.period.label, "version": statement.version}
    if statement.decision_maker == DecisionMaker.DELEGATED:
        wording, values["officer"] = wording + "_by", statement.delegated_to
    elif statement.decision_maker:
        # The label's English, the catalogue's key: translated as it is read.
        wording, values["body"] = wording + "_by", in_english(DecisionMaker(statement.decision_maker).label)
    if statement.approval_date:
        wording, values["day"] = wording + "_on", statement.approval_date.isoformat()
    if statement.status == StatementStatus.PUBLISHED and statement.published_url:
        return [
            EvidenceProposal(
                "annual_statement", wording + "_published", values, statement.published_url, _("Published")
            )
        ]
    url = reverse("statements:statement-detail", args=[statement.uuid])
    return [EvidenceProposal("annual_statement", wording, values, url, _("Statement"))]


def _referrals(commitment: Commitment, today: date, user: Any = None) -> list[EvidenceProposal]:
    made = cases_referred(commitment.organisation_id, twelve_months_to(today))
    if not made:
        return []
    # Commitments are published with the statement: the public's figures.
    disclosure = disclosure_for(commitment.organisation_id, Audience.PUBLIC)
    if disclosure.is_small(made):  # withheld: worded here, as the disclosure's label is English
        values = {"threshold": disclosure.threshold, "day": today.isoformat()}
        return [EvidenceProposal("nrm_referrals", "nrm_referrals_few", values)]
    values = {"referrals": disclosure.rounded(made), "day": today.isoformat()}
    return [EvidenceProposal("nrm_referrals", "nrm_referrals", values)]


def _whistleblowing_campaigns(commitment: Commitment, today: date, user: Any = None) -> list[EvidenceProposal]:
    campaigns = campaigns_begun_by(commitment.organisation_id, today)
    found = [c for c in campaigns if "whistleblow" in f"{c.name} {c.description}".lower()]
    return [
        EvidenceProposal(
            f"campaign_{campaign.campaign_id}",
            "awareness_campaign",
            {"name": campaign.name, "day": campaign.starts_on.isoformat()},
            reverse("training:campaign-list"),
            _("Awareness campaigns"),
        )
        for campaign in found
    ]


def _selection_questionnaire(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    activity = supplier_activity_for(user, twelve_months_to(today))
    if activity is None or not activity.bidders_answered:
        return []
    values = {
        "day": today.isoformat(),
        "answered": activity.bidders_answered,
        "compliant": activity.bidders_compliant,
        "required": activity.bidders_required,
    }
    return [
        EvidenceProposal(
            "selection_questionnaire", "selection_questionnaire", values, reverse("suppliers:index"), _("Supply chains")
        )
    ]


def _tender_checks(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    activity = supplier_activity_for(user, twelve_months_to(today))
    if activity is None or not activity.tender_checks:
        return []
    values = {"checks": activity.tender_checks, "day": today.isoformat(), "clarifications": activity.clarifications}
    return [EvidenceProposal("tender_checks", "tender_checks", values)]


def _supplier_assessments(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    activity = supplier_activity_for(user, twelve_months_to(today))
    if activity is None or not activity.assessments_completed:
        return []
    values = {"assessments": activity.assessments_completed, "day": today.isoformat()}
    return [EvidenceProposal("supplier_assessments", "supplier_assessments", values)]


def _spend_screening(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    screening = latest_spend_screening(user)
    if screening is None:
        return []
    wording = "spend_screening"
    values: dict[str, Any] = {"day": timezone.localdate(screening.screened_at).isoformat()}
    if screening.latest_year:
        wording = "spend_screening_share"
        values |= {"percent": screening.latest_year_high_risk_share, "year": screening.latest_year}
    return [EvidenceProposal("spend_screening", wording, values, reverse("spend:index"), _("Spend"))]


Proposer = Callable[[Commitment, date, Any], list[EvidenceProposal]]
PROPOSERS: dict[str, list[Proposer]] = {
    "coop_train_procurement": [_procurement_training],
    "coop_contractor_compliance": [_selection_questionnaire],
    "coop_low_cost_tenders": [_tender_checks],
    "coop_highlight_risks": [_supplier_assessments],
    "coop_review_spend": [_spend_screening],
    "coop_report_annually": [_annual_statement],
    "coop_refer_concerns": [_referrals],
    "coop_publicise_whistleblowing": [_whistleblowing_campaigns],
}


def evidence_proposals(
    commitment: Commitment, today: date | None = None, *, user: Any = None
) -> list[EvidenceProposal]:
    """What Tackle holds for this commitment that is not yet recorded as evidence. `user` scopes
    the supplier records read (the supplier module's selectors are per user)."""
    today = today or timezone.localdate()
    recorded = set(commitment.evidence.values_list("text", flat=True))
    found: list[EvidenceProposal] = []
    for proposer in PROPOSERS.get(commitment.charter_key, []):
        found += proposer(commitment, today, user)
    return [proposal for proposal in found if proposal.text not in recorded]
