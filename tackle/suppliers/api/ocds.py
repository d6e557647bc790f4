"""/api/v1/contracts/ocds-import: contracts from an OCDS release or record package, as the Import
contracts from OCDS page imports them (the same form for a file, the same service, all or nothing),
sent as a multipart file or as the package itself in a JSON body."""

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_page_for_user
from tackle.core.access import CONTRACTS, Action
from tackle.core.api_lists import checked_by_form
from tackle.suppliers import services
from tackle.suppliers.forms import OcdsImportForm
from tackle.suppliers.rules.ocds import MAX_OCDS_BYTES


class OcdsFileSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="The OCDS release or record package (JSON), at most 20 MB")


class ImportedContractSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()
    reference = serializers.CharField()
    ocid = serializers.CharField(help_text="The contracting process it came from")
    supplier = serializers.UUIDField(source="supplier.uuid")
    supplier_name = serializers.CharField(source="supplier.name")


class ImportedSupplierSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    company_number = serializers.CharField()


class OcdsImportSerializer(serializers.Serializer):
    contracts_added = ImportedContractSerializer(many=True)
    contracts_updated = ImportedContractSerializer(many=True, help_text="Held already, changed by this package")
    suppliers_added = ImportedSupplierSerializer(many=True, help_text="Added to the register: no supplier matched")
    already_held = serializers.IntegerField(help_text="Awards the register held already, unchanged")


PACKAGE_EXAMPLE = OpenApiExample(
    "A release package from Contracts Finder",
    value={
        "uri": "https://www.contractsfinder.service.gov.uk/Published/Notices/OCDS/Search",
        "version": "1.1",
        "publishedDate": "2026-04-02T10:00:00Z",
        "publisher": {"name": "Crown Commercial Service"},
        "releases": [
            {
                "ocid": "ocds-b5fd17-example-1",
                "id": "ocds-b5fd17-example-1-award",
                "date": "2026-04-01T09:00:00Z",
                "tag": ["award"],
                "initiationType": "tender",
                "parties": [
                    {"id": "buyer", "name": "Council A", "roles": ["buyer"]},
                    {
                        "id": "s1",
                        "name": "Sparkle Cleaning Ltd",
                        "identifier": {"scheme": "GB-COH", "id": "01234567"},
                        "roles": ["supplier"],
                    },
                ],
                "tender": {"id": "t1", "title": "Office cleaning"},
                "awards": [
                    {
                        "id": "award-1",
                        "title": "Office cleaning",
                        "suppliers": [{"id": "s1", "name": "Sparkle Cleaning Ltd"}],
                        "value": {"amount": 120000, "currency": "GBP"},
                        "contractPeriod": {"startDate": "2026-05-01T00:00:00Z", "endDate": "2029-04-30T23:59:59Z"},
                    }
                ],
            }
        ],
    },
    request_only=True,
    media_type="application/json",
)


def _is_json(request: Request) -> bool:
    return (request.content_type or "").split(";")[0].strip().lower() == "application/json"


def _package_bytes(request: Request) -> tuple[str, bytes]:
    """The field a refusal names and the package's bytes: the JSON body as sent (so a problem is
    named by its line, as in a file), or the file the page's own form accepts."""
    if _is_json(request):
        try:
            return "package", request._request.body[: MAX_OCDS_BYTES + 1]
        except RequestDataTooBig:
            raise ValidationError(
                {"package": ["The JSON body is too large: send a package this size as a file (multipart)"]}
            ) from None
    form = checked_by_form(OcdsImportForm(request.data, request.FILES))
    return "file", form.cleaned_data["file"].read(MAX_OCDS_BYTES + 1)


def _problem(problem: Any) -> dict[str, Any]:
    return {"where": problem.where, "release": problem.release, "line": problem.line, "reason": problem.reason}


@extend_schema(
    summary="Import contracts from an OCDS package",
    description="As the Import contracts from OCDS page: the package is checked against the OCDS 1.1.5 schema, then "
    "each award becomes a contract, its supplier found by Companies House number (or name) or added to the "
    "register; an award already held (same ocid and award) is updated, never added twice. Send the package as "
    "`file` (multipart) or as the JSON body itself. If any release or record has a problem nothing is saved, "
    "and the 400 names each problem by release, record or JSON line, under `file` (or `package` for a JSON "
    "body) and in `problems`.",
    request={"multipart/form-data": OcdsFileSerializer, "application/json": OpenApiTypes.OBJECT},
    responses={201: OcdsImportSerializer},
    examples=[PACKAGE_EXAMPLE],
)
@api_view(["POST"])
def ocds_import(request: Request) -> Response:
    user = api_user(request)
    open_page_for_user(user, resource=CONTRACTS, action=Action.RECORD, object_type="suppliers.contract")
    assert user.organisation is not None
    field, data = _package_bytes(request)
    try:
        imported = services.contracts_import_ocds(
            actor=user, organisation=user.organisation, data=data, today=timezone.localdate()
        )
    except services.OcdsRejected as error:
        lines = [f"{str(problem.where).capitalize()}: {problem.reason}" for problem in error.problems]
        body = {field: [str(error.message), *lines], "problems": [_problem(problem) for problem in error.problems]}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)  # not ValidationError, which makes numbers text
    return Response(OcdsImportSerializer(imported).data, status=status.HTTP_201_CREATED)
