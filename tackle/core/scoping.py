"""Record scope: a user sees their own organisation's records and those shared with it explicitly."""

from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from tackle.core.models import RecordShare

M = TypeVar("M", bound=models.Model)


def shared_uuids(
    model: type[models.Model], organisation_id: int, *, now: Any = None
) -> models.QuerySet[RecordShare, Any]:
    """Uuids of the records of that model shared with the organisation and live at `now` (this moment
    when not given)."""
    now = now or timezone.now()
    return (
        RecordShare.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            organisation_id=organisation_id,
            revoked_at__isnull=True,
        )
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .values("object_uuid")
    )


def live_share(record: models.Model, organisation_id: int) -> RecordShare | None:
    """The record's share with the organisation that is neither revoked nor expired, if any."""
    return (
        RecordShare.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)),
            object_uuid=record.uuid,  # type: ignore[attr-defined]
            organisation_id=organisation_id,
            revoked_at__isnull=True,
        )
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .first()
    )


def scope_to_organisation[M: models.Model](
    queryset: models.QuerySet[M], user: Any, *, include_shared: bool = True
) -> models.QuerySet[M]:
    """Records owned by the user's organisation (field `organisation`), plus live explicit shares."""
    if not (user.is_authenticated and user.organisation_id):
        return queryset.none()
    scope = Q(organisation_id=user.organisation_id)
    if include_shared:
        scope |= Q(uuid__in=shared_uuids(queryset.model, user.organisation_id))
    return queryset.filter(scope)
