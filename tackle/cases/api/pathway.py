"""POST /api/v1/pathway: the same input and output as `tackle pathway`, with the caller's
organisation's settings."""

from typing import cast

from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view, parser_classes
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.models import User
from tackle.cases.models import ConcernAbout, ExploitationType, ReferralCode
from tackle.cases.rules.pathway import PathwayInputError, evaluate_pathway, parse_pathway_input
from tackle.cases.services.pathway import pathway_rules_for
from tackle.core.api_fields import PlausibleDateTimeField
from tackle.core.errors import ApplicationError
from tackle.core.roles import Module


# These serializers describe the contract for the schema only: parse_pathway_input does the
# validation, so the API and the command refuse exactly the same input.
class PathwayFactsSerializer(serializers.Serializer):
    encountered_at = PlausibleDateTimeField(help_text="ISO 8601 with a UTC offset")
    age = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=130)
    appears_under_18 = serializers.BooleanField(required=False, allow_null=True)
    age_disputed = serializers.BooleanField(required=False, default=False)
    consent_to_nrm = serializers.BooleanField(required=False, allow_null=True, help_text="null: not asked yet")
    immediate_danger = serializers.BooleanField(required=False, default=False)
    care_and_support_needs = serializers.BooleanField(required=False, default=False)
    destitute = serializers.BooleanField(required=False, default=False)
    concern_about = serializers.ChoiceField(choices=ConcernAbout.choices, required=False, default=ConcernAbout.PERSON)
    indicators = serializers.ListField(child=serializers.CharField(), required=False)
    exploitation_types = serializers.ListField(
        child=serializers.ChoiceField(choices=ExploitationType.choices), required=False
    )


class PathwayActionSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=ReferralCode.choices)
    due_by = serializers.DateTimeField(allow_null=True, help_text="null: no fixed deadline")
    reason = serializers.CharField()


class PathwayResultSerializer(serializers.Serializer):
    treated_as_child = serializers.BooleanField()
    actions = PathwayActionSerializer(many=True, help_text="In the order to do them")


@extend_schema(
    summary="Referral pathway: what to do next for a potential victim",
    description="Rules and hard cases: docs/pathway.md. Uses the settings of the caller's organisation.",
    request=PathwayFactsSerializer,
    responses={
        200: PathwayResultSerializer,
        400: OpenApiResponse(
            OpenApiTypes.OBJECT,
            description="The input cannot be read. The key is the field at fault; `detail` when the whole body is.",
            examples=[
                OpenApiExample(
                    "Age given as text",
                    value={"age": ["age: give a whole number of years from 0 to 130, or null if not known"]},
                    response_only=True,
                    status_codes=["400"],
                )
            ],
        ),
        403: OpenApiResponse(description="The caller's role cannot use cases"),
    },
    examples=[
        OpenApiExample(
            "Age unknown, looks under 18",
            value={"encountered_at": "2025-03-01T14:30:00+00:00", "age": None, "appears_under_18": True},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
@parser_classes([JSONParser])
def pathway(request: Request) -> Response:
    user = cast(User, request.user)
    if not user.may_use(Module.CASES):
        raise PermissionDenied(gettext("Your role cannot use cases."))
    try:
        facts = parse_pathway_input(request.data)
    except PathwayInputError as error:
        # The project's error handler turns this into {field: [message]}, like every other 400.
        raise ApplicationError(error.message, field=error.field or None) from None
    assert user.organisation is not None  # may_use() is false without one
    result = evaluate_pathway(facts, pathway_rules_for(user.organisation))
    return Response(result.as_json())
