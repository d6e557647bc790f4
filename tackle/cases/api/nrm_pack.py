"""The referral pack leaving Tackle through the API, as its check page lets it: `GET
/api/v1/cases/{uuid}/nrm-pack/export` shows what would go (audited as the page's view of it), and
`POST` with the check ticked downloads its PDF or JSON (audited as an export). A Duty to Notify whose
account the lead has not reviewed and redacted is refused (409), with what is still missing."""

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.forms.pack_export import PackExportForm
from tackle.cases.nrm_pack import REVIEW_NEEDED, WITHHELD, FormState, build_referral_pack, form_state
from tackle.cases.pack_download import pack_exported, referral_pack_pdf
from tackle.cases.selectors import case_list_visible_to
from tackle.core.access import NRM_PACKS, Action
from tackle.core.api_lists import body_or_400, checked_by_form

_ITEMS: dict[str, serializers.Field] = {
    "key": serializers.CharField(),
    "question": serializers.CharField(),
    "answer": serializers.CharField(),
}
PackSerializer = inline_serializer(
    "ReferralPack",
    {
        "reference": serializers.CharField(),
        "form": serializers.ChoiceField(["nrm", "duty_to_notify"]),
        "title": serializers.CharField(),
        "anonymous": serializers.BooleanField(),
        "sections": inline_serializer(
            "PackSection",
            {
                "key": serializers.CharField(),
                "title": serializers.CharField(),
                "items": inline_serializer("PackItem", _ITEMS, many=True),
            },
            many=True,
        ),
        "missing": serializers.ListField(child=serializers.CharField()),
    },
)


class GoingSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = serializers.CharField(help_text="The lead's redaction, or that it is withheld")


class PackCheckSerializer(serializers.Serializer):
    form = serializers.ChoiceField(["nrm", "duty_to_notify"])
    ready = serializers.BooleanField(help_text="It may be downloaded once the check is confirmed")
    refusal = serializers.CharField(allow_null=True, help_text="Why it may not be downloaded yet")
    missing = serializers.ListField(
        child=serializers.CharField(), help_text="Questions still to answer: the pack says 'Not recorded yet'"
    )
    going = GoingSerializer(many=True, help_text="A Duty to Notify's account as it would go")


class PackExportSerializer(serializers.Serializer):
    checked = serializers.BooleanField(
        help_text="You have checked that nothing in this pack could identify the person (required: true)"
    )
    format = serializers.ChoiceField(["pdf", "json"], default="pdf", help_text="A tagged PDF or the pack as JSON")


_REFUSED = inline_serializer(
    "PackRefused", {"detail": serializers.CharField(), "missing": serializers.ListField(child=serializers.CharField())}
)


def _opened(request: Request, case_uuid: Any) -> Any:
    user = api_user(request)
    return open_for_user(user, case_list_visible_to(user), resource=NRM_PACKS, action=Action.EXPORT, uuid=case_uuid)


def _check(state: FormState) -> dict[str, Any]:
    return {
        "form": state.form,
        "ready": not state.review_needed,
        "refusal": gettext(REVIEW_NEEDED) if state.review_needed else None,
        "missing": state.missing,
        "going": [
            {"question": label, "answer": state.redacted.get(key) or WITHHELD}
            for key, (label, _written) in state.texts_to_review.items()
        ],
    }


@extend_schema(
    methods=["GET"],
    summary="Check the referral pack before it leaves",
    description="What the pack's check page shows: whether it may go, why not, what is still missing, and a Duty "
    "to Notify's account as it would go. For those who may export referral packs; audited as a view.",
    responses=PackCheckSerializer,
)
@extend_schema(
    methods=["POST"],
    summary="Download the referral pack",
    description="As the check page's button: once it has left Tackle it cannot be called back, so `checked` must "
    "be true. The tagged PDF (PDF/UA) or the pack as JSON; audited as an export. A Duty to Notify the lead has "
    "not reviewed and redacted is refused with 409 and what is still missing. For those who may export referral "
    "packs, a write token with the cases module.",
    request=PackExportSerializer,
    responses={
        (200, "application/pdf"): OpenApiTypes.BINARY,
        (200, "application/json"): PackSerializer,
        409: _REFUSED,
    },
    examples=[OpenApiExample("Checked", value={"checked": True, "format": "pdf"}, request_only=True)],
)
@api_view(["GET", "POST"])
def nrm_pack_export(request: Request, case_uuid: Any) -> Response | HttpResponse:
    user = api_user(request)
    case = _opened(request, case_uuid)
    state = form_state(case)
    if request.method == "GET":
        audit_record(action=AuditAction.VIEW, actor=user, request=request._request, obj=case, note="Pack export check")
        return Response(_check(state))
    incoming = body_or_400(PackExportSerializer, request)
    if state.review_needed:
        return Response({"detail": gettext(REVIEW_NEEDED), "missing": state.missing}, status=status.HTTP_409_CONFLICT)
    checked_by_form(PackExportForm({"checked": "on" if incoming["checked"] else ""}))
    pack_exported(case=case, actor=user, request=request._request, form=incoming["format"])
    if incoming["format"] == "json":
        return Response(build_referral_pack(case, state))
    return referral_pack_pdf(case, state)
