"""/api/v1/action-plan/: the council's action plan with the pages' rules: the supply roles read its
periods and actions, the modern slavery lead adds and corrects periods, closes one (carrying its open
actions into a later one), adds actions, sets their status and records progress."""

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import (
    body_or_400,
    by_uuid,
    checked_by_form,
    merged,
    one_page,
    query_or_400,
    sort_choice,
    sorted_by,
)
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.statements.forms import (
    CUSTOM_DATES,
    ActionForm,
    ActionStatusForm,
    PeriodCloseForm,
    PeriodEditForm,
    PeriodForm,
    ProgressForm,
)
from tackle.statements.models import Action, ActionStatus, ActionUpdate, Area, StatementPeriod
from tackle.statements.selectors.statement import (
    actions_visible_to,
    get_action_for_user,
    get_period_for_user,
    overdue_actions,
    periods_visible_to,
    require_lead,
)
from tackle.statements.services import statement as services


class PeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = StatementPeriod
        fields = ["uuid", "label", "starts_on", "ends_on", "closed"]


class PeriodWriteSerializer(serializers.Serializer):
    year = serializers.IntegerField(
        required=False,
        help_text="The first calendar year of a financial year offered on the Add a period page (last year to "
        "two years ahead); leave out to give a label and dates of your own",
    )
    label = serializers.CharField(required=False, max_length=20, help_text="For other dates only")  # type: ignore[assignment]
    starts_on = PlausibleDateField(required=False, help_text="For other dates only")
    ends_on = PlausibleDateField(required=False, help_text="For other dates only")


class PeriodChangeSerializer(serializers.Serializer):
    label = serializers.CharField(required=False, max_length=20)  # type: ignore[assignment]
    starts_on = PlausibleDateField(required=False)
    ends_on = PlausibleDateField(required=False, help_text="After the start date")


class PeriodCloseSerializer(serializers.Serializer):
    next_period = serializers.UUIDField(help_text="A later period of the plan, which takes the open actions")


PERIOD_FIELDS = ["label", "starts_on", "ends_on"]


class ProgressSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True)

    class Meta:
        model = ActionUpdate
        fields = ["written_on", "what_was_done", "author"]


class PlanActionSerializer(serializers.ModelSerializer):
    period = serializers.UUIDField(source="period.uuid", read_only=True)
    owner = serializers.CharField(source="owner.username", read_only=True, allow_null=True, default=None)
    owner_label = serializers.CharField(read_only=True)
    carried_from = serializers.UUIDField(source="carried_from.uuid", read_only=True, allow_null=True, default=None)
    progress = ProgressSerializer(source="updates", many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "uuid", "period", "area", "title", "description", "owner", "owner_team", "owner_label", "starts_on",
            "due_on", "status", "carried_from", "progress",
        ]  # fmt: skip


class ActionFilters(serializers.Serializer):
    period = serializers.UUIDField(required=False, help_text="One period; every period when left out")
    area = serializers.ChoiceField(Area.choices, required=False)
    status = serializers.ChoiceField(ActionStatus.choices, required=False)
    overdue = serializers.BooleanField(required=False, default=False, help_text="Past due and not done or dropped")
    sort = sort_choice("due_on", "title", "area", default="due_on")


class ActionCreateSerializer(serializers.Serializer):
    period = serializers.UUIDField(help_text="An open period of the plan")
    area = serializers.ChoiceField(Area.choices)
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True)
    owner = serializers.CharField(required=False, allow_blank=True, help_text="The username of an active colleague")
    owner_team = serializers.CharField(required=False, allow_blank=True, max_length=120)
    starts_on = PlausibleDateField(required=False, allow_null=True)
    due_on = PlausibleDateField()


# The statuses an action may be given here; named in the schema by ENUM_NAME_OVERRIDES.
SETTABLE_ACTION_STATUSES = [(s.value, s.label) for s in ActionStatus if s != ActionStatus.CARRIED_OVER]


class ActionStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        SETTABLE_ACTION_STATUSES,
        help_text="Actions are carried over by closing the period, on its page",
    )


class ProgressWriteSerializer(serializers.Serializer):
    written_on = PlausibleDateField(required=False, help_text="Today when left out")
    what_was_done = serializers.CharField()


@extend_schema(
    methods=["GET"],
    operation_id="action_plan_periods_list",
    summary="The periods of your council's action plan",
    parameters=[PAGE_PARAMETER],
    responses=paginated("PaginatedPeriodList", PeriodSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a period",
    description="The modern slavery lead only, as the Add a period page: a financial year by its first "
    "calendar year, or a label with dates of the council's own. Labels are unique.",
    request=PeriodWriteSerializer,
    responses={201: PeriodSerializer},
    examples=[
        OpenApiExample("A financial year", value={"year": 2026}, request_only=True),
        OpenApiExample(
            "Dates of your own",
            value={"label": "2026 calendar", "starts_on": "2026-01-01", "ends_on": "2026-12-31"},
            request_only=True,
        ),
    ],
)
@api_view(["GET", "POST"])
def period_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        periods_visible_to(user)  # 403 for a role without the module, then for one that may not change it
        require_lead(user)
        incoming = body_or_400(PeriodWriteSerializer, request)
        given: dict[str, Any] = {"year": CUSTOM_DATES, **incoming}
        form = checked_by_form(PeriodForm(merged({}, given, ["year", *PERIOD_FIELDS]), today=timezone.localdate()))
        period = services.period_create(
            organisation=user.organisation, actor=user, request=request._request, **form.period_details()
        )
        return Response(PeriodSerializer(period).data, status=status.HTTP_201_CREATED)
    periods = periods_visible_to(user).order_by("starts_on", "pk")
    response, _count = one_page(request, periods, lambda page: PeriodSerializer(page, many=True).data)
    return response


@extend_schema(methods=["GET"], summary="One period of the action plan", responses=PeriodSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Correct a period's label or dates",
    description="The modern slavery lead only, as the Correct a period page; fields left out keep their value.",
    request=PeriodChangeSerializer,
    responses={200: PeriodSerializer},
    examples=[OpenApiExample("A new label", value={"label": "2026/27"}, request_only=True)],
)
@extend_schema(
    methods=["DELETE"],
    summary="Delete a period added by mistake",
    description="The modern slavery lead only, as the Delete page: a period with actions or statement versions "
    "(a published statement among them) is kept and answers 409 saying what it holds; correct its label or "
    "dates instead.",
    responses={
        204: OpenApiResponse(description="Deleted"),
        409: OpenApiResponse(description="The period has actions or statement versions, so it is kept"),
    },
)
@api_view(["GET", "PATCH", "DELETE"])
def period_detail(request: Request, plan_period_uuid: str) -> Response:
    user = api_user(request)
    if request.method == "DELETE":
        period = get_period_for_user(user, plan_period_uuid, to_change=True)
        # One with actions or statement versions: a ConflictError, answered 409 with the page's message.
        services.period_delete(period=period, actor=user, request=request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)
    if request.method == "PATCH":
        period = get_period_for_user(user, plan_period_uuid, to_change=True)
        incoming = body_or_400(PeriodChangeSerializer, request)
        data = checked_by_form(PeriodEditForm(merged(period, incoming, PERIOD_FIELDS))).cleaned_data
        period = services.period_update(period=period, actor=user, request=request._request, **data)
        return Response(PeriodSerializer(period).data)
    return Response(PeriodSerializer(get_period_for_user(user, plan_period_uuid)).data)


@extend_schema(
    summary="Close a period",
    description="The modern slavery lead only, as the Close page: every open action is carried into the later "
    "period named, as a new action linked to the old one. Answers the closed period.",
    request=PeriodCloseSerializer,
    responses={200: PeriodSerializer},
    examples=[
        OpenApiExample(
            "Into next year", value={"next_period": "7f1d2c9e-4d0a-4b8e-9a51-0c2f3e4d5a6b"}, request_only=True
        )
    ],
)
@api_view(["POST"])
def period_close(request: Request, plan_period_uuid: str) -> Response:
    user = api_user(request)
    period = get_period_for_user(user, plan_period_uuid, to_change=True)
    incoming = body_or_400(PeriodCloseSerializer, request)
    form = PeriodCloseForm(merged({}, incoming, ["next_period"]), period=period)
    form.fields["next_period"].to_field_name = "uuid"  # type: ignore[attr-defined]
    data = checked_by_form(form).cleaned_data
    services.period_close(period=period, actor=user, request=request._request, **data)
    period.refresh_from_db()
    return Response(PeriodSerializer(period).data)


@extend_schema(
    methods=["GET"],
    operation_id="action_plan_actions_list",
    summary="Actions of your council's action plan",
    description="Filtered as the action plan page shows them: by period, area, status, or overdue only.",
    parameters=[ActionFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedPlanActionList", PlanActionSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add an action",
    description="The modern slavery lead only, to an open period; checked as the Add an action page.",
    request=ActionCreateSerializer,
    responses={201: PlanActionSerializer},
    examples=[
        OpenApiExample(
            "Contract clauses",
            value={
                "period": "7f1d2c9e-4d0a-4b8e-9a51-0c2f3e4d5a6b",
                "area": "prevention",
                "title": "Add modern slavery clauses to contracts over 100,000 pounds",
                "owner_team": "Procurement",
                "due_on": "2026-12-31",
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def action_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        periods_visible_to(user)  # 403 for a role without the module, then for one that may not change it
        require_lead(user)
        given = body_or_400(ActionCreateSerializer, request)
        period = by_uuid(periods_visible_to(user), given.pop("period"), "period")
        form = ActionForm(merged({}, given, ActionForm.Meta.fields), organisation=user.organisation)
        form.fields["owner"].to_field_name = "username"  # type: ignore[attr-defined]
        data = checked_by_form(form).cleaned_data
        action = services.action_create(period=period, actor=user, request=request._request, **data)
        return Response(PlanActionSerializer(action).data, status=status.HTTP_201_CREATED)
    actions = actions_visible_to(user).select_related("carried_from").prefetch_related("updates__author")
    filters = query_or_400(ActionFilters, request)
    if filters.get("period"):
        actions = actions.filter(period__uuid=filters["period"])
    for name in ("area", "status"):
        if filters.get(name):
            actions = actions.filter(**{name: filters[name]})
    if filters["overdue"]:
        actions = overdue_actions(actions, timezone.localdate())
    response, _count = one_page(
        request, sorted_by(actions, filters["sort"]), lambda page: PlanActionSerializer(page, many=True).data
    )
    return response


@extend_schema(methods=["GET"], summary="One action with its progress", responses=PlanActionSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Set an action's status",
    description="The modern slavery lead only. A carried-over action is changed in the next period.",
    request=ActionStatusSerializer,
    responses={200: PlanActionSerializer},
    examples=[OpenApiExample("Done", value={"status": "done"}, request_only=True)],
)
@api_view(["GET", "PATCH"])
def action_detail(request: Request, plan_action_uuid: str) -> Response:
    user = api_user(request)
    if request.method == "PATCH":
        action = get_action_for_user(user, plan_action_uuid, to_change=True)
        incoming = body_or_400(ActionStatusSerializer, request)
        data = checked_by_form(ActionStatusForm(merged({}, incoming, ["status"]))).cleaned_data
        action = services.action_update_status(action=action, actor=user, request=request._request, **data)
        return Response(PlanActionSerializer(action).data)
    return Response(PlanActionSerializer(get_action_for_user(user, plan_action_uuid)).data)


@extend_schema(
    summary="Record progress on an action",
    description="The modern slavery lead only; a planned action moves to in progress.",
    request=ProgressWriteSerializer,
    responses={201: PlanActionSerializer},
    examples=[OpenApiExample("A note", value={"what_was_done": "Clauses drafted with legal"}, request_only=True)],
)
@api_view(["POST"])
def action_progress(request: Request, plan_action_uuid: str) -> Response:
    user = api_user(request)
    action = get_action_for_user(user, plan_action_uuid, to_change=True)
    incoming = body_or_400(ProgressWriteSerializer, request)
    given: dict[str, Any] = {"written_on": timezone.localdate(), **incoming}
    data = checked_by_form(ProgressForm(merged({}, given, ["written_on", "what_was_done"]))).cleaned_data
    services.action_progress_add(action=action, actor=user, request=request._request, **data)
    action.refresh_from_db()
    return Response(PlanActionSerializer(action).data, status=status.HTTP_201_CREATED)
