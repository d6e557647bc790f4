"""`GET /api/v1/figures/home-office-tables?period=2025-26`: the Home Office's NRM statistics tables
for a financial year or a quarter (`2025-26-Q1`), as the public may see them."""

from typing import cast

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_page_for_user
from tackle.accounts.models import User
from tackle.cases.figures import HOME_OFFICE_TABLES
from tackle.core.access import FIGURES
from tackle.core.disclosure import Shown
from tackle.reporting.home_office import PERIOD_HINT, HomeOfficeTables, home_office_tables_for_user, parse_period
from tackle.reporting.selectors import figures_is_exact_for


class HomeOfficeCountSerializer(serializers.Serializer):
    count = serializers.IntegerField(
        allow_null=True, min_value=0, help_text="The count shown (rounded if the organisation rounds); null if withheld"
    )
    shown = serializers.CharField(
        help_text='What a reader sees: the count ("12"), "fewer than N" under the public threshold N, or "withheld" '
        "where a smaller count could otherwise be worked out"
    )


class HomeOfficeRowSerializer(HomeOfficeCountSerializer):
    category = serializers.CharField()


class HomeOfficeTableSerializer(serializers.Serializer):
    title = serializers.CharField()
    how_counted = serializers.CharField()
    rows = HomeOfficeRowSerializer(many=True)
    total = HomeOfficeCountSerializer()


HOME_OFFICE_RESPONSE = inline_serializer(
    "HomeOfficeTables",
    {
        "period": serializers.CharField(help_text="As asked: 2025-26 or 2025-26-Q1"),
        "label": serializers.CharField(help_text="2025-26 or Q1 2025-26"),
        "starts_on": serializers.DateField(),
        "ends_before": serializers.DateField(help_text="The first day after the period"),
        "small_numbers": serializers.CharField(help_text="What is withheld and why, in words"),
        "tables": inline_serializer(
            "HomeOfficeTablesByName", {key: HomeOfficeTableSerializer() for key, _ in HOME_OFFICE_TABLES}
        ),
    },
)


def _count(value: Shown) -> dict[str, object]:
    return {"count": value if isinstance(value, int) else None, "shown": str(value)}


def home_office_json(found: HomeOfficeTables) -> dict[str, object]:
    period = found.period.period()
    return {
        "period": found.period.code,
        "label": found.label,
        "starts_on": period.starts_on.isoformat(),
        "ends_before": period.ends_before.isoformat(),
        "small_numbers": found.disclosure_note,
        "tables": {
            table.key: {
                "title": table.title,
                "how_counted": table.definition,
                "rows": [{"category": category, **_count(value)} for category, value in table.rows],
                "total": _count(table.total),
            }
            for table in found.tables
        },
    }


@extend_schema(
    summary="The Home Office's NRM statistics tables for a financial year or quarter",
    description=(
        "Potential victims your organisation identified in the period (people, by when their concern was first "
        "seen, London time), by age at exploitation, adult or child, gender, nationality, exploitation type and "
        "referring organisation type, in the Home Office's categories. Always as published to the public, "
        "whatever your role: counts under your organisation's public threshold (10 unless it chose otherwise) read "
        '"fewer than N" and further counts "withheld" so that none can be worked out from the totals or from the '
        "other periods of the same year. Roles with figures only; others get 403."
    ),
    parameters=[
        OpenApiParameter(
            "period",
            OpenApiTypes.STR,
            OpenApiParameter.QUERY,
            required=False,
            description=f"{PERIOD_HINT}; this financial year (Europe/London) when left out",
        )
    ],
    responses={
        200: HOME_OFFICE_RESPONSE,
        400: inline_serializer("HomeOfficeBadPeriod", {"period": serializers.ListField(child=serializers.CharField())}),
        403: OpenApiResponse(description="Your role does not see your organisation's figures"),
    },
)
@api_view(["GET"])
def home_office_tables_api(request: Request) -> Response:
    user = cast(User, request.user)
    figures_is_exact_for(user)  # 403 before the period is read
    asked = parse_period(request.query_params.get("period"))
    if asked is None:
        return Response({"period": [PERIOD_HINT]}, status=400)
    found = home_office_tables_for_user(user, asked)
    open_page_for_user(
        user,
        resource=FIGURES,
        request=request._request,
        object_type="reporting.home_office_tables",
        object_id=asked.code,
        note=f"Home Office tables {found.label} (public, API)",
    )
    return Response(home_office_json(found))
