"""One place that says who may do what: module checks give 403, record scope gives 404."""

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.http import Http404

from tackle.core.roles import Module

M = TypeVar("M", bound=models.Model)


def require_module(user: Any, module: Module | str) -> None:
    if not (user.is_authenticated and user.may_use(module)):
        raise PermissionDenied("Your role cannot use this part of Tackle.")


def get_visible_or_404[M: models.Model](visible: models.QuerySet[M], **lookup: Any) -> M:
    """Fetch one record from a selector's queryset: records outside the user's scope do not exist."""
    try:
        return visible.get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404("No such record.") from None
