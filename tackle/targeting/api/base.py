"""What every targeting API operation shares: the user (roles that use disruption only), filters checked
by name, and the audit entry for a listing."""

from typing import Any, cast

from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.api_lists import query_or_400
from tackle.core.permissions import require_module
from tackle.core.roles import Module


def targeting_user(request: Request) -> User:
    user = cast(User, request.user)
    require_module(user, Module.DISRUPTION)
    return user


def checked_filters(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """A filter the list does not have is refused by name, so a misspelt one never answers everything."""
    unknown = sorted(set(request.query_params) - set(serializer_class().fields) - {"page"})
    if unknown:
        raise ValidationError({name: ["Not a filter of this list"] for name in unknown})
    return query_or_400(serializer_class, request)


def audit_list(request: Request, object_type: str, count: int) -> None:
    audit_record(action=AuditAction.LIST, request=request._request, object_type=object_type, note=f"API, {count}")
