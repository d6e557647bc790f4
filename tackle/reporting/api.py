"""`GET /api/v1/figures`: the Figures page's tables for a range of financial years, with the page's
disclosure control for the user's role; `GET /api/v1/figures/home-office-tables?period=2025-26`: the
Home Office's NRM statistics tables for a financial year or a quarter (`2025-26-Q1`), as the public
may see them."""

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
from tackle.core.api_lists import checked_by_form, query_or_400
from tackle.core.disclosure import Audience, Shown
from tackle.core.periods import financial_year_label, financial_year_of, today_in_london
from tackle.reporting.forms import FiguresForm
from tackle.reporting.home_office import PERIOD_HINT, HomeOfficeTables, home_office_tables_for_user, parse_period
from tackle.reporting.selectors import Figures, figures_audience, figures_for_user, figures_is_exact_for


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


# The Figures page's figures -----------------------------------------------------------------------


class FiguresQuery(serializers.Serializer):
    first_year = serializers.IntegerField(
        required=False, help_text="The financial year to start from, by the year it starts in: 2024 for 2024-25"
    )
    last_year = serializers.IntegerField(required=False, help_text="The last financial year; 5 years at most")
    by = serializers.ChoiceField(["quarter", "year"], required=False, default="quarter")
    publication = serializers.BooleanField(
        required=False, default=False, help_text="Withhold small counts as for the public"
    )


class FiguresRowSerializer(serializers.Serializer):
    row = serializers.CharField(help_text="What the row counts")
    values = HomeOfficeCountSerializer(many=True, help_text="One a column, in the order of `columns`")


class FiguresTableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    row_heading = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField(), help_text="The periods, then Total")
    rows = FiguresRowSerializer(many=True)
    how_counted = serializers.CharField()
    note = serializers.CharField()


class FiguresTrainingSerializer(serializers.Serializer):
    year = serializers.CharField()
    sessions_held = serializers.IntegerField()
    people_trained = serializers.IntegerField()


FIGURES_RESPONSE = inline_serializer(
    "Figures",
    {
        "first_year": serializers.CharField(help_text="2024-25"),
        "last_year": serializers.CharField(),
        "by": serializers.ChoiceField(["quarter", "year"]),
        "audience": serializers.ChoiceField(
            [audience.value for audience in Audience],
            help_text="Whose disclosure control the counts follow: internal (roles that see every case), "
            "councillors (other roles with figures) or public (for publication)",
        ),
        "suppressed": serializers.BooleanField(help_text="Small counts are withheld or rounded"),
        "small_numbers": serializers.CharField(help_text="What is withheld and why, in words"),
        "tables": FiguresTableSerializer(many=True),
        "training": FiguresTrainingSerializer(many=True),
        "training_how_counted": serializers.CharField(),
    },
)


def figures_json(figures: Figures, audience: Audience) -> dict[str, object]:
    return {
        "first_year": financial_year_label(figures.first_year),
        "last_year": financial_year_label(figures.last_year),
        "by": figures.by,
        "audience": audience.value,
        "suppressed": figures.suppressed,
        "small_numbers": figures.disclosure_note,
        "tables": [
            {
                "key": table.key,
                "title": table.title,
                "row_heading": table.row_heading,
                "columns": table.columns,
                "rows": [{"row": row, "values": [_count(value) for value in values]} for row, values in table.rows],
                "how_counted": table.definition,
                "note": table.note,
            }
            for table in figures.tables
        ],
        "training": [
            {"year": year, "sessions_held": int(sessions), "people_trained": int(people)}
            for year, sessions, people in figures.training
        ],
        "training_how_counted": figures.training_definition,
    }


@extend_schema(
    operation_id="figures_retrieve",
    summary="The Figures page's figures for a range of financial years",
    description=(
        "Every table of the Figures page, by quarter or by financial year, with the same disclosure control as the "
        "page for your role: exact (unless your organisation chose otherwise) for roles that see every case, "
        "councillors' figures for the other roles with figures, and the public's with `publication=true`. Counts "
        "that could be worked out from the totals or from the other view of the same years are withheld too. "
        "This financial year and the one before when no year is given. Audited as the page is. Roles with "
        "figures only; others get 403."
    ),
    parameters=[FiguresQuery],
    responses={200: FIGURES_RESPONSE},
)
@api_view(["GET"])
def figures_api(request: Request) -> Response:
    user = cast(User, request.user)
    figures_is_exact_for(user)  # 403 before the years are read
    asked = query_or_400(FiguresQuery, request)
    latest = financial_year_of(today_in_london())
    data = {
        "first_year": asked.get("first_year", latest - 1),
        "last_year": asked.get("last_year", latest),
        "by": asked["by"],
        "publication": asked["publication"],
    }
    form = checked_by_form(FiguresForm(data, latest=latest))
    chosen = form.cleaned_data
    figures = figures_for_user(
        user, first_year=chosen["first_year"], last_year=chosen["last_year"], by=chosen["by"],
        publication=chosen["publication"],
    )  # fmt: skip
    years = f"{financial_year_label(figures.first_year)} to {financial_year_label(figures.last_year)}"
    open_page_for_user(
        user,
        resource=FIGURES,
        request=request._request,
        object_type="reporting.figures",
        note=f"Figures {years} by {figures.by}{' (suppressed)' if figures.suppressed else ''} (API)",
    )
    return Response(figures_json(figures, figures_audience(user, publication=chosen["publication"])))
