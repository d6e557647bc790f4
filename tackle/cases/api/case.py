"""/api/v1/cases/: create and read cases, and record NRM events, with the same rules as the pages."""

from typing import Any

from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.cases.access import (
    TELL_THE_COUNCIL,
    audit_case_list,
    may_record_concerns,
    may_search_cases,
    require_search_allowed,
)
from tackle.cases.forms.case_list import CaseFilterForm
from tackle.cases.models import (
    AgeAssessmentOutcome,
    AgeGroup,
    Case,
    CaseStatus,
    ConcernAbout,
    ExplanationVersion,
    ExploitationLocation,
    ExploitationType,
    Gender,
    Indicator,
    NrmEvent,
    NrmEventKind,
    NrmOutcome,
    Referral,
    Stage,
)
from tackle.cases.rules.anonymity import IDENTIFYING_FIELDS
from tackle.cases.selectors import (
    NOT_ALLOCATED,
    case_list_visible_to,
    case_periods,
    case_workers_of,
    cases_filtered,
    consent_explanations_of,
    get_case_for_user,
    share_scope_for,
)
from tackle.cases.services.allocation import case_allocate
from tackle.cases.services.case import ConcernDetails, case_record_concern, nrm_event_record
from tackle.cases.services.correction import case_correct
from tackle.core.access import ShareScope
from tackle.core.api_fields import PlausibleDateField, PlausibleDateTimeField
from tackle.core.api_lists import body_or_400
from tackle.core.api_schema import PAGE_PARAMETER, STALE_VERSION, paginated
from tackle.core.errors import ApplicationError
from tackle.core.roles import Module


class ReferralSerializer(serializers.ModelSerializer):
    class Meta:
        model = Referral
        fields = ["uuid", "code", "reason", "status", "due_by", "sent_at", "outcome"]


class NrmEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = NrmEvent
        fields = ["uuid", "kind", "occurred_on", "outcome", "rg_test", "notes", "recorded_at"]


# What a partner sees of a case shared with it for its summary (tackle/core/access.py ShareScope).
SHARED_SUMMARY_FIELDS = ("uuid", "reference", "organisation", "stage", "status", "age_group", "exploitation_types")


class ConsentExplanationSerializer(serializers.ModelSerializer):
    """One of the organisation's explanation texts read before the person answered (issue 21)."""

    language = serializers.CharField(source="language.language", read_only=True)

    class Meta:
        model = ExplanationVersion
        fields = ["kind", "number", "language", "title"]


class CaseSerializer(serializers.ModelSerializer):
    referrals = ReferralSerializer(many=True, read_only=True)
    nrm_events = NrmEventSerializer(many=True, read_only=True)
    recovery_period_ends_on = serializers.SerializerMethodField()
    move_on_support_ends_on = serializers.SerializerMethodField()
    consent_explanations = serializers.SerializerMethodField()
    organisation = serializers.CharField(source="organisation.code", read_only=True)
    allocated_to = serializers.CharField(source="allocated_to.username", read_only=True, allow_null=True, default=None)
    encounter = serializers.UUIDField(source="encounter.uuid", read_only=True, allow_null=True, default=None)
    aliases: serializers.RelatedField = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = Case
        fields = [
            "uuid", "reference", "version", "organisation", "stage", "status", "allocated_to", "created_at",
            "encounter", "encountered_at", "location", "what_was_seen", "concern_about", "supplier_name",
            *IDENTIFYING_FIELDS,
            "aliases", "age", "appears_under_18", "age_disputed", "age_at_exploitation", "age_assessed_on",
            "age_assessed_by", "age_assessment_outcome", "assessed_age", "age_group", "treated_as_child", "gender",
            "nationality", "language", "interpreter_needed", "current_town", "current_county", "indicators",
            "indicators_other", "exploitation_types", "exploitation_location", "exploitation_places",
            "county_lines", "child_criminal_exploitation", "child_sexual_exploitation", "separated_child",
            "care_leaver", "immediate_danger", "destitute", "care_and_support_needs", "consent_to_nrm",
            "consent_to_share", "consent_language", "consent_interpreter", "consent_interpreter_agency",
            "consent_leaflet", "consent_explanations", "consent_explanation_read_by_interpreter",
            "consent_withdrawn_on", "closed_at", "closure_reason", "recovery_period_ends_on",
            "move_on_support_ends_on", "referrals", "nrm_events",
        ]  # fmt: skip

    def to_representation(self, instance: Case) -> dict[str, Any]:
        data = super().to_representation(instance)
        if instance.is_anonymous:  # Duty to Notify: nothing identifying leaves the system
            for name in (*IDENTIFYING_FIELDS, "aliases"):
                data.pop(name, None)
        viewer = self.context.get("viewer")
        shared_scope = share_scope_for(viewer, instance) if viewer is not None else None
        if shared_scope is not None:  # another organisation's case: only what its share opens
            reaches_referral = bool(shared_scope) and ShareScope(shared_scope).reaches(ShareScope.REFERRAL)
            keep = SHARED_SUMMARY_FIELDS + (("referrals", "nrm_events") if reaches_referral else ())
            data = {name: value for name, value in data.items() if name in keep}
        return data

    @extend_schema_field(ConsentExplanationSerializer(many=True))
    def get_consent_explanations(self, case: Case) -> list[dict[str, Any]]:
        return ConsentExplanationSerializer(consent_explanations_of(case), many=True).data  # type: ignore[return-value]

    def get_recovery_period_ends_on(self, case: Case) -> str | None:
        value = case_periods(case)["recovery_period_ends_on"]
        return value.isoformat() if value else None

    def get_move_on_support_ends_on(self, case: Case) -> str | None:
        value = case_periods(case)["move_on_support_ends_on"]
        return value.isoformat() if value else None


class CaseCreateSerializer(serializers.Serializer):
    encountered_at = PlausibleDateTimeField()
    what_was_seen = serializers.CharField()
    location = serializers.CharField(max_length=300)
    concern_about = serializers.ChoiceField(ConcernAbout.choices, default=ConcernAbout.PERSON)
    supplier_name = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        default="",
        help_text="The supplier or contractor a concern about a supplier names; procurement gets a task on its record",
    )
    person_name = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    person_date_of_birth = PlausibleDateField(required=False, allow_null=True, default=None)
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

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """A new concern names a supplier only when it is about one (a correction is checked by its service)."""
        if "supplier_name" in attrs:
            attrs["supplier_name"] = attrs["supplier_name"].strip()
        if not self.partial and attrs.get("supplier_name") and attrs.get("concern_about") != ConcernAbout.SUPPLIER:
            raise ValidationError(
                {"supplier_name": [gettext("Name a supplier only when the concern is about a supplier or contractor")]}
            )
        return attrs


class NrmEventCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(NrmEventKind.choices)
    occurred_on = PlausibleDateField()
    outcome = serializers.ChoiceField(NrmOutcome.choices, required=False, allow_blank=True, default="")
    notes = serializers.CharField(required=False, allow_blank=True, default="")


def _require_cases(request: Request) -> None:
    if not request.user.may_use(Module.CASES):  # type: ignore[union-attr]
        raise PermissionDenied(gettext("Your role cannot use cases."))


CASE_LIST_PARAMETERS = [
    OpenApiParameter(
        "search",
        OpenApiTypes.STR,
        description="Part of the reference or the person's name (3 characters or more), or a date of birth "
        "(2008-11-25 or 25/11/2008). Only roles that may search by a person's details; every search is audited.",
    ),
    OpenApiParameter(
        "status", OpenApiTypes.STR, enum=[*CaseStatus.values, "all"], description="Open, closed or all (default all)"
    ),
    OpenApiParameter("stage", OpenApiTypes.STR, enum=Stage.values, description="Workflow stage"),
    OpenApiParameter("age_group", OpenApiTypes.STR, enum=AgeGroup.values),
    OpenApiParameter("exploitation_type", OpenApiTypes.STR, enum=ExploitationType.values),
    OpenApiParameter("overdue", OpenApiTypes.STR, enum=["true", "false"], description="Has an overdue action"),
    OpenApiParameter(
        "allocated_to",
        OpenApiTypes.STR,
        description=f"A case worker's username in your organisation, or `{NOT_ALLOCATED}` for cases nobody has",
    ),
]


@extend_schema(
    methods=["GET"],
    operation_id="v1_cases_list",
    summary="Cases you may see",
    description="Filters combine. A value that is not allowed answers 400 naming the parameter.",
    parameters=[*CASE_LIST_PARAMETERS, PAGE_PARAMETER],
    responses=paginated("PaginatedCaseList", CaseSerializer),
)
@extend_schema(
    methods=["POST"], summary="Record a concern", request=CaseCreateSerializer, responses={201: CaseSerializer}
)
@api_view(["GET", "POST"])
def case_list(request: Request) -> Response:
    _require_cases(request)
    if request.method == "POST":
        if not may_record_concerns(request.user):  # a partner would never see the case it made
            raise PermissionDenied(TELL_THE_COUNCIL)
        incoming = body_or_400(CaseCreateSerializer, request)
        case = case_record_concern(
            organisation=request.user.organisation,  # type: ignore[union-attr,arg-type]
            recorded_by=request.user,  # type: ignore[arg-type]
            details=ConcernDetails(**incoming),
            request=request._request,
        )
        return Response(CaseSerializer(case).data, status=status.HTTP_201_CREATED)
    user: Any = request.user
    require_search_allowed(user, request.query_params)
    form = CaseFilterForm(
        request.query_params,
        workers=list(case_workers_of(user.organisation_id, with_former=True)),
        may_search=may_search_cases(user),
    )
    if not form.is_valid():
        raise ValidationError({name: [str(error) for error in errors] for name, errors in form.errors.items()})
    filters = form.filters()
    cases = (
        cases_filtered(case_list_visible_to(user), filters)
        .select_related("allocated_to")
        .prefetch_related("referrals", "nrm_events")
        .order_by("-encountered_at", "-pk")
    )
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(cases, request)
    count = paginator.page.paginator.count if paginator.page is not None else 0
    audit_case_list(request._request, searched=bool(filters.search), count=count, note="Cases listed by API")
    return paginator.get_paginated_response(CaseSerializer(page, many=True, context={"viewer": request.user}).data)


class AllocationSerializer(serializers.Serializer):
    username = serializers.CharField(help_text="The case worker's username, in the case's organisation")
    handover_note = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Needed when the case moves from one worker to another"
    )


@extend_schema(
    summary="Allocate a case to a worker",
    description="The worker must be a case worker of the case's organisation. Handing a case over from one "
    "worker to another needs a handover note.",
    request=AllocationSerializer,
    responses={200: CaseSerializer},
)
@api_view(["POST"])
def case_allocation(request: Request, case_uuid: str) -> Response:
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    incoming = body_or_400(AllocationSerializer, request)
    worker = case_workers_of(case.organisation_id).filter(username=incoming["username"]).first()
    if worker is None:
        raise ValidationError({"username": [gettext("No case worker of the case's organisation has this username")]})
    try:
        case = case_allocate(
            case=case,
            actor=request.user,  # type: ignore[arg-type]
            worker=worker,
            handover_note=incoming["handover_note"],
            request=request._request,
        )
    except ApplicationError as error:  # the service names its form's field; the API's is `username`
        raise ApplicationError(error.message, field="username" if error.field == "worker" else error.field) from None
    return Response(CaseSerializer(case).data)


class CaseCorrectionSerializer(CaseCreateSerializer):
    """Any person or case detail, each optional (a partial update); `reason` is required."""

    aliases = serializers.ListField(child=serializers.CharField(max_length=200, allow_blank=True), required=False)
    current_town = serializers.CharField(required=False, allow_blank=True, max_length=100)
    current_county = serializers.CharField(required=False, allow_blank=True, max_length=100)
    age_assessed_on = PlausibleDateField(required=False, allow_null=True)
    age_assessed_by = serializers.CharField(required=False, allow_blank=True, max_length=200)
    age_assessment_outcome = serializers.ChoiceField(AgeAssessmentOutcome.choices, required=False, allow_blank=True)
    assessed_age = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=120)
    exploitation_places = serializers.CharField(required=False, allow_blank=True, max_length=300)
    child_criminal_exploitation = serializers.BooleanField(required=False)
    child_sexual_exploitation = serializers.BooleanField(required=False)
    separated_child = serializers.BooleanField(required=False)
    care_leaver = serializers.BooleanField(required=False)
    reason = serializers.CharField(help_text="Why the record is being corrected: kept in the audit log")
    version = serializers.IntegerField(
        required=False, help_text="The case's version you read: a stale one is refused with 409 (optimistic locking)"
    )


@extend_schema(methods=["GET"], summary="One case", responses=CaseSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Correct or complete a case",
    description="Any person or case detail, with a required `reason`. The age group, the child branch and the "
    "pathway's actions follow the corrected facts; the change is audited field by field with the reason. "
    "Consent has its own page. Identifying details are refused on an anonymous Duty to Notify.",
    request=CaseCorrectionSerializer,
    responses={200: CaseSerializer, **STALE_VERSION},
)
@api_view(["GET", "PATCH"])
def case_detail(request: Request, case_uuid: str) -> Response:
    if request.method == "PATCH":
        case = get_case_for_user(request.user, case_uuid, to_change=True)
        changes = body_or_400(CaseCorrectionSerializer, request, partial=True)
        unknown = sorted(set(request.data) - set(CaseCorrectionSerializer().fields))
        if unknown:
            raise ValidationError({name: [gettext("Not a field of a case")] for name in unknown})
        reason, version = changes.pop("reason", ""), changes.pop("version", None)
        case = case_correct(
            case=case,
            actor=request.user,  # type: ignore[arg-type]
            changes=changes,
            reason=reason,
            expected_version=version,
            request=request._request,
        )
        return Response(CaseSerializer(case, context={"viewer": request.user}).data)
    case = get_case_for_user(request.user, case_uuid, request=request._request)
    return Response(CaseSerializer(case, context={"viewer": request.user}).data)


@extend_schema(summary="Record an NRM event", request=NrmEventCreateSerializer, responses={201: NrmEventSerializer})
@api_view(["POST"])
def nrm_event_create(request: Request, case_uuid: str) -> Response:
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    incoming = body_or_400(NrmEventCreateSerializer, request)
    event = nrm_event_record(case=case, actor=request.user, request=request._request, **incoming)  # type: ignore[arg-type]
    return Response(NrmEventSerializer(event).data, status=status.HTTP_201_CREATED)
