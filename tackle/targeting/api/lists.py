"""/api/v1/regulator-lists and /api/v1/targeting-outcomes (issue 19, item 1): the organisation's
regulators' lists and its classified outcomes, as the targeting pages show them, for the roles that
use disruption. Lists are imported, corrected and removed on the pages only (files, columns to
confirm); an outcome is classified here as on the Outcomes to classify page."""

from typing import Any, cast

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import TARGETING
from tackle.core.api_lists import body_or_400, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.errors import ApplicationError
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.targeting import selectors, services
from tackle.targeting.rules.outcomes import wording as outcome_wording
from tackle.targeting.sources import SourceError


def _user(request: Request) -> User:
    user = cast(User, request.user)
    require_module(user, Module.DISRUPTION)
    return user


def _filters(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """A filter the list does not have is refused by name, so a misspelt one never answers everything."""
    unknown = sorted(set(request.query_params) - set(serializer_class().fields) - {"page"})
    if unknown:
        raise ValidationError({name: ["Not a filter of this list"] for name in unknown})
    return query_or_400(serializer_class, request)


def _audit_list(request: Request, object_type: str, count: int) -> None:
    audit_record(action=AuditAction.LIST, request=request._request, object_type=object_type, note=f"API, {count}")


class RegulatorListSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    source = serializers.CharField(help_text="Which regulator the list comes from")  # type: ignore[assignment]
    filename = serializers.CharField()
    mapping = serializers.DictField(child=serializers.CharField(), help_text="Field -> the column it was read from")
    record_count = serializers.IntegerField()
    reject_count = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class RegulatorListFilters(serializers.Serializer):
    source = serializers.CharField(  # type: ignore[assignment]  # the filter named "source", not Field.source
        required=False, max_length=80, help_text="Part of the regulator's name"
    )
    sort = sort_choice("source", "uploaded_at", "record_count", default="source")


@extend_schema(
    operation_id="regulator_lists_list",
    summary="Your organisation's regulators' lists",
    description="As the Regulators' lists page shows them. Every listing is audited.",
    parameters=[RegulatorListFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedRegulatorListList", RegulatorListSerializer),
)
@api_view(["GET"])
def regulator_list_list(request: Request) -> Response:
    user = _user(request)
    filters = _filters(RegulatorListFilters, request)
    lists = selectors.lists_visible_to(user).defer("content")
    if filters.get("source"):
        lists = lists.filter(source__icontains=filters["source"].strip())
    response, count = one_page(
        request, sorted_by(lists, filters["sort"]), lambda page: RegulatorListSerializer(page, many=True).data
    )
    _audit_list(request, "targeting.regulatorlist", count)
    return response


class RegulatorRecordSerializer(serializers.Serializer):
    line = serializers.IntegerField(help_text="Its line in the file")
    name = serializers.CharField()
    trading_name = serializers.CharField(allow_blank=True)
    address = serializers.CharField(allow_blank=True)
    town = serializers.CharField(allow_blank=True)
    postcode = serializers.CharField(allow_blank=True)
    company_number = serializers.CharField(allow_blank=True)
    premises_type = serializers.CharField()
    non_compliant = serializers.BooleanField(help_text="The line records an adverse finding")
    finding = serializers.CharField(allow_blank=True)
    date = serializers.DateField(allow_null=True)


class RegulatorRejectSerializer(serializers.Serializer):
    line = serializers.IntegerField()
    reason = serializers.CharField()


class RegulatorListDetailSerializer(RegulatorListSerializer):
    header = serializers.ListField(child=serializers.CharField(), help_text="The file's columns")
    problem = serializers.CharField(allow_blank=True, help_text="Why the list cannot be read, if it cannot")
    rejects = RegulatorRejectSerializer(many=True, help_text="Lines that could not be used")
    records = paginated("PaginatedRegulatorRecordList", RegulatorRecordSerializer)


@extend_schema(
    operation_id="regulator_lists_retrieve",
    summary="One regulators' list with its records",
    description="Your organisation's list only (404 for anyone else's), read as its Check columns page reads it: "
    "the records a page at a time (`page`), every rejected line with its reason. Audited as a view.",
    parameters=[PAGE_PARAMETER],
    responses=RegulatorListDetailSerializer,
    examples=[
        OpenApiExample(
            "A fire safety list",
            value={
                "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                "source": "fire",
                "filename": "fire.csv",
                "mapping": {"business_name": "Premises name", "postcode": "Postcode"},
                "record_count": 1,
                "reject_count": 0,
                "uploaded_at": "2026-04-02T09:30:00Z",
                "updated_at": "2026-04-02T09:30:00Z",
                "header": ["Premises name", "Postcode"],
                "problem": "",
                "rejects": [],
                "records": {
                    "count": 1,
                    "next": None,
                    "previous": None,
                    "results": [
                        {
                            "line": 2,
                            "name": "Sparkle Car Wash",
                            "trading_name": "",
                            "address": "",
                            "town": "",
                            "postcode": "B70 6AB",
                            "company_number": "",
                            "premises_type": "hand_car_wash",
                            "non_compliant": True,
                            "finding": "",
                            "date": "2026-04-02",
                        }
                    ],
                },
            },
            response_only=True,
        )
    ],
)
@api_view(["GET"])
def regulator_list_detail(request: Request, list_uuid: str) -> Response:
    user = _user(request)
    visible = selectors.lists_visible_to(user)
    regulator_list = open_for_user(user, visible, resource=TARGETING, request=request._request, uuid=list_uuid)
    problem, header, records, rejects = "", [], [], []
    try:
        read = selectors.read_list(regulator_list)
    except SourceError as error:  # saved mappings read; this guards lists saved under older rules
        problem = str(error.message)
    else:
        header, records, rejects = read.header, read.records, read.rejects
    paginator = PageNumberPagination()
    page: Any = paginator.paginate_queryset(records, request) or []
    body = dict(RegulatorListSerializer(regulator_list).data)
    body.update(
        header=header,
        problem=problem,
        rejects=RegulatorRejectSerializer(rejects, many=True).data,
        records={
            "count": len(records),
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": RegulatorRecordSerializer(page, many=True).data,
        },
    )
    return Response(body)


class TargetingOutcomeSerializer(serializers.Serializer):
    wording = serializers.CharField(help_text="Lower case words, as the lists' results are compared")
    adverse = serializers.BooleanField(help_text="A line saying it records an adverse finding")
    decided_at = serializers.DateTimeField()


class TargetingOutcomeFilters(serializers.Serializer):
    adverse = serializers.BooleanField(required=False, allow_null=True, default=None)
    sort = sort_choice("wording", "decided_at", default="wording")


class TargetingOutcomeWriteSerializer(serializers.Serializer):
    wording = serializers.CharField(max_length=200, help_text="A result as a list words it")
    adverse = serializers.BooleanField()


@extend_schema(
    methods=["GET"],
    operation_id="targeting_outcomes_list",
    summary="Outcomes your organisation has classified",
    description="Result wordings no rule places, as your organisation classified them; every list uses them. "
    "Every listing is audited.",
    parameters=[TargetingOutcomeFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedTargetingOutcomeList", TargetingOutcomeSerializer),
)
@extend_schema(
    methods=["POST"],
    operation_id="targeting_outcomes_create",
    summary="Classify an outcome",
    description="As the Outcomes to classify page: whether a result's wording records an adverse finding, kept for "
    "every list your organisation imports; one classified before is classified again.",
    request=TargetingOutcomeWriteSerializer,
    responses={201: TargetingOutcomeSerializer},
    examples=[
        OpenApiExample("A licence refused", value={"wording": "Licence refused", "adverse": True}, request_only=True)
    ],
)
@api_view(["GET", "POST"])
def outcome_list(request: Request) -> Response:
    user = _user(request)
    organisation = user.organisation
    assert organisation is not None  # require_module has checked the user belongs to one
    if request.method == "POST":
        incoming = body_or_400(TargetingOutcomeWriteSerializer, request)
        try:
            classified = services.outcome_wordings_classify(
                organisation=organisation, actor=user, decisions={incoming["wording"]: incoming["adverse"]}
            )
        except ApplicationError as error:
            raise ValidationError({"wording": [str(error.message)]}) from None
        if not classified:
            raise ValidationError({"wording": ["Enter the outcome's words"]})
        saved = selectors.outcome_wordings_visible_to(user).get(wording=outcome_wording(incoming["wording"]))
        return Response(TargetingOutcomeSerializer(saved).data, status=status.HTTP_201_CREATED)
    filters = _filters(TargetingOutcomeFilters, request)
    outcomes = selectors.outcome_wordings_visible_to(user)
    if filters.get("adverse") is not None:
        outcomes = outcomes.filter(adverse=filters["adverse"])
    response, count = one_page(
        request, sorted_by(outcomes, filters["sort"]), lambda page: TargetingOutcomeSerializer(page, many=True).data
    )
    _audit_list(request, "targeting.outcomewording", count)
    return response
