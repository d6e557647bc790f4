"""Evidence Tackle already holds for a charter commitment, offered to the lead as a proposal.

Each proposal is worked out again when the lead accepts it, so what is saved is what Tackle holds
at that moment, never text sent by the browser. Modules built by others (training, suppliers,
spend) are read only when they are installed and expose a selector for it; otherwise nothing is
proposed for that commitment.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from typing import Any

from django.core.exceptions import FieldError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tackle.core.roles import Role
from tackle.statements.models import Commitment, Statement, StatementStatus

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EvidenceProposal:
    key: str
    text: str
    url: str = ""
    link_text: str = ""


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        found = getattr(import_module(module), name)
    except (ImportError, AttributeError):
        return None
    return found if callable(found) else None


def _url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def _since(today: date) -> date:
    """The start of the twelve months to today."""
    return date(today.year - 1, today.month, min(today.day, 28))


def _procurement_training(commitment: Commitment, today: date, user: Any = None) -> list[EvidenceProposal]:
    rate_of = _optional("tackle.training.selectors", "training_compliance_rate")
    if rate_of is None:
        return []
    rate = rate_of(commitment.organisation, role=Role.PROCUREMENT_OFFICER)
    if rate is None:
        return []
    share = float(rate) if float(rate) <= 1 else float(rate) / 100
    text = (
        f"{share:.0%} of procurement officers were up to date with their required training on "
        f"{today:%-d %B %Y} (Tackle training records)."
    )
    return [EvidenceProposal("procurement_training", text, _url("training:index"), "Training records")]


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
    from tackle.cases.models import Case, NrmEventKind
    from tackle.core.disclosure import suppress_small_counts

    since = _since(today)
    made = (
        Case.objects.filter(
            organisation_id=commitment.organisation_id,
            nrm_events__kind=NrmEventKind.REFERRAL_SENT,
            nrm_events__occurred_on__range=(since, today),
        )
        .distinct()
        .count()
    )
    if not made:
        return []
    # Commitments reach councillors' reports, so small counts are withheld as everywhere else.
    shown = suppress_small_counts({"made": made})["made"]
    text = f"{shown} NRM referrals made in the twelve months to {today:%-d %B %Y} (Tackle case records)."
    return [EvidenceProposal("nrm_referrals", text)]


def _whistleblowing_campaigns(commitment: Commitment, today: date, user: Any = None) -> list[EvidenceProposal]:
    try:
        campaign_model = import_module("tackle.training.models").Campaign
    except (ImportError, AttributeError):
        return []
    campaigns = campaign_model.objects.filter(organisation_id=commitment.organisation_id, starts_on__lte=today)
    found = [c for c in campaigns if "whistleblow" in f"{c.name} {c.description}".lower()]
    return [
        EvidenceProposal(
            f"campaign_{campaign.pk}",
            f"Awareness campaign \u201c{campaign.name}\u201d from {campaign.starts_on:%-d %B %Y} "
            "(Tackle training records).",
            _url("training:campaign-list"),
            "Awareness campaigns",
        )
        for campaign in found
    ]


def _selection_questionnaire(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    responses_of = _optional("tackle.suppliers.selectors", "selection_responses_visible_to")
    if responses_of is None or user is None:
        return []
    answered = responses_of(user).filter(answered_on__range=(_since(today), today))
    relevant = answered.filter(is_relevant_organisation=True)
    if not answered.exists():
        return []
    text = (
        f"In the twelve months to {today:%-d %B %Y}, {answered.count():,} bidders answered the selection "
        f"questionnaire's modern slavery question; {relevant.filter(is_compliant=True).count():,} of the "
        f"{relevant.count():,} required to publish a statement said they comply (Tackle supplier records)."
    )
    return [EvidenceProposal("selection_questionnaire", text, _url("suppliers:index"), "Supply chains")]


def _tender_checks(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    checks_of = _optional("tackle.suppliers.selectors", "tender_checks_visible_to")
    clarifications_of = _optional("tackle.suppliers.selectors", "clarifications_visible_to")
    if checks_of is None or user is None:
        return []
    checks = checks_of(user).filter(created_at__date__range=(_since(today), today)).count()
    if not checks:
        return []
    text = f"{checks:,} tender checks for abnormally low bids were run in the twelve months to {today:%-d %B %Y}"
    if clarifications_of is not None:
        asked = clarifications_of(user).filter(created_at__date__range=(_since(today), today)).count()
        text += f"; {asked:,} bids were sent back to the bidder to explain their price"
    return [EvidenceProposal("tender_checks", text + " (Tackle supplier records).")]


def _supplier_assessments(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    assessments_of = _optional("tackle.suppliers.selectors", "assessments_visible_to")
    if assessments_of is None or user is None:
        return []
    done = assessments_of(user).filter(completed_on__range=(_since(today), today)).count()
    if not done:
        return []
    text = (
        f"{done:,} supplier assessments of contracts' exploitation risks were completed with suppliers in the "
        f"twelve months to {today:%-d %B %Y} (Tackle supplier records)."
    )
    return [EvidenceProposal("supplier_assessments", text)]


def _spend_screening(commitment: Commitment, today: date, user: Any) -> list[EvidenceProposal]:
    imports_of = _optional("tackle.spend.selectors", "spend_imports_visible_to")
    years_of = _optional("tackle.spend.selectors", "year_on_year")
    if imports_of is None or years_of is None or user is None:
        return []
    latest = imports_of(user).filter(screened_at__isnull=False).order_by("-screened_at").first()
    if latest is None:
        return []
    years = [line for line in years_of(latest) if line.amount > 0 and line.label[:4].isdigit()]  # known years
    text = f"Spend was screened for exploitation risk on {latest.screened_at:%-d %B %Y}"
    if years:
        year = years[-1]
        text += f": {year.high_risk_share}% of {year.label} spend went to high-risk sectors"
    return [EvidenceProposal("spend_screening", text + " (Tackle spend screening).", _url("spend:index"), "Spend")]


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
# Another module's records may change shape while it is being built: a proposal that cannot be
# worked out is left out rather than breaking the commitment's page.
OPTIONAL_FAILURES = (ImportError, AttributeError, LookupError, FieldError, TypeError)


def evidence_proposals(
    commitment: Commitment, today: date | None = None, *, user: Any = None
) -> list[EvidenceProposal]:
    """What Tackle holds for this commitment that is not yet recorded as evidence. `user` scopes
    the supplier records read (the supplier module's selectors are per user)."""
    today = today or timezone.localdate()
    recorded = set(commitment.evidence.values_list("text", flat=True))
    found: list[EvidenceProposal] = []
    for proposer in PROPOSERS.get(commitment.charter_key, []):
        try:
            found += proposer(commitment, today, user)
        except OPTIONAL_FAILURES:
            logger.exception("Evidence proposal %s failed", proposer.__name__)
    return [proposal for proposal in found if proposal.text not in recorded]
