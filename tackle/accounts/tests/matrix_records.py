"""One real record of every kind a URL takes, in council A, for the access matrix test.

Made through the apps' services and test factories where they exist. The frontline officer of
council A records the case (so their "own" scope reaches it), the lead the rest. `values` fills a
URL's path parameters: by "url name:parameter", then "namespace:parameter", then "parameter".
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import timezone

from tackle.accounts.models import ApiToken, Organisation, User, WebhookDelivery, WebhookEndpoint, WebhookEvent
from tackle.accounts.services import api_token_create
from tackle.accounts.tests.signing_in import two_factor_set_up
from tackle.cases.models import (
    AccommodationPlacement,
    Case,
    CaseDocument,
    Encounter,
    ExplanationLanguage,
    LegalHold,
    MissingEpisode,
    NeedsAssessment,
    RecordLegalHold,
    Referral,
    SafetyPlan,
)
from tackle.cases.services.case import ConcernDetails, case_record_concern
from tackle.cases.services.encounter import encounter_record
from tackle.cases.services.explanations import explanation_edit, explanation_language_add
from tackle.cases.services.share import case_share
from tackle.core.access import ShareScope
from tackle.core.models import LawfulBasis, RecordShare, ShareConsent, TaskRun
from tackle.core.roles import OrganisationKind
from tackle.disrupt.choices import FlagKind
from tackle.disrupt.models import Action as DisruptAction
from tackle.disrupt.models import AddressFlag, Intelligence, Operation, Premises, ReceptionCentrePlan, SharingAgreement
from tackle.disrupt.tests.factories import (
    make_action,
    make_agreement,
    make_intelligence,
    make_operation,
    make_premises,
)
from tackle.reporting.models import Release, ReleaseKind
from tackle.scrutiny.models import Assessment, LeadArrangement, Spend
from tackle.scrutiny.services import assessment_create
from tackle.spend.models import SpendFile, SpendImport
from tackle.spend.services import spend_import_start
from tackle.spend.tasks import screen_spend_import
from tackle.statement_reader.models import ReadingRequest, StatementReading
from tackle.statement_reader.services import statement_read, statement_reading_queue
from tackle.statement_reader.tests.factories import keyword_labeller, statement_html
from tackle.statements.models import Action as PlanAction
from tackle.statements.models import Commitment, Statement, StatementPeriod
from tackle.statements.services.commitments import commitment_create
from tackle.statements.services.statement import action_create, period_create, statement_create
from tackle.suppliers.models import (
    ClarificationTask,
    Contract,
    ContractAction,
    StatementFollowUp,
    Supplier,
    SupplierAssessment,
    SupplierConcernTask,
    TenderCheck,
)
from tackle.suppliers.services import statement_follow_up_raise, supplier_concern_task_create
from tackle.suppliers.tests.factories import make_records as make_supplier_records
from tackle.targeting.models import RegulatorList
from tackle.targeting.services import Upload, regulator_lists_import
from tackle.targeting.tests.factories import LISTS
from tackle.training.models import Course, Meeting, MeetingAction, Team, TrainingSession
from tackle.training.tests.factories import make_course, make_partnership_records, make_team


@dataclass(frozen=True)
class Record:
    value: str  # what fills the path parameter
    model: type[models.Model]
    owner: int | None = None  # the user whose "own" scope reaches it; None: no one's own
    shared_with: frozenset[int] = field(default_factory=frozenset)  # organisations it was shared with


def _case(officer: User, what: str) -> Case:
    details = ConcernDetails(
        encountered_at=timezone.now() - timedelta(hours=1), what_was_seen=what, location="1 Mill Lane"
    )
    return case_record_concern(organisation=officer.organisation, recorded_by=officer, details=details)


def _document(case: Case, by: User) -> CaseDocument:
    document = CaseDocument(case=case, title="Letter", content_type="application/pdf", size=8, uploaded_by=by)
    document.file.save("letter.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return document


def _share(record: Any, organisation: Any, by: User) -> RecordShare:
    return RecordShare.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_uuid=record.uuid,
        organisation=organisation,
        shared_by=by,
        reason="Joint investigation",
    )


SHARED_FOR_SUPPORT = {"scope": ShareScope.SUPPORT, "lawful_basis": LawfulBasis.CONSENT, "consent": ShareConsent.GIVEN}


def build(*, frontline: User, lead: User, police: Any) -> tuple[dict[str, Record], dict[str, Record]]:
    """Council A's records by parameter key, and a second case shared with the police (with its own
    document, the one record of a case a partner may open)."""
    organisation = lead.organisation
    case = _case(frontline, "Workers sleeping at a hand car wash")
    shared_case = _case(frontline, "A worker without a coat at a farm gate")
    met = ConcernDetails(encountered_at=timezone.now(), what_was_seen="", location="")
    encounter, _ = encounter_record(
        organisation=frontline.organisation,
        recorded_by=frontline,
        encountered_at=timezone.now() - timedelta(hours=1),
        location="2 Mill Lane",
        what_was_seen="Two workers at a car wash",
        people=[met, met],
    )
    # Shared for support, the widest scope: every part of a case the table gives partners opens.
    case_share(case=shared_case, organisation=police, actor=lead, purpose="Joint visit", **SHARED_FOR_SUPPORT)
    plan = SafetyPlan.objects.create(
        case=case, recorded_by=lead, summary="Stay with a friend", created_on=date.today(), next_review_on=date.today()
    )
    shared_plan = SafetyPlan.objects.create(
        case=shared_case, recorded_by=lead, summary="Call daily", created_on=date.today(), next_review_on=date.today()
    )
    document, shared_document = (_document(each, lead) for each in (case, shared_case))
    episode, shared_episode = (
        MissingEpisode.objects.create(case=each, recorded_by=lead, went_missing_at=timezone.now() - timedelta(hours=6))
        for each in (case, shared_case)
    )  # not returned yet: the page that records the return opens
    needs_assessment, shared_needs_assessment = (  # not completed yet: the page that records the outcome opens
        NeedsAssessment.objects.create(case=each, recorded_by=lead, kind="care_act", requested_on=date.today())
        for each in (case, shared_case)
    )
    placement, shared_placement = (  # ongoing: the page that records the end opens
        AccommodationPlacement.objects.create(
            case=each, recorded_by=lead, accommodation_type="safe_house", provider="A", start_on=date.today()
        )
        for each in (case, shared_case)
    )
    hold = LegalHold.objects.create(case=case, reason="A tribunal claim", placed_by=lead)  # one to lift
    # A language only council A keeps explanation texts in (English and Welsh every council has).
    polish = explanation_language_add(organisation=case.organisation, language="Polish", actor=lead)
    explanation_edit(language=polish, kind="consent", title="Ty decydujesz", body="Tekst.", actor=lead)
    # Shared with a charity no test user belongs to: a share to revoke that opens the case to no one walked.
    charity = Organisation.objects.create(name="A charity", code="NGO-1", kind=OrganisationKind.NGO)
    case_share_record = case_share(case=case, organisation=charity, actor=lead, purpose="Support", **SHARED_FOR_SUPPORT)
    colleague = User.objects.create(username="a-colleague", organisation=organisation, role=frontline.role)
    two_factor_set_up(lead)
    token, _ = api_token_create(user=lead, name="matrix")
    run = TaskRun.objects.create(name="A's run", organisation=organisation, started_by=lead)

    premises = make_premises(lead)
    flag = AddressFlag.objects.create(premises=premises, kind=FlagKind.OFFICER_SAFETY, raised_by=lead)
    intelligence = make_intelligence(lead)
    record_hold = RecordLegalHold.objects.create(  # a hold on a record other than a case, to lift
        organisation=organisation,
        record_type="intelligence",
        record_key=str(intelligence.uuid),
        reference=intelligence.reference,
        reason="A prosecution",
        placed_by=lead,
    )
    intelligence_share = _share(intelligence, police, lead)
    agreement = make_agreement(lead, police)
    operation = make_operation(lead)
    ReceptionCentrePlan.objects.create(operation=operation, venue="Town hall annex", capacity=20)
    disrupt_action = make_action(lead)

    training = make_partnership_records(organisation)
    team = make_team(organisation, manager=lead)
    course = make_course(organisation)
    session = TrainingSession.objects.create(
        organisation=organisation, course=course, held_on=date.today(), attendee_count=3
    )
    suppliers = make_supplier_records(organisation)
    concern_task = supplier_concern_task_create(
        organisation_id=organisation.pk,
        supplier_name=suppliers["supplier"].name,
        case_reference=case.reference,
        case_uuid=case.uuid,
        actor=lead,
    )

    arrangement = LeadArrangement.objects.create(
        organisation=organisation, team="Community safety", dedicated=False, since=date(2021, 6, 1)
    )
    spend = Spend.objects.create(organisation=organisation, financial_year="2025-26", category="posts", amount=40000)
    assessment = assessment_create(actor=lead, year=2025)

    upload = SimpleUploadedFile("june.csv", b"Supplier,Amount,Date\nSparkle Ltd,100.00,05/06/2024\n")
    spend_import, spend_run = spend_import_start(actor=lead, files=[upload])
    screen_spend_import.call(run_uuid=str(spend_run.uuid), import_uuid=str(spend_import.uuid))
    regulator_list = regulator_lists_import(
        organisation=organisation, actor=lead, uploads=[Upload(name, text.encode()) for name, text in LISTS.items()]
    )[0]
    reading = statement_read(
        actor=lead,
        supplier=suppliers["supplier"],
        data=statement_html(),
        file_name="statement.html",
        content_type="text/html",
        labeller=keyword_labeller,
    )
    follow_up = statement_follow_up_raise(
        actor=lead,
        reading_uuid=reading.uuid,
        supplier=reading.supplier,
        description="Ask how buyers are trained",
        owner=lead,
        due_on=date.today(),
        today=date.today(),
    )  # open: its Mark as done page opens
    # A statement waiting for the worker (never run here: its page says it is being read).
    waiting = statement_reading_queue(actor=lead, supplier=None, url="https://example.org/statement.pdf")

    period = period_create(
        organisation=organisation, label="2025-2026", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31), actor=lead
    )
    later = period_create(
        organisation=organisation, label="2026-2027", starts_on=date(2026, 4, 1), ends_on=date(2027, 3, 31), actor=lead
    )
    plan_action = action_create(
        period=period, actor=lead, area="prevention", title="Add clauses", due_on=date(2025, 12, 31), owner=lead
    )
    statement = statement_create(period=period, actor=lead)
    other_statement = statement_create(period=later, actor=lead)
    commitment = commitment_create(organisation=organisation, actor=lead, source="Council motion", title="Pay fairly")

    webhook = WebhookEndpoint.objects.create(
        organisation=organisation,
        name="Case management system",
        url="https://cms.example.org/tackle",
        secret=WebhookEndpoint.generate_secret(),
        events=[WebhookEvent.CONCERN_RECORDED],
        created_by=lead,
    )
    delivery = WebhookDelivery.objects.create(
        endpoint=webhook, event=WebhookEvent.CONCERN_RECORDED, payload={"case": {"reference": case.reference}}
    )

    release = Release.objects.create(
        organisation=organisation,
        kind=ReleaseKind.FIGURES,
        audience="public",
        period_label="2025-26",
        starts_on=date(2025, 4, 1),
        ends_before=date(2026, 4, 1),
        released_by=lead,
    )

    def rec(record: Any, model: type[models.Model], **extra: Any) -> Record:
        return Record(str(getattr(record, "uuid", record)), model, **extra)

    records = {
        "case_uuid": rec(case, Case, owner=frontline.pk),
        "referral_uuid": rec(case.referrals.first(), Referral),
        "cases:section": Record("background", Case),  # a section of the Home Office form
        "api:section": Record("background", Case),
        "cases:group": Record("person", Case),  # a group of the case's details to correct
        "cases:language": Record("polish", ExplanationLanguage),  # explanation texts, by language and kind
        "cases:kind": Record("consent", ExplanationLanguage),
        "cases:number": Record("1", ExplanationLanguage),
        "api:language": Record("polish", ExplanationLanguage),  # the API names them as the pages do
        "api:kind": Record("consent", ExplanationLanguage),
        "api:number": Record("1", ExplanationLanguage),
        "audit:case_reference": Record(case.reference, Case),  # a case's access report, by its reference
        "api:subject-access-find:reference": Record(case.reference, Case),  # the case a request names
        "encounter_uuid": rec(encounter, Encounter, owner=frontline.pk),
        "plan_uuid": rec(plan, SafetyPlan),
        "episode_uuid": rec(episode, MissingEpisode),
        "needs_assessment_uuid": rec(needs_assessment, NeedsAssessment),
        "placement_uuid": rec(placement, AccommodationPlacement),
        "hold_uuid": rec(hold, LegalHold),
        "cases:record-hold-lift:hold_uuid": rec(record_hold, RecordLegalHold),
        "cases:record_type": Record("intelligence", Intelligence),  # another kind of record's retention
        "cases:reference": Record(intelligence.reference, Intelligence),
        "api:retention-record:record_type": Record("intelligence", Intelligence),
        "api:retention-record:reference": Record(intelligence.reference, Intelligence),
        "document_uuid": rec(document, CaseDocument),
        "cases:share_id": Record(str(case_share_record.pk), RecordShare),
        "api:case-share-revoke:share_id": Record(str(case_share_record.pk), RecordShare),
        "user_uuid": rec(colleague, User),
        "token_uuid": rec(token, ApiToken, owner=lead.pk),
        "webhook_uuid": rec(webhook, WebhookEndpoint),
        "delivery_uuid": rec(delivery, WebhookDelivery),
        "run_uuid": rec(run, TaskRun, owner=lead.pk),
        "premises_uuid": rec(premises, Premises),
        "flag_uuid": rec(flag, AddressFlag),
        "intelligence_uuid": rec(intelligence, Intelligence, shared_with=frozenset({police.pk})),
        "disrupt:share_id": Record(str(intelligence_share.pk), RecordShare),
        "api:intelligence-share-revoke:share_id": Record(str(intelligence_share.pk), RecordShare),
        "agreement_uuid": rec(agreement, SharingAgreement, shared_with=frozenset({police.pk})),
        "operation_uuid": rec(operation, Operation),
        "disrupt:action_uuid": rec(disrupt_action, DisruptAction),
        "api:briefing-action-close:action_uuid": rec(disrupt_action, DisruptAction),
        "training:action_uuid": rec(training["action"], MeetingAction),
        "meeting_uuid": rec(training["meeting"], Meeting),
        "meeting_action_uuid": rec(training["action"], MeetingAction),
        "group_uuid": rec(training["group"], type(training["group"])),
        "campaign_uuid": rec(training["campaign"], type(training["campaign"])),
        "material_uuid": rec(training["material"], type(training["material"])),
        "service_uuid": rec(training["service"], type(training["service"])),
        "team_uuid": rec(team, Team),
        "course_uuid": rec(course, Course),
        "session_uuid": rec(session, TrainingSession),
        "supplier_uuid": rec(suppliers["supplier"], Supplier),
        "contract_uuid": rec(suppliers["contract"], Contract),
        "suppliers:assessment_uuid": rec(suppliers["assessment"], SupplierAssessment),
        "suppliers:action_uuid": rec(suppliers["action"], ContractAction),
        "api:contract-action-close:action_uuid": rec(suppliers["action"], ContractAction),
        "api:assessment_uuid": rec(suppliers["assessment"], SupplierAssessment),
        "check_uuid": rec(suppliers["check"], TenderCheck),
        "task_uuid": rec(suppliers["task"], ClarificationTask),
        "concern_uuid": rec(concern_task, SupplierConcernTask),
        "scrutiny:arrangement-edit:record_uuid": rec(arrangement, LeadArrangement),
        "scrutiny:spend-edit:record_uuid": rec(spend, Spend),
        "scrutiny:arrangement-delete:record_uuid": rec(arrangement, LeadArrangement),
        "scrutiny:spend-delete:record_uuid": rec(spend, Spend),
        "scrutiny:assessment_uuid": rec(assessment, Assessment),
        "self_assessment_uuid": rec(assessment, Assessment),  # the API's names for them
        "lead_arrangement_uuid": rec(arrangement, LeadArrangement),
        "spending_uuid": rec(spend, Spend),
        "import_uuid": rec(spend_import, SpendImport),
        "file_uuid": rec(spend_import.files.get(), SpendFile),
        "list_uuid": rec(regulator_list, RegulatorList),
        "reading_uuid": rec(reading, StatementReading),
        "follow_up_uuid": rec(follow_up, StatementFollowUp),
        "request_uuid": rec(waiting, ReadingRequest),
        "judgement": Record("approval", StatementReading),
        "period_uuid": rec(period, StatementPeriod),
        "plan_period_uuid": rec(period, StatementPeriod),  # the API's name for it
        "statements:action_uuid": rec(plan_action, PlanAction),
        "plan_action_uuid": rec(plan_action, PlanAction),
        "statement_uuid": rec(statement, Statement),
        "other_uuid": rec(other_statement, Statement),
        "key": Record("policies", Statement),
        "fmt": Record("html", Statement),
        "step": Record("submit", Statement),
        "commitment_uuid": rec(commitment, Commitment),
        "release_uuid": rec(release, Release),
    }
    shared = frozenset({police.pk})
    return records, {
        "case_uuid": rec(shared_case, Case, owner=frontline.pk, shared_with=shared),
        "document_uuid": rec(shared_document, CaseDocument, shared_with=shared),
        "plan_uuid": rec(shared_plan, SafetyPlan, shared_with=shared),
        "episode_uuid": rec(shared_episode, MissingEpisode, shared_with=shared),
        "needs_assessment_uuid": rec(shared_needs_assessment, NeedsAssessment, shared_with=shared),
        "placement_uuid": rec(shared_placement, AccommodationPlacement, shared_with=shared),
    }
