"""`GET /api/v1/figures/releases`: what the organisation released (table, readers, period, when, by
whom), as the Figures released page lists it; `GET /api/v1/figures/releases/{uuid}`: one release
with every cell as it was published. Only the reader's own organisation's; roles with figures only.
`POST /api/v1/figures/releases` and `/figures/home-office-tables/releases` publish, as the two
Publish pages do: their forms, the same services, for those who may publish (coordinators)."""

from typing import Any, cast

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_page_for_user
from tackle.accounts.models import User
from tackle.core.access import FIGURES, Action
from tackle.core.api_lists import body_or_400, checked_by_form, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.disclosure import Audience
from tackle.core.periods import financial_year_of, today_in_london
from tackle.reporting.forms import HomeOfficePublishForm, PublishForm
from tackle.reporting.models import Release, ReleaseKind
from tackle.reporting.selectors import figures_is_exact_for, release_records
from tackle.reporting.services import RELEASE_AUDIENCES, figures_release, home_office_release

RELEASES_SHOWN = "reporting.releases"  # as the page audits its opening


class ReleaseFilters(serializers.Serializer):
    audience = serializers.ChoiceField(
        [audience.value for audience in Audience], required=False, help_text="Whom the release was for"
    )
    period = serializers.CharField(
        required=False, max_length=200, help_text='The period as released: "2025-26" or "Q1 2025-26"'
    )
    kind = serializers.ChoiceField(ReleaseKind.choices, required=False)
    sort = sort_choice("released_at", "period_label", default="-released_at")


class ReleaseSerializer(serializers.ModelSerializer):
    period = serializers.CharField(source="period_label")
    released_by = serializers.SerializerMethodField(help_text="Who published it; null once their account is gone")
    withheld_count = serializers.IntegerField(help_text="Counts the release showed as fewer than N or withheld")

    class Meta:
        model = Release
        fields = [
            "uuid", "kind", "audience", "period", "starts_on", "ends_before", "released_at", "released_by",
            "withheld_count",
        ]  # fmt: skip

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_released_by(self, release: Release) -> str | None:
        by = release.released_by
        return (by.get_full_name() or by.username) if by else None


class ReleaseCellSerializer(serializers.Serializer):
    table = serializers.CharField()
    row = serializers.CharField()
    column = serializers.CharField(help_text="A period, or a total or phase with the years it spans")
    count = serializers.IntegerField(allow_null=True, help_text="The count published; null if it was withheld")
    shown = serializers.CharField(help_text='As the readers saw it: "12", "fewer than 10" or "withheld"')
    starts_on = serializers.DateField(allow_null=True)
    ends_before = serializers.DateField(allow_null=True)


class ReleaseWithCellsSerializer(ReleaseSerializer):
    cells = serializers.SerializerMethodField()

    class Meta(ReleaseSerializer.Meta):
        fields = [*ReleaseSerializer.Meta.fields, "cells"]

    @extend_schema_field(ReleaseCellSerializer(many=True))
    def get_cells(self, release: Release) -> list[dict[str, Any]]:
        return [_cell(cell) for cell in release.cells]


def _cell(cell: list[Any]) -> dict[str, Any]:
    table, row, column, shown, *span = cell
    starts_on, ends_before = [*span, None, None][:2]  # kept since releases named their periods
    return {
        "table": table,
        "row": row,
        "column": column,
        "count": shown if isinstance(shown, int) else None,
        "shown": str(shown),
        "starts_on": starts_on,
        "ends_before": ends_before,
    }


def _releases_for(request: Request) -> Any:
    """The organisation's releases, after the page's checks: 403 for a role without figures."""
    user = cast(User, request.user)
    open_page_for_user(user, resource=FIGURES, object_type=RELEASES_SHOWN)  # 403 before anything is read
    figures_is_exact_for(user)
    assert user.organisation_id is not None
    return release_records(user.organisation_id)


EXAMPLE = {
    "uuid": "6f1c2c1e-2b1a-4d7e-9d8e-1b2c3d4e5f60",
    "kind": "figures",
    "audience": "public",
    "period": "2025-26",
    "starts_on": "2025-04-01",
    "ends_before": "2026-04-01",
    "released_at": "2026-04-20T10:15:00+01:00",
    "released_by": "Sam Lead",
    "withheld_count": 1,
}
CELL_EXAMPLE = {
    "table": "concerns",
    "row": "Concerns recorded",
    "column": "2025-26",
    "count": None,
    "shown": "fewer than 10",
    "starts_on": "2025-04-01",
    "ends_before": "2026-04-01",
}


class FiguresPublishSerializer(serializers.Serializer):
    first_year = serializers.IntegerField(help_text="The first financial year, by its first year: 2024 for 2024-25")
    last_year = serializers.IntegerField(help_text="The last financial year; 5 years at most, not before the first")
    by = serializers.ChoiceField(["quarter", "year"], help_text="Count by quarter or by financial year")
    audience = serializers.ChoiceField(
        [audience.value for audience in RELEASE_AUDIENCES], help_text="Whom the figures are published for"
    )


class HomeOfficePublishSerializer(serializers.Serializer):
    period = serializers.CharField(max_length=20, help_text="A financial year like 2025-26, or a quarter: 2025-26-Q1")


def _publisher(request: Request) -> User:
    """The publisher, after the Publish pages' checks: 403 for a role that may not publish."""
    user = cast(User, request.user)
    open_page_for_user(user, resource=FIGURES, action=Action.RECORD, object_type=RELEASES_SHOWN)
    figures_is_exact_for(user)
    return user


def _published(release: Release) -> Response:
    return Response(ReleaseWithCellsSerializer(release).data, status=201)


def _figures_publish(request: Request) -> Response:
    user = _publisher(request)
    incoming = body_or_400(FiguresPublishSerializer, request)
    form = checked_by_form(PublishForm(incoming, latest=financial_year_of(today_in_london())))
    chosen = form.cleaned_data
    release = figures_release(
        actor=user, first_year=chosen["first_year"], last_year=chosen["last_year"], by=chosen["by"],
        audience=Audience(chosen["audience"]), request=request._request,
    )  # fmt: skip
    return _published(release)


PUBLISH_EXAMPLE = {"first_year": 2024, "last_year": 2025, "by": "year", "audience": "public"}


@extend_schema(
    methods=["GET"],
    operation_id="figures_release_list",
    summary="Figures your organisation released",
    description=(
        "Each publication of figures (the Figures page, the Home Office tables, an FOI answer): for whom, which "
        "period, when and by whom, latest first, as the Figures released page lists them. Audited as the page is. "
        "Roles with figures only; others get 403."
    ),
    parameters=[ReleaseFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedReleaseList", ReleaseSerializer),
    examples=[
        OpenApiExample(
            "One release", value={"count": 1, "next": None, "previous": None, "results": [EXAMPLE]}, response_only=True
        )
    ],
)
@extend_schema(
    methods=["POST"],
    operation_id="figures_release_create",
    summary="Publish the Figures page's tables",
    description=(
        "As the Publish these figures page: the tables for the financial years (5 at most), by quarter or year, "
        "kept as the public or councillors see them now. Later releases to the same readers keep withheld what "
        "this one withheld, and withhold counts that changed by a small number. Those who may publish figures "
        "only (a write token with the reporting module); audited."
    ),
    request=FiguresPublishSerializer,
    responses={201: ReleaseWithCellsSerializer},
    examples=[OpenApiExample("Two years for the public", value=PUBLISH_EXAMPLE, request_only=True)],
)
@api_view(["GET", "POST"])
def release_list(request: Request) -> Response:
    if request.method == "POST":
        return _figures_publish(request)
    releases = _releases_for(request)
    filters = query_or_400(ReleaseFilters, request)
    for name, field in (("audience", "audience"), ("period", "period_label"), ("kind", "kind")):
        if filters.get(name):
            releases = releases.filter(**{field: filters[name]})
    rows = sorted_by(releases.select_related("released_by"), filters["sort"])
    response, count = one_page(request, rows, lambda page: ReleaseSerializer(page, many=True).data)
    open_page_for_user(
        request.user, resource=FIGURES, request=request._request, object_type=RELEASES_SHOWN,
        note=f"Releases (API, {count})",
    )  # fmt: skip
    return response


@extend_schema(
    operation_id="figures_release_retrieve",
    summary="One release, with every count as it was published",
    description=(
        "Each cell of the release's tables as its readers saw it: table, row, period (or total), the count or "
        "what stood for it. Another organisation's release is not found. Audited as the page is."
    ),
    responses={200: ReleaseWithCellsSerializer},
    examples=[OpenApiExample("A release", value={**EXAMPLE, "cells": [CELL_EXAMPLE]}, response_only=True)],
)
@api_view(["GET"])
def release_detail(request: Request, release_uuid: Any) -> Response:
    release = get_object_or_404(_releases_for(request).select_related("released_by"), uuid=release_uuid)
    open_page_for_user(
        request.user, resource=FIGURES, request=request._request, object_type=RELEASES_SHOWN,
        object_id=str(release.uuid), note=f"Release {release.period_label} ({release.audience}, API)",
    )  # fmt: skip
    return Response(ReleaseWithCellsSerializer(release).data)


@extend_schema(
    summary="Publish the Home Office tables for a financial year or quarter",
    description=(
        "As the Publish the Home Office tables page: the tables kept as the public sees them now; later releases "
        "of the same tables and periods keep withheld what this one withheld. Those who may publish figures only "
        "(a write token with the reporting module); audited."
    ),
    request=HomeOfficePublishSerializer,
    responses={201: ReleaseWithCellsSerializer},
    examples=[OpenApiExample("A quarter", value={"period": "2025-26-Q1"}, request_only=True)],
)
@api_view(["POST"])
def home_office_publish(request: Request) -> Response:
    user = _publisher(request)
    form = checked_by_form(HomeOfficePublishForm(body_or_400(HomeOfficePublishSerializer, request)))
    return _published(home_office_release(actor=user, asked=form.cleaned_data["period"], request=request._request))
