"""Lists and writes in the API as the pages do them: filters checked by a serializer (a refused one
answers 400 naming it), one sort parameter from a fixed set, pages as PageNumberPagination cuts
them, and a page's own form run on what a client sent, so the API refuses what the page refuses."""

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist
from django.db.models import Model, QuerySet
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response


def sort_choice(*names: str, default: str) -> serializers.ChoiceField:
    """A filter serializer's `sort`: one of `names`, a leading `-` for descending."""
    return serializers.ChoiceField(
        choices=[*names, *(f"-{name}" for name in names)],
        default=default,
        help_text=f"Sort by one field; a leading - sorts descending. Default {default}.",
    )


def sorted_by[M: Model](queryset: QuerySet[M], sort: str) -> QuerySet[M]:
    # The primary key last: a page boundary between equal values is the same on every request.
    return queryset.order_by(sort, "-pk" if sort.startswith("-") else "pk")


def query_or_400(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    incoming = serializer_class(data=request.query_params)
    incoming.is_valid(raise_exception=True)
    return dict(incoming.validated_data)


def known_filters_or_400(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """As query_or_400, and a filter the list does not have is refused by name, so a misspelt one
    never answers everything."""
    unknown = sorted(set(request.query_params) - set(serializer_class().fields) - {"page"})
    if unknown:
        raise ValidationError({name: ["Not a filter of this list"] for name in unknown})
    return query_or_400(serializer_class, request)


def body_or_400(
    serializer_class: type[serializers.Serializer], request: Request, *, partial: bool = False
) -> dict[str, Any]:
    """What a client sent in the body, checked by `serializer_class`: a refused field answers 400
    naming it, as `is_valid(raise_exception=True)` does."""
    incoming = serializer_class(data=request.data, partial=partial)
    incoming.is_valid(raise_exception=True)
    return dict(incoming.validated_data)


def one_page(request: Request, rows: Any, render: Callable[[Any], Any]) -> tuple[Response, int]:
    """One page of `rows` as PageNumberPagination answers it, and how many rows there are in all."""
    paginator = PageNumberPagination()
    page: Any = paginator.paginate_queryset(rows, request)
    count = paginator.page.paginator.count if paginator.page is not None else 0
    return paginator.get_paginated_response(render(page)), count


def by_uuid[M: Model](visible: QuerySet[M], value: Any, field: str) -> M:
    """The record of `visible` a body names by uuid; 400 naming `field` when there is none."""
    try:
        return visible.get(uuid=value)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise ValidationError({field: ["No record you may use has this uuid"]}) from None


def _form_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list | tuple):
        return [_form_value(item) for item in value]
    return value


def merged(initial: Mapping[str, Any] | Model, incoming: Mapping[str, Any], fields: Iterable[str]) -> dict[str, Any]:
    """A form's data: the record's values (`initial`: the record itself, its values by name, or empty
    for a new one) with what the client sent over them, as a page's form reads them."""

    def recorded(name: str) -> Any:
        return getattr(initial, name) if isinstance(initial, Model) else initial.get(name)

    return {name: _form_value(incoming[name] if name in incoming else recorded(name)) for name in fields}


def checked_by_form[F: forms.BaseForm](form: F) -> F:
    """The form, valid; or 400 naming each refused field with the page's own message."""
    if not form.is_valid():
        raise ValidationError(
            {
                ("non_field_errors" if name == NON_FIELD_ERRORS else name): [str(error) for error in errors]
                for name, errors in form.errors.items()
            }
        )
    return form
