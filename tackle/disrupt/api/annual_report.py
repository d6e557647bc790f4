"""/api/v1/disruption-report: the annual disruption report's contents as JSON, and `.pdf` the same
document as the report page downloads (annual_report.py builds all three). Coordinators only,
audited as the page is; its counts of people are shown as to the public, because it is published."""

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_page_for_user
from tackle.core.access import BRIEFINGS, Action
from tackle.core.disclosure import Shown
from tackle.core.periods import financial_year, financial_year_of, parse_financial_year
from tackle.disrupt.access import require_coordinator
from tackle.disrupt.annual_report import report_context, report_pdf
from tackle.disrupt.api.common import user_of

YEAR = OpenApiParameter(
    "year",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    required=False,
    description="The financial year, like 2025-26; this one (Europe/London) when left out",
)


class ShownCountSerializer(serializers.Serializer):
    count = serializers.IntegerField(allow_null=True, help_text="The count published; null if it is withheld")
    shown = serializers.CharField(help_text='As the report shows it: "12", "fewer than 10" or "withheld"')


class ReportRowSerializer(serializers.Serializer):
    exploitation_type = serializers.CharField(help_text="Or that none was found, or that no outcome is recorded yet")
    operations = serializers.IntegerField()


class ReportAgencySerializer(serializers.Serializer):
    name = serializers.CharField()
    operations = serializers.IntegerField()
    interventions = serializers.IntegerField()


class ReportArrestsSerializer(ShownCountSerializer):
    offence = serializers.CharField()


class ReportPeopleSerializer(serializers.Serializer):
    encountered = ShownCountSerializer()
    potential_victims = ShownCountSerializer()
    potential_victims_adult = ShownCountSerializer()
    potential_victims_child = ShownCountSerializer()
    cases_opened = ShownCountSerializer()
    nrm_referrals = ShownCountSerializer()
    duty_to_notify = ShownCountSerializer()
    safeguarding_referrals = ShownCountSerializer()
    arrests = ShownCountSerializer()


class AnnualReportSerializer(serializers.Serializer):
    organisation = serializers.CharField()
    year = serializers.CharField(help_text="2025-26")
    starts_on = serializers.DateField()
    ends_before = serializers.DateField(help_text="The first day after the year")
    operations = serializers.IntegerField()
    planned = serializers.IntegerField()
    dynamic = serializers.IntegerField()
    agencies_taking_part = serializers.IntegerField()
    interventions = serializers.IntegerField()
    premises_closed = serializers.IntegerField(help_text="Premises closed or prohibited")
    people = ReportPeopleSerializer(help_text="Counts of people, as the public may see them")
    by_exploitation = ReportRowSerializer(
        many=True, help_text="Operations by type of exploitation; one that found several counts under each"
    )
    agencies = ReportAgencySerializer(many=True)
    arrests_by_offence = ReportArrestsSerializer(many=True)
    small_numbers = serializers.CharField(help_text="What is withheld and why, in words")


def _count(value: Shown) -> dict[str, Any]:
    return {"count": value if isinstance(value, int) else None, "shown": str(value)}


def _year(request: Request) -> int:
    """The asked year, as the page reads it; one that is not a financial year is refused by name."""
    asked = request.query_params.get("year")
    if asked is None:
        return financial_year_of(timezone.localdate())
    year = parse_financial_year(asked)
    if year is None:
        raise ValidationError({"year": ["Enter a financial year like 2025-26"]})
    return year


def _report(request: Request, action: Action) -> dict[str, Any]:
    user = user_of(request)
    require_coordinator(user)
    context = report_context(user, _year(request))
    open_page_for_user(
        user, resource=BRIEFINGS, action=action, request=request._request, object_type="disrupt.report",
        object_id=context["figures"].label,
    )  # fmt: skip
    return context


def report_json(context: dict[str, Any]) -> dict[str, Any]:
    figures, people = context["figures"], context["people"]
    period = financial_year(figures.year)
    names = {
        "encountered": "people_encountered", "potential_victims": "victims", "potential_victims_adult": "victims_adult",
        "potential_victims_child": "victims_child", "cases_opened": "cases_opened", "nrm_referrals": "nrm_referrals",
        "duty_to_notify": "duty_to_notify", "safeguarding_referrals": "safeguarding_referrals",
        "arrests": "arrests_total",
    }  # fmt: skip
    return {
        "organisation": context["organisation"].name,
        "year": figures.label,
        "starts_on": period.starts_on,
        "ends_before": period.ends_before,
        "operations": figures.operations,
        "planned": figures.planned,
        "dynamic": figures.dynamic,
        "agencies_taking_part": len(figures.agencies),
        "interventions": figures.interventions,
        "premises_closed": figures.premises_closed,
        "people": {name: _count(people[key]) for name, key in names.items()},
        "by_exploitation": [
            {"exploitation_type": label, "operations": count} for label, count in context["by_exploitation"]
        ],
        "agencies": [
            {"name": row.name, "operations": row.operations, "interventions": row.interventions}
            for row in figures.agencies
        ],
        "arrests_by_offence": [{"offence": label, **_count(count)} for label, count in context["arrests"]],
        "small_numbers": str(context["people_note"]),
    }


REPORT_EXAMPLE = {
    "organisation": "Council A", "year": "2025-26", "starts_on": "2025-04-01", "ends_before": "2026-04-01",
    "operations": 2, "planned": 1, "dynamic": 1, "agencies_taking_part": 1, "interventions": 3, "premises_closed": 0,
    "people": {name: {"count": 0, "shown": "0"} for name in ReportPeopleSerializer().fields},
    "by_exploitation": [{"exploitation_type": "Labour", "operations": 2}],
    "agencies": [{"name": "GLAA", "operations": 2, "interventions": 3}],
    "arrests_by_offence": [{"offence": "Modern slavery offences", "count": 0, "shown": "0"}],
    "small_numbers": "Counts from 1 to 9 are shown as fewer than 10.",
}  # fmt: skip


@extend_schema(
    summary="The annual disruption report",
    description=(
        "As the Disruption report page: one financial year's operations (planned and dynamic), by type of "
        "exploitation, the agencies taking part and their interventions, premises closed, and the counts of "
        "people (encountered, potential victims, cases opened, referrals, arrests) as the public may see them. "
        "Coordinators only (the lead, community safety); audited as the page is."
    ),
    parameters=[YEAR],
    responses={200: AnnualReportSerializer},
    examples=[OpenApiExample("A quiet year", value=REPORT_EXAMPLE, response_only=True)],
)
@api_view(["GET"])
def annual_report_read(request: Request) -> Response:
    return Response(AnnualReportSerializer(report_json(_report(request, Action.VIEW))).data)


@extend_schema(
    summary="The annual disruption report as a PDF",
    description="The document the report page downloads (tagged PDF/UA), for the year asked; audited as a download.",
    parameters=[YEAR],
    responses={(200, "application/pdf"): OpenApiTypes.BINARY},
)
@api_view(["GET"])
def annual_report_pdf(request: Request) -> HttpResponse:
    return report_pdf(_report(request, Action.EXPORT))
