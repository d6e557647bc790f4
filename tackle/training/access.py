"""Who may do what in training, awareness and partnerships (see docs/training.md)."""

from typing import Any

from django.core.exceptions import PermissionDenied

from tackle.core.access import PARTNERSHIP_ROLES, TRAINING_ADMIN_ROLES
from tackle.core.permissions import require_module
from tackle.core.roles import Module

# TRAINING_ADMIN_ROLES set up courses, requirements and teams, enter or import completions and
# record sessions; PARTNERSHIP_ROLES run awareness campaigns, the directory and partnership groups.


def is_training_admin(user: Any) -> bool:
    return user.role in TRAINING_ADMIN_ROLES


def is_partnership_editor(user: Any) -> bool:
    return user.role in PARTNERSHIP_ROLES


def require_training(user: Any) -> None:
    require_module(user, Module.TRAINING)


def require_training_admin(user: Any) -> None:
    require_training(user)
    if not is_training_admin(user):
        raise PermissionDenied("Only the modern slavery lead or an administrator can do this.")


def require_partnership_editor(user: Any) -> None:
    require_training(user)
    if not is_partnership_editor(user):
        raise PermissionDenied("Only the modern slavery lead, community safety or an administrator can do this.")


def is_manager(user: Any) -> bool:
    return is_training_admin(user) or user.managed_teams.exists()
