"""What the disruption endpoints share: who asks, their own records to change, filters refused by
name, related records named by uuid, and the audit of a listing."""

from typing import Any, cast

from django import forms
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

from tackle.accounts.door import open_for_user
from tackle.accounts.models import Organisation, User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import Action, Resource
from tackle.core.api_lists import query_or_400


def user_of(request: Request) -> User:
    return cast(User, request.user)


def own(model: type[Any], request: Request, record_uuid: Any, resource: Resource) -> Any:
    """A record the user's organisation owns, to change: anyone else's is not found (as the pages)."""
    owned = model._default_manager.filter(organisation_id=user_of(request).organisation_id)
    return open_for_user(user_of(request), owned, resource=resource, action=Action.CHANGE, uuid=record_uuid)


def filters_of(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """The list's filters; one it does not have is refused by name rather than ignored, so that a
    misspelt filter never answers every record."""
    unknown = sorted(set(request.query_params) - set(serializer_class().fields) - {"page"})
    if unknown:
        raise ValidationError({name: ["Not a filter of this list"] for name in unknown})
    return query_or_400(serializer_class, request)


def organisation_of(request: Request) -> Organisation:
    organisation = user_of(request).organisation
    assert organisation is not None  # require_disruption has checked the user belongs to one
    return organisation


def by_uuid_fields(form: forms.BaseForm, *names: str) -> None:
    """Related records are named by their uuid in the API, never by a database id."""
    for name in names:
        field = form.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        field.to_field_name = "uuid"


def uuids(records: Any) -> list[str]:
    return [str(record.uuid) for record in records]


def audit_list(request: Request, object_type: str, count: int) -> None:
    audit_record(action=AuditAction.LIST, request=request._request, object_type=object_type, note=f"API, {count}")
