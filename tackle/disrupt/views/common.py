"""Helpers shared by the disruption pages."""

from typing import Any

from django.db import models

from tackle.accounts.door import open_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.core.access import Action, Resource


def own_or_404[M: models.Model](
    model: type[M],
    request: AuthenticatedRequest,
    record_uuid: Any,
    *,
    resource: Resource,
    action: Action = Action.CHANGE,
) -> M:
    """A record the user's organisation owns, to change: anyone else's is not found."""
    owned = model._default_manager.filter(organisation_id=request.user.organisation_id)
    return open_for_user(request.user, owned, resource=resource, action=action, uuid=record_uuid)


def organisation_of(request: AuthenticatedRequest) -> Any:
    organisation = request.user.organisation
    assert organisation is not None  # require_disruption has checked the user belongs to one
    return organisation
