"""Legal holds through the API, as the retention pages place and lift them: on a case (by its
reference) or on a record of another kind (intelligence, premises, an operation...). Listed live,
lifted or all; placed and lifted with a reason through the pages' forms and services, audited. The
lead and the administrator only (RETENTION); another organisation's hold is not found."""

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.cases.api.retention import reaching_case_records
from tackle.cases.forms.retention import LegalHoldForm, LegalHoldLiftForm, RecordLegalHoldForm
from tackle.cases.models import LegalHold, RecordLegalHold
from tackle.cases.retention_records import record_kind, record_kinds
from tackle.cases.selectors import (
    CASE_HOLD,
    HeldRecord,
    case_of_organisation_named,
    cases_of_organisation,
    legal_holds_of,
)
from tackle.cases.services.record_retention import record_hold_lift, record_hold_place
from tackle.cases.services.retention import legal_hold_lift, legal_hold_place
from tackle.core.access import RETENTION, Action
from tackle.core.api_lists import body_or_400, checked_by_form, one_page, query_or_400, sort_choice
from tackle.core.api_schema import PAGE_PARAMETER, paginated

LIVE, LIFTED, ALL = "live", "lifted", "all"


class LegalHoldSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    record_type = serializers.CharField(help_text="case, or the kind of record held")
    kind = serializers.CharField(source="kind_label", help_text="The kind of record in words")
    reference = serializers.CharField()
    reason = serializers.CharField()
    placed_by = serializers.CharField()
    placed_at = serializers.DateTimeField()
    lifted_at = serializers.DateTimeField(allow_null=True)
    lift_reason = serializers.CharField(allow_blank=True)


def _kinds() -> list[str]:
    return [CASE_HOLD, *(kind.record_type for kind in record_kinds())]


class LegalHoldFilters(serializers.Serializer):
    state = serializers.ChoiceField([LIVE, LIFTED, ALL], default=LIVE, help_text="Live holds by default")
    record_type = serializers.CharField(required=False, help_text="case, or one kind of record")
    sort = sort_choice("placed_at", "reference", default="-placed_at")

    def validate_record_type(self, value: str) -> str:
        if value not in _kinds():
            raise serializers.ValidationError(f"Choose one of: {', '.join(_kinds())}")
        return value


class LegalHoldPlaceSerializer(serializers.Serializer):
    record_type = serializers.CharField(help_text="case, or the kind of record (intelligence, premises...)")
    reference = serializers.CharField(allow_blank=True, help_text="Its reference, such as C-1A2B3C4D")
    reason = serializers.CharField(allow_blank=True, help_text="Why it must be kept")

    def validate_record_type(self, value: str) -> str:
        return LegalHoldFilters().validate_record_type(value)


class LegalHoldLiftSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, help_text="Why the hold can end")


def _one(organisation_id: int, hold_uuid: Any) -> HeldRecord:
    return legal_holds_of(organisation_id, live=None, uuid=hold_uuid)[0]


@extend_schema(
    methods=["GET"],
    operation_id="retention_holds_list",
    summary="Legal holds",
    description="Cases and other records kept whatever their retention date, as the retention review page lists "
    "them: live by default, or lifted, or all. The lead and the administrator; audited.",
    parameters=[LegalHoldFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedLegalHoldList", LegalHoldSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Put a record on legal hold",
    description="As the legal hold pages: a case by its reference, or another kind of record by its kind and "
    "reference, with a reason. While held it is never due and cannot be erased or anonymised. The lead and the "
    "administrator, a write token reaching case records; audited.",
    request=LegalHoldPlaceSerializer,
    responses={201: LegalHoldSerializer},
    examples=[
        OpenApiExample(
            "A tribunal claim",
            value={"record_type": "case", "reference": "C-1A2B3C4D", "reason": "Employment tribunal claim"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def legal_holds(request: Request) -> Response:
    user = reaching_case_records(request)
    organisation_id = int(user.organisation_id)
    if request.method == "GET":
        filters = query_or_400(LegalHoldFilters, request)
        open_page_for_user(user, resource=RETENTION, request=request._request, object_type="cases.legalhold")
        live = {LIVE: True, LIFTED: False, ALL: None}[filters["state"]]
        holds = legal_holds_of(organisation_id, live=live, record_type=filters.get("record_type", ""))
        key = filters["sort"].lstrip("-")
        holds.sort(key=lambda hold: getattr(hold, key), reverse=filters["sort"].startswith("-"))
        response, _count = one_page(request, holds, lambda page: LegalHoldSerializer(page, many=True).data)
        return response
    open_page_for_user(user, resource=RETENTION, action=Action.RECORD, object_type="cases.legalhold")
    incoming = body_or_400(LegalHoldPlaceSerializer, request)
    if incoming["record_type"] == CASE_HOLD:
        form: Any = checked_by_form(LegalHoldForm(incoming))
        case = case_of_organisation_named(user, form.cleaned_data["reference"])
        if case is None:
            raise ValidationError({"reference": ["No case of your organisation has this reference"]})
        hold: Any = legal_hold_place(
            case=case, reason=form.cleaned_data["reason"], actor=user, request=request._request
        )
    else:
        form = checked_by_form(RecordLegalHoldForm(incoming))
        kind = record_kind(incoming["record_type"])
        record = kind.find(organisation_id, form.cleaned_data["reference"]) if kind else None
        if kind is None or record is None:
            raise ValidationError({"reference": ["No record of this kind in your organisation has this reference"]})
        reason = form.cleaned_data["reason"]
        hold = record_hold_place(kind=kind, record=record, reason=reason, actor=user, request=request._request)
    return Response(LegalHoldSerializer(_one(organisation_id, hold.uuid)).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Lift a legal hold",
    description="As the lift pages: with a reason, kept with who and when; the hold is never deleted. A hold "
    "already lifted, or another organisation's, is not found. The lead and the administrator, a write token "
    "reaching case records; audited.",
    request=LegalHoldLiftSerializer,
    responses=LegalHoldSerializer,
    examples=[OpenApiExample("Settled", value={"reason": "The claim was settled"}, request_only=True)],
)
@api_view(["POST"])
def legal_hold_lift_api(request: Request, hold_uuid: Any) -> Response:
    user = reaching_case_records(request)
    organisation_id, http = int(user.organisation_id), request._request
    on_cases = LegalHold.objects.filter(case__in=cases_of_organisation(user), lifted_at__isnull=True)
    others = RecordLegalHold.objects.filter(organisation_id=organisation_id, lifted_at__isnull=True)
    live: Any = on_cases if on_cases.filter(uuid=hold_uuid).exists() else others
    hold = open_for_user(user, live, resource=RETENTION, action=Action.CHANGE, request=http, uuid=hold_uuid)
    reason = checked_by_form(LegalHoldLiftForm(body_or_400(LegalHoldLiftSerializer, request))).cleaned_data["reason"]
    lift: Any = legal_hold_lift if isinstance(hold, LegalHold) else record_hold_lift
    lift(hold=hold, reason=reason, actor=user, request=http)
    return Response(LegalHoldSerializer(_one(organisation_id, hold.uuid)).data)
