"""Retention duties (UK GDPR): the organisation's periods, legal holds, and the decision on a closed
record past its period: keep it longer with a reason, anonymise it, or erase it. Every change is
audited; the audit entry names the case and the decision, never what was removed.

Anonymising keeps every value the published figures count (cases/figures.py: when the concern was
met, age, age group, gender, nationality, exploitation types, the NRM events' kinds, dates and
outcomes, support phases and outcome scores) and removes everything else that could say who the
person was. Erasing removes the case and all it holds, so the figures of the periods it was counted
in fall by one; the page says so.
"""

from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import (
    Case,
    CaseStatus,
    LegalHold,
    RetentionDecision,
    RetentionOutcome,
    RetentionPeriod,
)
from tackle.cases.retention_records import record_kind
from tackle.cases.rules.retention import ANONYMISE, ERASE, MAX_MONTHS, RecordType
from tackle.cases.selectors import case_record_type, live_legal_hold
from tackle.cases.services.share import case_share_revoke, shares_of
from tackle.core.errors import ApplicationError

if TYPE_CHECKING:
    from tackle.accounts.models import Organisation, User

ANONYMISED = "Anonymised"

# Case fields that say who the person was or what happened to them in words, and are counted by no
# figure: emptied (or, where the field may not be empty, replaced by ANONYMISED).
_CLEARED_CASE_FIELDS = (
    "person_name",
    "person_contact",
    "person_address",
    "language",
    "current_town",
    "current_county",
    "age_assessed_by",
    "indicators_other",
    "exploitation_places",
    "refusal_reason",
    "consent_language",
    "consent_interpreter_agency",
    "consent_leaflet",
    "closure_reason",
)
_REPLACED_CASE_FIELDS = ("what_was_seen", "location")


@transaction.atomic
def retention_period_set(
    *, organisation: "Organisation | None", record_type: str, months: int, actor: "User", request: Any = None
) -> RetentionPeriod:
    if organisation is None:
        raise ApplicationError(gettext("Only a member of an organisation can set its retention schedule"))
    if record_type not in RecordType.values and record_kind(record_type) is None:
        raise ApplicationError(gettext("Choose a kind of record"), field="record_type")
    if not 1 <= months <= MAX_MONTHS:
        raise ApplicationError(gettext("Months must be between 1 and %(most)d") % {"most": MAX_MONTHS}, field="months")
    period, _ = RetentionPeriod.objects.update_or_create(
        organisation=organisation, record_type=record_type, defaults={"months": months, "changed_by": actor}
    )
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        object_type="cases.retentionperiod",
        object_id=record_type,
        changed_fields=["months"],
        note=f"retention period set: {record_type} {months} months",
        organisation_id=organisation.pk,
    )
    return period


@transaction.atomic
def legal_hold_place(*, case: Case, reason: str, actor: "User", request: Any = None) -> LegalHold:
    if not reason.strip():
        raise ApplicationError(gettext("Say why the case must be kept"), field="reason")
    if live_legal_hold(case) is not None:
        raise ApplicationError(gettext("This case is already on legal hold"))
    hold = LegalHold.objects.create(case=case, reason=reason.strip(), placed_by=actor)
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=case, note="legal hold placed")
    return hold


@transaction.atomic
def legal_hold_lift(*, hold: LegalHold, reason: str, actor: "User", request: Any = None) -> LegalHold:
    if not reason.strip():
        raise ApplicationError(gettext("Say why the hold can end"), field="reason")
    hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
    if not hold.is_live:
        raise ApplicationError(gettext("This hold was already lifted"))
    hold.lifted_at, hold.lifted_by, hold.lift_reason = timezone.now(), actor, reason.strip()
    hold.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=hold.case, note="legal hold lifted")
    return hold


def _check_may_decide(case: Case, reason: str) -> None:
    if not reason.strip():
        raise ApplicationError(gettext("Say why"), field="reason")
    if case.status != CaseStatus.CLOSED:
        raise ApplicationError(gettext("Only a closed case can be erased or anonymised: close it first"))
    if live_legal_hold(case) is not None:
        raise ApplicationError(
            gettext("This case is on legal hold: it cannot be erased or anonymised until the hold is lifted")
        )


def _decide(case: Case, *, record_type: str, outcome: str, reason: str, actor: "User", keep_until: date | None = None):
    return RetentionDecision.objects.create(
        case=case,
        organisation_id=case.organisation_id,
        case_reference=case.reference,
        record_type=record_type,
        outcome=outcome,
        keep_until=keep_until,
        reason=reason.strip(),
        decided_by=actor,
    )


@transaction.atomic
def retention_extend(
    *, case: Case, record_type: str, keep_until: date, reason: str, actor: "User", request: Any = None
) -> RetentionDecision:
    if not reason.strip():
        raise ApplicationError(gettext("Say why the record must be kept longer"), field="reason")
    if keep_until <= timezone.localdate():
        raise ApplicationError(gettext("The date to keep it until must be in the future"), field="keep_until")
    decision = _decide(
        case,
        record_type=record_type,
        outcome=RetentionOutcome.EXTENDED,
        reason=reason,
        actor=actor,
        keep_until=keep_until,
    )
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=case,
        note=f"retention extended: {record_type} to {keep_until.isoformat()}",
    )
    return decision


def _delete_documents(case: Case) -> int:
    """The documents' rows now and their files once the transaction commits (a rollback keeps both)."""
    documents = list(case.documents.all())
    for document in documents:
        name, storage = document.file.name or "", document.file.storage
        transaction.on_commit(partial(storage.delete, name))
        document.delete()
    return len(documents)


@transaction.atomic
def case_documents_erase(*, case: Case, reason: str, actor: "User", request: Any = None) -> int:
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_may_decide(case, reason)
    erased = _delete_documents(case)
    _decide(case, record_type=RecordType.SUPPORT_DOCUMENT, outcome=RetentionOutcome.ERASED, reason=reason, actor=actor)
    audit_record(action=AuditAction.DELETE, actor=actor, request=request, obj=case, note=f"{erased} documents erased")
    return erased


@transaction.atomic
def case_anonymise(*, case: Case, reason: str, actor: "User", request: Any = None) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_may_decide(case, reason)
    for field in _CLEARED_CASE_FIELDS:
        setattr(case, field, "")
    for field in _REPLACED_CASE_FIELDS:
        setattr(case, field, ANONYMISED)
    case.person_date_of_birth = None
    case.consent_interpreter = ""
    case.version += 1
    case.save()
    case.aliases.all().delete()
    case.consent_explanations.clear()  # the texts' language would say the person's
    if case.encounter is not None and case.encounter.cases.count() == 1:
        case.encounter.location = case.encounter.what_was_seen = ANONYMISED
        case.encounter.save(update_fields=["location", "what_was_seen"])
    if hasattr(case, "home_office_form"):
        case.home_office_form.delete()
    case.nrm_events.update(notes="")
    case.referrals.update(reason="", outcome="")
    case.allocations.update(handover_note="")
    case.support_phases.update(notes="")
    case.needs_assessments.update(outcome="")
    case.placements.update(provider=ANONYMISED)
    case.missing_episodes.update(notes="")
    for plan in case.safety_plans.all():
        plan.reviews.update(what_changed=ANONYMISED)
    case.safety_plans.update(summary=ANONYMISED)
    case.notes.all().delete()
    _delete_documents(case)
    for share in shares_of(case).filter(revoked_at__isnull=True):
        case_share_revoke(case=case, share=share, actor=actor, request=request)
    _decide(case, record_type=case_record_type(case), outcome=RetentionOutcome.ANONYMISED, reason=reason, actor=actor)
    audit_record(action=AuditAction.UPDATE, actor=actor, request=request, obj=case, note="case anonymised")
    return case


@transaction.atomic
def case_erase(*, case: Case, reason: str, actor: "User", request: Any = None) -> str:
    """Remove the case and everything it holds; its reference stays on the decision and in the audit
    log. Refused, saying why, where another part of Tackle still points at it (an operation's record)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _check_may_decide(case, reason)
    reference, encounter = case.reference, case.encounter
    _decide(case, record_type=case_record_type(case), outcome=RetentionOutcome.ERASED, reason=reason, actor=actor)
    audit_record(action=AuditAction.DELETE, actor=actor, request=request, obj=case, note="case erased")
    _delete_documents(case)
    for plan in case.safety_plans.all():
        plan.reviews.all().delete()
    for related in (
        case.safety_plans,
        case.support_phases,
        case.needs_assessments,
        case.placements,
        case.missing_episodes,
        case.outcome_scores,
        case.notes,
        case.nrm_events,
        case.referrals,
        case.allocations,
    ):
        related.all().delete()
    LegalHold.objects.filter(case=case).delete()
    shares_of(case).delete()
    try:
        with transaction.atomic():
            case.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ApplicationError(
            gettext(
                "Another record still points at this case (such as an operation that found the person): "
                "anonymise it instead"
            )
        ) from error
    if encounter is not None and not encounter.cases.exists():
        encounter.delete()
    return reference


def case_retention_decide(
    *,
    case: Case,
    record_type: str,
    decision: str,
    reason: str,
    keep_until: date | None,
    actor: "User",
    request: Any = None,
) -> Any:
    """A decision on a case, or on its documents, past the retention date: anonymise the case, erase
    it (or its documents), or keep it longer until `keep_until`; the page and the API both decide here."""
    if decision == ANONYMISE:
        return case_anonymise(case=case, reason=reason, actor=actor, request=request)
    if decision == ERASE and record_type == RecordType.SUPPORT_DOCUMENT:
        return case_documents_erase(case=case, reason=reason, actor=actor, request=request)
    if decision == ERASE:
        return case_erase(case=case, reason=reason, actor=actor, request=request)
    assert keep_until is not None  # the decision's form asks for the date when keeping
    return retention_extend(
        case=case, record_type=record_type, keep_until=keep_until, reason=reason, actor=actor, request=request
    )
