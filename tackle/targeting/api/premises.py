"""/api/v1/targeting-premises (issue 19, item 1): premises ranked by combined risk from the
organisation's regulators' lists, as the Risk targeting page ranks them (the same selector, with the
intelligence and operations the user may see in disruption), each with its reasons and the records
joined for it. Audited as the page's listing is."""

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.core.api_lists import known_filters_or_400, one_page, sort_choice
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.identifiers import normalise_postcode
from tackle.disrupt.choices import PremisesType
from tackle.targeting import selectors
from tackle.targeting.api.base import audit_list, targeting_user
from tackle.targeting.api.lists import RegulatorRecordSerializer
from tackle.targeting.ranking import Entity


class JoinedRecordSerializer(RegulatorRecordSerializer):
    source = serializers.CharField(help_text="The regulator's list it is in")  # type: ignore[assignment]


class RankedPremisesSerializer(serializers.Serializer):
    rank = serializers.IntegerField(help_text="Its place in the whole ranking, 1 the highest risk")
    entity_id = serializers.CharField(help_text="The same files give the same id")
    name = serializers.CharField()
    address = serializers.CharField(allow_blank=True)
    postcode = serializers.CharField(allow_blank=True)
    premises_type = serializers.ChoiceField(PremisesType.choices)
    sources = serializers.ListField(child=serializers.CharField(), help_text="The lists it is found in")
    score = serializers.IntegerField()
    reasons = serializers.ListField(child=serializers.CharField(), help_text="Each reason with the points it added")
    records = JoinedRecordSerializer(many=True, help_text="The lines of the lists joined as this premises")


class RankedPremisesFilters(serializers.Serializer):
    q = serializers.CharField(required=False, max_length=100, help_text="Part of the premises' name")
    postcode = serializers.CharField(
        required=False, max_length=8, help_text="The start of the postcode: B70, B70 6 or a whole postcode"
    )
    premises_type = serializers.ChoiceField(PremisesType.choices, required=False)
    source = serializers.CharField(  # type: ignore[assignment]  # the filter named "source", not Field.source
        required=False, max_length=80, help_text="Found in this list (its name)"
    )
    min_score = serializers.IntegerField(required=False, min_value=0)
    sort = sort_choice("score", "name", default="-score")


def _postcode_start(value: str) -> str:
    """A whole postcode as identifiers write it; a part in capitals with single spaces."""
    whole = normalise_postcode(value)
    return whole or " ".join(value.upper().split())


def _wanted(entity: Entity, filters: dict[str, Any]) -> bool:
    if (query := filters.get("q", "").strip().lower()) and query not in entity.name.lower():
        return False
    if (postcode := filters.get("postcode", "").strip()) and not entity.postcode.startswith(_postcode_start(postcode)):
        return False
    if filters.get("premises_type") and entity.premises_type != filters["premises_type"]:
        return False
    if filters.get("source") and filters["source"].strip() not in entity.sources:
        return False
    return entity.score >= filters.get("min_score", 0)


def _json(rank: int, entity: Entity) -> dict[str, Any]:
    values = {
        "rank": rank,
        "entity_id": entity.entity_id,
        "name": entity.name,
        "address": entity.address,
        "postcode": entity.postcode,
        "premises_type": entity.premises_type,
        "sources": entity.sources,
        "score": entity.score,
        "reasons": [str(reason) for reason in entity.reasons],
        "records": entity.records,
    }
    return dict(RankedPremisesSerializer(values).data)


EXAMPLE = OpenApiExample(
    "A car wash three regulators know",
    value={
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "rank": 1,
                "entity_id": "9f2c41d07a3b",
                "name": "Sparkle Hand Car Wash Ltd",
                "address": "12 High Street",
                "postcode": "B70 6AB",
                "premises_type": "hand_car_wash",
                "sources": ["environmental_health", "fire", "trading_standards"],
                "score": 88,
                "reasons": ["Non-compliant with fire (Yes, 2 April 2026): +20", "Hand car wash: +25"],
                "records": [
                    {
                        "source": "fire",
                        "line": 2,
                        "name": "Sparkle Car Wash",
                        "trading_name": "",
                        "address": "12 High Street",
                        "town": "",
                        "postcode": "B70 6AB",
                        "company_number": "01234567",
                        "premises_type": "hand_car_wash",
                        "non_compliant": True,
                        "finding": "Non-compliance: Yes",
                        "date": "2026-04-02",
                    }
                ],
            }
        ],
    },
    response_only=True,
)


@extend_schema(
    operation_id="targeting_premises_list",
    summary="Premises ranked by risk",
    description="Every premises found in your organisation's regulators' lists, highest combined risk first, as "
    "the Risk targeting page ranks them (the page shows the first 25): its score, the reasons in words, the "
    "lists it is in and the records joined for it. Filtered by name (`q`), the start of the postcode, premises "
    "type, list or lowest score; `rank` stays its place in the whole ranking. Every listing is audited.",
    parameters=[RankedPremisesFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedRankedPremisesList", RankedPremisesSerializer),
    examples=[EXAMPLE],
)
@api_view(["GET"])
def premises_list(request: Request) -> Response:
    user = targeting_user(request)
    filters = known_filters_or_400(RankedPremisesFilters, request)
    ranking = selectors.ranking_for(user)
    ranked = [(rank, entity) for rank, entity in enumerate(ranking.ranked, start=1) if _wanted(entity, filters)]
    if filters["sort"].lstrip("-") == "name":
        ranked.sort(key=lambda item: (item[1].name.lower(), item[0]), reverse=filters["sort"].startswith("-"))
    elif filters["sort"] == "score":  # lowest first; the ranking itself is highest first
        ranked.reverse()
    response, count = one_page(request, ranked, lambda page: [_json(rank, entity) for rank, entity in page])
    audit_list(request, "targeting.ranking", count)
    return response
