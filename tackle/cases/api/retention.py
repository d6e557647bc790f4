"""Retention through the API, as the retention pages do it (issue 15, item 5): the records past their
date (`GET /api/v1/retention/due`), the schedule (`/retention/schedule`, read; changed by the
administrator) and a decision on a case (`/cases/{uuid}/retention`): the same selectors, forms and
services, audited; the administrator and the lead only (RETENTION, RETENTION_SCHEDULE)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_page_for_user
from tackle.cases.forms.retention import RetentionScheduleForm
from tackle.cases.retention_records import record_kinds
from tackle.cases.rules.retention import DEFAULT_MONTHS, RecordType
from tackle.cases.selectors import other_records_review, retention_months_of, retention_review
from tackle.cases.services.retention import retention_period_set
from tackle.core.access import RETENTION, RETENTION_SCHEDULE, Action
from tackle.core.api_lists import body_or_400, checked_by_form, one_page, query_or_400, sort_choice
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.periods import today_in_london
from tackle.core.roles import Module


def reaching_case_records(request: Request) -> Any:
    """Retention and subject access sit in the home module, which every token reaches (the
    administrator decides on records without casework); they hold case records, so a token limited
    to some modules reaches them only when the cases module is one."""
    user = api_user(request)
    if user.token_modules is not None and Module.CASES not in user.token_modules:
        raise PermissionDenied("This token does not reach case records: use one with the cases module or every module.")
    if user.organisation_id is None:
        raise PermissionDenied("You are not a member of an organisation.")
    return user


def _record_types() -> list[str]:
    return [*RecordType.values, *(kind.record_type for kind in record_kinds())]


class RetentionDueSerializer(serializers.Serializer):
    record_type = serializers.CharField(help_text="The kind of record, as the schedule names it")
    kind = serializers.CharField(help_text="The kind of record in words")
    reference = serializers.CharField()
    case = serializers.UUIDField(allow_null=True, help_text="The case, for a case or its documents")
    kept_until = serializers.DateField(help_text="Its retention date, passed")


class RetentionDueFilters(serializers.Serializer):
    record_type = serializers.CharField(required=False, help_text="One kind of record, as the schedule names it")
    sort = sort_choice("kept_until", "reference", default="kept_until")

    def validate_record_type(self, value: str) -> str:
        if value not in _record_types():
            raise serializers.ValidationError(f"Choose one of: {', '.join(_record_types())}")
        return value


@extend_schema(
    summary="Records past their retention date",
    description="As the retention review page: closed cases and their documents, and intelligence, premises, "
    "operations and the other kinds, past their date; none on legal hold, none anonymised. The lead and the "
    "administrator; audited.",
    parameters=[RetentionDueFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedRetentionDueList", RetentionDueSerializer),
)
@api_view(["GET"])
def retention_due_list(request: Request) -> Response:
    user = reaching_case_records(request)
    filters = query_or_400(RetentionDueFilters, request)
    open_page_for_user(user, resource=RETENTION, request=request._request, object_type="cases.retention", note="API")
    today = today_in_london()
    due, _holds = retention_review(int(user.organisation_id), today)
    others, _other_holds = other_records_review(int(user.organisation_id), today)
    rows = [
        {"record_type": item.record_type, "kind": item.record_type_label, "reference": item.case.reference,
         "case": item.case.uuid, "kept_until": item.ends_on}
        for item in due
    ] + [
        {"record_type": item.kind.record_type, "kind": str(item.kind.label), "reference": item.record.reference,
         "case": None, "kept_until": item.ends_on}
        for item in others
    ]  # fmt: skip
    if filters.get("record_type"):
        rows = [row for row in rows if row["record_type"] == filters["record_type"]]
    key = filters["sort"].lstrip("-")
    rows.sort(key=lambda row: (row[key], row["reference"]), reverse=filters["sort"].startswith("-"))
    response, _count = one_page(request, rows, lambda page: RetentionDueSerializer(page, many=True).data)
    return response


class RetentionPeriodSerializer(serializers.Serializer):
    record_type = serializers.CharField()
    kind = serializers.CharField(help_text="The kind of record, and from when its period runs")
    months = serializers.IntegerField(help_text="Months kept: the organisation's, or the default")
    default_months = serializers.IntegerField()


class RetentionScheduleSerializer(serializers.Serializer):
    periods = RetentionPeriodSerializer(many=True)


class RetentionScheduleWriteSerializer(serializers.Serializer):
    months = serializers.DictField(
        child=serializers.IntegerField(), help_text="By record type, the months to keep it; others stay as they are"
    )


def _schedule(organisation_id: int) -> dict[str, Any]:
    months = retention_months_of(organisation_id)
    periods = [
        {"record_type": record_type.value, "kind": str(record_type.label), "months": months[record_type],
         "default_months": DEFAULT_MONTHS[record_type]}
        for record_type in RecordType
    ] + [
        {"record_type": kind.record_type, "kind": f"{kind.label} ({kind.runs_from})",
         "months": months[kind.record_type], "default_months": kind.default_months}
        for kind in record_kinds()
    ]  # fmt: skip
    return {"periods": periods}


@extend_schema(
    methods=["GET"],
    summary="The retention schedule",
    description="How long each kind of record is kept, as the schedule page shows it. The lead and the "
    "administrator; audited.",
    responses=RetentionScheduleSerializer,
)
@extend_schema(
    methods=["PATCH"],
    summary="Change the retention schedule",
    description="As the schedule's change page: months from 1 to the most the rules allow, by record type. "
    "The administrator only, a write token; each change audited.",
    request=RetentionScheduleWriteSerializer,
    responses=RetentionScheduleSerializer,
    examples=[OpenApiExample("Adults' cases", value={"months": {"adult_case": 84}}, request_only=True)],
)
@api_view(["GET", "PATCH"])
def retention_schedule(request: Request) -> Response:
    user = reaching_case_records(request)
    organisation_id = int(user.organisation_id)
    if request.method == "GET":
        open_page_for_user(
            user, resource=RETENTION_SCHEDULE, request=request._request, object_type="cases.retentionperiod"
        )
        return Response(_schedule(organisation_id))
    open_page_for_user(user, resource=RETENTION_SCHEDULE, action=Action.CHANGE, object_type="cases.retentionperiod")
    wanted = body_or_400(RetentionScheduleWriteSerializer, request)["months"]
    months = retention_months_of(organisation_id)
    unknown = {key: ["No such kind of record in the schedule"] for key in wanted if key not in months}
    if unknown:
        raise ValidationError(unknown)
    form = checked_by_form(RetentionScheduleForm({**months, **wanted}, months=months))
    for record_type, chosen in form.cleaned_data.items():
        if chosen != months[record_type]:
            retention_period_set(
                organisation=user.organisation, record_type=record_type, months=chosen, actor=user,
                request=request._request,
            )  # fmt: skip
    return Response(_schedule(organisation_id))
