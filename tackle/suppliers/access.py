"""Who may do what in supply chains (see docs/suppliers.md).

Everyone with the module (modern slavery lead, procurement officers, contract managers) keeps the
supplier register and manages contracts. Tender checks and clarifications are procurement's own.
"""

from typing import Any

from django.core.exceptions import PermissionDenied

from tackle.core.access import TENDER_ROLES
from tackle.core.permissions import require_module
from tackle.core.roles import Module


def require_suppliers(user: Any) -> None:
    require_module(user, Module.SUPPLIERS)


def may_check_tenders(user: Any) -> bool:
    return user.is_authenticated and user.role in TENDER_ROLES


def require_tenders(user: Any) -> None:
    require_suppliers(user)
    if not may_check_tenders(user):
        raise PermissionDenied("Only procurement officers and the modern slavery lead can check tenders.")
