"""/api/v1/statement-readings: read a statement and fetch a reading, with the pages' rules."""

from typing import Any

from drf_spectacular.utils import OpenApiResponse, OpenApiTypes, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.core.access import STATEMENT_READINGS, SUPPLIERS
from tackle.core.roles import Module
from tackle.statement_reader import selectors, services
from tackle.statement_reader.documents import MAX_DOCUMENT_BYTES
from tackle.statement_reader.models import StatementReading
from tackle.statement_reader.rules.areas import AREAS


def _require(request: Request) -> None:
    if not request.user.may_use(Module.STATEMENTS):  # type: ignore[union-attr]
        raise PermissionDenied("Your role cannot use the statement reader.")


def reading_body(reading: StatementReading) -> dict[str, Any]:
    """The `tackle statements assess --json` shape, with reviewers' overrides applied."""
    judgements = {judgement.name: judgement for judgement in selectors.reading_judgements(reading)}

    def shape(name: str) -> dict[str, Any]:
        judgement = judgements[name]
        evidence = [{"sentence": line.sentence, "index": line.index} for line in judgement.evidence]
        return {"covered": judgement.covered, "evidence": evidence, "overridden": judgement.override is not None}

    return {
        "uuid": str(reading.uuid),
        "supplier": str(reading.supplier.uuid) if reading.supplier else None,
        "source": reading.source_url or reading.file_name,
        "sentences": len(reading.sentences),
        "areas": {area: shape(area) for area in AREAS},
        "approval": shape("approval"),
        "signature": shape("signature"),
        "period": {
            "start": reading.period_start.isoformat() if reading.period_start else None,
            "end": reading.period_end.isoformat() if reading.period_end else None,
        },
        "future_only": [area for area in AREAS if judgements[area].future_only],
        "score": reading.score,
        "machine_score": reading.machine_score,
    }


class ReadingCreateSerializer(serializers.Serializer):
    supplier = serializers.UUIDField(required=False, allow_null=True, help_text="Empty: the council's own")
    url = serializers.URLField(required=False, help_text="Where to download the statement")
    file = serializers.FileField(required=False, help_text="The statement: .pdf, .docx, .html or .txt")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if bool(attrs.get("file")) == bool(attrs.get("url")):
            raise serializers.ValidationError("Send the statement as file or url, not both or neither.")
        upload = attrs.get("file")
        if upload is not None and upload.size > MAX_DOCUMENT_BYTES:
            raise serializers.ValidationError({"file": "The file must be smaller than 20 MB."})
        return attrs


@extend_schema(
    summary="Read a statement",
    request={"multipart/form-data": ReadingCreateSerializer, "application/json": ReadingCreateSerializer},
    responses={
        201: OpenApiTypes.OBJECT,
        404: OpenApiResponse(description="The supplier named is not one you may see"),
    },
)
@api_view(["POST"])
def reading_create(request: Request) -> Response:
    _require(request)
    incoming = ReadingCreateSerializer(data=request.data)
    incoming.is_valid(raise_exception=True)
    data = incoming.validated_data
    supplier = None
    if data.get("supplier"):
        suppliers = selectors.suppliers_for(request.user)
        supplier = open_for_user(request.user, suppliers, resource=SUPPLIERS, uuid=data["supplier"])
    if data.get("url"):
        reading = services.statement_read_from_url(actor=request.user, supplier=supplier, url=data["url"])  # type: ignore[arg-type]
    else:
        upload = data["file"]
        reading = services.statement_read(
            actor=request.user,  # type: ignore[arg-type]
            supplier=supplier,
            data=upload.read(),
            file_name=upload.name,
            content_type=upload.content_type or "",
        )
    return Response(reading_body(reading), status=status.HTTP_201_CREATED)


@extend_schema(summary="One reading, with reviewers' overrides applied", responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def reading_detail(request: Request, reading_uuid: Any) -> Response:
    _require(request)
    visible = selectors.readings_visible_to(request.user)
    reading = open_for_user(request.user, visible, resource=STATEMENT_READINGS, uuid=reading_uuid)
    return Response(reading_body(reading))
