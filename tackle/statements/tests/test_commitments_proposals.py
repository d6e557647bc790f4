"""Evidence Tackle already holds, proposed for charter commitments and recorded only on request."""

from datetime import date, timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.cases.models import NrmEventKind
from tackle.cases.services.nrm import nrm_event_record
from tackle.core.errors import ApplicationError
from tackle.core.roles import Role
from tackle.statements.commitment_proposals import evidence_proposals
from tackle.statements.evidence_wording import WORDINGS, worded, worded_in_english
from tackle.statements.models import Commitment
from tackle.statements.services.commitments import (
    charter_adopt,
    commitment_evidence_accept,
    commitment_evidence_add,
)
from tackle.statements.services.statement import (
    statement_publish,
)
from tackle.training.models import Completion, Course, Requirement


@pytest.fixture
def charter_a(council_a, lead_a) -> dict[str, Commitment]:
    adopted = charter_adopt(organisation=council_a, actor=lead_a, adopted_on=date(2024, 7, 18), adopted_by="Council")
    return {commitment.charter_key: commitment for commitment in adopted}


def test_nothing_is_proposed_when_tackle_holds_nothing(charter_a) -> None:
    assert all(evidence_proposals(commitment) == [] for commitment in charter_a.values())


def test_procurement_training_compliance_is_proposed_for_training_procurement_staff(
    charter_a, council_a, make_user
) -> None:
    course = Course.objects.create(organisation=council_a, code="PROC-ETH", title="Ethical procurement")
    Requirement.objects.create(organisation=council_a, course=course, role=Role.PROCUREMENT_OFFICER)
    trained = make_user(Role.PROCUREMENT_OFFICER, council_a)
    make_user(Role.PROCUREMENT_OFFICER, council_a)
    Completion.objects.create(user=trained, course=course, completed_on=timezone.localdate() - timedelta(days=30))
    (proposal,) = evidence_proposals(charter_a["coop_train_procurement"])
    assert proposal.text.startswith("50% of procurement officers were up to date with their required training")
    assert evidence_proposals(charter_a["coop_review_spend"]) == []


def test_an_approved_statement_is_proposed_for_reporting_annually(charter_a, statement_a, lead_a, approve) -> None:
    approve(statement_a, lead_a, on=date(2025, 7, 1))
    commitment = charter_a["coop_report_annually"]
    (proposal,) = evidence_proposals(commitment)
    assert proposal.text == (
        "The modern slavery statement for 2025-2026 (version 1) was approved by Cabinet on 1 July 2025."
    )
    statement_publish(statement=statement_a, published_url="https://example.gov.uk/msa", actor=lead_a)
    (proposal,) = evidence_proposals(commitment)
    assert proposal.text.endswith("and published.") and proposal.url == "https://example.gov.uk/msa"


def test_accepting_a_proposal_records_it_once(charter_a, statement_a, lead_a, approve) -> None:
    approve(statement_a, lead_a)
    commitment = charter_a["coop_report_annually"]
    evidence = commitment_evidence_accept(commitment=commitment, actor=lead_a, key="annual_statement")
    assert evidence.recorded_by == lead_a and evidence.recorded_on == timezone.localdate()
    assert "2025-2026" in evidence.text
    assert evidence_proposals(commitment) == []
    with pytest.raises(ApplicationError, match="no longer available or is already recorded"):
        commitment_evidence_accept(commitment=commitment, actor=lead_a, key="annual_statement")
    assert commitment.evidence.count() == 1


def test_an_unknown_proposal_is_refused(charter_a, lead_a) -> None:
    with pytest.raises(ApplicationError):
        commitment_evidence_accept(commitment=charter_a["coop_refer_concerns"], actor=lead_a, key="made-up")
    assert not charter_a["coop_refer_concerns"].evidence.exists()


def test_referrals_are_proposed_with_small_counts_withheld(charter_a, frontline_a, lead_a, record_concern) -> None:
    case = record_concern(frontline_a, encountered_at=timezone.now() - timedelta(days=10))
    nrm_event_record(
        case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=timezone.localdate() - timedelta(days=3)
    )
    (proposal,) = evidence_proposals(charter_a["coop_refer_concerns"])
    assert proposal.text.startswith("fewer than 10 NRM referrals made in the twelve months to")  # published: public


def test_selection_questionnaire_answers_are_proposed_for_contractor_compliance(charter_a, council_a, lead_a) -> None:
    suppliers = pytest.importorskip("tackle.suppliers.models")
    supplier = suppliers.Supplier.objects.create(organisation=council_a, name="Acme Cleaning Ltd")
    answered_on = timezone.localdate() - timedelta(days=20)
    for compliant in (True, False):
        suppliers.SelectionResponse.objects.create(
            organisation=council_a,
            supplier=supplier,
            procurement="Office cleaning",
            answered_on=answered_on,
            is_relevant_organisation=True,
            is_compliant=compliant,
            statement_url="https://acme.example/msa" if compliant else "",
            explanation="" if compliant else "Turnover only just passed the threshold",
            outcome="compliant" if compliant else "not_compliant",
        )
    commitment = charter_a["coop_contractor_compliance"]
    assert evidence_proposals(commitment) == []  # supplier records are read for a user only
    (proposal,) = evidence_proposals(commitment, user=lead_a)
    assert "2 bidders answered" in proposal.text and "1 of the 2 required to publish" in proposal.text
    evidence = commitment_evidence_accept(commitment=commitment, actor=lead_a, key="selection_questionnaire")
    assert evidence.text == proposal.text


def test_the_latest_spend_screening_is_proposed_for_reviewing_spend(charter_a, council_a, lead_a) -> None:
    spend = pytest.importorskip("tackle.spend.models")
    screened = spend.SpendImport.objects.create(
        organisation=council_a, started_by=lead_a, status="done", screened_at=timezone.now()
    )
    for sector, high_risk, amount in (("cleaning", True, 250), ("other", False, 750)):
        spend.SpendTotal.objects.create(
            spend_import=screened,
            payee_name="Payee",
            sector=sector,
            high_risk=high_risk,
            financial_year=2025,
            rows=3,
            amount=amount,
        )
    (proposal,) = evidence_proposals(charter_a["coop_review_spend"], user=lead_a)
    assert proposal.text.startswith("Spend was screened for exploitation risk on")
    assert "25% of 2025-26 spend went to high-risk sectors" in proposal.text


def test_every_proposal_wording_has_its_welsh_in_the_catalogue() -> None:
    with translation.override("cy"):
        untranslated = [key for key, english in WORDINGS.items() if gettext(english) == english]
    assert untranslated == []


def test_a_proposal_reads_in_welsh_and_is_recorded_in_english_shown_in_the_readers_language(
    charter_a, statement_a, lead_a, approve
) -> None:
    approve(statement_a, lead_a, on=date(2025, 7, 1))
    commitment = charter_a["coop_report_annually"]
    (proposal,) = evidence_proposals(commitment)
    with translation.override("cy"):
        welsh = proposal.shown
        expected = gettext(WORDINGS["annual_statement_by_on"]) % {
            "period": "2025-2026",
            "version": "1",
            "body": gettext("Cabinet"),
            "day": date_format(date(2025, 7, 1), "j F Y"),  # Django's Welsh month, as it is read
        }
    assert "July" not in expected
    assert welsh == expected and "The modern slavery statement" not in welsh
    evidence = commitment_evidence_accept(commitment=commitment, actor=lead_a, key="annual_statement")
    evidence.refresh_from_db()
    assert evidence.text == proposal.text  # the record stays English
    assert evidence.wording == "annual_statement_by_on" and evidence.shown_text == proposal.text
    with translation.override("cy"):
        assert evidence.shown_text == welsh


def test_evidence_without_a_wording_shows_its_text_as_recorded(charter_a, lead_a) -> None:
    """What the lead wrote, and proposals recorded before they had a wording, read as they were stored."""
    evidence = commitment_evidence_add(
        commitment=charter_a["coop_refer_concerns"],
        actor=lead_a,
        text="12 NRM referrals made in the twelve months to 1 July 2025 (Tackle case records).",
        recorded_on=date(2025, 7, 1),
    )
    with translation.override("cy"):
        assert evidence.shown_text == evidence.text


def test_a_delegated_approval_names_the_officer_in_the_readers_language() -> None:
    values = {"period": "2025-2026", "version": 2, "officer": "Jane Jones"}
    assert worded_in_english("annual_statement_by", values) == (
        "The modern slavery statement for 2025-2026 (version 2) was approved by Jane Jones (delegated decision)."
    )
    with translation.override("cy"):
        welsh = worded("annual_statement_by", values)
    assert "Jane Jones" in welsh and "delegated decision" not in welsh
    assert worded("no_such_wording", values) == ""
