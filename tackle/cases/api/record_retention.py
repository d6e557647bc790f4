"""`/api/v1/retention/records/{record_type}/{reference}`: a decision on a record of another kind
(intelligence, premises, an operation, training attendance, a supplier's contact...) past its
retention date, as its decision page records it: keep longer, anonymise or erase where the kind
allows, with a reason; refused while held. The lead and the administrator; audited by the service."""

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_page_for_user
from tackle.cases.api.retention import reaching_case_records
from tackle.cases.api.retention_decision import (
    LegalHoldSummarySerializer,
    RetentionDecidedSerializer,
    RetentionDecisionSerializer,
)
from tackle.cases.forms.retention import ANONYMISE, ERASE, RetentionDecisionForm
from tackle.cases.models import RetentionOutcome
from tackle.cases.retention_records import KeptRecord, RecordKind, record_kind
from tackle.cases.services.record_retention import record_decide, record_live_hold
from tackle.core.access import RETENTION, Action
from tackle.core.api_lists import body_or_400, checked_by_form


class RecordRetentionSerializer(serializers.Serializer):
    record_type = serializers.CharField()
    kind = serializers.CharField(help_text="The kind of record in words")
    reference = serializers.CharField()
    decisions = serializers.ListField(child=serializers.CharField(), help_text="What this kind may be decided")
    hold = LegalHoldSummarySerializer(allow_null=True, help_text="The live legal hold: no decision but keeping it")


class RecordDecisionSerializer(RetentionDecisionSerializer):
    record_type = None  # type: ignore[assignment]  # named by the address


def _record(user: Any, record_type: str, reference: str) -> tuple[RecordKind, KeptRecord]:
    kind = record_kind(record_type)
    record = kind.find(int(user.organisation_id), reference) if kind else None
    if kind is None or record is None:
        raise NotFound("No such record in your organisation")
    return kind, record


@extend_schema(
    methods=["GET"],
    operation_id="retention_record_retrieve",
    summary="What may be decided on another record's retention",
    description="The decisions its kind allows and its live legal hold. The lead and the administrator; audited.",
    responses=RecordRetentionSerializer,
)
@extend_schema(
    methods=["POST"],
    operation_id="retention_record_decide",
    summary="Decide on another record past its retention date",
    description="As the record's decision page: keep it longer (with a date), or anonymise or erase it where its "
    "kind allows, with a reason. Cannot be undone; refused while held. The lead and the administrator, a write "
    "token reaching case records; audited.",
    request=RecordDecisionSerializer,
    responses={201: RetentionDecidedSerializer},
    examples=[OpenApiExample("Erase", value={"decision": "erase", "reason": "Past its date"}, request_only=True)],
)
@api_view(["GET", "POST"])
def record_retention(request: Request, record_type: str, reference: str) -> Response:
    user = reaching_case_records(request)
    reading = request.method == "GET"
    http = request._request
    action = Action.VIEW if reading else Action.CHANGE
    open_page_for_user(user, resource=RETENTION, action=action, request=http if reading else None,
                       object_type=record_type, object_id=reference)  # fmt: skip
    kind, record = _record(user, record_type, reference)
    if reading:
        hold = record_live_hold(int(user.organisation_id), kind, record)
        decisions = ["keep", *([ANONYMISE] if kind.anonymise else []), *([ERASE] if kind.erase else [])]
        return Response(
            {"record_type": kind.record_type, "kind": str(kind.label), "reference": record.reference,
             "decisions": decisions, "hold": {"reason": hold.reason, "placed_at": hold.placed_at} if hold else None}
        )  # fmt: skip
    incoming = body_or_400(RecordDecisionSerializer, request)
    keep_until = incoming.get("keep_until")
    data = {**incoming, "keep_until": keep_until.isoformat() if keep_until else ""}
    form = RetentionDecisionForm(
        data, record_type=record_type, may_anonymise=kind.anonymise is not None, may_erase=kind.erase is not None
    )
    cleaned = checked_by_form(form).cleaned_data
    outcomes = {ANONYMISE: RetentionOutcome.ANONYMISED, ERASE: RetentionOutcome.ERASED}
    record_decide(
        kind=kind, record=record, outcome=outcomes.get(cleaned["decision"], RetentionOutcome.EXTENDED),
        reason=cleaned["reason"], keep_until=cleaned.get("keep_until"), actor=user, request=http,
    )  # fmt: skip
    body = {"reference": record.reference, "record_type": kind.record_type, "decision": cleaned["decision"]}
    return Response(body, status=status.HTTP_201_CREATED)
