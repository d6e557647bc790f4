"""`POST /api/v1/cases/{uuid}/close` and `/reopen`: a case closed or reopened with a reason, as the
case's Close and Reopen pages do it: the same form, the same services (audited; reopening keeps the
earlier closure in a case note), for those who may change the case."""

from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.cases.api.case import CaseSerializer
from tackle.cases.forms.support import CaseCloseForm, CaseReopenForm
from tackle.cases.selectors import get_case_for_user
from tackle.cases.services.support import case_close, case_reopen
from tackle.core.api_lists import body_or_400, checked_by_form

ALREADY_DONE = {409: OpenApiResponse(description="The case is already closed (closing) or open (reopening)")}


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True, help_text="Why: kept on the case and in the audit log")


def _changed(request: Request, case_uuid: Any, *, closing: bool) -> Response:
    user = api_user(request)
    case = get_case_for_user(user, case_uuid, to_change=True)  # 404 or 403 before the body is read
    incoming = body_or_400(ReasonSerializer, request)
    form = checked_by_form((CaseCloseForm if closing else CaseReopenForm)(incoming))
    change = case_close if closing else case_reopen
    # Already closed (closing) or already open (reopening): a ConflictError, answered 409.
    case = change(case=case, actor=user, reason=form.cleaned_data["reason"], request=request._request)
    return Response(CaseSerializer(case, context={"viewer": user}).data)


@extend_schema(
    summary="Close a case",
    description=(
        "As the case's Close page: a reason is needed; an already closed case is refused with 409. For those who may "
        "change the case (a write token with the cases module); audited."
    ),
    request=ReasonSerializer,
    responses={200: CaseSerializer, **ALREADY_DONE},
    examples=[OpenApiExample("Moved on", value={"reason": "Moved on to long-term accommodation"}, request_only=True)],
)
@api_view(["POST"])
def case_close_api(request: Request, case_uuid: Any) -> Response:
    return _changed(request, case_uuid, closing=True)


@extend_schema(
    summary="Reopen a closed case",
    description=(
        "As the case's Reopen page: a reason is needed; an open case is refused with 409. The earlier closure and the "
        "reason go into a case note. For those who may change the case (a write token with the cases module); "
        "audited."
    ),
    request=ReasonSerializer,
    responses={200: CaseSerializer, **ALREADY_DONE},
    examples=[OpenApiExample("Back in touch", value={"reason": "Back in touch through the GP"}, request_only=True)],
)
@api_view(["POST"])
def case_reopen_api(request: Request, case_uuid: Any) -> Response:
    return _changed(request, case_uuid, closing=False)
