"""What every targeting API operation shares: the user (roles that use disruption only) and the audit
entry for a listing. Filters are checked by name with core's known_filters_or_400."""

from typing import cast

from rest_framework.request import Request

from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.permissions import require_module
from tackle.core.roles import Module


def targeting_user(request: Request) -> User:
    user = cast(User, request.user)
    require_module(user, Module.DISRUPTION)
    return user


def audit_list(request: Request, object_type: str, count: int) -> None:
    audit_record(action=AuditAction.LIST, request=request._request, object_type=object_type, note=f"API, {count}")
