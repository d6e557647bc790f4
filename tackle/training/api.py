"""/api/v1/training/: courses, completions and sessions, for a council's learning system, with the
pages' rules. Everyone with training reads the courses; the lead and administrators (TRAINING_RECORDS)
keep the records. Completions and a session's attendees name people: every list or record of them
answered is audited. A body is checked by the page's own form and saved by the page's service."""

from typing import Any, cast

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.core.access import (
    PARTNERSHIP_GROUPS,
    PARTNERSHIPS,
    TRAINING,
    TRAINING_RECORDS,
    TRAINING_REQUIREMENTS,
    Action,
)
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.columns import parse_map
from tackle.core.roles import Role
from tackle.core.uploads import read_table
from tackle.training import selectors, services
from tackle.training.access import (
    is_manager,
    is_training_admin,
    require_partnership_editor,
    require_training,
    require_training_admin,
)
from tackle.training.forms import (
    CampaignForm,
    CompletionForm,
    CourseForm,
    GroupForm,
    ImportForm,
    RequirementForm,
    SessionForm,
    TeamForm,
)
from tackle.training.models import CompletionSource, CourseFormat, CourseTopic, GroupLevel, MaterialKind
from tackle.training.rules.compliance import Status
from tackle.training.services import ColumnsToConfirm


def _audit_list(request: Request, object_type: str, count: int) -> None:
    audit_record(action=AuditAction.LIST, request=request._request, object_type=object_type, note=f"API, {count}")


class CourseSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    code = serializers.CharField(help_text="The code a learning system uses, for example MS-101")
    title = serializers.CharField()
    provider = serializers.CharField()
    format = serializers.ChoiceField(CourseFormat.choices)
    length_minutes = serializers.IntegerField(allow_null=True)
    validity_months = serializers.IntegerField(allow_null=True, help_text="null: a completion never expires")


class CourseFilters(serializers.Serializer):
    format = serializers.ChoiceField(CourseFormat.choices, required=False)
    sort = sort_choice("title", "code", default="title")


class CourseWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    code = serializers.CharField(max_length=30)
    provider = serializers.CharField(required=False, allow_blank=True, max_length=200)
    format = serializers.ChoiceField(CourseFormat.choices)
    length_minutes = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    validity_months = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class CompletionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    username = serializers.CharField(source="user.username")
    name = serializers.CharField(source="user.display_name")
    course = serializers.UUIDField(source="course.uuid")
    course_code = serializers.CharField(source="course.code")
    completed_on = serializers.DateField()
    expires_on = serializers.DateField(allow_null=True, help_text="From the course's validity; null: never")
    source = serializers.ChoiceField(CompletionSource.choices)  # type: ignore[assignment]  # stubs: Field.source
    recorded_at = serializers.DateTimeField()


class CompletionFilters(serializers.Serializer):
    course = serializers.UUIDField(required=False)
    username = serializers.CharField(required=False, max_length=150)
    source = serializers.ChoiceField(CompletionSource.choices, required=False)  # type: ignore[assignment]
    completed_from = PlausibleDateField(required=False, help_text="On or after this date")
    completed_to = PlausibleDateField(required=False, help_text="On or before this date")
    sort = sort_choice("completed_on", "recorded_at", default="-completed_on")


class CompletionWriteSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, help_text="The person, in your organisation")
    course = serializers.UUIDField(help_text="One of your organisation's courses")
    completed_on = PlausibleDateField(help_text="Today or in the past")


class SessionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    course = serializers.UUIDField(source="course.uuid")
    course_title = serializers.CharField(source="course.title")
    held_on = serializers.DateField()
    multi_agency = serializers.BooleanField()
    attendee_count = serializers.IntegerField(help_text="Everyone, from any organisation")
    external_attendee_count = serializers.IntegerField(help_text="Of whom from other organisations")
    attendees = serializers.SerializerMethodField(help_text="Usernames of your organisation's staff who attended")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_attendees(self, session: Any) -> list[str]:
        return [person.username for person in session.attendees.all()]


class SessionFilters(serializers.Serializer):
    course = serializers.UUIDField(required=False)
    held_from = PlausibleDateField(required=False)
    held_to = PlausibleDateField(required=False)
    sort = sort_choice("held_on", default="-held_on")


class SessionWriteSerializer(serializers.Serializer):
    course = serializers.UUIDField()
    held_on = PlausibleDateField()
    multi_agency = serializers.BooleanField(required=False, default=False)
    attendee_count = serializers.IntegerField(min_value=0)
    external_attendee_count = serializers.IntegerField(required=False, default=0, min_value=0)
    attendees = serializers.ListField(
        child=serializers.CharField(max_length=150), required=False, default=list, help_text="Usernames"
    )


COMPLETION_EXAMPLE = OpenApiExample(
    "From a learning system",
    value={"username": "a.khan", "course": "3f9c1d52-6a43-4a57-9a0e-2b8f0f6f3c11", "completed_on": "2025-06-30"},
    request_only=True,
)


def _course_pk(request: Request, course_uuid: Any) -> int:
    course = selectors.courses_visible_to(api_user(request)).filter(uuid=course_uuid).first()
    if course is None:
        raise ValidationError({"course": ["Select one of your organisation's courses"]})
    return course.pk


def _people(request: Request, usernames: list[str], field: str) -> list[int]:
    user = api_user(request)
    found = dict(
        User.objects.filter(organisation=user.organisation, is_active=True, username__in=usernames).values_list(
            "username", "pk"
        )
    )
    unknown = [name for name in usernames if name not in found]
    if unknown:
        raise ValidationError({field: [f"No one active in your organisation has the username {unknown[0]}"]})
    return [found[name] for name in usernames]


@extend_schema(
    methods=["GET"],
    summary="Training courses",
    parameters=[CourseFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedCourseList", CourseSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a course",
    description="The modern slavery lead or an administrator; checked as the Add a course page.",
    request=CourseWriteSerializer,
    responses={201: CourseSerializer},
)
@api_view(["GET", "POST"])
def course_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=TRAINING_RECORDS, action=Action.RECORD, object_type="training.course")
        incoming = body_or_400(CourseWriteSerializer, request)
        assert user.organisation is not None
        form = CourseForm(merged({}, incoming, CourseForm.Meta.fields), organisation=user.organisation)
        course = record_save(actor=user, obj=checked_by_form(form).save(commit=False), request=request._request)
        return Response(CourseSerializer(course).data, status=status.HTTP_201_CREATED)
    open_page_for_user(user, resource=TRAINING, object_type="training.course")
    filters = query_or_400(CourseFilters, request)
    courses = selectors.courses_visible_to(user)
    if filters.get("format"):
        courses = courses.filter(format=filters["format"])
    response, _count = one_page(
        request, sorted_by(courses, filters["sort"]), lambda page: CourseSerializer(page, many=True).data
    )
    return response


@extend_schema(
    methods=["GET"],
    summary="Everyone's completions",
    description="The modern slavery lead or an administrator. Names people: every listing is audited.",
    parameters=[CompletionFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedCompletionList", CompletionSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record a completion",
    description="As the Record a completion page: the person and course of your organisation, a date not in the "
    "future, not already recorded. Its expiry follows the course's validity.",
    request=CompletionWriteSerializer,
    responses={201: CompletionSerializer},
    examples=[COMPLETION_EXAMPLE],
)
@api_view(["GET", "POST"])
def completion_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=TRAINING_RECORDS, action=Action.RECORD, object_type="training.completion")
        values = body_or_400(CompletionWriteSerializer, request)
        data = {
            "user": _people(request, [values["username"]], "username")[0],
            "course": _course_pk(request, values["course"]),
            "completed_on": values["completed_on"].isoformat(),
        }
        assert user.organisation is not None
        try:
            cleaned = checked_by_form(CompletionForm(data, organisation=user.organisation)).cleaned_data
        except ValidationError as error:  # the page's form names the person `user`; the API `username`
            detail = cast(dict[str, Any], error.detail)
            raise ValidationError(
                {"username" if name == "user" else name: text for name, text in detail.items()}
            ) from None
        completion = services.completion_record(
            actor=user, user=cleaned["user"], course=cleaned["course"], completed_on=cleaned["completed_on"]
        )
        return Response(CompletionSerializer(completion).data, status=status.HTTP_201_CREATED)
    open_page_for_user(user, resource=TRAINING_RECORDS, object_type="training.completion")
    filters = query_or_400(CompletionFilters, request)
    completions = selectors.completions_visible_to(user)
    for name, lookup in (
        ("course", "course__uuid"),
        ("username", "user__username"),
        ("source", "source"),
        ("completed_from", "completed_on__gte"),
        ("completed_to", "completed_on__lte"),
    ):
        if filters.get(name):
            completions = completions.filter(**{lookup: filters[name]})
    response, count = one_page(
        request, sorted_by(completions, filters["sort"]), lambda page: CompletionSerializer(page, many=True).data
    )
    _audit_list(request, "training.completion", count)
    return response


@extend_schema(
    methods=["GET"],
    summary="Training sessions held",
    operation_id="training_session_list",
    description="The modern slavery lead or an administrator. Names the staff who attended: every listing is audited.",
    parameters=[SessionFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedSessionList", SessionSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record a session",
    description="As the Record a session page: each of your organisation's attendees gets a completion of the "
    "course on the day held.",
    request=SessionWriteSerializer,
    responses={201: SessionSerializer},
)
@api_view(["GET", "POST"])
def session_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=TRAINING_RECORDS, action=Action.RECORD, object_type="training.session")
        values = body_or_400(SessionWriteSerializer, request)
        values["course"] = _course_pk(request, values["course"])
        values["attendees"] = _people(request, values["attendees"], "attendees")
        assert user.organisation is not None
        form = checked_by_form(SessionForm(merged({}, values, SessionForm.Meta.fields), organisation=user.organisation))
        session = services.session_record(
            actor=user, session=form.save(commit=False), attendees=list(form.cleaned_data["attendees"])
        )
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)
    open_page_for_user(user, resource=TRAINING_RECORDS, object_type="training.session")
    filters = query_or_400(SessionFilters, request)
    sessions = selectors.sessions_visible_to(user).prefetch_related("attendees")
    for name, lookup in (("course", "course__uuid"), ("held_from", "held_on__gte"), ("held_to", "held_on__lte")):
        if filters.get(name):
            sessions = sessions.filter(**{lookup: filters[name]})
    response, count = one_page(
        request, sorted_by(sessions, filters["sort"]), lambda page: SessionSerializer(page, many=True).data
    )
    _audit_list(request, "training.session", count)
    return response


@extend_schema(summary="One session, with who attended", responses=SessionSerializer)
@api_view(["GET"])
def session_detail(request: Request, session_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.sessions_visible_to(user)
    session = open_for_user(user, visible, resource=TRAINING_RECORDS, uuid=session_uuid)
    audit_record(action=AuditAction.VIEW, request=request._request, obj=session, note="API: the session's attendees")
    return Response(SessionSerializer(session).data)


# A course in full, requirements, teams and importing completions ------------------------------------


class CourseSessionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    held_on = serializers.DateField()
    multi_agency = serializers.BooleanField()
    attendee_count = serializers.IntegerField()


class CourseDetailSerializer(CourseSerializer):
    topics = serializers.ListField(child=serializers.ChoiceField(CourseTopic.choices))
    sessions = CourseSessionSerializer(many=True, help_text="Sessions held, latest first; counts, never names")


@extend_schema(
    operation_id="training_course_read",
    summary="One course, with what it covers and its sessions",
    responses=CourseDetailSerializer,
)
@api_view(["GET"])
def course_detail(request: Request, course_uuid: str) -> Response:
    user = api_user(request)
    course = open_for_user(user, selectors.courses_visible_to(user), resource=TRAINING, uuid=course_uuid)
    sessions = selectors.sessions_visible_to(user).filter(course=course).order_by("-held_on", "-pk")
    sessions_data = CourseSessionSerializer(sessions, many=True).data
    return Response({**CourseSerializer(course).data, "topics": course.topics, "sessions": sessions_data})


class CompletionImportSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV, XLSX or ODS; the row naming the columns may follow title lines")
    map = serializers.ListField(
        child=serializers.CharField(max_length=200),
        required=False,
        default=list,
        help_text=f"FIELD=HEADER, naming the file's column for a field ({', '.join(services.COLUMN_LABELS)})",
    )
    accept_guesses = serializers.BooleanField(
        required=False, default=False, help_text="Take columns guessed from unfamiliar headers (else 400)"
    )


class ImportRejectSerializer(serializers.Serializer):
    line = serializers.IntegerField(help_text="The file's line, counting from 1")
    reason = serializers.CharField()


class ImportColumnSerializer(serializers.Serializer):
    field = serializers.CharField()
    header = serializers.CharField(help_text="The file's column used; empty when none")
    guessed = serializers.BooleanField()


class CompletionImportResultSerializer(serializers.Serializer):
    saved = serializers.IntegerField()
    rejects = ImportRejectSerializer(many=True)
    columns = ImportColumnSerializer(many=True)


@extend_schema(
    summary="Import completions from a learning system's file",
    description="Multipart, as the Import completions page, through the shared table reader: every good line "
    "is saved and each refused one named with its line number. A column guessed from an unfamiliar header, or "
    "one missing, is refused (400 naming file, with the columns found) unless accept_guesses or map says which.",
    request={"multipart/form-data": CompletionImportSerializer},
    responses={200: CompletionImportResultSerializer},
)
@api_view(["POST"])
def completion_import(request: Request) -> Response:
    user = api_user(request)
    require_training_admin(user)
    open_page_for_user(user, resource=TRAINING_RECORDS, action=Action.RECORD, object_type="training.completion")
    incoming = body_or_400(CompletionImportSerializer, request)
    checked_by_form(ImportForm({}, {"file": incoming["file"]}))
    data = incoming["file"].read(services.MAX_IMPORT_BYTES + 1)
    columns = None
    if incoming["map"]:
        header = read_table(data, max_bytes=services.MAX_IMPORT_BYTES, vocabulary=services.COLUMN_NAMES).header
        try:
            columns = parse_map(incoming["map"], header, services.COLUMN_LABELS)
        except ValueError as error:
            raise ValidationError({"map": [str(error).removeprefix("--map ")]}) from None
    assert user.organisation is not None
    try:
        result = services.completions_import(
            organisation=user.organisation,
            actor=user,
            data=data,
            today=timezone.localdate(),
            columns=columns,
            accept_guesses=incoming["accept_guesses"],
        )
    except ColumnsToConfirm as error:
        found = [{"field": c.field, "header": c.header, "guessed": c.guessed} for c in error.choices]
        refused: dict[str, Any] = {"file": [error.message], "columns": found}
        raise ValidationError(refused) from None
    columns_used = [{"field": c.field, "header": c.header, "guessed": c.guessed} for c in result.columns]
    answer = {"saved": result.saved, "rejects": result.rejects, "columns": columns_used}
    return Response(CompletionImportResultSerializer(answer).data)


class RequirementSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    course = serializers.UUIDField(source="course.uuid")
    course_title = serializers.CharField(source="course.title")
    role = serializers.ChoiceField([("", "Any role"), *Role.choices], help_text="Empty: any role")
    team = serializers.UUIDField(source="team.uuid", allow_null=True, default=None, help_text="null: any team")
    every_months = serializers.IntegerField()


class RequirementWriteSerializer(serializers.Serializer):
    course = serializers.UUIDField(help_text="One of your organisation's courses")
    role = serializers.ChoiceField(Role.choices, required=False, allow_blank=True, help_text="Leave out for any")
    team = serializers.UUIDField(required=False, allow_null=True, help_text="One of your teams; leave out for any")
    every_months = serializers.IntegerField(required=False, default=12, min_value=1, max_value=1200)


@extend_schema(
    methods=["GET"],
    operation_id="training_requirement_list",
    summary="Who must complete which course, and how often",
    parameters=[PAGE_PARAMETER],
    responses=paginated("PaginatedRequirementList", RequirementSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a requirement",
    description="The modern slavery lead or an administrator; checked as the Add a requirement page. A role and "
    "a team both given: a person must match both.",
    request=RequirementWriteSerializer,
    responses={201: RequirementSerializer},
    examples=[
        OpenApiExample(
            "Buyers yearly",
            value={"course": "3f9c1d52-6a43-4a57-9a0e-2b8f0f6f3c11", "role": "procurement_officer", "every_months": 12},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def requirement_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        require_training_admin(user)
        open_page_for_user(
            user, resource=TRAINING_REQUIREMENTS, action=Action.RECORD, object_type="training.requirement"
        )
        values = body_or_400(RequirementWriteSerializer, request)
        values["course"] = _course_pk(request, values["course"])
        if values.get("team"):
            values["team"] = _team_pk(request, values["team"])
        assert user.organisation is not None
        form = RequirementForm(merged({}, values, RequirementForm.Meta.fields), organisation=user.organisation)
        requirement = record_save(actor=user, obj=checked_by_form(form).save(commit=False), request=request._request)
        return Response(RequirementSerializer(requirement).data, status=status.HTTP_201_CREATED)
    open_page_for_user(user, resource=TRAINING_REQUIREMENTS, object_type="training.requirement")
    requirements = selectors.requirements_visible_to(user).order_by("course__title", "role", "pk")
    response, _count = one_page(request, requirements, lambda page: RequirementSerializer(page, many=True).data)
    return response


def _team_pk(request: Request, team_uuid: Any) -> int:
    team = selectors.teams_visible_to(api_user(request)).filter(uuid=team_uuid).first()
    if team is None:
        raise ValidationError({"team": ["Select one of your organisation's teams"]})
    return team.pk


class TeamSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    manager = serializers.CharField(source="manager.username", allow_null=True, default=None)
    member_count = serializers.IntegerField()


class MemberRequirementSerializer(serializers.Serializer):
    course = serializers.UUIDField(source="requirement.course.uuid")
    course_title = serializers.CharField(source="requirement.course.title")
    status = serializers.ChoiceField([status.value for status in Status])
    last_completed_on = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)


class MemberSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField()
    requirements = MemberRequirementSerializer(many=True)


class TeamDetailSerializer(TeamSerializer):
    members = MemberSerializer(many=True, help_text="Each member's training against their requirements")


class TeamWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    manager = serializers.CharField(required=False, allow_blank=True, max_length=150, help_text="A username")
    members = serializers.ListField(
        child=serializers.CharField(max_length=150), required=False, default=list, help_text="Usernames"
    )


@extend_schema(
    methods=["GET"],
    operation_id="training_team_list",
    summary="Teams you manage",
    description="Every team for the modern slavery lead or an administrator; a manager's own teams otherwise.",
    parameters=[PAGE_PARAMETER],
    responses=paginated("PaginatedTeamList", TeamSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a team",
    description="The modern slavery lead or an administrator; checked as the Add a team page.",
    request=TeamWriteSerializer,
    responses={201: TeamDetailSerializer},
    examples=[OpenApiExample("Buyers", value={"name": "Procurement", "manager": "a.khan", "members": ["b.jones"]})],
)
@api_view(["GET", "POST"])
def team_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        require_training_admin(user)
        open_page_for_user(user, resource=TRAINING_RECORDS, action=Action.RECORD, object_type="training.team")
        values = body_or_400(TeamWriteSerializer, request)
        values["members"] = _people(request, values["members"], "members")
        if values.get("manager"):
            values["manager"] = _people(request, [values["manager"]], "manager")[0]
        assert user.organisation is not None
        form = checked_by_form(
            TeamForm(merged({}, values, ["name", "manager", "members"]), organisation=user.organisation)
        )
        try:
            team = services.team_save(
                actor=user, team=form.save(commit=False), members=list(form.cleaned_data["members"])
            )
        except DjangoValidationError:  # the one constraint the form cannot check: a name used already
            raise ValidationError({"name": ["Your organisation already has a team with this name"]}) from None
        return Response(_team_json(team), status=status.HTTP_201_CREATED)
    require_training(user)
    if not is_manager(user):
        raise PermissionDenied("Only team managers, the modern slavery lead or an administrator can see teams.")
    teams = selectors.teams_managed_by(user).annotate(member_count=Count("memberships")).order_by("name", "pk")
    response, _count = one_page(request, teams, lambda page: TeamSerializer(page, many=True).data)
    return response


def _team_json(team: Any) -> dict[str, Any]:
    members = selectors.team_members(team)
    statuses = selectors.compliance_for_users(members)
    rows = [
        {"username": member.username, "name": member.display_name, "requirements": statuses.get(member.pk, [])}
        for member in members
    ]
    answer = {"uuid": team.uuid, "name": team.name, "manager": team.manager, "member_count": len(rows), "members": rows}
    return cast(dict[str, Any], TeamDetailSerializer(answer).data)


@extend_schema(
    summary="One team, with each member's training",
    description="The team's manager, the modern slavery lead or an administrator. Names people: audited.",
    responses=TeamDetailSerializer,
)
@api_view(["GET"])
def team_detail(request: Request, team_uuid: str) -> Response:
    user = api_user(request)
    require_training(user)
    # Any role may manage a team, so the door opens it as the user's own training, as the page does.
    team = open_for_user(user, selectors.teams_visible_to(user), resource=TRAINING, uuid=team_uuid)
    if not (is_training_admin(user) or team.manager_id == user.pk):
        raise PermissionDenied("Only the team's manager, the modern slavery lead or an administrator can see this.")
    audit_record(action=AuditAction.VIEW, request=request._request, obj=team, note="API: the team's training")
    return Response(_team_json(team))


# Awareness campaigns ------------------------------------------------------------------------------


class MaterialSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(MaterialKind.choices)
    languages = serializers.CharField()
    distributed = serializers.IntegerField(help_text="Copies handed out so far")


class CampaignSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField(allow_null=True)
    description = serializers.CharField()
    distributed = serializers.IntegerField(help_text="Copies of its materials handed out so far")


class CampaignDetailSerializer(CampaignSerializer):
    materials = MaterialSerializer(many=True)


class CampaignWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    starts_on = PlausibleDateField()
    ends_on = PlausibleDateField(required=False, allow_null=True)
    description = serializers.CharField(required=False, allow_blank=True)


def _campaigns(user: User) -> Any:
    return selectors.campaigns_visible_to(user).annotate(
        distributed=Coalesce(Sum("materials__distributions__quantity"), 0)
    )


def _campaign_json(user: User, campaign_pk: int) -> dict[str, Any]:
    campaign = _campaigns(user).get(pk=campaign_pk)
    materials = campaign.materials.annotate(distributed=Coalesce(Sum("distributions__quantity"), 0))
    return {**CampaignSerializer(campaign).data, "materials": MaterialSerializer(materials, many=True).data}


@extend_schema(
    methods=["GET"],
    operation_id="partnership_campaign_list",
    summary="Awareness campaigns",
    parameters=[PAGE_PARAMETER],
    responses=paginated("PaginatedCampaignList", CampaignSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a campaign",
    description="The modern slavery lead, community safety or an administrator; checked as the Add a campaign page.",
    request=CampaignWriteSerializer,
    responses={201: CampaignDetailSerializer},
    examples=[
        OpenApiExample("Hotels", value={"name": "Spot the signs: hotels", "starts_on": "2026-02-01"}, request_only=True)
    ],
)
@api_view(["GET", "POST"])
def campaign_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        require_partnership_editor(user)
        open_page_for_user(user, resource=PARTNERSHIPS, action=Action.RECORD, object_type="training.campaign")
        values = body_or_400(CampaignWriteSerializer, request)
        assert user.organisation is not None
        form = CampaignForm(merged({}, values, CampaignForm.Meta.fields), organisation=user.organisation)
        campaign = record_save(actor=user, obj=checked_by_form(form).save(commit=False), request=request._request)
        return Response(_campaign_json(user, campaign.pk), status=status.HTTP_201_CREATED)
    require_training(user)
    open_page_for_user(user, resource=PARTNERSHIPS, object_type="training.campaign")
    response, _count = one_page(
        request, _campaigns(user).order_by("-starts_on", "pk"), lambda page: CampaignSerializer(page, many=True).data
    )
    return response


@extend_schema(summary="One campaign, with its materials and copies handed out", responses=CampaignDetailSerializer)
@api_view(["GET"])
def campaign_detail(request: Request, campaign_uuid: str) -> Response:
    user = api_user(request)
    require_training(user)
    campaign = open_for_user(user, selectors.campaigns_visible_to(user), resource=PARTNERSHIPS, uuid=campaign_uuid)
    return Response(_campaign_json(user, campaign.pk))


# Partnership groups -------------------------------------------------------------------------------


class GroupSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    level = serializers.ChoiceField(GroupLevel.choices)
    meeting_count = serializers.IntegerField()
    open_actions = serializers.IntegerField()


class GroupMeetingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    held_on = serializers.DateField()
    action_count = serializers.IntegerField()
    open_actions = serializers.IntegerField()


class GroupDetailSerializer(GroupSerializer):
    meetings = GroupMeetingSerializer(many=True, help_text="Latest first; who attended stays on the meeting's page")


def _groups(user: User) -> Any:
    return selectors.groups_visible_to(user).annotate(
        meeting_count=Count("meetings", distinct=True),
        open_actions=Count("meetings__actions", filter=Q(meetings__actions__closed_on__isnull=True)),
    )


class GroupWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    level = serializers.ChoiceField(GroupLevel.choices)


@extend_schema(
    methods=["GET"],
    summary="Partnership groups",
    description="The modern slavery lead, community safety or an administrator, as the Partnership groups page.",
    parameters=[PAGE_PARAMETER],
    responses=paginated("PaginatedGroupList", GroupSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a partnership group",
    description="The same roles; checked as the Add a partnership group page.",
    request=GroupWriteSerializer,
    responses={201: GroupDetailSerializer},
    examples=[OpenApiExample("Strategic", value={"name": "Anti-slavery partnership", "level": "strategic"})],
)
@api_view(["GET", "POST"])
def group_list(request: Request) -> Response:
    user = api_user(request)
    require_partnership_editor(user)
    if request.method == "POST":
        open_page_for_user(
            user, resource=PARTNERSHIP_GROUPS, action=Action.RECORD, object_type="training.partnershipgroup"
        )
        assert user.organisation is not None
        values = body_or_400(GroupWriteSerializer, request)
        form = GroupForm(merged({}, values, GroupForm.Meta.fields), organisation=user.organisation)
        group = record_save(actor=user, obj=checked_by_form(form).save(commit=False), request=request._request)
        return Response({**GroupSerializer(_groups(user).get(pk=group.pk)).data, "meetings": []}, status=201)
    open_page_for_user(
        user, resource=PARTNERSHIP_GROUPS, request=request._request, object_type="training.partnershipgroup"
    )
    response, _count = one_page(
        request, _groups(user).order_by("name", "pk"), lambda page: GroupSerializer(page, many=True).data
    )
    return response


@extend_schema(
    operation_id="partnership_group_read",
    summary="One partnership group, with its meetings",
    responses=GroupDetailSerializer,
)
@api_view(["GET"])
def group_detail(request: Request, group_uuid: str) -> Response:
    user = api_user(request)
    require_partnership_editor(user)
    group = open_for_user(user, _groups(user), resource=PARTNERSHIP_GROUPS, request=request._request, uuid=group_uuid)
    meetings = group.meetings.annotate(
        action_count=Count("actions"), open_actions=Count("actions", filter=Q(actions__closed_on__isnull=True))
    ).order_by("-held_on", "-pk")
    return Response({**GroupSerializer(group).data, "meetings": GroupMeetingSerializer(meetings, many=True).data})
