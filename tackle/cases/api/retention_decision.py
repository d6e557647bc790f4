"""`/api/v1/cases/{uuid}/retention`: a decision on a case, or on its documents, past their retention
date, as the case's decision page records it: keep longer (to a date), anonymise or erase, with a
reason; refused while the case is on legal hold. The lead and the administrator; audited."""

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.cases.api.retention import reaching_case_records
from tackle.cases.forms.retention import ANONYMISE, ERASE, KEEP, RetentionDecisionForm
from tackle.cases.models import Case
from tackle.cases.rules.retention import RecordType
from tackle.cases.selectors import case_record_type, cases_of_organisation, live_legal_hold
from tackle.cases.services.retention import case_retention_decide
from tackle.core.access import RETENTION, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form


class LegalHoldSummarySerializer(serializers.Serializer):
    reason = serializers.CharField()
    placed_at = serializers.DateTimeField()


class CaseRetentionSerializer(serializers.Serializer):
    reference = serializers.CharField()
    record_types = serializers.ListField(
        child=serializers.CharField(), help_text="What may be decided on: the case, then its documents"
    )
    hold = LegalHoldSummarySerializer(allow_null=True, help_text="The live legal hold: no decision but keeping it")


class RetentionDecisionSerializer(serializers.Serializer):
    record_type = serializers.CharField(
        required=False, help_text="The case's own record type (the default) or support_document for its documents"
    )
    decision = serializers.ChoiceField([KEEP, ANONYMISE, ERASE], help_text="Documents cannot be anonymised")
    keep_until = PlausibleDateField(required=False, allow_null=True, help_text="Needed to keep it longer")
    reason = serializers.CharField(allow_blank=True, help_text="Kept on the decision and in the audit log")


class RetentionDecidedSerializer(serializers.Serializer):
    reference = serializers.CharField()
    record_type = serializers.CharField()
    decision = serializers.CharField()


def _case(request: Request, case_uuid: Any, action: Action) -> Case:
    user = reaching_case_records(request)
    return open_for_user(
        user, cases_of_organisation(user), resource=RETENTION, action=action, request=request._request, uuid=case_uuid
    )


def _decided(case: Case, record_type: str, cleaned: dict[str, Any], user: Any, request: Request) -> None:
    case_retention_decide(
        case=case, record_type=record_type, decision=cleaned["decision"], reason=cleaned["reason"],
        keep_until=cleaned.get("keep_until"), actor=user, request=request._request,
    )  # fmt: skip


@extend_schema(
    methods=["GET"],
    summary="What may be decided on a case's retention",
    description="The kinds of record the case's decision page offers, and its live legal hold. The lead and "
    "the administrator; audited.",
    responses=CaseRetentionSerializer,
)
@extend_schema(
    methods=["POST"],
    summary="Decide on a case past its retention date",
    description="As the case's decision page: keep it longer (with a date), anonymise it (what the figures count "
    "stays) or erase it (the figures of its periods fall), with a reason; its documents may be kept longer or "
    "erased. Cannot be undone; refused while the case is on legal hold. The lead and the administrator, a write "
    "token reaching case records; audited.",
    request=RetentionDecisionSerializer,
    responses={201: RetentionDecidedSerializer},
    examples=[
        OpenApiExample(
            "Keep for a claim",
            value={"decision": "keep", "keep_until": "2027-03-31", "reason": "Tribunal claim under way"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def case_retention(request: Request, case_uuid: Any) -> Response:
    if request.method == "GET":
        case = _case(request, case_uuid, Action.VIEW)
        hold = live_legal_hold(case)
        return Response(
            {
                "reference": case.reference,
                "record_types": [case_record_type(case), RecordType.SUPPORT_DOCUMENT.value],
                "hold": {"reason": hold.reason, "placed_at": hold.placed_at} if hold else None,
            }
        )
    case = _case(request, case_uuid, Action.CHANGE)
    incoming = body_or_400(RetentionDecisionSerializer, request)
    record_type = incoming.get("record_type") or case_record_type(case)
    if record_type not in (case_record_type(case), RecordType.SUPPORT_DOCUMENT):
        raise ValidationError({"record_type": ["No such kind of record on this case"]})
    keep_until = incoming.get("keep_until")
    data = {**incoming, "keep_until": keep_until.isoformat() if keep_until else ""}
    form = checked_by_form(RetentionDecisionForm(data, record_type=record_type))
    reference = case.reference
    _decided(case, record_type, form.cleaned_data, reaching_case_records(request), request)
    body = {"reference": reference, "record_type": record_type, "decision": form.cleaned_data["decision"]}
    return Response(body, status=status.HTTP_201_CREATED)
