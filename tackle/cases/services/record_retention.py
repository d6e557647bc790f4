"""Retention decisions and legal holds on records other than cases (issue 15, item 5): intelligence,
premises and operations, whose app registers them (cases/retention_records.py). The hold check, the
decision's record and the audit entry are made here for every kind, so a held record is never
anonymised or erased whatever the registering app does."""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, override

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import RecordLegalHold, RetentionDecision, RetentionOutcome
from tackle.cases.retention_records import KeptRecord, RecordKind
from tackle.core.errors import ApplicationError

if TYPE_CHECKING:
    from tackle.accounts.models import User


def _audit(action: str, actor: "User", request: Any, kind: RecordKind, record: KeptRecord, note: str) -> None:
    audit_record(
        action=action,
        actor=actor,
        request=request,
        object_type=kind.record_type,
        object_id=record.key,
        note=f"{note}: {record.reference}",
        organisation_id=actor.organisation_id,
    )


def record_live_hold(organisation_id: int, kind: RecordKind, record: KeptRecord) -> RecordLegalHold | None:
    return RecordLegalHold.objects.filter(
        organisation_id=organisation_id, record_type=kind.record_type, record_key=record.key, lifted_at__isnull=True
    ).first()


@transaction.atomic
def record_hold_place(
    *, kind: RecordKind, record: KeptRecord, reason: str, actor: "User", request: Any = None
) -> RecordLegalHold:
    if not reason.strip():
        raise ApplicationError(gettext("Say why the record must be kept"), field="reason")
    organisation_id = int(actor.organisation_id or 0)
    if record_live_hold(organisation_id, kind, record) is not None:
        raise ApplicationError(gettext("This record is already on legal hold"))
    hold = RecordLegalHold.objects.create(
        organisation_id=organisation_id,
        record_type=kind.record_type,
        record_key=record.key,
        reference=record.reference,
        reason=reason.strip(),
        placed_by=actor,
    )
    _audit(AuditAction.CREATE, actor, request, kind, record, "legal hold placed")
    return hold


@transaction.atomic
def record_hold_lift(*, hold: RecordLegalHold, reason: str, actor: "User", request: Any = None) -> RecordLegalHold:
    if not reason.strip():
        raise ApplicationError(gettext("Say why the hold can end"), field="reason")
    hold = RecordLegalHold.objects.select_for_update().get(pk=hold.pk)
    if not hold.is_live:
        raise ApplicationError(gettext("This hold was already lifted"))
    hold.lifted_at, hold.lifted_by, hold.lift_reason = timezone.now(), actor, reason.strip()
    hold.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        object_type=hold.record_type,
        object_id=hold.record_key,
        note=f"legal hold lifted: {hold.reference}",
        organisation_id=hold.organisation_id,
    )
    return hold


def _decide(kind: RecordKind, record: KeptRecord, outcome: str, reason: str, actor: "User", **more: Any) -> Any:
    return RetentionDecision.objects.create(
        organisation_id=int(actor.organisation_id or 0),
        case_reference=record.reference,
        record_type=kind.record_type,
        record_key=record.key,
        outcome=outcome,
        reason=reason.strip(),
        decided_by=actor,
        **more,
    )


@transaction.atomic
def record_decide(
    *,
    kind: RecordKind,
    record: KeptRecord,
    outcome: str,
    reason: str,
    actor: "User",
    keep_until: date | None = None,
    request: Any = None,
) -> RetentionDecision:
    """Keep longer (a future date), anonymise or erase one record, refused while it is on legal hold."""
    if not reason.strip():
        raise ApplicationError(gettext("Say why"), field="reason")
    organisation_id = int(actor.organisation_id or 0)
    if outcome == RetentionOutcome.EXTENDED:
        if keep_until is None or keep_until <= timezone.localdate():
            raise ApplicationError(gettext("The date to keep it until must be in the future"), field="keep_until")
        decision = _decide(kind, record, outcome, reason, actor, keep_until=keep_until)
        _audit(AuditAction.UPDATE, actor, request, kind, record, f"retention extended to {keep_until.isoformat()}")
        return decision
    if record_live_hold(organisation_id, kind, record) is not None:
        raise ApplicationError(
            gettext("This record is on legal hold: it cannot be erased or anonymised until the hold is lifted")
        )
    act = kind.anonymise if outcome == RetentionOutcome.ANONYMISED else kind.erase
    if act is None:
        raise ApplicationError(
            gettext("%(kind)s cannot be %(outcome)s")
            % {"kind": kind.label, "outcome": str(RetentionOutcome(outcome).label).lower()},
            field="decision",
        )
    decision = _decide(kind, record, outcome, reason, actor)
    act(organisation_id, record.key)
    action = AuditAction.DELETE if outcome == RetentionOutcome.ERASED else AuditAction.UPDATE
    with override(settings.LANGUAGE_CODE):  # an audit note is a record: English whatever the reader's language
        done = str(RetentionOutcome(outcome).label).lower()
    _audit(action, actor, request, kind, record, f"record {done}")
    return decision
