"""/api/v1/suppliers/<uuid>/statement-registry: what a supplier told the Home Office statement
registry each year, next to our reading of its statement, as the supplier's Registry history page
shows it (the same selectors; the registry itself is imported by `tackle registry import`)."""

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.core.access import SUPPLIERS
from tackle.core.roles import Module
from tackle.statement_reader import selectors
from tackle.statement_reader.rules.areas import AREAS


class _ClaimSerializer(serializers.Serializer):
    area = serializers.ChoiceField(choices=list(AREAS))
    claimed = serializers.BooleanField(help_text="The organisation told the registry its statement covers it")
    ours = serializers.BooleanField(allow_null=True, help_text="Our reading found it covered; null: not read")
    promised = serializers.BooleanField(help_text="Our reading found it only promised")
    disagrees = serializers.BooleanField()


class _RegistryYearSerializer(serializers.Serializer):
    year = serializers.IntegerField(source="row.year")
    organisation_name = serializers.CharField(source="row.organisation_name")
    company_number = serializers.CharField(source="row.company_number")
    period_start = serializers.DateField(source="row.period_start", allow_null=True)
    period_end = serializers.DateField(source="row.period_end", allow_null=True)
    approving_person = serializers.CharField(source="row.approving_person")
    date_approved = serializers.DateField(source="row.date_approved", allow_null=True)
    statement_url = serializers.CharField(source="row.statement_url", help_text="The address the organisation gave")
    summary_url = serializers.CharField(source="row.summary_url", help_text="The registry's page")
    reading = serializers.UUIDField(
        source="reading.uuid", allow_null=True, default=None, help_text="Our reading it is compared with"
    )
    disagreements = serializers.IntegerField()
    claims = _ClaimSerializer(source="checks", many=True)


class _LatestReadingSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()
    score = serializers.IntegerField(help_text="Out of 8, after reviewers' overrides")
    created_at = serializers.DateTimeField()


class RegistryHistorySerializer(serializers.Serializer):
    supplier = serializers.UUIDField(source="supplier.uuid")
    latest_reading = _LatestReadingSerializer(source="latest", allow_null=True)
    years = _RegistryYearSerializer(source="history", many=True, help_text="Newest year first")


@extend_schema(
    summary="A supplier's statement registry history",
    description="As the supplier's Registry history page: each year the registry holds under the supplier's "
    "company number or names, the six areas it claims, and whether our reading agrees. Empty until the "
    "registry is imported.",
    responses={200: RegistryHistorySerializer},
    examples=[
        OpenApiExample(
            "One year, one disagreement",
            value={
                "supplier": "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e",
                "latest_reading": {
                    "uuid": "3f1d2c4e-8a9b-4c1d-9e2f-0a1b2c3d4e5f",
                    "title": "widgets-statement-2025.pdf",
                    "score": 5,
                    "created_at": "2025-07-01T09:30:00Z",
                },
                "years": [
                    {
                        "year": 2025,
                        "organisation_name": "Example Widgets Ltd",
                        "company_number": "01234567",
                        "period_start": "2024-04-01",
                        "period_end": "2025-03-31",
                        "approving_person": "Jane Doe, Director",
                        "date_approved": "2025-06-30",
                        "statement_url": "https://widgets.example/statement.pdf",
                        "summary_url": "https://modern-slavery-statement-registry.service.gov.uk/statement-summary/1",
                        "reading": "3f1d2c4e-8a9b-4c1d-9e2f-0a1b2c3d4e5f",
                        "disagreements": 1,
                        "claims": [
                            {"area": "training", "claimed": True, "ours": False, "promised": True, "disagrees": True}
                        ],
                    }
                ],
            },
            response_only=True,
        )
    ],
)
@api_view(["GET"])
def supplier_registry(request: Request, supplier_uuid: Any) -> Response:
    """The page needs both modules: the statement reader's comparison of the supplier's records."""
    if not request.user.may_use(Module.STATEMENTS):  # type: ignore[union-attr]
        raise PermissionDenied("Your role cannot use the statement reader.")
    supplier = open_for_user(
        request.user, selectors.suppliers_for(request.user), resource=SUPPLIERS, uuid=supplier_uuid
    )
    body = {
        "supplier": supplier,
        "latest": selectors.latest_assessment_for_supplier(supplier),
        "history": selectors.registry_history_for_supplier(supplier),
    }
    return Response(RegistryHistorySerializer(body).data)
