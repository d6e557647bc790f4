"""Support records and case closure. Each service: keyword-only, in a transaction, audited.

Audit events name the fields written, never their values: the log must not copy personal data.
"""

import zipfile
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import PurePosixPath

from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import (
    DOCUMENT_TYPES,
    MAX_DOCUMENT_BYTES,
    AccommodationPlacement,
    Case,
    CaseDocument,
    CaseNote,
    CaseStatus,
    MissingEpisode,
    NeedsAssessment,
    OutcomeDomain,
    OutcomeScore,
    SafetyPlan,
    SafetyPlanReview,
    SupportPhase,
)
from tackle.core.errors import ApplicationError, ConflictError
from tackle.core.stored_files import removed_unless_saved

CLOSED_CASE_MESSAGE = gettext_noop("This case is closed. Reopen it before adding support records")


def _require_open(case: Case) -> None:
    # Notes and documents may still be added to a closed case (a closure letter, a later contact);
    # support itself is recorded only while the case is open, so closed cases stay settled.
    if case.status == CaseStatus.CLOSED:
        raise ApplicationError(gettext(CLOSED_CASE_MESSAGE))


def _audit_created(
    record: models.Model, *, actor: User, request: HttpRequest | None, fields: list[str], note: str
) -> None:
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=record, changed_fields=fields, note=note)


@transaction.atomic
def support_phase_start(
    *, case: Case, actor: User, phase: str, started_on: date, notes: str = "", request: HttpRequest | None = None
) -> SupportPhase:
    _require_open(case)
    record = SupportPhase.objects.create(case=case, phase=phase, started_on=started_on, notes=notes, recorded_by=actor)
    _audit_created(record, actor=actor, request=request, fields=["phase", "started_on", "notes"], note="Phase started")
    return record


def _require_completed_not_before(completed_on: date, requested_on: date) -> None:
    if completed_on < requested_on:
        raise ApplicationError(
            gettext("The completion date must be the same as or after the request date"), field="completed_on"
        )


def _require_end_not_before(end_on: date, start_on: date) -> None:
    if end_on < start_on:
        raise ApplicationError(gettext("The end date must be the same as or after the start date"), field="end_on")


def _followed_by(text: str, more: str) -> str:
    """What a record already says, then what is added later, a blank line between."""
    return "\n\n".join(part for part in (text.strip(), more.strip()) if part)


@transaction.atomic
def needs_assessment_record(
    *,
    case: Case,
    actor: User,
    kind: str,
    requested_on: date,
    completed_on: date | None = None,
    outcome: str = "",
    request: HttpRequest | None = None,
) -> NeedsAssessment:
    _require_open(case)
    if completed_on:
        _require_completed_not_before(completed_on, requested_on)
    record = NeedsAssessment.objects.create(
        case=case, kind=kind, requested_on=requested_on, completed_on=completed_on, outcome=outcome, recorded_by=actor
    )
    fields = ["kind", "requested_on", "completed_on", "outcome"]
    _audit_created(record, actor=actor, request=request, fields=fields, note="Needs assessment recorded")
    return record


class AlreadyRecorded(ConflictError):
    """What is given once, later than the record itself (an assessment's completion, a placement's end,
    a return from a missing episode), is already recorded: a second would overwrite it, so it is refused."""


@transaction.atomic
def needs_assessment_completed(
    *,
    assessment: NeedsAssessment,
    actor: User,
    completed_on: date,
    outcome: str,
    request: HttpRequest | None = None,
) -> NeedsAssessment:
    """Record that an assessment asked for earlier is done and what it found; an outcome noted when it
    was asked for is kept, the new one after it."""
    assessment = NeedsAssessment.objects.select_for_update().select_related("case").get(pk=assessment.pk)
    _require_open(assessment.case)
    if assessment.completed_on is not None:
        raise AlreadyRecorded(gettext("This assessment is already recorded as completed"))
    _require_completed_not_before(completed_on, assessment.requested_on)
    if completed_on > timezone.localdate():
        raise ApplicationError(gettext("The date completed must be today or in the past"), field="completed_on")
    assessment.completed_on = completed_on
    assessment.outcome = _followed_by(assessment.outcome, outcome)
    assessment.save(update_fields=["completed_on", "outcome"])
    fields = ["completed_on", "outcome"]
    audit_record(
        action=AuditAction.UPDATE, actor=actor, request=request, obj=assessment, changed_fields=fields,
        note="Assessment completed",
    )  # fmt: skip
    return assessment


@transaction.atomic
def accommodation_placement_record(
    *,
    case: Case,
    actor: User,
    accommodation_type: str,
    provider: str,
    start_on: date,
    end_on: date | None = None,
    request: HttpRequest | None = None,
) -> AccommodationPlacement:
    _require_open(case)
    if end_on:
        _require_end_not_before(end_on, start_on)
    record = AccommodationPlacement.objects.create(
        case=case,
        accommodation_type=accommodation_type,
        provider=provider,
        start_on=start_on,
        end_on=end_on,
        recorded_by=actor,
    )
    fields = ["accommodation_type", "provider", "start_on", "end_on"]
    _audit_created(record, actor=actor, request=request, fields=fields, note="Placement recorded")
    return record


@transaction.atomic
def accommodation_placement_ended(
    *, placement: AccommodationPlacement, actor: User, end_on: date, request: HttpRequest | None = None
) -> AccommodationPlacement:
    """Record when a placement recorded as ongoing ends: the day they moved out, or the day it is due to end."""
    placement = AccommodationPlacement.objects.select_for_update().select_related("case").get(pk=placement.pk)
    _require_open(placement.case)
    if placement.end_on is not None:
        raise AlreadyRecorded(gettext("This placement's end is already recorded"))
    _require_end_not_before(end_on, placement.start_on)
    placement.end_on = end_on
    placement.save(update_fields=["end_on"])
    audit_record(
        action=AuditAction.UPDATE, actor=actor, request=request, obj=placement, changed_fields=["end_on"],
        note="Placement end recorded",
    )  # fmt: skip
    return placement


@transaction.atomic
def safety_plan_create(
    *,
    case: Case,
    actor: User,
    summary: str,
    created_on: date,
    review_every_days: int = 14,
    request: HttpRequest | None = None,
) -> SafetyPlan:
    _require_open(case)
    plan = SafetyPlan(case=case, summary=summary, created_on=created_on, review_every_days=review_every_days)
    plan.next_review_on = plan.next_review_after(created_on)
    plan.recorded_by = actor
    plan.save()
    fields = ["summary", "created_on", "review_every_days", "next_review_on"]
    _audit_created(plan, actor=actor, request=request, fields=fields, note="Safety plan created")
    return plan


@transaction.atomic
def safety_plan_review(
    *, plan: SafetyPlan, actor: User, reviewed_on: date, what_changed: str, request: HttpRequest | None = None
) -> SafetyPlanReview:
    """Record a review and move the next review date on from the latest review. A late entry for
    an earlier review never moves the date back."""
    plan = SafetyPlan.objects.select_for_update().select_related("case").get(pk=plan.pk)
    _require_open(plan.case)
    if reviewed_on < plan.created_on:
        raise ApplicationError(
            gettext("The review date must be on or after the day the plan was made"), field="reviewed_on"
        )
    review = SafetyPlanReview.objects.create(
        plan=plan, reviewed_on=reviewed_on, what_changed=what_changed, reviewed_by=actor
    )
    latest = plan.reviews.order_by("-reviewed_on").values_list("reviewed_on", flat=True).first() or reviewed_on
    plan.next_review_on = plan.next_review_after(latest)
    plan.save(update_fields=["next_review_on"])
    _audit_created(review, actor=actor, request=request, fields=["reviewed_on", "what_changed"], note="Plan reviewed")
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=plan, changed_fields=["next_review_on"])
    return review


def _require_return_not_before(returned_at: datetime, went_missing_at: datetime) -> None:
    if returned_at < went_missing_at:
        raise ApplicationError(
            gettext("The return must be the same as or after the time they went missing"), field="returned_at"
        )


@transaction.atomic
def missing_episode_record(
    *,
    case: Case,
    actor: User,
    went_missing_at: datetime,
    returned_at: datetime | None = None,
    reported_to_police: bool = False,
    notes: str = "",
    request: HttpRequest | None = None,
) -> MissingEpisode:
    _require_open(case)
    if returned_at:
        _require_return_not_before(returned_at, went_missing_at)
    record = MissingEpisode.objects.create(
        case=case,
        went_missing_at=went_missing_at,
        returned_at=returned_at,
        reported_to_police=reported_to_police,
        notes=notes,
        recorded_by=actor,
    )
    fields = ["went_missing_at", "returned_at", "reported_to_police", "notes"]
    _audit_created(record, actor=actor, request=request, fields=fields, note="Missing episode recorded")
    return record


@transaction.atomic
def missing_episode_returned(
    *,
    episode: MissingEpisode,
    actor: User,
    returned_at: datetime,
    notes: str = "",
    request: HttpRequest | None = None,
) -> MissingEpisode:
    """Record when someone who went missing came back. How they returned is added to the episode's notes."""
    episode = MissingEpisode.objects.select_for_update().select_related("case").get(pk=episode.pk)
    _require_open(episode.case)
    if episode.returned_at is not None:
        raise AlreadyRecorded(gettext("Their return from this missing episode is already recorded"))
    _require_return_not_before(returned_at, episode.went_missing_at)
    if returned_at > timezone.now():
        raise ApplicationError(gettext("The time they returned must be now or in the past"), field="returned_at")
    episode.returned_at = returned_at
    fields = ["returned_at"]
    if notes.strip():
        episode.notes = _followed_by(episode.notes, notes)
        fields.append("notes")
    episode.save(update_fields=fields)
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=episode,
        changed_fields=fields,
        note="Return recorded",
    )
    return episode


@transaction.atomic
def outcome_scores_record(
    *,
    case: Case,
    actor: User,
    assessed_on: date,
    scores: Mapping[str, int | None],
    request: HttpRequest | None = None,
) -> list[OutcomeScore]:
    """Score some or all domains for one date. Domains left empty were not assessed that day."""
    _require_open(case)
    given = {domain: score for domain, score in scores.items() if score is not None}
    if not given:
        raise ApplicationError(gettext("Score at least one area"))
    unknown = set(given) - set(OutcomeDomain.values)
    if unknown:
        raise ApplicationError(gettext("Unknown outcome areas: %(areas)s") % {"areas": ", ".join(sorted(unknown))})
    if case.outcome_scores.filter(assessed_on=assessed_on, domain__in=given).exists():
        raise ApplicationError(
            gettext("Scores for this date are already recorded. Choose another date"), field="assessed_on"
        )
    records = [
        OutcomeScore.objects.create(case=case, assessed_on=assessed_on, domain=domain, score=score, recorded_by=actor)
        for domain, score in given.items()
    ]
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        request=request,
        obj=case,
        changed_fields=["outcome_scores"],
        note=f"{len(records)} outcome scores recorded",
    )
    return records


@transaction.atomic
def case_note_add(*, case: Case, actor: User, body: str, request: HttpRequest | None = None) -> CaseNote:
    if not body.strip():
        raise ApplicationError(gettext("Enter the note"), field="body")
    note = CaseNote.objects.create(case=case, body=body.strip(), author=actor)
    _audit_created(note, actor=actor, request=request, fields=["body"], note="Note added")
    return note


def document_content_type(upload: UploadedFile) -> str:
    """The file's real type, read from its first bytes and checked against its extension.
    What the browser claims is ignored: it is whatever the uploader's machine says."""
    suffix = PurePosixPath(upload.name or "").suffix.lower()
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if suffix == ".pdf" and head.startswith(b"%PDF-"):
        return "application/pdf"
    if suffix == ".png" and head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if suffix in {".jpg", ".jpeg"} and head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if suffix == ".txt" and b"\x00" not in head:
        return "text/plain"
    if suffix == ".docx" and head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                if "word/document.xml" in archive.namelist():
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        except zipfile.BadZipFile:
            pass
        finally:
            upload.seek(0)
    raise ApplicationError(gettext("The selected file must be a PDF, DOCX, JPG, PNG or TXT"), field="file")


def case_document_upload(
    *, case: Case, actor: User, title: str, upload: UploadedFile, request: HttpRequest | None = None
) -> CaseDocument:
    size = upload.size or 0
    if size == 0:
        raise ApplicationError(gettext("The selected file is empty"), field="file")
    if size > MAX_DOCUMENT_BYTES:
        raise ApplicationError(gettext("The selected file must be smaller than 10MB"), field="file")
    content_type = document_content_type(upload)
    document = CaseDocument(case=case, title=title, content_type=content_type, size=size, uploaded_by=actor)
    # No record, no file: an orphan would hold personal data forever. The transaction ends inside
    # the clean-up, so a failed commit removes the file too; a killed process leaves it to
    # `tackle files sweep`.
    with removed_unless_saved() as stored, transaction.atomic():
        document.file.save(f"upload{DOCUMENT_TYPES[content_type]}", upload, save=False)
        stored.append(document.file)
        document.save()
        fields = ["title", "file", "content_type", "size"]
        _audit_created(document, actor=actor, request=request, fields=fields, note="Document uploaded")
    return document


@transaction.atomic
def case_close(*, case: Case, actor: User, reason: str, request: HttpRequest | None = None) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == CaseStatus.CLOSED:
        raise ConflictError(gettext("This case is already closed"))
    if not reason.strip():
        raise ApplicationError(gettext("Enter why the case is being closed"), field="reason")
    case.status = CaseStatus.CLOSED
    case.closed_at = timezone.now()
    case.closure_reason = reason.strip()
    case.version += 1
    fields = ["status", "closed_at", "closure_reason"]
    case.save(update_fields=[*fields, "version", "updated_at"])
    audit_record(
        action=AuditAction.UPDATE, actor=actor, request=request, obj=case, changed_fields=fields, note="Closed"
    )
    return case


@transaction.atomic
def case_reopen(*, case: Case, actor: User, reason: str, request: HttpRequest | None = None) -> Case:
    """Reopen a closed case. The earlier closure and the reason for reopening go into a case note,
    so the history survives the closure fields being cleared."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.CLOSED:
        raise ConflictError(gettext("This case is already open"))
    if not reason.strip():
        raise ApplicationError(gettext("Enter why the case is being reopened"), field="reason")
    closed_at = timezone.localtime(case.closed_at) if case.closed_at else None
    closed_on = f"{closed_at.day} {closed_at:%B %Y}" if closed_at else "an unknown date"
    case_note_add(
        case=case,
        actor=actor,
        request=request,
        body=f"Case reopened: {reason.strip()}\n\nIt was closed on {closed_on}: {case.closure_reason}",
    )
    case.status = CaseStatus.OPEN
    case.closed_at = None
    case.closure_reason = ""
    case.version += 1
    fields = ["status", "closed_at", "closure_reason"]
    case.save(update_fields=[*fields, "version", "updated_at"])
    audit_record(
        action=AuditAction.UPDATE, actor=actor, request=request, obj=case, changed_fields=fields, note="Reopened"
    )
    return case
