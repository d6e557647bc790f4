"""Evidence Tackle already holds for a charter commitment, offered to the lead as a proposal.

Each proposal is worked out again when the lead accepts it, so what is saved is what Tackle holds
at that moment, never text sent by the browser. The figures come from reporting's evidence
composer (cases, training, suppliers, spend) and training's compliance selector; a proposal that
finds nothing proposes nothing, and one that fails is a defect to see, not to hide.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone

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
from tackle.statements.models import Commitment, Statement, StatementStatus
from tackle.training.selectors import training_compliance_rate


@dataclass(frozen=True)
class EvidenceProposal:
    key: str
    text: str
    url: str = ""
    link_text: str = ""


def _procurement_training(commitment: Commitment, today: date, user: Any = None) -> list[EvidenceProposal]:
    share = training_compliance_rate(commitment.organisation, role=Role.PROCUREMENT_OFFICER)
    if share is None:
        return []
    text = (
        f"{share:.0%} of procurement officers were up to date with their required training on "
        f"{today:%-d %B %Y} (Tackle training records)."
    )
    return [EvidenceProposal("procurement_training", text, reverse("training:index"), "Training records")]


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
    text = f"The modern slavery statement for {statement.period.label} (version {statement.version}) was approved"
    if statement.approval_body:
        text += f" by {statement.approval_body}"
    if statement.approval_date:
        text += f" on {statement.approval_date:%-d %B %Y}"
    if statement.status == StatementStatus.PUBLISHED and statement.published_url:
        return [EvidenceProposal("annual_statement", text + " and published.", statement.published_url, "Published")]
    url = reverse("statements:statement-detail", args=[statement.uuid])
    return [EvidenceProposal("annual_statement", text + ".", url, "Statement")]


def _referrals(commitment: Commitment, today: date, user: Any = None) -> list[EvidenceProposal]:
    made = cases_referred(commitment.organisation_id, twelve_months_to(today))
    if not made:
        return []
    # Commitments are published with the statement: the public's figures.
    shown = disclosure_for(commitment.organisation_id, Audience.PUBLIC).show(made)
    text = f"{shown} NRM referrals made in the twelve months to {today:%-d %B %Y} (Tackle case records)."
    return [EvidenceProposal("nrm_referrals", text)]


def _whistleblowing_campaigns(commitment: Commitment, today: date, user: Any = None) -> list[EvidenceProposal]:
    campaigns = campaigns_begun_by(commitment.organisation_id, today)
    found = [c for c in campaigns if "whistleblow" in f"{c.name} {c.description}".lower()]
    return [
        EvidenceProposal(
            f"campaign_{campaign.campaign_id}",
            f"Awareness campaign \u201c{campaign.name}\u201d from {campaign.starts_on:%-d %B %Y} "
            "(Tackle training records).",
            reverse("training:campaign-list"),
            "Awareness campaigns",
        )
        for campaign in found
    ]


def _selection_questionnaire(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    activity = supplier_activity_for(user, twelve_months_to(today))
    if activity is None or not activity.bidders_answered:
        return []
    text = (
        f"In the twelve months to {today:%-d %B %Y}, {activity.bidders_answered:,} bidders answered the selection "
        f"questionnaire's modern slavery question; {activity.bidders_compliant:,} of the "
        f"{activity.bidders_required:,} required to publish a statement said they comply (Tackle supplier records)."
    )
    return [EvidenceProposal("selection_questionnaire", text, reverse("suppliers:index"), "Supply chains")]


def _tender_checks(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    activity = supplier_activity_for(user, twelve_months_to(today))
    if activity is None or not activity.tender_checks:
        return []
    text = (
        f"{activity.tender_checks:,} tender checks for abnormally low bids were run in the twelve months to "
        f"{today:%-d %B %Y}; {activity.clarifications:,} bids were sent back to the bidder to explain their price"
    )
    return [EvidenceProposal("tender_checks", text + " (Tackle supplier records).")]


def _supplier_assessments(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    activity = supplier_activity_for(user, twelve_months_to(today))
    if activity is None or not activity.assessments_completed:
        return []
    text = (
        f"{activity.assessments_completed:,} supplier assessments of contracts' exploitation risks were completed "
        f"with suppliers in the twelve months to {today:%-d %B %Y} (Tackle supplier records)."
    )
    return [EvidenceProposal("supplier_assessments", text)]


def _spend_screening(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    screening = latest_spend_screening(user)
    if screening is None:
        return []
    text = f"Spend was screened for exploitation risk on {screening.screened_at:%-d %B %Y}"
    if screening.latest_year:
        text += f": {screening.latest_year_high_risk_share}% of {screening.latest_year} spend went to high-risk sectors"
    return [EvidenceProposal("spend_screening", text + " (Tackle spend screening).", reverse("spend:index"), "Spend")]


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
