"""Helpers shared by the disruption pages."""

from typing import Any

from django.db import models

from tackle.accounts.http import AuthenticatedRequest
from tackle.core.permissions import get_visible_or_404


def own_or_404[M: models.Model](model: type[M], request: AuthenticatedRequest, record_uuid: Any) -> M:
    """A record the user's organisation owns, to change: anyone else's is not found."""
    return get_visible_or_404(
        model._default_manager.filter(organisation_id=request.user.organisation_id), uuid=record_uuid
    )


def organisation_of(request: AuthenticatedRequest) -> Any:
    organisation = request.user.organisation
    assert organisation is not None  # require_disruption has checked the user belongs to one
    return organisation
