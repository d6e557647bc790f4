"""Support services: each saves its record, writes its audit event (field names, never values),
and refuses what the rules forbid without saving anything."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import CaseDocument, CaseNote, CaseStatus, OutcomeScore, SupportPhase
from tackle.cases.services import support as services
from tackle.cases.tests.factories import make_case
from tackle.cases.timeline import case_timeline
from tackle.core.errors import ApplicationError
from tackle.core.tests.database_failures import MESSAGE, inserts_refused

TODAY = timezone.localdate

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def case(lead_a):
    return make_case(lead_a.organisation, lead_a)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _event_for(record, action=AuditAction.CREATE):
    return AuditEvent.objects.get(object_id=str(record.uuid), action=action)


def test_starting_a_phase_is_saved_and_audited_with_field_names_only(case, lead_a):
    phase = services.support_phase_start(
        case=case, actor=lead_a, phase="immediate", started_on=TODAY(), notes="Needs a bed tonight"
    )
    event = _event_for(phase)
    assert event.object_type == "cases.supportphase"
    assert event.actor == lead_a
    assert event.changed_fields == ["notes", "phase", "started_on"]
    assert "bed" not in event.note


def test_a_needs_assessment_is_saved_and_audited(case, lead_a):
    assessment = services.needs_assessment_record(
        case=case, actor=lead_a, kind="nrpf", requested_on=TODAY() - timedelta(days=3), completed_on=TODAY()
    )
    assert "completed_on" in _event_for(assessment).changed_fields


def test_an_assessment_completed_before_it_was_requested_is_refused(case, lead_a):
    with pytest.raises(ApplicationError) as error:
        services.needs_assessment_record(
            case=case, actor=lead_a, kind="nrpf", requested_on=TODAY(), completed_on=TODAY() - timedelta(days=1)
        )
    assert error.value.field == "completed_on"


def test_a_placement_is_saved_and_audited(case, lead_a):
    placement = services.accommodation_placement_record(
        case=case,
        actor=lead_a,
        accommodation_type="void_council_property",
        provider="Council housing",
        start_on=TODAY(),
    )
    assert _event_for(placement).changed_fields == ["accommodation_type", "end_on", "provider", "start_on"]


def test_a_placement_ending_before_it_starts_is_refused(case, lead_a):
    with pytest.raises(ApplicationError) as error:
        services.accommodation_placement_record(
            case=case,
            actor=lead_a,
            accommodation_type="other",
            provider="P",
            start_on=TODAY(),
            end_on=TODAY() - timedelta(days=1),
        )
    assert error.value.field == "end_on"
    assert not case.placements.exists()


def test_a_safety_plan_is_due_for_review_after_its_interval(case, lead_a):
    plan = services.safety_plan_create(
        case=case, actor=lead_a, summary="Plan", created_on=TODAY(), review_every_days=10
    )
    assert plan.next_review_on == TODAY() + timedelta(days=10)
    assert "next_review_on" in _event_for(plan).changed_fields


def test_a_review_is_audited_and_so_is_the_plans_new_date(case, lead_a):
    plan = services.safety_plan_create(case=case, actor=lead_a, summary="Plan", created_on=TODAY() - timedelta(days=5))
    review = services.safety_plan_review(plan=plan, actor=lead_a, reviewed_on=TODAY(), what_changed="Moved school")
    assert review.reviewed_by == lead_a
    assert _event_for(review).changed_fields == ["reviewed_on", "what_changed"]
    assert _event_for(plan, AuditAction.UPDATE).changed_fields == ["next_review_on"]


def test_a_review_dated_before_the_plan_is_refused(case, lead_a):
    plan = services.safety_plan_create(case=case, actor=lead_a, summary="Plan", created_on=TODAY())
    with pytest.raises(ApplicationError) as error:
        services.safety_plan_review(
            plan=plan, actor=lead_a, reviewed_on=TODAY() - timedelta(days=1), what_changed="Nothing"
        )
    assert error.value.field == "reviewed_on"
    assert not plan.reviews.exists()


def test_a_missing_episode_is_saved_and_audited(case, lead_a):
    episode = services.missing_episode_record(
        case=case, actor=lead_a, went_missing_at=timezone.now() - timedelta(hours=5), reported_to_police=True
    )
    assert episode.reported_to_police
    assert "reported_to_police" in _event_for(episode).changed_fields


def test_outcome_scores_save_the_areas_scored_and_audit_once_on_the_case(case, lead_a):
    scores = services.outcome_scores_record(
        case=case,
        actor=lead_a,
        assessed_on=TODAY(),
        scores={"risk_of_harm": 2, "stable_accommodation": 4, "recovery_from_trauma": None},
    )
    assert {score.domain for score in scores} == {"risk_of_harm", "stable_accommodation"}
    event = AuditEvent.objects.get(object_id=str(case.uuid), action=AuditAction.CREATE)
    assert event.changed_fields == ["outcome_scores"]


def test_scoring_the_same_date_twice_is_refused_and_saves_nothing(case, lead_a):
    services.outcome_scores_record(case=case, actor=lead_a, assessed_on=TODAY(), scores={"risk_of_harm": 2})
    with pytest.raises(ApplicationError) as error:
        services.outcome_scores_record(
            case=case, actor=lead_a, assessed_on=TODAY(), scores={"safety_strategies": 3, "risk_of_harm": 3}
        )
    assert error.value.field == "assessed_on"
    assert OutcomeScore.objects.filter(case=case).count() == 1


def test_outcome_scores_need_at_least_one_known_area(case, lead_a):
    with pytest.raises(ApplicationError, match="at least one"):
        services.outcome_scores_record(case=case, actor=lead_a, assessed_on=TODAY(), scores={"risk_of_harm": None})
    with pytest.raises(ApplicationError, match="Unknown"):
        services.outcome_scores_record(case=case, actor=lead_a, assessed_on=TODAY(), scores={"happiness": 5})


def test_a_note_is_saved_and_audited(case, lead_a):
    note = services.case_note_add(case=case, actor=lead_a, body="  Met at the library  ")
    assert note.body == "Met at the library" and note.author == lead_a
    assert _event_for(note).changed_fields == ["body"]


def test_an_empty_note_is_refused(case, lead_a):
    with pytest.raises(ApplicationError):
        services.case_note_add(case=case, actor=lead_a, body="   ")


def test_a_document_is_stored_under_a_random_name_and_audited(case, lead_a, media):
    upload = SimpleUploadedFile("Jane Smith passport.pdf", PDF, content_type="image/png")
    document = services.case_document_upload(case=case, actor=lead_a, title="Passport copy", upload=upload)
    assert document.content_type == "application/pdf"  # Sniffed, not the browser's claim.
    assert document.size == len(PDF)
    assert "Jane" not in document.file.name
    assert (media / document.file.name).read_bytes() == PDF
    assert _event_for(document).changed_fields == ["content_type", "file", "size", "title"]


@pytest.mark.parametrize("table", ["cases_casedocument", "audit_auditevent"])
def test_a_document_whose_record_or_audit_entry_cannot_be_saved_leaves_no_file(case, lead_a, media, table):
    # Issue 15, defect 9: the file was stored first and stayed when the row's transaction failed.
    upload = SimpleUploadedFile("passport.pdf", PDF)
    with inserts_refused(table), pytest.raises(DatabaseError, match=MESSAGE):
        services.case_document_upload(case=case, actor=lead_a, title="Passport copy", upload=upload)
    assert not CaseDocument.objects.exists()
    assert not [path for path in media.rglob("*") if path.is_file()]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("letter.pdf", PNG, "must be a PDF, DOCX, JPG, PNG or TXT"),
        ("run.exe", b"MZ\x90\x00", "must be a PDF, DOCX, JPG, PNG or TXT"),
        ("fake.docx", b"PK\x03\x04not really a zip", "must be a PDF, DOCX, JPG, PNG or TXT"),
        ("notes.txt", b"text\x00with a null byte", "must be a PDF, DOCX, JPG, PNG or TXT"),
        ("empty.pdf", b"", "is empty"),
        ("huge.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "smaller than 10MB"),
    ],
)
def test_documents_of_the_wrong_type_or_size_are_refused(case, lead_a, media, name, content, message):
    with pytest.raises(ApplicationError, match=message) as error:
        services.case_document_upload(case=case, actor=lead_a, title="T", upload=SimpleUploadedFile(name, content))
    assert error.value.field == "file"
    assert not CaseDocument.objects.exists()
    assert not any(media.rglob("*.*"))


def test_a_real_docx_png_jpg_and_txt_are_accepted(case, lead_a, media):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    files = {
        "report.docx": buffer.getvalue(),
        "photo.png": PNG,
        "photo.jpeg": b"\xff\xd8\xff\xe0" + b"\x00" * 16,
        "notes.txt": "Café notes".encode(),
    }
    for name, content in files.items():
        services.case_document_upload(case=case, actor=lead_a, title=name, upload=SimpleUploadedFile(name, content))
    assert sorted(CaseDocument.objects.values_list("content_type", flat=True)) == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/jpeg",
        "image/png",
        "text/plain",
    ]


def test_closing_a_case_records_when_and_why_and_is_audited(case, lead_a):
    closed = services.case_close(case=case, actor=lead_a, reason="Moved to long-term accommodation")
    assert closed.status == CaseStatus.CLOSED and closed.closed_at is not None
    assert closed.closure_reason == "Moved to long-term accommodation"
    assert closed.version == case.version + 1
    event = _event_for(case, AuditAction.UPDATE)
    assert event.changed_fields == ["closed_at", "closure_reason", "status"]


def test_closing_twice_or_without_a_reason_is_refused(case, lead_a):
    with pytest.raises(ApplicationError) as error:
        services.case_close(case=case, actor=lead_a, reason="  ")
    assert error.value.field == "reason"
    services.case_close(case=case, actor=lead_a, reason="Done")
    with pytest.raises(ApplicationError, match="already closed"):
        services.case_close(case=case, actor=lead_a, reason="Again")


def test_reopening_keeps_the_earlier_closure_in_a_note(case, lead_a):
    services.case_close(case=case, actor=lead_a, reason="No contact for three months")
    reopened = services.case_reopen(case=case, actor=lead_a, reason="Back in touch")
    assert reopened.status == CaseStatus.OPEN and reopened.closed_at is None and reopened.closure_reason == ""
    note = CaseNote.objects.get(case=case)
    assert "Back in touch" in note.body and "No contact for three months" in note.body


def test_an_open_case_cannot_be_reopened(case, lead_a):
    with pytest.raises(ApplicationError, match="already open"):
        services.case_reopen(case=case, actor=lead_a, reason="Why not")


def test_a_closed_case_takes_notes_but_no_new_support(case, lead_a):
    services.case_close(case=case, actor=lead_a, reason="Done")
    case.refresh_from_db()
    with pytest.raises(ApplicationError, match="closed"):
        services.support_phase_start(case=case, actor=lead_a, phase="long_term", started_on=TODAY())
    assert not SupportPhase.objects.exists()
    assert services.case_note_add(case=case, actor=lead_a, body="Closure letter sent").pk


class TestMissingEpisodeReturn:
    @pytest.fixture
    def episode(self, case, lead_a):
        return services.missing_episode_record(
            case=case, actor=lead_a, went_missing_at=timezone.now() - timedelta(days=1), notes="Left after tea"
        )

    def test_the_return_is_saved_with_how_they_returned_and_audited_as_a_change(self, episode, lead_a):
        back = timezone.now() - timedelta(hours=2)
        services.missing_episode_returned(
            episode=episode, actor=lead_a, returned_at=back, notes="Walked back; return interview offered"
        )
        episode.refresh_from_db()
        assert episode.returned_at == back
        assert episode.notes == "Left after tea\n\nWalked back; return interview offered"
        event = _event_for(episode, AuditAction.UPDATE)
        assert event.actor == lead_a and sorted(event.changed_fields) == ["notes", "returned_at"]
        assert "interview" not in str(event.changed_fields) + event.note  # field names only, never what was said

    def test_the_cases_timeline_shows_the_return(self, case, episode, lead_a):
        services.missing_episode_returned(episode=episode, actor=lead_a, returned_at=timezone.now())
        entries = [entry.what for entry in case_timeline(lead_a, case)]
        assert "Missing episode changed (Return recorded)" in entries

    def test_a_return_without_notes_leaves_the_notes_as_they_were(self, episode, lead_a):
        services.missing_episode_returned(episode=episode, actor=lead_a, returned_at=timezone.now())
        episode.refresh_from_db()
        assert episode.notes == "Left after tea"
        assert _event_for(episode, AuditAction.UPDATE).changed_fields == ["returned_at"]

    @pytest.mark.parametrize(
        ("when", "message"),
        [
            (timedelta(days=2), "The return must be the same as or after the time they went missing"),
            (timedelta(hours=-1), "The time they returned must be now or in the past"),
        ],
        ids=["before-they-went", "in-the-future"],
    )
    def test_a_return_before_they_went_or_in_the_future_is_refused_naming_the_field(
        self, episode, lead_a, when, message
    ):
        with pytest.raises(ApplicationError, match=message) as error:
            services.missing_episode_returned(episode=episode, actor=lead_a, returned_at=timezone.now() - when)
        assert error.value.field == "returned_at"
        episode.refresh_from_db()
        assert episode.returned_at is None
        assert not AuditEvent.objects.filter(object_id=str(episode.uuid), action=AuditAction.UPDATE).exists()

    def test_a_second_return_is_refused_and_the_first_kept(self, episode, lead_a):
        first = timezone.now() - timedelta(hours=3)
        services.missing_episode_returned(episode=episode, actor=lead_a, returned_at=first)
        with pytest.raises(services.AlreadyRecorded, match="already recorded"):
            services.missing_episode_returned(episode=episode, actor=lead_a, returned_at=timezone.now())
        episode.refresh_from_db()
        assert episode.returned_at == first
        assert AuditEvent.objects.filter(object_id=str(episode.uuid), action=AuditAction.UPDATE).count() == 1

    def test_a_closed_case_takes_no_return(self, case, episode, lead_a):
        services.case_close(case=case, actor=lead_a, reason="Moved away")
        with pytest.raises(ApplicationError, match="This case is closed"):
            services.missing_episode_returned(episode=episode, actor=lead_a, returned_at=timezone.now())
        episode.refresh_from_db()
        assert episode.returned_at is None
