"""Retention duties (issue 15, item 5): periods, legal hold, extension, anonymisation that keeps the
figures true, erasure; every one audited."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.figures import case_figures, home_office_counts, support_outcomes
from tackle.cases.models import Case, CaseAlias, CaseDocument, CaseNote, NrmEvent, RetentionDecision, RetentionOutcome
from tackle.cases.rules.retention import RecordType
from tackle.cases.selectors import retention_months_of, retention_review
from tackle.cases.services import retention as services
from tackle.cases.services.nrm import nrm_event_record
from tackle.cases.services.support import (
    case_close,
    case_document_upload,
    case_note_add,
    outcome_scores_record,
    support_phase_start,
)
from tackle.core.errors import ApplicationError
from tackle.core.periods import financial_year, financial_year_of
from tackle.disrupt.models import OperationCase
from tackle.disrupt.tests.factories import make_operation

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TODAY = date.today()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def closed_case(frontline_a, lead_a, record_concern, media):
    """An adult's case with everything a case holds, closed long enough ago to be past every default."""
    case = record_concern(
        frontline_a,
        person_name="Ana Petrova",
        person_contact="07700 900123",
        age=34,
        appears_under_18=False,
        gender="female",
        nationality="Bulgarian",
        language="Bulgarian",
        exploitation_types=["labour"],
    )
    CaseAlias.objects.create(case=case, name="Anka")
    nrm_event_record(case=case, actor=lead_a, kind="referral_sent", occurred_on=TODAY, notes="Sent by Jo Bloggs")
    nrm_event_record(case=case, actor=lead_a, kind="rg_decision", occurred_on=TODAY, outcome="positive")
    support_phase_start(case=case, actor=lead_a, phase="short_term", started_on=TODAY, notes="Lives with her sister")
    outcome_scores_record(case=case, actor=lead_a, assessed_on=TODAY, scores={"stable_accommodation": 3})
    case_note_add(case=case, actor=lead_a, body="Her employer, Mr K, called")
    case_document_upload(case=case, actor=lead_a, title="Passport", upload=SimpleUploadedFile("p.pdf", PDF))
    case_close(case=case, actor=lead_a, reason="Settled")
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - timedelta(days=365 * 30))
    return Case.objects.get(pk=case.pk)


def _figures(organisation_id):
    year = financial_year(financial_year_of(TODAY))
    return (
        case_figures(organisation_id, year),
        home_office_counts(organisation_id, [year]),
        support_outcomes(organisation_id, year),
    )


def test_the_defaults_apply_until_the_organisation_sets_its_own_period(council_a, admin_a):
    assert retention_months_of(council_a.pk)[RecordType.ADULT_CASE] == 72
    services.retention_period_set(organisation=council_a, record_type=RecordType.ADULT_CASE, months=84, actor=admin_a)
    assert retention_months_of(council_a.pk)[RecordType.ADULT_CASE] == 84
    event = AuditEvent.objects.get(object_type="cases.retentionperiod")
    assert event.action == AuditAction.UPDATE and "84 months" in event.note


def test_a_period_outside_its_range_is_refused_on_its_field(council_a, admin_a):
    with pytest.raises(ApplicationError, match="between 1 and 1200") as error:
        services.retention_period_set(
            organisation=council_a, record_type=RecordType.ADULT_CASE, months=0, actor=admin_a
        )
    assert error.value.field == "months"


def test_a_closed_case_past_its_period_is_due_with_its_documents(closed_case, council_a):
    due, holds = retention_review(council_a.pk, TODAY)
    assert {(item.case.pk, item.record_type) for item in due} == {
        (closed_case.pk, RecordType.ADULT_CASE),
        (closed_case.pk, RecordType.SUPPORT_DOCUMENT),
    }
    assert holds == []


def test_an_open_case_or_one_within_its_period_is_not_due(closed_case, council_a, frontline_a, record_concern):
    record_concern(frontline_a, person_name="Still open")
    Case.objects.filter(pk=closed_case.pk).update(closed_at=timezone.now() - timedelta(days=30))
    assert retention_review(council_a.pk, TODAY)[0] == []


def test_a_held_case_is_never_due_and_cannot_be_erased_or_anonymised(closed_case, council_a, lead_a):
    hold = services.legal_hold_place(case=closed_case, reason="Employment tribunal claim", actor=lead_a)
    due, holds = retention_review(council_a.pk, TODAY)
    assert due == [] and holds == [hold]
    for act in (services.case_anonymise, services.case_erase, services.case_documents_erase):
        with pytest.raises(ApplicationError, match="legal hold"):
            act(case=closed_case, reason="Past its date", actor=lead_a)
    assert Case.objects.get(pk=closed_case.pk).person_name == "Ana Petrova"


def test_lifting_a_hold_is_recorded_and_the_case_falls_due_again(closed_case, council_a, lead_a):
    hold = services.legal_hold_place(case=closed_case, reason="Employment tribunal claim", actor=lead_a)
    services.legal_hold_lift(hold=hold, reason="The claim was settled", actor=lead_a)
    hold.refresh_from_db()
    assert hold.lifted_by == lead_a and hold.lift_reason == "The claim was settled"
    assert len(retention_review(council_a.pk, TODAY)[0]) == 2
    notes = list(AuditEvent.objects.filter(object_id=str(closed_case.uuid)).values_list("note", flat=True))
    assert "legal hold placed" in notes and "legal hold lifted" in notes


def test_a_hold_needs_a_reason(closed_case, lead_a):
    with pytest.raises(ApplicationError) as error:
        services.legal_hold_place(case=closed_case, reason="  ", actor=lead_a)
    assert error.value.field == "reason"


def test_an_extension_keeps_the_record_off_the_list_until_its_date(closed_case, council_a, lead_a):
    until = TODAY + timedelta(days=400)
    services.retention_extend(
        case=closed_case, record_type=RecordType.ADULT_CASE, keep_until=until, reason="Inquiry", actor=lead_a
    )
    due = retention_review(council_a.pk, TODAY)[0]
    assert [item.record_type for item in due] == [RecordType.SUPPORT_DOCUMENT]
    assert [item.record_type for item in retention_review(council_a.pk, until)[0]] == [
        RecordType.ADULT_CASE,
        RecordType.SUPPORT_DOCUMENT,
    ]


def test_an_extension_must_run_into_the_future(closed_case, lead_a):
    with pytest.raises(ApplicationError) as error:
        services.retention_extend(
            case=closed_case, record_type=RecordType.ADULT_CASE, keep_until=TODAY, reason="Inquiry", actor=lead_a
        )
    assert error.value.field == "keep_until"


def test_anonymising_keeps_every_figure_and_removes_who_the_person_was(
    closed_case, council_a, lead_a, media, django_capture_on_commit_callbacks
):
    before = _figures(council_a.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_anonymise(case=closed_case, reason="Past its retention date", actor=lead_a)
    assert _figures(council_a.pk) == before
    case = Case.objects.get(pk=closed_case.pk)
    assert (case.person_name, case.person_contact, case.language, case.what_was_seen) == ("", "", "", "Anonymised")
    assert (case.nationality, case.gender, case.age, case.exploitation_types) == ("Bulgarian", "female", 34, ["labour"])
    assert not CaseAlias.objects.filter(case=case).exists() and not CaseNote.objects.filter(case=case).exists()
    assert not CaseDocument.objects.exists() and not [p for p in media.rglob("*") if p.is_file()]
    assert list(NrmEvent.objects.filter(case=case).values_list("notes", flat=True)) == ["", ""]
    assert retention_review(council_a.pk, TODAY)[0] == []
    decision = RetentionDecision.objects.get(case=case)
    assert decision.outcome == RetentionOutcome.ANONYMISED and decision.decided_by == lead_a
    assert AuditEvent.objects.filter(object_id=str(case.uuid), note="case anonymised").exists()


def test_erasing_removes_the_case_and_everything_it_holds(
    closed_case, council_a, lead_a, media, django_capture_on_commit_callbacks
):
    reference, uuid = closed_case.reference, str(closed_case.uuid)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.case_erase(case=closed_case, reason="The person asked", actor=lead_a) == reference
    assert not Case.objects.filter(reference=reference).exists()
    assert not NrmEvent.objects.exists() and not CaseDocument.objects.exists()
    assert not [p for p in media.rglob("*") if p.is_file()]
    decision = RetentionDecision.objects.get(case_reference=reference)
    assert decision.case is None and decision.outcome == RetentionOutcome.ERASED
    assert AuditEvent.objects.filter(object_id=uuid, action=AuditAction.DELETE, note="case erased").exists()
    assert _figures(council_a.pk)[0].concerns == 0


def test_erasing_only_the_documents_keeps_the_case(closed_case, council_a, lead_a):
    assert services.case_documents_erase(case=closed_case, reason="Past their date", actor=lead_a) == 1
    assert Case.objects.get(pk=closed_case.pk).person_name == "Ana Petrova"
    assert [item.record_type for item in retention_review(council_a.pk, TODAY)[0]] == [RecordType.ADULT_CASE]


def test_an_open_case_cannot_be_anonymised(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, person_name="Still open")
    with pytest.raises(ApplicationError, match="close it first"):
        services.case_anonymise(case=case, reason="Asked", actor=lead_a)


def test_a_case_an_operation_found_cannot_be_erased_and_nothing_is_removed(closed_case, lead_a):
    # The link lives in tackle.disrupt (above cases), so cases cannot remove it: anonymise instead.
    OperationCase.objects.create(operation=make_operation(lead_a), case=closed_case)
    with pytest.raises(ApplicationError, match="anonymise it instead"):
        services.case_erase(case=closed_case, reason="The person asked", actor=lead_a)
    assert NrmEvent.objects.filter(case=closed_case).count() == 2
    assert CaseDocument.objects.filter(case=closed_case).exists()
