"""`/api/v1/cases/{uuid}/support`: a case's support record as its Support page shows it, and its notes
(listed, added). The same door and policy row as the page (SUPPORT: case workers of the case's
organisation change it; a partner whose share of the case is for support reads it; a frontline officer
or a partner with a narrower share does not): every read is audited as the page's view, every change
by the page's service. The other kinds of record are in support_records.py, documents in documents.py."""

from collections.abc import Callable
from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.cases.forms.support import CaseNoteForm
from tackle.cases.models import (
    AccommodationPlacement,
    Case,
    CaseDocument,
    CaseNote,
    MissingEpisode,
    NeedsAssessment,
    OutcomeScore,
    SafetyPlan,
    SafetyPlanReview,
    SupportPhase,
)
from tackle.cases.selectors import get_case_for_user, user_may_work_on
from tackle.cases.services import support as services
from tackle.core.access import SUPPORT
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated

RECORDED = ["uuid", "recorded_by", "recorded_at"]


def _by(source: str) -> serializers.CharField:
    return serializers.CharField(source=f"{source}.username", read_only=True, help_text="A username")


class SupportPhaseSerializer(serializers.ModelSerializer):
    recorded_by = _by("recorded_by")

    class Meta:
        model = SupportPhase
        fields = ["phase", "started_on", "notes", *RECORDED]


class NeedsAssessmentSerializer(serializers.ModelSerializer):
    recorded_by = _by("recorded_by")

    class Meta:
        model = NeedsAssessment
        fields = ["kind", "requested_on", "completed_on", "outcome", *RECORDED]


class PlacementSerializer(serializers.ModelSerializer):
    recorded_by = _by("recorded_by")

    class Meta:
        model = AccommodationPlacement
        fields = ["accommodation_type", "provider", "start_on", "end_on", *RECORDED]


class SafetyPlanReviewSerializer(serializers.ModelSerializer):
    reviewed_by = _by("reviewed_by")

    class Meta:
        model = SafetyPlanReview
        fields = ["uuid", "reviewed_on", "what_changed", "reviewed_by", "recorded_at"]


class SafetyPlanSerializer(serializers.ModelSerializer):
    recorded_by = _by("recorded_by")
    is_overdue = serializers.BooleanField(read_only=True, help_text="The next review date has passed")

    class Meta:
        model = SafetyPlan
        fields = ["summary", "created_on", "review_every_days", "next_review_on", "is_overdue", *RECORDED]


class SafetyPlanDetailSerializer(SafetyPlanSerializer):
    reviews = SafetyPlanReviewSerializer(many=True, read_only=True, help_text="Every review, newest first")

    class Meta(SafetyPlanSerializer.Meta):
        fields = [*SafetyPlanSerializer.Meta.fields, "reviews"]


class MissingEpisodeSerializer(serializers.ModelSerializer):
    recorded_by = _by("recorded_by")

    class Meta:
        model = MissingEpisode
        fields = ["went_missing_at", "returned_at", "reported_to_police", "notes", *RECORDED]


class OutcomeScoreSerializer(serializers.ModelSerializer):
    recorded_by = _by("recorded_by")

    class Meta:
        model = OutcomeScore
        fields = ["assessed_on", "domain", "score", *RECORDED]


class CaseNoteSerializer(serializers.ModelSerializer):
    author = _by("author")

    class Meta:
        model = CaseNote
        fields = ["uuid", "body", "author", "created_at"]


class CaseDocumentSerializer(serializers.ModelSerializer):
    uploaded_by = _by("uploaded_by")

    class Meta:
        model = CaseDocument
        fields = ["uuid", "title", "content_type", "size", "uploaded_by", "uploaded_at"]


class SupportRecordSerializer(serializers.Serializer):
    case = serializers.UUIDField(source="case.uuid")
    reference = serializers.CharField(source="case.reference")
    status = serializers.CharField(source="case.status")
    can_change = serializers.BooleanField(help_text="Whether you may add to the record (a case worker of the case)")
    current_phase = SupportPhaseSerializer(allow_null=True)
    phases = SupportPhaseSerializer(many=True)
    needs_assessments = NeedsAssessmentSerializer(many=True)
    placements = PlacementSerializer(many=True)
    safety_plans = SafetyPlanDetailSerializer(many=True, help_text="The current plan first, each with every review")
    missing_episodes = MissingEpisodeSerializer(many=True)
    outcome_scores = OutcomeScoreSerializer(many=True)
    notes = CaseNoteSerializer(many=True)
    documents = CaseDocumentSerializer(many=True)


def support_case(request: Request, case_uuid: Any, *, to_change: bool = False, what: str = "") -> Case:
    """The case, through the door for its support record: 404 outside the user's scope, 403 for a role
    or share that does not reach the support record. A read is audited as the page's view."""
    user = api_user(request)
    if to_change:
        return get_case_for_user(user, case_uuid, to_change=True, resource=SUPPORT)
    note = f"Support record read by API: {what}" if what else "Support record read by API"
    return get_case_for_user(user, case_uuid, resource=SUPPORT, request=request._request, note=note)


def one_page_of(request: Request, rows: Any, sort: str, serializer: type[serializers.BaseSerializer]) -> Response:
    response, _count = one_page(request, sorted_by(rows, sort), lambda page: serializer(page, many=True).data)
    return response


def created(record: Any, serializer: type[serializers.BaseSerializer]) -> Response:
    return Response(serializer(record).data, status=status.HTTP_201_CREATED)


def saved_through_form(
    request: Request, form_class: Any, values: dict[str, Any], save: Callable[[dict[str, Any]], Any]
) -> Any:
    """The page's form run on what the client sent (400 naming a refused field with the page's message),
    then the page's service (an ApplicationError answers 400 as the page shows it)."""
    fields = list(form_class.Meta.fields) if hasattr(form_class, "Meta") else list(values)
    form = checked_by_form(form_class(merged({}, values, fields)))
    return save(form.cleaned_data)


@extend_schema(
    summary="A case's support record",
    description="As the case's Support page: phases (the newest is the current one), needs assessments, "
    "placements, safety plans with every review, missing episodes, outcome scores, notes and documents (their "
    "details; the file through its own operation). Case workers of the case's organisation, and a partner whose "
    "share of the case is for support. Audited as a view.",
    responses=SupportRecordSerializer,
)
@api_view(["GET"])
def support_record(request: Request, case_uuid: Any) -> Response:
    case = support_case(request, case_uuid)
    phases = list(case.support_phases.select_related("recorded_by"))
    record = {
        "case": case,
        "can_change": user_may_work_on(api_user(request), case),
        "current_phase": phases[0] if phases else None,
        "phases": phases,
        "needs_assessments": case.needs_assessments.select_related("recorded_by"),
        "placements": case.placements.select_related("recorded_by"),
        "safety_plans": case.safety_plans.select_related("recorded_by").prefetch_related("reviews__reviewed_by"),
        "missing_episodes": case.missing_episodes.select_related("recorded_by"),
        "outcome_scores": case.outcome_scores.select_related("recorded_by"),
        "notes": case.notes.select_related("author"),
        "documents": case.documents.select_related("uploaded_by"),
    }
    return Response(SupportRecordSerializer(record).data)


class NoteFilters(serializers.Serializer):
    author = serializers.CharField(required=False, max_length=150, help_text="A username")
    sort = sort_choice("created_at", default="-created_at")


class NoteWriteSerializer(serializers.Serializer):
    body = serializers.CharField(allow_blank=True, help_text="Notes are never changed: a correction is a new note")


@extend_schema(
    methods=["GET"],
    operation_id="case_support_note_list",
    summary="A case's notes",
    description="As on the Support page, newest first by default. Audited as a view of the support record.",
    parameters=[NoteFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedCaseNoteList", CaseNoteSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a note to a case",
    description="As the Add a note page: case workers of the case's organisation; a closed case takes notes too. "
    "Notes are never changed. Audited.",
    request=NoteWriteSerializer,
    responses={201: CaseNoteSerializer},
    examples=[
        OpenApiExample("Phoned", value={"body": "Phoned her; the GP appointment is on Friday"}, request_only=True)
    ],
)
@api_view(["GET", "POST"])
def note_list(request: Request, case_uuid: Any) -> Response:
    if request.method == "POST":
        case = support_case(request, case_uuid, to_change=True)
        values = body_or_400(NoteWriteSerializer, request)
        note = saved_through_form(
            request,
            CaseNoteForm,
            values,
            lambda data: services.case_note_add(
                case=case, actor=api_user(request), request=request._request, body=data["body"]
            ),
        )
        return created(note, CaseNoteSerializer)
    case = support_case(request, case_uuid, what="notes")
    filters = query_or_400(NoteFilters, request)
    notes = case.notes.select_related("author")
    if filters.get("author"):
        notes = notes.filter(author__username=filters["author"])
    return one_page_of(request, notes, filters["sort"], CaseNoteSerializer)
