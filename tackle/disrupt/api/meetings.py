"""/api/v1/meeting-actions and /api/v1/briefings: the multi-agency meeting's actions and the record that
a meeting was held, with the pages' rules: coordinators only, each listing audited (BRIEFINGS is
audited), an action recorded with the page's form and closed with what was done. The briefing pack
itself is read at /api/v1/briefings/pack (api/briefing.py)."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.audit.records import record_save
from tackle.core.access import BRIEFINGS
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.disrupt import services
from tackle.disrupt.access import require_coordinator
from tackle.disrupt.api.common import audit_list, by_uuid_fields, filters_of, organisation_of, own, user_of
from tackle.disrupt.briefing import briefing_pack
from tackle.disrupt.forms import ActionForm, CloseActionForm
from tackle.disrupt.models import Action
from tackle.disrupt.selectors import actions_visible_to

ACTION_FIELDS = ["title", "owner", "due_on", "operation"]


class MeetingActionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()
    owner = serializers.CharField(help_text="The person and agency who will do it")
    due_on = serializers.DateField()
    operation = serializers.UUIDField(source="operation.uuid", allow_null=True, default=None)
    created_at = serializers.DateTimeField()
    closed_at = serializers.DateTimeField(allow_null=True)
    closing_note = serializers.CharField()


class MeetingActionFilters(serializers.Serializer):
    closed = serializers.BooleanField(required=False, allow_null=True, default=None, help_text="Leave out for all")
    sort = sort_choice("due_on", "created_at", default="due_on")


class MeetingActionWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    owner = serializers.CharField(max_length=200, help_text="The person and agency who will do it")
    due_on = serializers.DateField()
    operation = serializers.UUIDField(required=False, allow_null=True, help_text="One of your operations")


class CloseSerializer(serializers.Serializer):
    closing_note = serializers.CharField(max_length=500, help_text="What was done")


class BriefingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    held_at = serializers.DateTimeField()
    covers_from = serializers.DateTimeField(help_text="The pack that meeting read began here")


@extend_schema(
    methods=["GET"],
    operation_id="meeting_actions_list",
    summary="The multi-agency meeting's actions",
    description="Coordinators only; every listing is audited.",
    parameters=[MeetingActionFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedMeetingActionList", MeetingActionSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record an action agreed at the meeting",
    description="Coordinators only; checked as the Record an action page.",
    request=MeetingActionWriteSerializer,
    responses={201: MeetingActionSerializer},
    examples=[
        OpenApiExample(
            "A visit",
            value={"title": "Revisit the car wash", "owner": "PC Jones, Police", "due_on": "2026-01-31"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def action_list(request: Request) -> Response:
    user = user_of(request)
    require_coordinator(user)
    if request.method == "POST":
        form = ActionForm(
            merged({}, body_or_400(MeetingActionWriteSerializer, request), ACTION_FIELDS),
            organisation=organisation_of(request),
        )
        by_uuid_fields(form, "operation")
        action = checked_by_form(form).save(commit=False)
        action.organisation, action.created_by = organisation_of(request), user
        record_save(actor=user, obj=action, request=request._request)
        return Response(MeetingActionSerializer(action).data, status=status.HTTP_201_CREATED)
    filters = filters_of(MeetingActionFilters, request)
    actions = actions_visible_to(user)
    if filters["closed"] is not None:
        actions = actions.filter(closed_at__isnull=not filters["closed"])
    response, count = one_page(
        request, sorted_by(actions, filters["sort"]), lambda page: MeetingActionSerializer(page, many=True).data
    )
    audit_list(request, "disrupt.action", count)
    return response


@extend_schema(
    summary="Close an action, saying what was done",
    description="Coordinators only, as the Close the action page; a closed action cannot be closed again (400).",
    request=CloseSerializer,
    responses={200: MeetingActionSerializer},
    examples=[OpenApiExample("Done", value={"closing_note": "Visited with the GLAA on 12 January"})],
)
@api_view(["POST"])
def action_close(request: Request, action_uuid: str) -> Response:
    user = user_of(request)
    require_coordinator(user)
    action = own(Action, request, action_uuid, BRIEFINGS)
    note = checked_by_form(CloseActionForm(merged({}, body_or_400(CloseSerializer, request), ["closing_note"])))
    services.action_close(actor=user, action=action, note=note.cleaned_data["closing_note"], request=request._request)
    return Response(MeetingActionSerializer(action).data)


@extend_schema(
    summary="Record that the meeting was held",
    description="Coordinators only, as the briefing page's Meeting held button: the next briefing pack starts "
    "from now.",
    request=None,
    responses={201: BriefingSerializer},
)
@api_view(["POST"])
def briefing_held(request: Request) -> Response:
    user = user_of(request)
    require_coordinator(user)
    pack = briefing_pack(user)
    briefing = services.briefing_hold(actor=user, covers_from=pack.since, request=request._request)
    return Response(BriefingSerializer(briefing).data, status=status.HTTP_201_CREATED)
