"""Sharing a case with a partner organisation: purpose, consent, expiry, revocation. Audited."""

from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from tackle.accounts.models import Organisation, User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import Case
from tackle.core.errors import ApplicationError
from tackle.core.models import RecordShare


def shares_of(case: Case):  # type: ignore[no-untyped-def]
    return RecordShare.objects.filter(
        content_type=ContentType.objects.get_for_model(Case), object_uuid=case.uuid
    ).select_related("organisation", "shared_by")


@transaction.atomic
def case_share(
    *,
    case: Case,
    organisation: Organisation,
    actor: User,
    purpose: str,
    consent_recorded: bool,
    expires_at: datetime | None = None,
    request: Any = None,
) -> RecordShare:
    if organisation.pk == case.organisation_id:
        raise ApplicationError("The case already belongs to this organisation", field="organisation")
    if not purpose.strip():
        raise ApplicationError("Enter why the case is being shared", field="purpose")
    if expires_at is not None and expires_at <= timezone.now():
        raise ApplicationError("The end date must be in the future", field="expires_on")
    if shares_of(case).filter(organisation=organisation, revoked_at__isnull=True).exists():
        raise ApplicationError("The case is already shared with this organisation", field="organisation")
    share = RecordShare.objects.create(
        content_type=ContentType.objects.get_for_model(Case),
        object_uuid=case.uuid,
        organisation=organisation,
        shared_by=actor,
        reason=purpose.strip(),
        consent_recorded=consent_recorded,
        expires_at=expires_at,
    )
    audit_record(
        action=AuditAction.SHARE, actor=actor, request=request, obj=case, note=f"Shared with {organisation.code}"
    )
    return share


@transaction.atomic
def case_share_revoke(*, case: Case, share: RecordShare, actor: User, request: Any = None) -> RecordShare:
    if share.revoked_at is not None:
        raise ApplicationError("This share was already revoked")
    share.revoked_at = timezone.now()
    share.save(update_fields=["revoked_at"])
    audit_record(
        action=AuditAction.SHARE,
        actor=actor,
        request=request,
        obj=case,
        changed_fields=["revoked_at"],
        note=f"Share with {share.organisation.code} revoked",
    )
    return share
