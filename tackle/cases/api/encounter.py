"""/api/v1/encounters: one encounter, several people, a case each; and a case's history."""

from typing import Any

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.cases.api.case import CaseCreateSerializer
from tackle.cases.selectors import case_list_visible_to, encounters_visible_to, get_case_for_user
from tackle.cases.services.case import ConcernDetails
from tackle.cases.services.encounter import MAX_PEOPLE, encounter_record
from tackle.cases.timeline import case_timeline
from tackle.core.access import CASES, Action
from tackle.core.api_fields import PlausibleDateTimeField
from tackle.core.api_lists import body_or_400


class EncounterPersonSerializer(CaseCreateSerializer):
    """One person met: the fields POST /api/v1/cases/ takes, less the encounter's own."""

    encountered_at = None  # type: ignore[assignment]
    what_was_seen = None  # type: ignore[assignment]
    location = None  # type: ignore[assignment]


class EncounterCreateSerializer(serializers.Serializer):
    encountered_at = PlausibleDateTimeField()
    location = serializers.CharField(max_length=300)
    what_was_seen = serializers.CharField()
    people = serializers.ListField(child=serializers.DictField(), min_length=1, max_length=MAX_PEOPLE)


def _people(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each person checked; the first bad one answers 400 naming its index and field: `people[2].age`."""
    checked = []
    for index, person in enumerate(people):
        incoming = EncounterPersonSerializer(data=person)
        if not incoming.is_valid():
            raise ValidationError({f"people[{index}].{name}": errors for name, errors in incoming.errors.items()})
        checked.append(incoming.validated_data)
    return checked


@extend_schema(
    summary="Record an encounter with several people",
    description="A case for each person, linked to the encounter, each with its own pathway, in the order given. "
    "All or nothing: a person with a bad field answers 400 naming it as `people[INDEX].FIELD`, and nothing is saved.",
    request=inline_serializer(
        "EncounterCreate",
        {
            "encountered_at": serializers.DateTimeField(),
            "location": serializers.CharField(),
            "what_was_seen": serializers.CharField(),
            "people": EncounterPersonSerializer(many=True),
        },
    ),
    responses={
        201: inline_serializer(
            "EncounterCreated",
            {
                "uuid": serializers.UUIDField(),
                "cases": inline_serializer(
                    "EncounterCase", {"uuid": serializers.UUIDField(), "reference": serializers.CharField()}, many=True
                ),
            },
        )
    },
)
@api_view(["POST"])
def encounter_create(request: Request) -> Response:
    open_page_for_user(request.user, resource=CASES, action=Action.RECORD, object_type="encounter")
    data = body_or_400(EncounterCreateSerializer, request)
    encounter, cases = encounter_record(
        organisation=request.user.organisation,  # type: ignore[union-attr,arg-type]
        recorded_by=request.user,  # type: ignore[arg-type]
        encountered_at=data["encountered_at"],
        location=data["location"],
        what_was_seen=data["what_was_seen"],
        people=[
            ConcernDetails(encountered_at=data["encountered_at"], location=data["location"], what_was_seen="", **person)
            for person in _people(data["people"])
        ],
        request=request._request,
    )
    body = {"uuid": str(encounter.uuid), "cases": [{"uuid": str(c.uuid), "reference": c.reference} for c in cases]}
    return Response(body, status=status.HTTP_201_CREATED)


class EncounterSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    encountered_at = serializers.DateTimeField()
    location = serializers.CharField()
    what_was_seen = serializers.CharField()
    recorded_at = serializers.DateTimeField()
    cases = inline_serializer(
        "EncounterCaseSeen",
        {"uuid": serializers.UUIDField(), "reference": serializers.CharField()},
        many=True,
        help_text="The case of each person met that you may see",
    )


@extend_schema(
    summary="One encounter and the case of each person met",
    description="As the encounter's page: the cases listed are those you may see. Audited as a view.",
    responses=EncounterSerializer,
)
@api_view(["GET"])
def encounter_detail(request: Request, encounter_uuid: str) -> Response:
    visible = encounters_visible_to(request.user)
    encounter = open_for_user(request.user, visible, resource=CASES, request=request._request, uuid=encounter_uuid)
    cases = case_list_visible_to(request.user).filter(encounter=encounter).order_by("pk")
    body = {
        "uuid": encounter.uuid,
        "encountered_at": encounter.encountered_at,
        "location": encounter.location,
        "what_was_seen": encounter.what_was_seen,
        "recorded_at": encounter.recorded_at,
        "cases": [{"uuid": case.uuid, "reference": case.reference} for case in cases],
    }
    return Response(EncounterSerializer(body).data)


class HistoryEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    by = serializers.CharField(source="who")
    action = serializers.CharField(source="kind", help_text="correction, step, allocation, record, share, view...")
    what = serializers.CharField()
    fields = serializers.ListField(  # type: ignore[assignment]
        child=serializers.CharField(), help_text="The fields changed, never their values"
    )


@extend_schema(
    summary="A case's history",
    description="The corrections and events of the case, oldest first, each with when, by whom, what kind and "
    "the fields changed. A role that may not see the support record sees the NRM steps only.",
    responses=HistoryEntrySerializer(many=True),
)
@api_view(["GET"])
def case_history(request: Request, case_uuid: str) -> Response:
    case = get_case_for_user(request.user, case_uuid, request=request._request, note="History")
    return Response(HistoryEntrySerializer(case_timeline(request.user, case), many=True).data)
