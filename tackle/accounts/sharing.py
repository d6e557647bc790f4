"""Sharing one record explicitly with another organisation, and revoking it: checked and audited.

Cases and disruption records share through here; selectors read the shares (scoping.shared_uuids)."""

from datetime import datetime
from typing import Any, Literal

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from tackle.accounts.models import Organisation, User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.errors import ApplicationError
from tackle.core.models import RecordShare, ShareConsent


def shares_of(record: models.Model) -> models.QuerySet[RecordShare]:
    return RecordShare.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_uuid=record.uuid,  # type: ignore[attr-defined]
    ).select_related("organisation", "shared_by")


# Whole sentences for each kind of record (`noun`), so that Welsh can word each one; translated when raised.
_ERRORS = {
    "record": {
        "ours": gettext_noop("The record already belongs to this organisation"),
        "why": gettext_noop("Enter why the record is being shared"),
        "again": gettext_noop("The record is already shared with this organisation"),
    },
    "case": {
        "ours": gettext_noop("The case already belongs to this organisation"),
        "why": gettext_noop("Enter why the case is being shared"),
        "again": gettext_noop("The case is already shared with this organisation"),
    },
}


@transaction.atomic
def record_share(
    *,
    record: models.Model,
    organisation: Organisation,
    actor: User,
    reason: str,
    scope: str = "",
    lawful_basis: str = "",
    lawful_basis_detail: str = "",
    consent: str = ShareConsent.NOT_ASKED,
    consent_note: str = "",
    expires_at: datetime | None = None,
    request: Any = None,
    noun: Literal["record", "case"] = "record",
    reason_field: str = "reason",
) -> RecordShare:
    """`noun` and `reason_field` name the record and the form field in the error messages. The
    scope, lawful basis and consent are the caller's to require (a case's share needs all three)."""
    errors = _ERRORS[noun]
    if organisation.pk == record.organisation_id:  # type: ignore[attr-defined]
        raise ApplicationError(gettext(errors["ours"]), field="organisation")
    if not reason.strip():
        raise ApplicationError(gettext(errors["why"]), field=reason_field)
    if expires_at is not None and expires_at <= timezone.now():
        raise ApplicationError(gettext("The end date must be in the future"), field="expires_on")
    if shares_of(record).filter(organisation=organisation, revoked_at__isnull=True).exists():
        raise ApplicationError(gettext(errors["again"]), field="organisation")
    share = RecordShare.objects.create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_uuid=record.uuid,  # type: ignore[attr-defined]
        organisation=organisation,
        shared_by=actor,
        reason=reason.strip(),
        scope=scope,
        lawful_basis=lawful_basis,
        lawful_basis_detail=lawful_basis_detail.strip(),
        consent=consent,
        consent_note=consent_note.strip(),
        expires_at=expires_at,
    )
    note = f"Shared with {organisation.code}" + (f" ({scope})" if scope else "")
    audit_record(action=AuditAction.SHARE, actor=actor, request=request, obj=record, note=note)
    return share


@transaction.atomic
def record_share_revoke(*, record: models.Model, share: RecordShare, actor: User, request: Any = None) -> RecordShare:
    if share.revoked_at is not None:
        raise ApplicationError("This share was already revoked")
    share.revoked_at = timezone.now()
    share.save(update_fields=["revoked_at"])
    audit_record(
        action=AuditAction.SHARE,
        actor=actor,
        request=request,
        obj=record,
        changed_fields=["revoked_at"],
        note=f"Share with {share.organisation.code} revoked",
    )
    return share
