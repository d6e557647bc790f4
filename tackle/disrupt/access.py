"""Who may do what in disruption (see docs/disrupt.md). Module checks give 403; which records a
user sees is decided in selectors.py."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

from tackle.core.access import COORDINATOR_ROLES  # plan operations, run the meeting, see address flags
from tackle.core.permissions import require_module
from tackle.core.roles import Module


def is_coordinator(user: Any) -> bool:
    return user.role in COORDINATOR_ROLES


def require_disruption(user: Any) -> None:
    """Coordinators and partner agency users; partners see only what agreements and shares give."""
    require_module(user, Module.DISRUPTION)


def require_coordinator(user: Any) -> None:
    require_disruption(user)
    if not is_coordinator(user):
        raise PermissionDenied(gettext("Only the modern slavery lead or community safety can do this."))


def may_see_flags(user: Any) -> bool:
    """Address flags can name a foster placement: only the owning council's coordinators see them."""
    return is_coordinator(user)
