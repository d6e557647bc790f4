"""`GET /api/v1/register?as_of=YYYY-MM-DD`: the register's counts, as the page shows them."""

from typing import cast

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_page_for_user
from tackle.accounts.models import User
from tackle.cases.register import AGE_GROUP_KEYS, STAGE_KEYS, parse_as_of, register_for_user
from tackle.core.access import REGISTER
from tackle.core.disclosure import WITHHELD


@extend_schema_field(
    {
        "oneOf": [
            {"type": "integer", "minimum": 0},
            {"type": "string", "pattern": f"^(fewer than [0-9]+|{WITHHELD})$"},
        ],
        "description": 'A count; for roles that see figures only, "fewer than N" in place of a count under '
        f'the organisation\'s threshold N for councillors (5 unless it chose otherwise), and "{WITHHELD}" '
        "in place of a count that would let a reader work out a smaller one from the total",
    }
)
class CountField(serializers.Field):
    pass


def _table(name: str, keys: tuple[str, ...]) -> serializers.Serializer:
    return inline_serializer(name, {key: CountField() for key in keys})


REGISTER_RESPONSE = inline_serializer(
    "Register",
    {
        "as_of": serializers.DateField(),
        "total": CountField(),
        "by_stage": _table("RegisterByStage", STAGE_KEYS),
        "by_age_group": _table("RegisterByAgeGroup", AGE_GROUP_KEYS),
        "children_by_stage": _table("RegisterChildrenByStage", STAGE_KEYS),
        "by_exploitation_type": serializers.DictField(
            child=CountField(),
            help_text='Home Office exploitation category ("Labour & Criminal", "Not specified or unknown"): '
            "cases; only categories with cases appear",
        ),
    },
)


@extend_schema(
    summary="The register: open cases on a date",
    description=(
        "Cases of your organisation open on `as_of` (first seen on or before it and not closed by then), "
        "each counted once in its stage on that date, by stage, age group and Home Office exploitation "
        "category. The modern slavery lead and safeguarding managers see exact counts; councillors, "
        "community safety managers and auditors see small counts withheld as their organisation sets "
        '("fewer than 5" for 1 to 4 unless it chose otherwise), with further counts "withheld" so that none '
        "can be worked out from the total. "
        "Other roles get 403."
    ),
    parameters=[
        OpenApiParameter(
            "as_of",
            OpenApiTypes.DATE,
            OpenApiParameter.QUERY,
            required=False,
            description="YYYY-MM-DD; today in Europe/London when left out",
        )
    ],
    responses={
        200: REGISTER_RESPONSE,
        400: inline_serializer("RegisterBadDate", {"as_of": serializers.ListField(child=serializers.CharField())}),
        403: OpenApiResponse(description="Your role does not see your organisation's figures"),
    },
)
@api_view(["GET"])
def register(request: Request) -> Response:
    user = cast(User, request.user)
    as_of = parse_as_of(request.query_params.get("as_of"))
    counts, disclosure = register_for_user(user, as_of=as_of)
    suppressed = not disclosure.exact
    open_page_for_user(
        user,
        resource=REGISTER,
        request=request._request,
        object_type="cases.register",
        object_id=as_of.isoformat(),
        note=f"Register as of {as_of.isoformat()} (API{', suppressed' if suppressed else ''})",
    )
    return Response(counts)
