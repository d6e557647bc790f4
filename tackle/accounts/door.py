"""The one door: every page, API endpoint and export fetches a record for a user through here.

403 when the user's role may not use the resource's module or may not do the action; 404 when the
record is outside the user's scope (another organisation's record, not shared with theirs), or 403
when it was shared for a narrower scope than the resource needs (a case's summary, not its support); and,
when a request is passed, the "viewed" or "exported" audit entry for resources that hold personal
data or are audited, written here so that a new page cannot forget it. A refusal to open a record
that exists is audited too ("refused"), with or without a request. The rules are the policy
table in tackle/core/access.py; which records a user sees is each app's `*_visible_to` selector.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import Action, Resource, Scope, ShareScope, scopes_for
from tackle.core.permissions import get_visible_or_404
from tackle.core.scoping import live_share

_AUDITED_ACTIONS = {Action.VIEW: AuditAction.VIEW, Action.EXPORT: AuditAction.EXPORT}


def open_for_user[M: models.Model](
    user: Any,
    visible: models.QuerySet[M],
    *,
    resource: Resource,
    action: Action = Action.VIEW,
    request: HttpRequest | None = None,
    note: str = "",
    part_of: models.Model | None = None,
    audit_refusal: bool = True,
    **lookup: Any,
) -> M:
    """One record of `visible` (the user's selector) matching `lookup`, for `action` on it.
    `part_of`: the shared record this one belongs to (a case, for its documents). `audit_refusal`
    False: the caller tries a narrower door next (a record's summary after the record itself)."""
    try:
        record = _opened(user, visible, resource=resource, action=action, part_of=part_of, lookup=lookup)
    except (Http404, PermissionDenied) as refusal:
        if audit_refusal:
            _audit_refusal(user, visible.model, lookup, resource=resource, action=action, request=request, why=refusal)
        raise
    if request is not None and resource.audits_views and action in _AUDITED_ACTIONS:
        audit_record(action=_AUDITED_ACTIONS[action], actor=user, request=request, obj=record, note=note)
    return record


def _opened[M: models.Model](
    user: Any,
    visible: models.QuerySet[M],
    *,
    resource: Resource,
    action: Action,
    part_of: models.Model | None,
    lookup: dict[str, Any],
) -> M:
    _require_module(user, resource)
    record = get_visible_or_404(visible, **lookup)
    scopes = scopes_for(user.role, resource, action)
    # The selector already narrowed what the user may view; other actions must reach the record too.
    if not scopes or (action != Action.VIEW and not record_in_scope(user, record, scopes)):
        raise PermissionDenied(f"Your role cannot {action.value} this record.")
    if not share_covers(user, part_of or record, resource):
        raise PermissionDenied("What was shared with your organisation does not include this.")
    return record


def _audit_refusal(
    user: Any,
    model: type[models.Model],
    lookup: dict[str, Any],
    *,
    resource: Resource,
    action: Action,
    request: HttpRequest | None,
    why: Exception,
) -> None:
    """Someone reached for a record that exists but is not theirs to open: the entry is the owner's
    and, for a user of another organisation, theirs too (audit_record). It names the record, never
    what it holds. A lookup that matches no record is an ordinary 404 and leaves no entry."""
    try:
        record = model._base_manager.filter(**lookup).first()
    except (ValueError, TypeError, ValidationError):
        return
    if record is None:
        return
    outcome = "not found" if isinstance(why, Http404) else "forbidden"
    audit_record(
        action=AuditAction.REFUSED,
        actor=user if user.is_authenticated else None,
        request=request,
        obj=record,
        note=f"{action.value} {resource.name}: {outcome}",
    )


def open_page_for_user(
    user: Any,
    *,
    resource: Resource,
    action: Action = Action.VIEW,
    request: HttpRequest | None = None,
    object_type: str,
    object_id: str = "",
    note: str = "",
) -> None:
    """The door for a page that shows no one record (a briefing pack, a report, figures): 403 as
    for a record, and the same audit entry, naming what was shown by `object_type` and `object_id`."""
    _require_module(user, resource)
    if not scopes_for(user.role, resource, action):
        raise PermissionDenied(f"Your role cannot {action.value} this.")
    if request is not None and resource.audits_views and action in _AUDITED_ACTIONS:
        audit_record(
            action=_AUDITED_ACTIONS[action],
            actor=user,
            request=request,
            object_type=object_type,
            object_id=object_id,
            note=note,
        )


def _require_module(user: Any, resource: Resource) -> None:
    if not (user.is_authenticated and user.may_use(resource.module)):
        raise PermissionDenied("Your role cannot use this part of Tackle.")


def may_open(user: Any, record: models.Model, *, resource: Resource, action: Action = Action.VIEW) -> bool:
    """Whether the door would open `resource` of a record the user already sees (to offer a link)."""
    if not (user.is_authenticated and user.may_use(resource.module)):
        return False
    scopes = scopes_for(user.role, resource, action)
    return bool(scopes) and record_in_scope(user, record, scopes) and share_covers(user, record, resource)


def share_covers(user: Any, record: models.Model, resource: Resource) -> bool:
    """Another organisation's record reaches the user through a live share whose scope includes
    the resource (tackle/core/access.py `shared_from`); the user's own organisation's, always."""
    if resource.shared_from is None or getattr(record, "organisation_id", None) in (None, user.organisation_id):
        return True
    share = live_share(record, user.organisation_id)
    return share is not None and bool(share.scope) and ShareScope(share.scope).reaches(resource.shared_from)


def record_in_scope(user: Any, record: models.Model, scopes: frozenset[Scope]) -> bool:
    """Own and organisation scopes reach the user's organisation; shared reaches the others'.
    Which of the organisation's records are the user's own is the selector's to narrow."""
    owner = getattr(record, "organisation_id", user.organisation_id)
    if owner == user.organisation_id:
        return bool(scopes & {Scope.OWN, Scope.ORGANISATION})
    return Scope.SHARED in scopes
