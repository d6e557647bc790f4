"""Writing scrutiny records. Each service saves and audits in one transaction."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.errors import ApplicationError
from tackle.scrutiny.models import Answer, Assessment, LeadArrangement, Spend
from tackle.scrutiny.themes import ANSWER_LABELS, QUESTIONS


@transaction.atomic
def record_save(*, record: LeadArrangement | Spend, actor: User, changed: list[str], request: Any = None) -> None:
    """Save a lead arrangement or a spending line for the actor's organisation."""
    created = record.pk is None
    if created:
        if actor.organisation_id is None:
            raise ApplicationError(gettext("You are not in an organisation"))
        record.organisation_id = actor.organisation_id
    record.full_clean()
    record.save()
    audit_record(
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=record,
        changed_fields=changed,
    )


@transaction.atomic
def record_delete(*, record: LeadArrangement | Spend, actor: User, request: Any = None) -> None:
    """A post or spending line entered by mistake goes. The audit log keeps who deleted which record
    and when, not what it said: a post may name a person."""
    audit_record(action=AuditAction.DELETE, actor=actor, request=request, obj=record, note="Deleted")
    record.delete()


@transaction.atomic
def assessment_create(*, actor: User, year: int, request: Any = None) -> Assessment:
    if actor.organisation_id is None:
        raise ApplicationError(gettext("You are not in an organisation"))
    if Assessment.objects.filter(organisation_id=actor.organisation_id, year=year).exists():
        raise ApplicationError(
            gettext("There is already a self-assessment for %(year)s") % {"year": year}, field="year"
        )
    assessment = Assessment.objects.create(organisation_id=actor.organisation_id, year=year, created_by=actor)
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=assessment)
    return assessment


@transaction.atomic
def assessment_answer(
    *, assessment: Assessment, actor: User, answers: dict[str, tuple[str, str]], request: Any = None
) -> list[str]:
    """Record answers {question key: (answer, evidence)}; returns the keys that changed."""
    existing = {answer.question: answer for answer in assessment.answers.select_for_update()}
    changed = []
    for key, (value, evidence) in answers.items():
        if key not in QUESTIONS or value not in ANSWER_LABELS:
            raise ApplicationError(gettext("Choose an answer from the list"))
        current = existing.get(key)
        if current is None:
            Answer.objects.create(
                assessment=assessment, question=key, answer=value, evidence=evidence, updated_by=actor
            )
            changed.append(key)
        elif (current.answer, current.evidence) != (value, evidence):
            current.answer, current.evidence, current.updated_by = value, evidence, actor
            current.save()
            changed.append(key)
    if changed:
        assessment.save(update_fields=["updated_at"])
        audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=assessment, changed_fields=changed)
    return changed
