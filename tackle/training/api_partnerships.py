"""/api/v1/partnership-groups/<uuid>/meetings, /api/v1/partnership-meetings and
/api/v1/partnership-actions: a partnership group's meetings, the actions agreed at them and their
closing, as the Partnership groups pages keep them: the partnership editors only (lead, administrator,
community safety), through the pages' forms and the service that closes an action. Meetings name who
attended and actions their owners, so a meeting read and every listing of actions is audited."""

from typing import Any

from django.db.models import Count, F, Q
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user
from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.core.access import PARTNERSHIP_GROUPS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.training import selectors, services
from tackle.training.access import require_partnership_editor
from tackle.training.api import _people
from tackle.training.forms import ActionForm, CloseActionForm, MeetingForm
from tackle.training.models import Meeting, MeetingAction


class PartnershipMeetingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    group = serializers.UUIDField(source="group.uuid")
    held_on = serializers.DateField()
    action_count = serializers.IntegerField()
    open_actions = serializers.IntegerField()


class PartnershipActionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    meeting = serializers.UUIDField(source="meeting.uuid")
    group = serializers.UUIDField(source="meeting.group.uuid")
    text = serializers.CharField()
    owner = serializers.CharField(source="owner.username", allow_null=True, default=None, help_text="A username")
    owner_name = serializers.CharField(help_text="The owner when not a Tackle user")
    due_on = serializers.DateField(allow_null=True)
    closed_on = serializers.DateField(allow_null=True, help_text="null: still open")


class PartnershipMeetingDetailSerializer(PartnershipMeetingSerializer):
    attendees = serializers.SerializerMethodField(help_text="Usernames of your organisation's staff who attended")
    other_attendees = serializers.CharField(help_text="People from partner organisations")
    minutes = serializers.CharField()
    actions = PartnershipActionSerializer(many=True)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_attendees(self, meeting: Any) -> list[str]:
        return [person.username for person in meeting.attendees.all()]


class PartnershipMeetingFilters(serializers.Serializer):
    held_from = PlausibleDateField(required=False, help_text="On or after this date")
    held_to = PlausibleDateField(required=False, help_text="On or before this date")
    sort = sort_choice("held_on", default="-held_on")


class PartnershipMeetingWriteSerializer(serializers.Serializer):
    held_on = PlausibleDateField()
    attendees = serializers.ListField(
        child=serializers.CharField(max_length=150), required=False, default=list, help_text="Usernames"
    )
    other_attendees = serializers.CharField(required=False, allow_blank=True, help_text="From partner organisations")
    minutes = serializers.CharField(required=False, allow_blank=True)


class PartnershipActionWriteSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="The action")
    owner = serializers.CharField(required=False, allow_blank=True, max_length=150, help_text="A username")
    owner_name = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="The owner when not a Tackle user"
    )
    due_on = PlausibleDateField(required=False, allow_null=True)


class PartnershipActionFilters(serializers.Serializer):
    closed = serializers.BooleanField(required=False, default=False, help_text="true: the closed ones instead")
    group = serializers.UUIDField(required=False, help_text="One group's actions")
    owner = serializers.CharField(required=False, max_length=150, help_text="A username")
    overdue = serializers.BooleanField(required=False, default=False, help_text="true: open and past their due date")
    sort = sort_choice("due_on", default="due_on")


class PartnershipActionCloseSerializer(serializers.Serializer):
    closed_on = PlausibleDateField(required=False, help_text="Today when left out")


def _meetings(user: User) -> Any:
    return (
        Meeting.objects.filter(group__in=selectors.groups_visible_to(user))
        .select_related("group")
        .annotate(
            action_count=Count("actions", distinct=True),
            open_actions=Count("actions", filter=Q(actions__closed_on__isnull=True), distinct=True),
        )
    )


def _actions(user: User) -> Any:
    return MeetingAction.objects.filter(meeting__group__in=selectors.groups_visible_to(user)).select_related(
        "meeting__group", "owner"
    )


def _by_due_date(actions: Any, sort: str) -> Any:
    """Actions without a due date last either way, on every database (SQLite puts nulls first)."""
    due_on = F("due_on").desc(nulls_last=True) if sort.startswith("-") else F("due_on").asc(nulls_last=True)
    return actions.order_by(due_on, "pk")


def _audit_list(request: Request, count: int) -> None:
    note = f"API, {count}"
    audit_record(action=AuditAction.LIST, request=request._request, object_type="training.meetingaction", note=note)


def _meeting_json(user: User, meeting_pk: int) -> dict[str, Any]:
    meeting = _meetings(user).prefetch_related("attendees", "actions__owner").get(pk=meeting_pk)
    return dict(PartnershipMeetingDetailSerializer(meeting).data)


@extend_schema(
    methods=["GET"],
    operation_id="partnership_group_meeting_list",
    summary="A partnership group's meetings",
    description="The partnership editors, as the group's page: dates and action counts, never names.",
    parameters=[PartnershipMeetingFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedPartnershipMeetingList", PartnershipMeetingSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record a meeting",
    description="The partnership editors; checked as the Record a meeting page. Attendees are usernames of "
    "your organisation's staff; others go in other_attendees.",
    request=PartnershipMeetingWriteSerializer,
    responses={201: PartnershipMeetingDetailSerializer},
    examples=[
        OpenApiExample(
            "Quarterly",
            value={"held_on": "2026-01-15", "attendees": ["a.khan"], "other_attendees": "DS Patel, Police"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def meeting_list(request: Request, group_uuid: str) -> Response:
    user = api_user(request)
    require_partnership_editor(user)
    visible = selectors.groups_visible_to(user)
    if request.method == "POST":
        group = open_for_user(user, visible, resource=PARTNERSHIP_GROUPS, action=Action.RECORD, uuid=group_uuid)
        values = body_or_400(PartnershipMeetingWriteSerializer, request)
        values["attendees"] = _people(request, values["attendees"], "attendees")
        assert user.organisation is not None
        form = checked_by_form(
            MeetingForm(
                merged({}, values, MeetingForm.Meta.fields),
                organisation=user.organisation,
                instance=Meeting(group=group),
            )
        )
        meeting = record_save(
            actor=user,
            obj=form.save(commit=False),
            m2m={"attendees": form.cleaned_data["attendees"]},
            request=request._request,
        )
        return Response(_meeting_json(user, meeting.pk), status=status.HTTP_201_CREATED)
    group = open_for_user(user, visible, resource=PARTNERSHIP_GROUPS, uuid=group_uuid)
    filters = query_or_400(PartnershipMeetingFilters, request)
    meetings = _meetings(user).filter(group=group)
    for name, lookup in (("held_from", "held_on__gte"), ("held_to", "held_on__lte")):
        if filters.get(name):
            meetings = meetings.filter(**{lookup: filters[name]})
    response, _count = one_page(
        request, sorted_by(meetings, filters["sort"]), lambda page: PartnershipMeetingSerializer(page, many=True).data
    )
    return response


@extend_schema(
    operation_id="partnership_meeting_read",
    summary="One meeting, with who attended, its minutes and actions",
    description="The partnership editors. Names people: audited.",
    responses=PartnershipMeetingDetailSerializer,
)
@api_view(["GET"])
def meeting_detail(request: Request, meeting_uuid: str) -> Response:
    user = api_user(request)
    require_partnership_editor(user)
    meeting = open_for_user(
        user, _meetings(user), resource=PARTNERSHIP_GROUPS, request=request._request, uuid=meeting_uuid
    )
    return Response(_meeting_json(user, meeting.pk))


@extend_schema(
    methods=["GET"],
    operation_id="partnership_meeting_action_list",
    summary="The actions agreed at a meeting",
    description="The partnership editors. Names their owners: every listing is audited.",
    parameters=[PAGE_PARAMETER],
    responses=paginated("PaginatedPartnershipActionList", PartnershipActionSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add an action to a meeting",
    description="The partnership editors; checked as the Add an action page. The owner is a username of your "
    "organisation, or a name in owner_name for someone outside Tackle.",
    request=PartnershipActionWriteSerializer,
    responses={201: PartnershipActionSerializer},
    examples=[
        OpenApiExample(
            "Taxi drivers",
            value={"text": "Brief taxi drivers on the signs", "owner": "a.khan", "due_on": "2026-03-01"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def meeting_action_list(request: Request, meeting_uuid: str) -> Response:
    user = api_user(request)
    require_partnership_editor(user)
    if request.method == "POST":
        meeting = open_for_user(
            user, _meetings(user), resource=PARTNERSHIP_GROUPS, action=Action.RECORD, uuid=meeting_uuid
        )
        values = body_or_400(PartnershipActionWriteSerializer, request)
        if values.get("owner"):
            values["owner"] = _people(request, [values["owner"]], "owner")[0]
        assert user.organisation is not None
        form = ActionForm(
            merged({}, values, ActionForm.Meta.fields),
            organisation=user.organisation,
            instance=MeetingAction(meeting=meeting),
        )
        action = record_save(actor=user, obj=checked_by_form(form).save(commit=False), request=request._request)
        return Response(PartnershipActionSerializer(action).data, status=status.HTTP_201_CREATED)
    meeting = open_for_user(user, _meetings(user), resource=PARTNERSHIP_GROUPS, uuid=meeting_uuid)
    actions = _by_due_date(_actions(user).filter(meeting=meeting), "due_on")
    response, count = one_page(request, actions, lambda page: PartnershipActionSerializer(page, many=True).data)
    _audit_list(request, count)
    return response


@extend_schema(
    operation_id="partnership_action_list",
    summary="Every group's actions, open ones by default",
    description="The partnership editors, as the open actions on the Partnership groups page, filtered as its "
    "download is. Names their owners: every listing is audited.",
    parameters=[PartnershipActionFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedPartnershipOpenActionList", PartnershipActionSerializer),
)
@api_view(["GET"])
def action_list(request: Request) -> Response:
    user = api_user(request)
    require_partnership_editor(user)
    filters = query_or_400(PartnershipActionFilters, request)
    actions = _actions(user).filter(closed_on__isnull=not filters["closed"])
    if filters.get("group"):
        actions = actions.filter(meeting__group__uuid=filters["group"])
    if filters.get("owner"):
        actions = actions.filter(owner__username=filters["owner"])
    if filters["overdue"]:
        actions = actions.filter(closed_on__isnull=True, due_on__lt=timezone.localdate())
    response, count = one_page(
        request, _by_due_date(actions, filters["sort"]), lambda page: PartnershipActionSerializer(page, many=True).data
    )
    _audit_list(request, count)
    return response


@extend_schema(
    operation_id="partnership_action_read",
    summary="One action",
    description="The partnership editors. Names its owner: audited.",
    responses=PartnershipActionSerializer,
)
@api_view(["GET"])
def action_detail(request: Request, meeting_action_uuid: str) -> Response:
    user = api_user(request)
    require_partnership_editor(user)
    action = open_for_user(
        user, _actions(user), resource=PARTNERSHIP_GROUPS, request=request._request, uuid=meeting_action_uuid
    )
    return Response(PartnershipActionSerializer(action).data)


@extend_schema(
    summary="Close an action",
    description="The partnership editors, as the Close the action page: on or after the meeting's date; an "
    "action already closed cannot be closed again (400).",
    request=PartnershipActionCloseSerializer,
    responses={200: PartnershipActionSerializer},
    examples=[OpenApiExample("Done", value={"closed_on": "2026-02-20"}, request_only=True)],
)
@api_view(["POST"])
def action_close(request: Request, meeting_action_uuid: str) -> Response:
    user = api_user(request)
    require_partnership_editor(user)
    action = open_for_user(
        user, _actions(user), resource=PARTNERSHIP_GROUPS, action=Action.CHANGE, uuid=meeting_action_uuid
    )
    values = body_or_400(PartnershipActionCloseSerializer, request)
    values.setdefault("closed_on", timezone.localdate())
    form = checked_by_form(CloseActionForm(merged({}, values, ["closed_on"])))
    services.meeting_action_close(actor=user, action=action, closed_on=form.cleaned_data["closed_on"])
    return Response(PartnershipActionSerializer(action).data)
