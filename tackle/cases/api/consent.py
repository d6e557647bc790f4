"""`GET` and `POST /api/v1/cases/{uuid}/consent`: the consent conversation as the case's Consent page
holds it: how the NRM was explained (language, interpreter, leaflet, the organisation's approved texts
read), the answer, and a withdrawal; the page's form and case_record_consent (audited, optimistic
locking), for those who may change the case."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.cases.api.case import ConsentExplanationSerializer
from tackle.cases.forms.case import ConsentForm
from tackle.cases.models import Case, InterpreterMode
from tackle.cases.rules.pick_lists import LANGUAGES
from tackle.cases.selectors import consent_explanations_of, explanation_offer, get_case_for_user
from tackle.cases.services.case import ConsentExplained, case_record_consent
from tackle.cases.services.explanations import explanations_shipped_ensure
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, query_or_400
from tackle.core.api_schema import STALE_VERSION

_RECORDED = (
    "consent_to_nrm", "consent_to_share", "consent_language", "consent_interpreter", "consent_interpreter_agency",
    "consent_leaflet", "consent_explanation_read_by_interpreter", "consent_withdrawn_on", "version",
)  # fmt: skip


class OfferSerializer(serializers.Serializer):
    asked = serializers.CharField(help_text="The person's language asked for")
    language = serializers.CharField(help_text="The language the texts are in: English where none is approved")
    texts = ConsentExplanationSerializer(many=True, source="versions")


class ConsentSerializer(serializers.Serializer):
    consent_to_nrm = serializers.BooleanField(allow_null=True, help_text="null: not asked yet")
    consent_to_share = serializers.BooleanField()
    consent_language = serializers.CharField()
    consent_interpreter = serializers.CharField()
    consent_interpreter_agency = serializers.CharField()
    consent_leaflet = serializers.CharField()
    consent_explanation_read_by_interpreter = serializers.BooleanField()
    consent_withdrawn_on = serializers.DateField(allow_null=True)
    version = serializers.IntegerField(help_text="Send it back when recording: a stale one is refused with 409")
    consent_explanations = ConsentExplanationSerializer(many=True, help_text="The texts read when they answered")
    offer = OfferSerializer(allow_null=True, help_text="The texts offered in `?language=`; null when none asked")


class LanguageQuery(serializers.Serializer):
    language = serializers.ChoiceField(
        LANGUAGES, required=False, help_text="The person's language: the approved texts offered in it"
    )


class ConsentRecordSerializer(serializers.Serializer):
    consent_to_nrm = serializers.BooleanField(help_text="Whether they agree to be referred to the NRM")
    refusal_reason = serializers.CharField(required=False, allow_blank=True, default="", help_text="If not, why")
    consent_to_share = serializers.BooleanField(required=False, default=False)
    consent_language = serializers.CharField(required=False, allow_blank=True, default="", max_length=100)
    consent_interpreter = serializers.ChoiceField(
        InterpreterMode.choices, required=False, allow_blank=True, default=InterpreterMode.NONE
    )
    consent_interpreter_agency = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    consent_leaflet = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    explained_in = serializers.ChoiceField(
        LANGUAGES,
        required=False,
        allow_blank=True,
        default="",
        help_text="The language asked for when the texts were read: the texts offered in it (as GET with "
        "`?language=` shows them) are recorded as read",
    )
    consent_explanation_read_by_interpreter = serializers.BooleanField(required=False, default=False)
    withdrawn_on = PlausibleDateField(
        required=False, allow_null=True, default=None, help_text="The date they withdrew consent given earlier"
    )
    version = serializers.IntegerField(help_text="The case's version you read")


def _consent(case: Case, offer: Any) -> dict[str, Any]:
    body = {name: getattr(case, name) for name in _RECORDED}
    return {**body, "consent_explanations": consent_explanations_of(case), "offer": offer}


@extend_schema(
    methods=["GET"],
    summary="A case's consent, and the texts to read",
    description="As the case's Consent page: what was recorded, and with `?language=` the organisation's approved "
    "explanation texts offered in the person's language (English, for an interpreter, where none is). For those "
    "who may change the case; audited.",
    parameters=[OpenApiParameter("language", OpenApiTypes.STR, enum=LANGUAGES, description="The person's language")],
    responses=ConsentSerializer,
)
@extend_schema(
    methods=["POST"],
    summary="Record or withdraw consent",
    description="As the case's Consent page: the same form and service. A refusal needs a reason; a withdrawal "
    "needs the answer no and the date. A stale `version` is refused with 409. Audited.",
    request=ConsentRecordSerializer,
    responses={200: ConsentSerializer, **STALE_VERSION},
    examples=[
        OpenApiExample(
            "Agreed, through an interpreter",
            value={
                "consent_to_nrm": True,
                "consent_to_share": True,
                "consent_language": "Romanian",
                "consent_interpreter": "phone",
                "consent_interpreter_agency": "Language Line",
                "consent_leaflet": "Home Office NRM leaflet in Romanian",
                "explained_in": "Romanian",
                "version": 3,
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def case_consent(request: Request, case_uuid: Any) -> Response:
    user = api_user(request)
    case = get_case_for_user(user, case_uuid, to_change=True)  # as the page: who records it
    explanations_shipped_ensure(organisation=case.organisation)
    if request.method == "GET":
        get_case_for_user(user, case_uuid, request=request._request, note="Consent")  # the view, audited
        asked = query_or_400(LanguageQuery, request).get("language", "")
        offer = explanation_offer(case.organisation_id, asked) if asked else None
        return Response(ConsentSerializer(_consent(case, offer)).data)
    incoming = body_or_400(ConsentRecordSerializer, request)
    offer = explanation_offer(case.organisation_id, incoming["explained_in"]) if incoming["explained_in"] else None
    sent = {
        **incoming,
        "consent_to_nrm": "yes" if incoming["consent_to_nrm"] else "no",
        "explanation_texts": [version.pk for version in offer.versions] if offer else [],
        "withdrawn_on": incoming["withdrawn_on"].isoformat() if incoming["withdrawn_on"] else "",
    }
    data = checked_by_form(ConsentForm(sent, organisation_id=case.organisation_id)).cleaned_data
    case = case_record_consent(  # ApplicationError: 400 naming the field, as the page shows it
        case=case,
        actor=user,
        consent_to_nrm=data["consent_to_nrm"] == "yes",
        consent_to_share=data["consent_to_share"],
        refusal_reason=data["refusal_reason"],
        explained=ConsentExplained(
            language=data["consent_language"],
            interpreter=data["consent_interpreter"],
            interpreter_agency=data["consent_interpreter_agency"],
            leaflet=data["consent_leaflet"],
            texts=list(data["explanation_texts"]),
            texts_read_by_interpreter=data["consent_explanation_read_by_interpreter"],
        ),
        withdrawn_on=data["withdrawn_on"],
        expected_version=data["version"],
        request=request._request,
    )
    return Response(ConsentSerializer(_consent(case, None)).data)
