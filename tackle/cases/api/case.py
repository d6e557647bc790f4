"""/api/v1/cases/: create and read cases, and record NRM events, with the same rules as the pages."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import (
    Case,
    ConcernAbout,
    ExploitationLocation,
    ExploitationType,
    Gender,
    Indicator,
    NrmEvent,
    NrmEventKind,
    NrmOutcome,
    Referral,
)
from tackle.cases.rules.anonymity import IDENTIFYING_FIELDS
from tackle.cases.selectors import case_list_visible_to, case_periods, get_case_for_user
from tackle.cases.services.case import ConcernDetails, case_record_concern, nrm_event_record
from tackle.core.roles import Module


class ReferralSerializer(serializers.ModelSerializer):
    class Meta:
        model = Referral
        fields = ["uuid", "code", "reason", "status", "due_by", "sent_at", "outcome"]


class NrmEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = NrmEvent
        fields = ["uuid", "kind", "occurred_on", "outcome", "rg_test", "notes", "recorded_at"]


class CaseSerializer(serializers.ModelSerializer):
    referrals = ReferralSerializer(many=True, read_only=True)
    nrm_events = NrmEventSerializer(many=True, read_only=True)
    recovery_period_ends_on = serializers.SerializerMethodField()
    move_on_support_ends_on = serializers.SerializerMethodField()
    organisation = serializers.CharField(source="organisation.code", read_only=True)

    class Meta:
        model = Case
        fields = [
            "uuid", "reference", "organisation", "stage", "status", "created_at", "encountered_at", "location",
            "what_was_seen", "concern_about", *IDENTIFYING_FIELDS, "age", "appears_under_18", "age_disputed",
            "age_group", "treated_as_child", "gender", "nationality", "language", "interpreter_needed", "indicators",
            "indicators_other", "exploitation_types", "exploitation_location", "county_lines", "immediate_danger",
            "destitute", "care_and_support_needs", "consent_to_nrm", "consent_to_share", "closed_at",
            "recovery_period_ends_on", "move_on_support_ends_on", "referrals", "nrm_events",
        ]  # fmt: skip

    def to_representation(self, instance: Case) -> dict[str, Any]:
        data = super().to_representation(instance)
        if instance.is_anonymous:  # Duty to Notify: nothing identifying leaves the system
            for name in IDENTIFYING_FIELDS:
                data.pop(name, None)
        return data

    def get_recovery_period_ends_on(self, case: Case) -> str | None:
        value = case_periods(case)["recovery_period_ends_on"]
        return value.isoformat() if value else None

    def get_move_on_support_ends_on(self, case: Case) -> str | None:
        value = case_periods(case)["move_on_support_ends_on"]
        return value.isoformat() if value else None


class CaseCreateSerializer(serializers.Serializer):
    encountered_at = serializers.DateTimeField()
    what_was_seen = serializers.CharField()
    location = serializers.CharField(max_length=300)
    concern_about = serializers.ChoiceField(ConcernAbout.choices, default=ConcernAbout.PERSON)
    person_name = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    person_date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    person_contact = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    person_address = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")
    age = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=120, default=None)
    appears_under_18 = serializers.BooleanField(required=False, allow_null=True, default=None)
    age_disputed = serializers.BooleanField(required=False, default=False)
    age_at_exploitation = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=120, default=None
    )
    gender = serializers.ChoiceField(Gender.choices, default=Gender.UNKNOWN)
    nationality = serializers.CharField(required=False, allow_blank=True, max_length=100, default="")
    language = serializers.CharField(required=False, allow_blank=True, max_length=100, default="")
    interpreter_needed = serializers.BooleanField(required=False, allow_null=True, default=None)
    indicators = serializers.ListField(child=serializers.ChoiceField(Indicator.choices), required=False, default=list)
    indicators_other = serializers.CharField(required=False, allow_blank=True, default="")
    exploitation_types = serializers.ListField(
        child=serializers.ChoiceField(ExploitationType.choices), required=False, default=list
    )
    exploitation_location = serializers.ChoiceField(ExploitationLocation.choices, default=ExploitationLocation.UNKNOWN)
    county_lines = serializers.BooleanField(required=False, default=False)
    immediate_danger = serializers.BooleanField(required=False, default=False)
    destitute = serializers.BooleanField(required=False, default=False)
    care_and_support_needs = serializers.BooleanField(required=False, default=False)
    consent_to_nrm = serializers.BooleanField(required=False, allow_null=True, default=None)
    consent_to_share = serializers.BooleanField(required=False, default=False)
    refusal_reason = serializers.CharField(required=False, allow_blank=True, default="")


class NrmEventCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(NrmEventKind.choices)
    occurred_on = serializers.DateField()
    outcome = serializers.ChoiceField(NrmOutcome.choices, required=False, allow_blank=True, default="")
    notes = serializers.CharField(required=False, allow_blank=True, default="")


def _require_cases(request: Request) -> None:
    if not request.user.may_use(Module.CASES):  # type: ignore[union-attr]
        raise PermissionDenied("Your role cannot use cases.")


@extend_schema(methods=["GET"], summary="Cases you may see", responses=CaseSerializer(many=True))
@extend_schema(
    methods=["POST"], summary="Record a concern", request=CaseCreateSerializer, responses={201: CaseSerializer}
)
@api_view(["GET", "POST"])
def case_list(request: Request) -> Response:
    _require_cases(request)
    if request.method == "POST":
        incoming = CaseCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        case = case_record_concern(
            organisation=request.user.organisation,  # type: ignore[union-attr,arg-type]
            recorded_by=request.user,  # type: ignore[arg-type]
            details=ConcernDetails(**incoming.validated_data),
            request=request._request,
        )
        return Response(CaseSerializer(case).data, status=status.HTTP_201_CREATED)
    cases = case_list_visible_to(request.user).prefetch_related("referrals", "nrm_events").order_by("-encountered_at")
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(cases, request)
    audit_record(
        action=AuditAction.LIST, request=request._request, object_type="cases.case", note="Cases listed by API"
    )
    return paginator.get_paginated_response(CaseSerializer(page, many=True).data)


@extend_schema(summary="One case", responses=CaseSerializer)
@api_view(["GET"])
def case_detail(request: Request, case_uuid: str) -> Response:
    case = get_case_for_user(request.user, case_uuid, request=request._request)
    return Response(CaseSerializer(case).data)


@extend_schema(summary="Record an NRM event", request=NrmEventCreateSerializer, responses={201: NrmEventSerializer})
@api_view(["POST"])
def nrm_event_create(request: Request, case_uuid: str) -> Response:
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    incoming = NrmEventCreateSerializer(data=request.data)
    incoming.is_valid(raise_exception=True)
    event = nrm_event_record(case=case, actor=request.user, request=request._request, **incoming.validated_data)  # type: ignore[arg-type]
    return Response(NrmEventSerializer(event).data, status=status.HTTP_201_CREATED)
