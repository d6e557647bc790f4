"""/api/v1/targeting-outcomes (issue 19, item 1): the result wordings the organisation classified, and
classifying one as the Outcomes to classify page does."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.core.api_lists import body_or_400, known_filters_or_400, one_page, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.errors import ApplicationError
from tackle.targeting import selectors, services
from tackle.targeting.api.base import audit_list, targeting_user
from tackle.targeting.rules.outcomes import wording as outcome_wording


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
    user = targeting_user(request)
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
    filters = known_filters_or_400(TargetingOutcomeFilters, request)
    outcomes = selectors.outcome_wordings_visible_to(user)
    if filters.get("adverse") is not None:
        outcomes = outcomes.filter(adverse=filters["adverse"])
    response, count = one_page(
        request, sorted_by(outcomes, filters["sort"]), lambda page: TargetingOutcomeSerializer(page, many=True).data
    )
    audit_list(request, "targeting.outcomewording", count)
    return response
