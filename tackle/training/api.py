"""/api/v1/training/: courses, completions and sessions, for a council's learning system, with the
pages' rules. Everyone with training reads the courses; the lead and administrators (TRAINING_RECORDS)
keep the records. Completions and a session's attendees name people: every list or record of them
answered is audited. A body is checked by the page's own form and saved by the page's service."""

from typing import Any, cast

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.core.access import TRAINING, TRAINING_RECORDS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.training import selectors, services
from tackle.training.forms import CompletionForm, CourseForm, SessionForm
from tackle.training.models import CompletionSource, CourseFormat


def _user(request: Request) -> User:
    return cast(User, request.user)


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
    course = selectors.courses_visible_to(_user(request)).filter(uuid=course_uuid).first()
    if course is None:
        raise ValidationError({"course": ["Select one of your organisation's courses"]})
    return course.pk


def _people(request: Request, usernames: list[str], field: str) -> list[int]:
    user = _user(request)
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
    user = _user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=TRAINING_RECORDS, action=Action.RECORD, object_type="training.course")
        incoming = CourseWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        assert user.organisation is not None
        form = CourseForm(merged({}, incoming.validated_data, CourseForm.Meta.fields), organisation=user.organisation)
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
    user = _user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=TRAINING_RECORDS, action=Action.RECORD, object_type="training.completion")
        incoming = CompletionWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        values = incoming.validated_data
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
    user = _user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=TRAINING_RECORDS, action=Action.RECORD, object_type="training.session")
        incoming = SessionWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        values = dict(incoming.validated_data)
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
    user = _user(request)
    visible = selectors.sessions_visible_to(user)
    session = open_for_user(user, visible, resource=TRAINING_RECORDS, uuid=session_uuid)
    audit_record(action=AuditAction.VIEW, request=request._request, obj=session, note="API: the session's attendees")
    return Response(SessionSerializer(session).data)
