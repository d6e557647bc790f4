"""/api/v1/statement-readings/<uuid>/follow-ups: the follow-up actions raised from a reading, listed,
raised and marked as done as the reading page's Follow-up actions section, its Raise page and its
Mark as done page do (the same forms, owners and services)."""

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.core.access import STATEMENT_READINGS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.periods import today_in_london
from tackle.statement_reader import selectors
from tackle.statement_reader.forms import FollowUpCloseForm, FollowUpForm
from tackle.suppliers import services as supplier_services
from tackle.suppliers.selectors import statement_follow_ups

FOLLOW_UP_FIELDS = ["description", "owner", "due_on"]


class FollowUpSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reading = serializers.UUIDField(source="reading_uuid", help_text="The reading it was raised from")
    supplier = serializers.UUIDField(source="supplier.uuid", allow_null=True, default=None)
    description = serializers.CharField(help_text="What needs to be done")
    owner = serializers.CharField(source="owner.username")
    owner_name = serializers.CharField(source="owner.display_name")
    due_on = serializers.DateField()
    created_by = serializers.CharField(source="created_by.username")
    created_at = serializers.DateTimeField()
    closed_at = serializers.DateTimeField(allow_null=True, help_text="When it was marked as done; null while open")
    closed_by = serializers.CharField(source="closed_by.username", allow_null=True, default=None)
    outcome = serializers.CharField(help_text="What was done; empty while open")


class FollowUpWriteSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=300, help_text="What needs to be done")
    owner = serializers.CharField(help_text="The username of an active colleague who owns it")
    due_on = PlausibleDateField(help_text="Today or later")


class FollowUpCloseSerializer(serializers.Serializer):
    outcome = serializers.CharField(allow_blank=True, help_text="What was done: kept with the action and shown as done")


class FollowUpFilters(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=["open", "closed"], required=False, help_text="open: not yet done; closed: marked as done"
    )
    sort = sort_choice("due_on", "created_at", default="due_on")


def _reading(request: Request, reading_uuid: Any, action: Action) -> Any:
    """403 for a role without the statement reader or the action, 404 for another council's reading."""
    visible = selectors.readings_visible_to(request.user)
    return open_for_user(request.user, visible, resource=STATEMENT_READINGS, action=action, uuid=reading_uuid)


@extend_schema(
    methods=["GET"],
    operation_id="statement_reading_follow_ups_list",
    summary="Follow-up actions raised from a reading",
    description="As the reading page lists them: what, who owns it, by when; by due date unless sorted otherwise.",
    parameters=[FollowUpFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedFollowUpList", FollowUpSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Raise a follow-up action from a reading",
    description="As the reading's Raise a follow-up action page: the owner is an active colleague named by "
    "username, the due date today or later. It is listed on the reading and on the supplier's page.",
    request=FollowUpWriteSerializer,
    responses={201: FollowUpSerializer},
    examples=[
        OpenApiExample(
            "Ask about training",
            value={"description": "Ask how buyers are trained", "owner": "j.smith", "due_on": "2026-09-30"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def follow_ups(request: Request, reading_uuid: Any) -> Response:
    if request.method == "POST":
        reading = _reading(request, reading_uuid, Action.RECORD)
        form = FollowUpForm(
            merged({}, body_or_400(FollowUpWriteSerializer, request), FOLLOW_UP_FIELDS),
            people=selectors.follow_up_owners_for(request.user),
        )
        form.fields["owner"].to_field_name = "username"  # type: ignore[attr-defined]
        data = checked_by_form(form).cleaned_data
        raised = supplier_services.statement_follow_up_raise(
            actor=request.user,  # type: ignore[arg-type]
            reading_uuid=reading.uuid,
            supplier=reading.supplier,
            description=data["description"],
            owner=data["owner"],
            due_on=data["due_on"],
            today=today_in_london(),
        )
        return Response(FollowUpSerializer(raised).data, status=status.HTTP_201_CREATED)
    reading = _reading(request, reading_uuid, Action.VIEW)
    filters = query_or_400(FollowUpFilters, request)
    found = statement_follow_ups(
        organisation_id=reading.organisation_id, reading_uuid=reading.uuid, status=filters.get("status", "")
    )
    rows = sorted_by(found.select_related("supplier", "created_by"), filters["sort"])
    response, _count = one_page(request, rows, lambda page: FollowUpSerializer(page, many=True).data)
    return response


@extend_schema(
    operation_id="statement_reading_follow_up_close",
    summary="Mark a follow-up action as done",
    description="As its Mark as done page: what was done is needed; one already done is refused with 409. "
    "For those who may raise follow-ups (a write token with the statements module); audited.",
    request=FollowUpCloseSerializer,
    responses={
        200: FollowUpSerializer,
        409: OpenApiResponse(description="The follow-up action is already done"),
    },
    examples=[
        OpenApiExample(
            "Training plan received",
            value={"outcome": "The supplier sent its training plan for buyers"},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def follow_up_close(request: Request, reading_uuid: Any, follow_up_uuid: Any) -> Response:
    reading = _reading(request, reading_uuid, Action.RECORD)  # 404 or 403 before the body is read
    found = statement_follow_ups(organisation_id=reading.organisation_id, reading_uuid=reading.uuid)
    follow_up = get_object_or_404(found.select_related("supplier", "created_by"), uuid=follow_up_uuid)
    form = checked_by_form(FollowUpCloseForm(dict(body_or_400(FollowUpCloseSerializer, request))))
    done = supplier_services.statement_follow_up_close(  # already done: FollowUpAlreadyDone, answered 409
        actor=request.user,  # type: ignore[arg-type]
        follow_up=follow_up,
        outcome=form.cleaned_data["outcome"],
        request=request._request,
    )
    return Response(FollowUpSerializer(done).data)
