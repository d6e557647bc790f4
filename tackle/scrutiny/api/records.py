"""/api/v1/lead-arrangements and /api/v1/scrutiny-spending: the posts the council has held on modern
slavery and what it spent, the records FOI answers are drafted from. Officers only (the lead,
community safety, the records officer; councillors 403), as the Posts and roles and Spending pages:
through their forms and the services that save and delete them, audited as the pages."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import SCRUTINY_RECORDS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.periods import parse_financial_year
from tackle.scrutiny.forms import LeadArrangementForm, SpendForm
from tackle.scrutiny.models import LeadArrangement, Spend, SpendCategory
from tackle.scrutiny.selectors import (
    arrangements_filtered,
    arrangements_visible_to,
    spend_visible_to,
    spending_filtered,
)
from tackle.scrutiny.services import record_delete, record_save


def _money(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=12, decimal_places=2, **kwargs)


class LeadArrangementSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    post = serializers.CharField(source="lead_label", help_text="The lead's name where they have an account")
    lead_name = serializers.CharField(allow_blank=True, help_text="Post title or name")
    is_lead = serializers.BooleanField(help_text="The council's lead or single point of contact")
    team = serializers.CharField()
    covers_children = serializers.BooleanField()
    covers_adults = serializers.BooleanField()
    dedicated = serializers.BooleanField(help_text="Employed for this role, not on top of other duties")
    since = serializers.DateField()
    ended_on = serializers.DateField(allow_null=True, help_text="null: continuing")
    funding_source = serializers.CharField(allow_blank=True)
    amount_per_year = _money(allow_null=True, help_text="Pounds; null: not recorded")
    notes = serializers.CharField(allow_blank=True)


class LeadArrangementWriteSerializer(serializers.Serializer):
    lead_name = serializers.CharField(max_length=200, help_text="Post title")
    is_lead = serializers.BooleanField(required=False, help_text="Default true")
    team = serializers.CharField(max_length=200)
    covers_children = serializers.BooleanField(required=False, help_text="Default true")
    covers_adults = serializers.BooleanField(required=False, help_text="Default true; one of the two at least")
    dedicated = serializers.BooleanField(required=False, help_text="Default false")
    since = PlausibleDateField()
    ended_on = PlausibleDateField(required=False, allow_null=True, help_text="On or after since; null: continuing")
    funding_source = serializers.CharField(required=False, allow_blank=True, max_length=200)
    amount_per_year = _money(required=False, allow_null=True, min_value=0, help_text="Pounds")
    notes = serializers.CharField(required=False, allow_blank=True)


class LeadArrangementFilters(serializers.Serializer):
    is_lead = serializers.BooleanField(required=False, allow_null=True, default=None, help_text="Leads only, or others")
    current = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="true: held today; false: ended or not begun"
    )
    sort = sort_choice("since", "ended_on", default="-since")


class SpendingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    financial_year = serializers.CharField(help_text="As 2025-26")
    category = serializers.ChoiceField(SpendCategory.choices)
    category_label = serializers.CharField(source="get_category_display")
    amount = _money(help_text="Pounds")
    note = serializers.CharField(allow_blank=True)


class SpendingWriteSerializer(serializers.Serializer):
    financial_year = serializers.CharField(max_length=7, help_text="As 2025-26")
    category = serializers.ChoiceField(SpendCategory.choices)
    amount = _money(min_value=0, help_text="Pounds")
    note = serializers.CharField(required=False, allow_blank=True, max_length=300)


class SpendingFilters(serializers.Serializer):
    financial_year = serializers.CharField(required=False, max_length=7, help_text="As 2025-26")
    category = serializers.ChoiceField(SpendCategory.choices, required=False)
    sort = sort_choice("financial_year", "category", "amount", default="financial_year")

    def validate_financial_year(self, value: str) -> str:
        if parse_financial_year(value) is None:
            raise serializers.ValidationError("Give the financial year like 2025-26")
        return value.strip()


ARRANGEMENT_EXAMPLE = OpenApiExample(
    "A coordinator funded for three years",
    value={
        "lead_name": "Modern slavery coordinator",
        "team": "Community safety",
        "dedicated": True,
        "since": "2023-04-01",
        "ended_on": "2026-03-31",
        "funding_source": "Home Office grant",
        "amount_per_year": "42000.00",
    },
    request_only=True,
)
POST_READ_EXAMPLE = OpenApiExample(
    "A coordinator whose funding ended",
    value={
        "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "post": "Modern slavery coordinator",
        "lead_name": "Modern slavery coordinator",
        "is_lead": False,
        "team": "Community safety",
        "covers_children": True,
        "covers_adults": True,
        "dedicated": True,
        "since": "2023-04-01",
        "ended_on": "2026-03-31",
        "funding_source": "Home Office grant",
        "amount_per_year": "42000.00",
        "notes": "Trained taxi drivers and hotel staff; no casework",
    },
    response_only=True,
)
SPENDING_READ_EXAMPLE = OpenApiExample(
    "Emergency beds in 2025-26",
    value={
        "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "financial_year": "2025-26",
        "category": "emergency_accommodation",
        "category_label": "Emergency accommodation",
        "amount": "3200.00",
        "note": "Four nights, two people",
    },
    response_only=True,
)
SPENDING_EXAMPLE = OpenApiExample(
    "Emergency beds",
    value={"financial_year": "2025-26", "category": "emergency_accommodation", "amount": "3200.00"},
    request_only=True,
)


def _audit_list(request: Request, object_type: str, count: int) -> None:
    audit_record(action=AuditAction.LIST, request=request._request, object_type=object_type, note=f"API, {count}")


def _may_add(user: Any, object_type: str) -> None:
    """Officers only: 403 before the body is read (the service audits the record added)."""
    open_page_for_user(user, resource=SCRUTINY_RECORDS, action=Action.RECORD, object_type=object_type)


def _saved(request: Request, form: Any) -> Any:
    """Saved by the pages' service, which audits the change; 400 naming the field it refuses."""
    record_save(
        record=form.instance, actor=api_user(request), changed=list(form.changed_data), request=request._request
    )
    return form.instance


def _opened[M: LeadArrangement | Spend](request: Request, visible: QuerySet[M], record_uuid: str) -> M:
    """A read is audited by the door; a change or deletion by the service."""
    if request.method in ("PATCH", "DELETE"):
        return open_for_user(
            api_user(request), visible, resource=SCRUTINY_RECORDS, action=Action.CHANGE, uuid=record_uuid
        )
    return open_for_user(
        api_user(request), visible, resource=SCRUTINY_RECORDS, request=request._request, uuid=record_uuid
    )


def _deleted(request: Request, record: LeadArrangement | Spend) -> Response:
    record_delete(record=record, actor=api_user(request), request=request._request)
    return Response(status=status.HTTP_204_NO_CONTENT)


def _changed(request: Request, form_class: Any, write: type[serializers.Serializer], record: Any) -> Any:
    incoming = body_or_400(write, request, partial=True)
    initial = form_class(instance=record).initial
    return _saved(
        request, checked_by_form(form_class(merged(initial, incoming, form_class.Meta.fields), instance=record))
    )


@extend_schema(
    methods=["GET"],
    operation_id="lead_arrangement_list",
    summary="Posts and roles on modern slavery",
    description="Every post the council has held, ended ones too, latest first, as the Posts and roles page. "
    "Officers only. Every listing is audited.",
    parameters=[LeadArrangementFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedLeadArrangementList", LeadArrangementSerializer),
)
@extend_schema(
    methods=["POST"],
    operation_id="lead_arrangement_create",
    summary="Add a post or role",
    description="Officers only; checked as the page's form: a post title, children or adults or both, an end on "
    "or after the start.",
    request=LeadArrangementWriteSerializer,
    responses={201: LeadArrangementSerializer},
    examples=[ARRANGEMENT_EXAMPLE],
)
@api_view(["GET", "POST"])
def lead_arrangement_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        _may_add(user, "scrutiny.leadarrangement")
        incoming = body_or_400(LeadArrangementWriteSerializer, request)
        blank = LeadArrangementForm()  # its defaults: a lead, for children and adults, as the page's form starts
        defaults = {name: blank[name].initial for name in blank.fields}
        form = checked_by_form(LeadArrangementForm(merged(defaults, incoming, LeadArrangementForm.Meta.fields)))
        return Response(LeadArrangementSerializer(_saved(request, form)).data, status=status.HTTP_201_CREATED)
    filters = query_or_400(LeadArrangementFilters, request)
    chosen = arrangements_filtered(user, is_lead=filters.get("is_lead"), current=filters.get("current"))
    records = sorted_by(chosen, filters["sort"])
    response, count = one_page(request, records, lambda page: LeadArrangementSerializer(page, many=True).data)
    _audit_list(request, "scrutiny.leadarrangement", count)
    return response


@extend_schema(methods=["GET"], operation_id="lead_arrangement_read", summary="One post", description="Audited.",
               responses=LeadArrangementSerializer, examples=[POST_READ_EXAMPLE])  # fmt: skip
@extend_schema(
    methods=["PATCH"],
    operation_id="lead_arrangement_update",
    summary="Change a post",
    description="Officers only; any of the fields, checked as the page's form.",
    request=LeadArrangementWriteSerializer(partial=True),
    responses={200: LeadArrangementSerializer},
    examples=[OpenApiExample("Ended", value={"ended_on": "2026-03-31"}, request_only=True)],
)
@extend_schema(
    methods=["DELETE"],
    operation_id="lead_arrangement_delete",
    summary="Delete a post entered by mistake",
    description="Officers only, as the page's Delete link. A post that ended keeps its place with an end date "
    "(FOI answers describe ended posts). Audited.",
    responses={204: OpenApiResponse(description="Deleted")},
)
@api_view(["GET", "PATCH", "DELETE"])
def lead_arrangement_detail(request: Request, lead_arrangement_uuid: str) -> Response:
    record = _opened(request, arrangements_visible_to(api_user(request)), lead_arrangement_uuid)
    if request.method == "DELETE":
        return _deleted(request, record)
    if request.method == "PATCH":
        record = _changed(request, LeadArrangementForm, LeadArrangementWriteSerializer, record)
    return Response(LeadArrangementSerializer(record).data)


@extend_schema(
    methods=["GET"],
    operation_id="scrutiny_spending_list",
    summary="Spending on modern slavery",
    description="Money spent on identifying and supporting victims, by financial year and category, as the "
    "Spending page. Officers only. Every listing is audited.",
    parameters=[SpendingFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedScrutinySpendingList", SpendingSerializer),
)
@extend_schema(
    methods=["POST"],
    operation_id="scrutiny_spending_create",
    summary="Add spending",
    description="Officers only; checked as the page's form.",
    request=SpendingWriteSerializer,
    responses={201: SpendingSerializer},
    examples=[SPENDING_EXAMPLE],
)
@api_view(["GET", "POST"])
def spending_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        _may_add(user, "scrutiny.spend")
        incoming = body_or_400(SpendingWriteSerializer, request)
        form = checked_by_form(SpendForm(merged({}, incoming, SpendForm.Meta.fields)))
        return Response(SpendingSerializer(_saved(request, form)).data, status=status.HTTP_201_CREATED)
    filters = query_or_400(SpendingFilters, request)
    chosen = spending_filtered(
        user, financial_year=filters.get("financial_year", ""), category=filters.get("category", "")
    )
    records = sorted_by(chosen, filters["sort"])
    response, count = one_page(request, records, lambda page: SpendingSerializer(page, many=True).data)
    _audit_list(request, "scrutiny.spend", count)
    return response


@extend_schema(methods=["GET"], operation_id="scrutiny_spending_read", summary="One spending line",
               description="Audited.", responses=SpendingSerializer, examples=[SPENDING_READ_EXAMPLE])  # fmt: skip
@extend_schema(
    methods=["PATCH"],
    operation_id="scrutiny_spending_update",
    summary="Change a spending line",
    description="Officers only; any of the fields, checked as the page's form.",
    request=SpendingWriteSerializer(partial=True),
    responses={200: SpendingSerializer},
    examples=[OpenApiExample("Corrected", value={"amount": "3450.00"}, request_only=True)],
)
@extend_schema(
    methods=["DELETE"],
    operation_id="scrutiny_spending_delete",
    summary="Delete a spending line entered by mistake",
    description="Officers only, as the page's Delete link. Audited.",
    responses={204: OpenApiResponse(description="Deleted")},
)
@api_view(["GET", "PATCH", "DELETE"])
def spending_detail(request: Request, spending_uuid: str) -> Response:
    record = _opened(request, spend_visible_to(api_user(request)), spending_uuid)
    if request.method == "DELETE":
        return _deleted(request, record)
    if request.method == "PATCH":
        record = _changed(request, SpendForm, SpendingWriteSerializer, record)
    return Response(SpendingSerializer(record).data)
