"""/api/v1/statement-readings: queue a statement for reading, follow it, and fetch the reading,
with the pages' rules."""

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.core.access import STATEMENT_READINGS, SUPPLIERS, Action
from tackle.core.api_lists import body_or_400, known_filters_or_400, one_page, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.roles import Module
from tackle.statement_reader import selectors, services
from tackle.statement_reader.documents import MAX_DOCUMENT_BYTES
from tackle.statement_reader.models import ReadingRequest, StatementReading
from tackle.statement_reader.rules.areas import AREAS, JUDGEMENTS


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
        "language": reading.language,
        # Issue 20, as read (before overrides); None for a reading made before them.
        "promise_or_action": reading.result.get("promise_or_action"),
        "sign_off": reading.result.get("sign_off"),
    }


class _EvidenceSerializer(serializers.Serializer):
    sentence = serializers.CharField()
    index = serializers.IntegerField(help_text="Counting from 0")


class _JudgementSerializer(serializers.Serializer):
    covered = serializers.BooleanField()
    evidence = _EvidenceSerializer(many=True)
    overridden = serializers.BooleanField()


class _PeriodSerializer(serializers.Serializer):
    start = serializers.DateField(allow_null=True)
    end = serializers.DateField(allow_null=True)


class _AreaStateSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=["done", "promised", "none"])
    done = _EvidenceSerializer(many=True, help_text="Sentences reporting something done")
    promised = _EvidenceSerializer(many=True, help_text="Sentences that only promise")


class _SignatorySerializer(serializers.Serializer):
    name = serializers.CharField(allow_null=True)
    title = serializers.CharField(allow_null=True)
    date = serializers.DateField(allow_null=True)


class _SignOffSerializer(serializers.Serializer):
    signatory = _SignatorySerializer()
    approved_on = serializers.DateField(allow_null=True)
    financial_year = _PeriodSerializer()


class ReadingSerializer(serializers.Serializer):
    """A reading in the shape `tackle statements assess --json` prints, with reviewers' overrides."""

    uuid = serializers.UUIDField()
    supplier = serializers.UUIDField(allow_null=True)
    source = serializers.CharField()  # type: ignore[assignment]  # the field named "source", not Field.source
    sentences = serializers.IntegerField()
    areas = serializers.DictField(child=_JudgementSerializer())
    approval = _JudgementSerializer()
    signature = _JudgementSerializer()
    period = _PeriodSerializer()
    future_only = serializers.ListField(child=serializers.CharField())
    score = serializers.IntegerField()
    machine_score = serializers.IntegerField()
    language = serializers.JSONField()
    promise_or_action = serializers.DictField(
        child=_AreaStateSerializer(), allow_null=True, help_text="Each area: done, only promised or none (as read)"
    )
    sign_off = _SignOffSerializer(allow_null=True, help_text="Who signed, when, and the year covered (as read)")


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


class ReadingRequestSerializer(serializers.Serializer):
    """A statement queued for reading: poll `status_url` until `status` is succeeded or failed."""

    uuid = serializers.UUIDField()
    status = serializers.ChoiceField(choices=["queued", "running", "succeeded", "failed"])
    status_url = serializers.CharField(help_text="Where to ask how the reading is going")
    error = serializers.CharField(help_text="Why the statement could not be read; empty unless failed")
    reading = serializers.UUIDField(allow_null=True, help_text="The reading, once made")
    reading_url = serializers.CharField(allow_null=True, help_text="Where to fetch the reading, once made")


def reading_request_body(pending: ReadingRequest) -> dict[str, Any]:
    reading = pending.reading
    if reading is not None:
        state = "succeeded"
    elif pending.failure:
        state = "failed"
    else:
        state = pending.task_run.status if pending.task_run is not None else "queued"
    return {
        "uuid": str(pending.uuid),
        "status": state,
        "status_url": reverse("api:statement-reading-request", args=[pending.uuid]),
        "error": pending.failure,
        "reading": str(reading.uuid) if reading is not None else None,
        "reading_url": reverse("api:statement-reading-detail", args=[reading.uuid]) if reading is not None else None,
    }


class ReadingSummarySerializer(serializers.Serializer):
    """One row of the readings list, as the statement reader's page lists them."""

    uuid = serializers.UUIDField()
    title = serializers.CharField(help_text="The file name or the address it was read from")
    supplier = serializers.UUIDField(source="supplier.uuid", allow_null=True, help_text="Null: the council's own")
    period_start = serializers.DateField(allow_null=True)
    period_end = serializers.DateField(allow_null=True)
    score = serializers.IntegerField(help_text="Out of 8, after reviewers' overrides")
    machine_score = serializers.IntegerField(help_text="Out of 8, as read")
    created_at = serializers.DateTimeField()
    reading_url = serializers.SerializerMethodField(help_text="Where to fetch the whole reading")

    def get_reading_url(self, reading: StatementReading) -> str:
        return reverse("api:statement-reading-detail", args=[reading.uuid])


class ReadingFilters(serializers.Serializer):
    supplier = serializers.UUIDField(required=False, help_text="Only this supplier's statements")
    councils_own = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="true: only the council's own; false: only suppliers'"
    )
    sort = sort_choice("created_at", "score", "period_end", default="-created_at")


@extend_schema(
    methods=["GET"],
    operation_id="statement_readings_list",
    summary="Statements your organisation has read",
    description="The statement reader's list: a supplier's statements and the council's own, newest first "
    "unless sorted otherwise. Fetch `reading_url` for the areas and their evidence.",
    parameters=[ReadingFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedReadingSummaryList", ReadingSummarySerializer),
    examples=[
        OpenApiExample(
            "One supplier's readings",
            value={
                "count": 1,
                "next": None,
                "previous": None,
                "results": [
                    {
                        "uuid": "3f1d2c4e-8a9b-4c1d-9e2f-0a1b2c3d4e5f",
                        "title": "widgets-statement-2025.pdf",
                        "supplier": "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e",
                        "period_start": "2024-04-01",
                        "period_end": "2025-03-31",
                        "score": 6,
                        "machine_score": 5,
                        "created_at": "2025-07-01T09:30:00Z",
                        "reading_url": "/api/v1/statement-readings/3f1d2c4e-8a9b-4c1d-9e2f-0a1b2c3d4e5f",
                    }
                ],
            },
            response_only=True,
        )
    ],
)
@extend_schema(
    methods=["POST"],
    summary="Queue a statement for reading",
    description=(
        "The statement (a file, or an address to fetch it from) is checked for its kind and size and "
        "queued; the task worker reads it. Poll the `status_url` of the 202 answer (also in its "
        "`Location` header) until `status` is `succeeded`, then fetch `reading_url`."
    ),
    request={"multipart/form-data": ReadingCreateSerializer, "application/json": ReadingCreateSerializer},
    responses={
        202: ReadingRequestSerializer,
        400: OpenApiResponse(description="No statement, both a file and an address, or a file of the wrong kind"),
        404: OpenApiResponse(description="The supplier named is not one you may see"),
    },
)
@api_view(["GET", "POST"])
def readings(request: Request) -> Response:
    """POST never reads in the web worker (issue 15, defect 2): the reading is a background task."""
    _require(request)
    if request.method == "GET":
        return _readings_list(request)
    data = body_or_400(ReadingCreateSerializer, request)
    supplier = None
    if data.get("supplier"):
        suppliers = selectors.suppliers_for(request.user)
        supplier = open_for_user(request.user, suppliers, resource=SUPPLIERS, uuid=data["supplier"])
    pending = services.statement_reading_queue(
        actor=request.user,  # type: ignore[arg-type]
        supplier=supplier,
        upload=data.get("file"),
        url=data.get("url") or "",
    )
    body = reading_request_body(pending)
    return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["status_url"]})


def _readings_list(request: Request) -> Response:
    filters = known_filters_or_400(ReadingFilters, request)
    visible = selectors.readings_visible_to(request.user)
    if filters.get("supplier") is not None:
        visible = visible.filter(supplier__uuid=filters["supplier"])
    if filters["councils_own"] is not None:
        visible = visible.filter(supplier__isnull=filters["councils_own"])
    response, _count = one_page(
        request,
        sorted_by(visible, filters["sort"]),
        lambda page: ReadingSummarySerializer(page, many=True).data,
    )
    return response


@extend_schema(
    summary="How a queued reading is going",
    responses={200: ReadingRequestSerializer, 404: OpenApiResponse(description="Not one of your organisation's")},
)
@api_view(["GET"])
def reading_request_detail(request: Request, request_uuid: Any) -> Response:
    _require(request)
    visible = selectors.reading_requests_visible_to(request.user)
    pending = open_for_user(request.user, visible, resource=STATEMENT_READINGS, uuid=request_uuid)
    return Response(reading_request_body(pending))


@extend_schema(summary="One reading, with reviewers' overrides applied", responses={200: ReadingSerializer})
@api_view(["GET"])
def reading_detail(request: Request, reading_uuid: Any) -> Response:
    _require(request)
    visible = selectors.readings_visible_to(request.user)
    reading = open_for_user(request.user, visible, resource=STATEMENT_READINGS, uuid=reading_uuid)
    return Response(reading_body(reading))


class OverrideSerializer(serializers.Serializer):
    judgement = serializers.ChoiceField(
        choices=list(JUDGEMENTS), help_text="One of the six areas, approval or signature"
    )
    covered = serializers.ChoiceField(
        choices=["yes", "promised", "no"],
        help_text="promised: one of the six areas, where the statement only says what will be done (not covered)",
    )
    reason = serializers.CharField(max_length=2000, help_text="Shown to everyone who reads this assessment")
    evidence_added = serializers.ListField(
        child=serializers.IntegerField(min_value=0), required=False, help_text="Sentence indexes, counting from 0"
    )
    evidence_removed = serializers.ListField(
        child=serializers.IntegerField(min_value=0), required=False, help_text="Sentence indexes, counting from 0"
    )


@extend_schema(
    summary="Record a reviewer's decision on one judgement",
    description="As the reading page's decision form: the judgement is covered, only promised or not, with a "
    "reason and the sentences that show it; the reading's score follows it. Answers the reading as it now stands.",
    request=OverrideSerializer,
    responses={201: ReadingSerializer},
    examples=[
        OpenApiExample(
            "Training seen on site",
            value={"judgement": "training", "covered": "yes", "reason": "Seen on site", "evidence_added": [7]},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def reading_override(request: Request, reading_uuid: Any) -> Response:
    _require(request)
    visible = selectors.readings_visible_to(request.user)
    reading = open_for_user(request.user, visible, resource=STATEMENT_READINGS, action=Action.CHANGE, uuid=reading_uuid)
    data = body_or_400(OverrideSerializer, request)
    services.judgement_override(
        actor=request.user,  # type: ignore[arg-type]
        reading=reading,
        judgement=data["judgement"],
        covered=data["covered"] == "yes",
        only_promised=data["covered"] == "promised",
        reason=data["reason"],
        evidence_added=data.get("evidence_added") or [],
        evidence_removed=data.get("evidence_removed") or [],
    )
    reading.refresh_from_db()
    return Response(reading_body(reading), status=status.HTTP_201_CREATED)
