"""`/api/v1/cases/{uuid}/support/...`: phases, needs assessments, placements, safety plans (and their
reviews), missing episodes and outcome scores, listed and added as the Support page and its add pages do:
the pages' forms and services, the support record's door (see support.py). Each list is filtered, sorted
and paginated; each listing is audited as a view of the support record."""

from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user
from tackle.cases.api.support import (
    MissingEpisodeSerializer,
    NeedsAssessmentSerializer,
    OutcomeScoreSerializer,
    PlacementSerializer,
    SafetyPlanDetailSerializer,
    SafetyPlanReviewSerializer,
    SafetyPlanSerializer,
    SupportPhaseSerializer,
    created,
    one_page_of,
    saved_through_form,
    support_case,
)
from tackle.cases.forms.support import (
    MissingEpisodeForm,
    NeedsAssessmentForm,
    OutcomeScoresForm,
    PlacementForm,
    SafetyPlanForm,
    SafetyPlanReviewForm,
    SupportPhaseForm,
)
from tackle.cases.models import AccommodationType, NeedsAssessmentKind, OutcomeDomain, SupportPhaseKind
from tackle.cases.services import support as services
from tackle.core.access import SUPPORT, Action
from tackle.core.api_fields import PlausibleDateField, PlausibleDateTimeField
from tackle.core.api_lists import body_or_400, checked_by_form, query_or_400, sort_choice
from tackle.core.api_schema import PAGE_PARAMETER, paginated


def _optional_text() -> serializers.CharField:
    return serializers.CharField(required=False, allow_blank=True, default="")


def _yes_no(help_text: str) -> serializers.BooleanField:
    return serializers.BooleanField(required=False, allow_null=True, default=None, help_text=help_text)


def _context(request: Request) -> dict[str, Any]:
    return {"actor": api_user(request), "request": request._request}


# Support phases -----------------------------------------------------------------------------------


class PhaseFilters(serializers.Serializer):
    phase = serializers.ChoiceField(SupportPhaseKind.choices, required=False)
    sort = sort_choice("started_on", default="-started_on")


class PhaseWriteSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(SupportPhaseKind.choices)
    started_on = PlausibleDateField(help_text="Today or in the past")
    notes = _optional_text()


@extend_schema(
    methods=["GET"],
    operation_id="case_support_phase_list",
    summary="A case's phases of support",
    description="The newest is the current phase: a phase ends when the next one starts. Audited as a view.",
    parameters=[PhaseFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedSupportPhaseList", SupportPhaseSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Start a phase of support",
    description="As the Start a phase of support page: case workers of the case's organisation, an open case.",
    request=PhaseWriteSerializer,
    responses={201: SupportPhaseSerializer},
    examples=[
        OpenApiExample("Short term", value={"phase": "short_term", "started_on": "2026-02-02"}, request_only=True)
    ],
)
@api_view(["GET", "POST"])
def phase_list(request: Request, case_uuid: Any) -> Response:
    if request.method == "POST":
        case = support_case(request, case_uuid, to_change=True)
        values = body_or_400(PhaseWriteSerializer, request)
        phase = saved_through_form(
            request,
            SupportPhaseForm,
            values,
            lambda data: services.support_phase_start(case=case, **_context(request), **data),
        )
        return created(phase, SupportPhaseSerializer)
    case = support_case(request, case_uuid, what="phases")
    filters = query_or_400(PhaseFilters, request)
    phases = case.support_phases.select_related("recorded_by")
    if filters.get("phase"):
        phases = phases.filter(phase=filters["phase"])
    return one_page_of(request, phases, filters["sort"], SupportPhaseSerializer)


# Needs assessments --------------------------------------------------------------------------------


class AssessmentFilters(serializers.Serializer):
    kind = serializers.ChoiceField(NeedsAssessmentKind.choices, required=False)
    completed = _yes_no("true: completed ones only; false: those still awaited")
    sort = sort_choice("requested_on", default="-requested_on")


class AssessmentWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(NeedsAssessmentKind.choices)
    requested_on = PlausibleDateField(help_text="Today or in the past")
    completed_on = PlausibleDateField(required=False, allow_null=True, default=None, help_text="Empty if not done")
    outcome = _optional_text()


@extend_schema(
    methods=["GET"],
    operation_id="case_needs_assessment_list",
    summary="A case's needs assessments",
    description="As on the Support page. Audited as a view of the support record.",
    parameters=[AssessmentFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedNeedsAssessmentList", NeedsAssessmentSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record a needs assessment",
    description="As the Record a needs assessment page: case workers of the case's organisation, an open case; "
    "completed on or after it was requested.",
    request=AssessmentWriteSerializer,
    responses={201: NeedsAssessmentSerializer},
    examples=[OpenApiExample("Care Act", value={"kind": "care_act", "requested_on": "2026-02-02"}, request_only=True)],
)
@api_view(["GET", "POST"])
def needs_assessment_list(request: Request, case_uuid: Any) -> Response:
    if request.method == "POST":
        case = support_case(request, case_uuid, to_change=True)
        values = body_or_400(AssessmentWriteSerializer, request)
        assessment = saved_through_form(
            request,
            NeedsAssessmentForm,
            values,
            lambda data: services.needs_assessment_record(case=case, **_context(request), **data),
        )
        return created(assessment, NeedsAssessmentSerializer)
    case = support_case(request, case_uuid, what="needs assessments")
    filters = query_or_400(AssessmentFilters, request)
    assessments = case.needs_assessments.select_related("recorded_by")
    if filters.get("kind"):
        assessments = assessments.filter(kind=filters["kind"])
    if filters["completed"] is not None:
        assessments = assessments.filter(completed_on__isnull=not filters["completed"])
    return one_page_of(request, assessments, filters["sort"], NeedsAssessmentSerializer)


# Accommodation placements -------------------------------------------------------------------------


class PlacementFilters(serializers.Serializer):
    accommodation_type = serializers.ChoiceField(AccommodationType.choices, required=False)
    current = _yes_no("true: placements not yet ended; false: ended ones")
    sort = sort_choice("start_on", default="-start_on")


class PlacementWriteSerializer(serializers.Serializer):
    accommodation_type = serializers.ChoiceField(AccommodationType.choices)
    provider = serializers.CharField(max_length=200)
    start_on = PlausibleDateField()
    end_on = PlausibleDateField(required=False, allow_null=True, default=None, help_text="Empty if ongoing")


@extend_schema(
    methods=["GET"],
    operation_id="case_placement_list",
    summary="A case's accommodation placements",
    description="As on the Support page. Audited as a view of the support record.",
    parameters=[PlacementFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedPlacementList", PlacementSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record an accommodation placement",
    description="As the Record an accommodation placement page: case workers of the case's organisation, an "
    "open case; it ends on or after it starts.",
    request=PlacementWriteSerializer,
    responses={201: PlacementSerializer},
    examples=[
        OpenApiExample(
            "Safe house",
            value={"accommodation_type": "safe_house", "provider": "Hope Housing", "start_on": "2026-02-02"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def placement_list(request: Request, case_uuid: Any) -> Response:
    if request.method == "POST":
        case = support_case(request, case_uuid, to_change=True)
        values = body_or_400(PlacementWriteSerializer, request)
        placement = saved_through_form(
            request,
            PlacementForm,
            values,
            lambda data: services.accommodation_placement_record(case=case, **_context(request), **data),
        )
        return created(placement, PlacementSerializer)
    case = support_case(request, case_uuid, what="placements")
    filters = query_or_400(PlacementFilters, request)
    placements = case.placements.select_related("recorded_by")
    if filters.get("accommodation_type"):
        placements = placements.filter(accommodation_type=filters["accommodation_type"])
    if filters["current"] is not None:
        ongoing = Q(end_on__isnull=True) | Q(end_on__gte=timezone.localdate())
        placements = placements.filter(ongoing if filters["current"] else ~ongoing)
    return one_page_of(request, placements, filters["sort"], PlacementSerializer)


# Safety plans and their reviews -------------------------------------------------------------------


class SafetyPlanFilters(serializers.Serializer):
    overdue = _yes_no("true: plans whose next review date has passed")
    sort = sort_choice("created_on", "next_review_on", default="-created_on")


class SafetyPlanWriteSerializer(serializers.Serializer):
    summary = serializers.CharField(allow_blank=True, help_text="The risks, what keeps the person safe, who does what")
    created_on = PlausibleDateField(help_text="The day the plan was agreed")
    review_every_days = serializers.IntegerField(required=False, default=14, help_text="1 to 365")


class SafetyPlanReviewWriteSerializer(serializers.Serializer):
    reviewed_on = PlausibleDateField(help_text="On or after the day the plan was agreed, not in the future")
    what_changed = serializers.CharField(allow_blank=True, help_text="Or say that nothing changed")


@extend_schema(
    methods=["GET"],
    operation_id="case_safety_plan_list",
    summary="A case's safety plans",
    description="The current plan first. Each plan's reviews are read with the plan. Audited as a view.",
    parameters=[SafetyPlanFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedSafetyPlanList", SafetyPlanSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a safety plan",
    description="As the Add a safety plan page: case workers of the case's organisation, an open case. The "
    "first review falls due review_every_days after the plan was agreed.",
    request=SafetyPlanWriteSerializer,
    responses={201: SafetyPlanDetailSerializer},
    examples=[
        OpenApiExample(
            "Two weeks",
            value={"summary": "Stays away from the car wash", "created_on": "2026-02-02", "review_every_days": 14},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def safety_plan_list(request: Request, case_uuid: Any) -> Response:
    if request.method == "POST":
        case = support_case(request, case_uuid, to_change=True)
        values = body_or_400(SafetyPlanWriteSerializer, request)
        plan = saved_through_form(
            request,
            SafetyPlanForm,
            values,
            lambda data: services.safety_plan_create(case=case, **_context(request), **data),
        )
        return created(plan, SafetyPlanDetailSerializer)
    case = support_case(request, case_uuid, what="safety plans")
    filters = query_or_400(SafetyPlanFilters, request)
    plans = case.safety_plans.select_related("recorded_by")
    if filters["overdue"] is not None:
        late = Q(next_review_on__lt=timezone.localdate())
        plans = plans.filter(late if filters["overdue"] else ~late)
    return one_page_of(request, plans, filters["sort"], SafetyPlanSerializer)


def _plan(request: Request, case_uuid: Any, plan_uuid: Any, *, action: Action) -> Any:
    case = support_case(request, case_uuid, to_change=action != Action.VIEW, what="safety plan")
    plans = case.safety_plans.select_related("recorded_by").prefetch_related("reviews__reviewed_by")
    return open_for_user(api_user(request), plans, resource=SUPPORT, action=action, part_of=case, uuid=plan_uuid)


@extend_schema(
    summary="One safety plan with every review",
    description="Reviews newest first; none is ever replaced. Audited as a view of the support record.",
    responses=SafetyPlanDetailSerializer,
)
@api_view(["GET"])
def safety_plan_detail(request: Request, case_uuid: Any, plan_uuid: Any) -> Response:
    return Response(SafetyPlanDetailSerializer(_plan(request, case_uuid, plan_uuid, action=Action.VIEW)).data)


@extend_schema(
    summary="Review a safety plan",
    description="As the Review the safety plan page: case workers of the case's organisation, an open case. Every "
    "review is kept; the next review falls due review_every_days after the latest one (a late entry for an "
    "earlier review never moves it back).",
    request=SafetyPlanReviewWriteSerializer,
    responses={201: SafetyPlanReviewSerializer},
    examples=[
        OpenApiExample(
            "No change", value={"reviewed_on": "2026-02-16", "what_changed": "Nothing changed"}, request_only=True
        )
    ],
)
@api_view(["POST"])
def safety_plan_review(request: Request, case_uuid: Any, plan_uuid: Any) -> Response:
    plan = _plan(request, case_uuid, plan_uuid, action=Action.CHANGE)
    values = body_or_400(SafetyPlanReviewWriteSerializer, request)
    review = saved_through_form(
        request,
        SafetyPlanReviewForm,
        values,
        lambda data: services.safety_plan_review(plan=plan, **_context(request), **data),
    )
    return created(review, SafetyPlanReviewSerializer)


# Missing episodes ---------------------------------------------------------------------------------


class MissingEpisodeFilters(serializers.Serializer):
    returned = _yes_no("false: episodes with no return recorded")
    reported_to_police = _yes_no("Whether it was reported to the police")
    sort = sort_choice("went_missing_at", default="-went_missing_at")


class MissingEpisodeWriteSerializer(serializers.Serializer):
    went_missing_at = PlausibleDateTimeField(help_text="Now or in the past")
    returned_at = PlausibleDateTimeField(required=False, allow_null=True, default=None, help_text="Empty if not back")
    reported_to_police = serializers.BooleanField()
    notes = _optional_text()


@extend_schema(
    methods=["GET"],
    operation_id="case_missing_episode_list",
    summary="A case's missing episodes",
    description="As on the Support page. Audited as a view of the support record.",
    parameters=[MissingEpisodeFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedMissingEpisodeList", MissingEpisodeSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record a missing episode",
    description="As the Record a missing episode page: case workers of the case's organisation, an open case; "
    "the return, when known, is after they went missing.",
    request=MissingEpisodeWriteSerializer,
    responses={201: MissingEpisodeSerializer},
    examples=[
        OpenApiExample(
            "Back next day",
            value={
                "went_missing_at": "2026-02-02T21:00:00Z",
                "returned_at": "2026-02-03T09:30:00Z",
                "reported_to_police": True,
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def missing_episode_list(request: Request, case_uuid: Any) -> Response:
    if request.method == "POST":
        case = support_case(request, case_uuid, to_change=True)
        values = body_or_400(MissingEpisodeWriteSerializer, request)
        values["reported_to_police"] = "yes" if values["reported_to_police"] else "no"  # the page's radios
        episode = saved_through_form(
            request,
            MissingEpisodeForm,
            values,
            lambda data: services.missing_episode_record(case=case, **_context(request), **data),
        )
        return created(episode, MissingEpisodeSerializer)
    case = support_case(request, case_uuid, what="missing episodes")
    filters = query_or_400(MissingEpisodeFilters, request)
    episodes = case.missing_episodes.select_related("recorded_by")
    if filters["returned"] is not None:
        episodes = episodes.filter(returned_at__isnull=not filters["returned"])
    if filters["reported_to_police"] is not None:
        episodes = episodes.filter(reported_to_police=filters["reported_to_police"])
    return one_page_of(request, episodes, filters["sort"], MissingEpisodeSerializer)


# Outcome scores -----------------------------------------------------------------------------------


class OutcomeScoreFilters(serializers.Serializer):
    domain = serializers.ChoiceField(OutcomeDomain.choices, required=False)
    sort = sort_choice("assessed_on", default="assessed_on")


class OutcomeScoresWriteSerializer(serializers.Serializer):
    assessed_on = PlausibleDateField(help_text="Today or in the past; one score per area a day")
    scores = serializers.DictField(
        child=serializers.IntegerField(allow_null=True),
        help_text=f"1 to 5 by area ({', '.join(OutcomeDomain.values)}); an area left out was not assessed",
    )

    def validate_scores(self, scores: dict[str, int | None]) -> dict[str, int | None]:
        unknown = sorted(set(scores) - set(OutcomeDomain.values))
        if unknown:
            raise ValidationError(gettext("Unknown outcome areas: %(areas)s") % {"areas": ", ".join(unknown)})
        return scores


@extend_schema(
    methods=["GET"],
    operation_id="case_outcome_score_list",
    summary="A case's outcome scores",
    description="One row per area scored on a day, oldest first by default, as the Support page's table reads "
    "them. Audited as a view of the support record.",
    parameters=[OutcomeScoreFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedOutcomeScoreList", OutcomeScoreSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Score outcomes",
    description="As the Score outcomes page: case workers of the case's organisation, an open case; at least one "
    "area, and an area already scored that day is refused. A refused score is named as scores.AREA.",
    request=OutcomeScoresWriteSerializer,
    responses={201: OutcomeScoreSerializer(many=True)},
    examples=[
        OpenApiExample(
            "Two areas",
            value={"assessed_on": "2026-02-02", "scores": {"risk_of_harm": 2, "stable_accommodation": 4}},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def outcome_score_list(request: Request, case_uuid: Any) -> Response:
    if request.method == "POST":
        case = support_case(request, case_uuid, to_change=True)
        values = body_or_400(OutcomeScoresWriteSerializer, request)
        scores = {domain: "" if score is None else str(score) for domain, score in values["scores"].items()}
        form = OutcomeScoresForm({"assessed_on": values["assessed_on"].isoformat(), **scores})
        try:
            checked_by_form(form)
        except ValidationError as refused:  # the page's fields are the areas: named under scores here
            detail: Any = refused.detail
            raise ValidationError(
                {(f"scores.{name}" if name in OutcomeDomain.values else name): why for name, why in detail.items()}
            ) from None
        records = services.outcome_scores_record(
            case=case, **_context(request), assessed_on=form.cleaned_data["assessed_on"], scores=form.scores
        )
        return Response(OutcomeScoreSerializer(records, many=True).data, status=status.HTTP_201_CREATED)
    case = support_case(request, case_uuid, what="outcome scores")
    filters = query_or_400(OutcomeScoreFilters, request)
    rows = case.outcome_scores.select_related("recorded_by")
    if filters.get("domain"):
        rows = rows.filter(domain=filters["domain"])
    return one_page_of(request, rows, filters["sort"], OutcomeScoreSerializer)
