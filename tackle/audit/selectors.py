from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q

from tackle.audit.models import AuditEvent, AuditVerification
from tackle.core.access import Action, Resource, allows
from tackle.core.permissions import require_module
from tackle.core.roles import Module


def require_audit(user: Any, resource: Resource, action: Action = Action.VIEW) -> None:
    """The audit pages' and API's check: the audit module, and the role's `action` on `resource`."""
    require_module(user, Module.AUDIT)
    if not allows(user.role, resource, action):
        raise PermissionDenied(f"Your role cannot {action.value} this.")


def audit_events_visible_to(user: Any) -> models.QuerySet[AuditEvent]:
    """Leads, auditors and administrators see their own organisation's audit trail: what happened to
    its records, and what its people opened of other organisations' (through agreements, shares)."""
    if not (user.is_authenticated and user.organisation_id and user.may_use(Module.AUDIT)):
        return AuditEvent.objects.none()
    own = user.organisation_id
    return AuditEvent.objects.filter(Q(organisation_id=own) | Q(actor_organisation_id=own))


def audit_events_filtered(
    events: models.QuerySet[AuditEvent],
    *,
    actor: str = "",
    action: str = "",
    object_type: str = "",
    object_id: str = "",
    object_ids: Iterable[str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> models.QuerySet[AuditEvent]:
    """`object_ids`: entries about any of these records (a case and the records inside it)."""
    if object_ids is not None:
        events = events.filter(object_id__in=list(object_ids))
    if actor:
        events = events.filter(actor_username__iexact=actor)
    if action:
        events = events.filter(action=action)
    if object_type:
        events = events.filter(object_type=object_type)
    if object_id:
        events = events.filter(object_id=object_id)
    if date_from:
        events = events.filter(occurred_at__date__gte=date_from)
    if date_to:
        events = events.filter(occurred_at__date__lte=date_to)
    return events.order_by("-sequence")


def audit_events_about(object_ids: Iterable[str]) -> models.QuerySet[AuditEvent]:
    """Every event naming one of these records (by uuid), oldest first: a record's own history, for
    a page that has already checked who may read it (a case's timeline)."""
    return AuditEvent.objects.filter(object_id__in=list(object_ids)).select_related("actor").order_by("sequence")


def audit_verification_latest(user: Any) -> AuditVerification | None:
    """The newest check of the log that `user` may see: one run by someone of their organisation, or
    on the server. Another organisation's checks are theirs (who ran them is their business)."""
    if not (user.is_authenticated and user.organisation_id and user.may_use(Module.AUDIT)):
        return None
    own = Q(organisation_id=user.organisation_id) | Q(organisation__isnull=True)
    return AuditVerification.objects.filter(own).select_related("ran_by").first()


def audit_events_by(actor_id: int) -> models.QuerySet[AuditEvent]:
    """Everything one person did, oldest first: for a member of staff's subject access request."""
    return AuditEvent.objects.filter(actor_id=actor_id).order_by("sequence")
