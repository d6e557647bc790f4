"""/api/v1/cases/{uuid}/nrm-form: the case's Home Office form, each answer in words, and what is
still missing. Through the same selector and door as the case API; a Duty to Notify's free text is
the lead's redaction (null until it is made) and carries nothing that identifies the person."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.cases.nrm_pack import api_form
from tackle.cases.selectors import case_list_visible_to
from tackle.core.access import NRM_PACKS, Action


class NrmFormSerializer(serializers.Serializer):
    form = serializers.ChoiceField(
        ["nrm", "duty_to_notify"], help_text="NRM for a child or an adult who consented; Duty to Notify otherwise"
    )
    sections = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField(allow_null=True)),
        help_text="By section key, in the form's order: each question's key and its answer in words, or null",
    )
    missing = serializers.ListField(
        child=serializers.CharField(), help_text="Keys of the questions still to answer, in the form's order"
    )


@extend_schema(
    summary="The case's Home Office form",
    description="Every question the Home Office form asks of this case (its form, and the child or adult branch), "
    "answered in words, and the keys of those still missing. Roles that may read referral packs only; "
    "another organisation's case answers 404.",
    responses=NrmFormSerializer,
    examples=[
        OpenApiExample(
            "Part way",
            value={
                "form": "nrm",
                "sections": {"background": {"birthplace": "Tirana", "family": None}},
                "missing": ["family"],
            },
        )
    ],
)
@api_view(["GET"])
def nrm_form(request: Request, case_uuid: str) -> Response:
    case = open_for_user(
        request.user,
        case_list_visible_to(request.user),
        resource=NRM_PACKS,
        action=Action.VIEW,
        request=request._request,
        note="Home Office form by API",
        uuid=case_uuid,
    )
    return Response(api_form(case))
