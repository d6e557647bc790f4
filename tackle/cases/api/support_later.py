"""What a support record is given later than itself, once: a needs assessment's outcome, a placement's
end, a return from a missing episode. As the Support page's "Record the outcome", "Record the end" and
"Record their return" pages: their forms and services, case workers of the case's organisation, an
open case; what is already recorded answers 409 and is kept."""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user
from tackle.cases.api.support import (
    MissingEpisodeSerializer,
    NeedsAssessmentSerializer,
    PlacementSerializer,
    saved_through_form,
    support_case,
)
from tackle.cases.forms.support import MissingEpisodeReturnForm, NeedsAssessmentCompleteForm, PlacementEndForm
from tackle.cases.models import Case
from tackle.cases.services import support as services
from tackle.core.access import SUPPORT, Action
from tackle.core.api_fields import PlausibleDateField, PlausibleDateTimeField
from tackle.core.api_lists import body_or_400


def _opened(request: Request, case: Case, records: QuerySet[Any], record_uuid: Any) -> Any:
    """One of the case's support records, to change (404 outside the case, 403 for a role that may not)."""
    return open_for_user(
        api_user(request), records, resource=SUPPORT, action=Action.CHANGE, part_of=case, uuid=record_uuid
    )


def _recorded(request: Request, form_class: Any, values: dict[str, Any], save: Any) -> Any:
    """The page's form and service; what is already recorded (services.support.AlreadyRecorded, a
    ConflictError) is refused with 409."""
    return saved_through_form(
        request, form_class, values, lambda data: save(actor=api_user(request), request=request._request, **data)
    )


# Needs assessments --------------------------------------------------------------------------------


class NeedsAssessmentCompleteSerializer(serializers.Serializer):
    completed_on = PlausibleDateField(help_text="On or after it was requested; today or in the past")
    outcome = serializers.CharField(
        help_text="What the assessment found or decided: added after any outcome noted when it was requested"
    )


@extend_schema(
    summary="Record a needs assessment's outcome",
    description="As the Record the outcome page: case workers of the case's organisation, an open case; completed "
    "on or after it was requested, not in the future. An assessment already recorded as completed is refused "
    "with 409. Audited as a change of the assessment.",
    request=NeedsAssessmentCompleteSerializer,
    responses={
        200: NeedsAssessmentSerializer,
        409: OpenApiResponse(description="The assessment is already recorded as completed"),
    },
    examples=[
        OpenApiExample(
            "Eligible",
            value={"completed_on": "2026-03-02", "outcome": "Eligible for care and support; package agreed"},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def needs_assessment_complete(request: Request, case_uuid: Any, needs_assessment_uuid: Any) -> Response:
    case = support_case(request, case_uuid, to_change=True)
    assessment = _opened(request, case, case.needs_assessments.select_related("recorded_by"), needs_assessment_uuid)
    values = body_or_400(NeedsAssessmentCompleteSerializer, request)
    assessment = _recorded(
        request,
        NeedsAssessmentCompleteForm,
        values,
        lambda **data: services.needs_assessment_completed(assessment=assessment, **data),
    )
    return Response(NeedsAssessmentSerializer(assessment).data)


# Accommodation placements -------------------------------------------------------------------------


class PlacementEndSerializer(serializers.Serializer):
    end_on = PlausibleDateField(help_text="On or after it started: the day they moved out, or the day it is due to end")


@extend_schema(
    summary="Record the end of an accommodation placement",
    description="As the Record the end page: case workers of the case's organisation, an open case; it ends on "
    "or after it started. A placement whose end is already recorded is refused with 409. Audited as a change "
    "of the placement.",
    request=PlacementEndSerializer,
    responses={
        200: PlacementSerializer,
        409: OpenApiResponse(description="The placement's end is already recorded"),
    },
    examples=[OpenApiExample("Moved on", value={"end_on": "2026-04-30"}, request_only=True)],
)
@api_view(["POST"])
def placement_end(request: Request, case_uuid: Any, placement_uuid: Any) -> Response:
    case = support_case(request, case_uuid, to_change=True)
    placement = _opened(request, case, case.placements.select_related("recorded_by"), placement_uuid)
    values = body_or_400(PlacementEndSerializer, request)
    placement = _recorded(
        request,
        PlacementEndForm,
        values,
        lambda **data: services.accommodation_placement_ended(placement=placement, **data),
    )
    return Response(PlacementSerializer(placement).data)


# Missing episodes ---------------------------------------------------------------------------------


class MissingEpisodeReturnSerializer(serializers.Serializer):
    returned_at = PlausibleDateTimeField(help_text="When they came back: not before they went missing, not in future")
    notes = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="How they returned, whether a return interview was offered: added to the episode's notes",
    )


@extend_schema(
    summary="Record the return from a missing episode",
    description="As the Record their return page: case workers of the case's organisation, an open case; the "
    "return is not before they went missing nor in the future. An episode whose return is already recorded is "
    "refused with 409. Audited as a change of the episode.",
    request=MissingEpisodeReturnSerializer,
    responses={
        200: MissingEpisodeSerializer,
        409: OpenApiResponse(description="The episode's return is already recorded"),
    },
    examples=[
        OpenApiExample(
            "Back next morning",
            value={"returned_at": "2026-02-03T09:30:00Z", "notes": "Came back to the placement; interview offered"},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def missing_episode_return(request: Request, case_uuid: Any, episode_uuid: Any) -> Response:
    case = support_case(request, case_uuid, to_change=True)
    episode = _opened(request, case, case.missing_episodes.select_related("recorded_by"), episode_uuid)
    values = body_or_400(MissingEpisodeReturnSerializer, request)
    episode = _recorded(
        request,
        MissingEpisodeReturnForm,
        values,
        lambda **data: services.missing_episode_returned(episode=episode, **data),
    )
    return Response(MissingEpisodeSerializer(episode).data)
