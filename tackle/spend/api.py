"""/api/v1/spend-imports: spend screening with the pages' rules. Files are uploaded and queued by the
page's service; what a screening found is read through the page's selectors. Payees are businesses
and only totals are kept, so nothing here names a person."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.core.access import SPEND, Action
from tackle.core.api_lists import body_or_400, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.spend import selectors, services
from tackle.spend.models import ImportStatus


def _money(**kwargs: Any) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=24, decimal_places=2, **kwargs)


class SpendFileSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    size = serializers.IntegerField()
    rows_read = serializers.IntegerField()
    rows_accepted = serializers.IntegerField()
    rows_rejected = serializers.IntegerField()
    total_amount = _money()


class SpendImportSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    status = serializers.ChoiceField(ImportStatus.choices)
    error = serializers.CharField()
    started_by = serializers.CharField(source="started_by.username")
    created_at = serializers.DateTimeField()
    screened_at = serializers.DateTimeField(allow_null=True)
    task_run = serializers.UUIDField(source="task_run.uuid", allow_null=True, default=None)
    rows_read = serializers.IntegerField()
    rows_accepted = serializers.IntegerField()
    rows_rejected = serializers.IntegerField()
    total_amount = _money()
    suppliers = serializers.IntegerField(help_text="Payees found")


class SectorLineSerializer(serializers.Serializer):
    sector = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # the stubs take `label` for Field.label
    high_risk = serializers.BooleanField()
    rows = serializers.IntegerField()
    amount = _money()


class YearLineSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="A financial year, April to March, such as 2024-25")  # type: ignore[assignment]
    rows = serializers.IntegerField()
    amount = _money()
    high_risk_amount = _money()


class PayeeLineSerializer(serializers.Serializer):
    name = serializers.CharField()
    supplier_uuid = serializers.UUIDField(allow_null=True, help_text="The register's supplier, when matched")
    sectors = serializers.CharField()
    rows = serializers.IntegerField()
    amount = _money()
    must_publish = serializers.BooleanField(help_text="Its turnover means the law requires a statement")


class SpendImportDetailSerializer(SpendImportSerializer):
    files = SpendFileSerializer(many=True)
    sectors = SectorLineSerializer(many=True)
    years = YearLineSerializer(many=True)
    top_high_risk_payees = PayeeLineSerializer(many=True)
    payees_without_statement = PayeeLineSerializer(many=True)


class RejectSerializer(serializers.Serializer):
    file_name = serializers.CharField()
    line = serializers.IntegerField()
    reason = serializers.CharField()


class SpendImportFilters(serializers.Serializer):
    status = serializers.ChoiceField(ImportStatus.choices, required=False)
    sort = sort_choice("created_at", "total_amount", default="-created_at")


class SpendUploadSerializer(serializers.Serializer):
    spend_files = serializers.ListField(
        child=serializers.FileField(),
        help_text=f"The council's payments as CSV, XLSX or ODS, up to {services.MAX_FILES} files at a time",
    )


def _import_json(spend_import: Any, *, detail: bool = False) -> dict[str, Any]:
    if not detail:
        return dict(SpendImportSerializer(spend_import).data)
    spend_import.sectors = selectors.spend_by_sector(spend_import)
    spend_import.years = selectors.year_on_year(spend_import)
    spend_import.top_high_risk_payees = selectors.top_high_risk_payees(spend_import)
    spend_import.payees_without_statement = selectors.payees_without_statement(spend_import)
    return dict(SpendImportDetailSerializer(spend_import).data)


def _import(request: Request, import_uuid: str) -> Any:
    user = api_user(request)
    return open_for_user(user, selectors.spend_imports_visible_to(user), resource=SPEND, uuid=import_uuid)


@extend_schema(
    methods=["GET"],
    summary="Spend imports",
    operation_id="spend_import_list",
    description="Your organisation's uploads of spend files and what their screening found, in totals.",
    parameters=[SpendImportFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedSpendImportList", SpendImportSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Upload spend files for screening",
    description="Multipart, as the Screen spend page: the files are saved and their screening queued. Answers "
    "202 with the import; follow `task_run` or read the import until its status is done or failed.",
    request={"multipart/form-data": SpendUploadSerializer},
    responses={202: SpendImportSerializer},
)
@api_view(["GET", "POST"])
def spend_import_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=SPEND, action=Action.RECORD, object_type="spend.spendimport")
        incoming = body_or_400(SpendUploadSerializer, request)
        spend_import, _run = services.spend_import_start(actor=user, files=incoming["spend_files"])
        return Response(_import_json(spend_import), status=status.HTTP_202_ACCEPTED)
    open_page_for_user(user, resource=SPEND, object_type="spend.spendimport")
    filters = query_or_400(SpendImportFilters, request)
    imports = selectors.spend_imports_visible_to(user).select_related("started_by", "task_run")
    if filters.get("status"):
        imports = imports.filter(status=filters["status"])
    response, _count = one_page(
        request, sorted_by(imports, filters["sort"]), lambda page: SpendImportSerializer(page, many=True).data
    )
    return response


@extend_schema(
    summary="One spend import and what its screening found",
    description="Spend by sector (high-risk sectors first), by financial year, the payees paid most in high-risk "
    "sectors, and register suppliers paid with no modern slavery statement on file.",
    responses=SpendImportDetailSerializer,
)
@api_view(["GET"])
def spend_import_detail(request: Request, import_uuid: str) -> Response:
    return Response(_import_json(_import(request, import_uuid), detail=True))


@extend_schema(
    summary="Lines a spend import could not read",
    parameters=[PAGE_PARAMETER],
    responses=paginated("PaginatedSpendRejectList", RejectSerializer),
)
@api_view(["GET"])
def spend_import_rejects(request: Request, import_uuid: str) -> Response:
    rejects = selectors.rejects_of(_import(request, import_uuid))
    response, _count = one_page(request, rejects, lambda page: RejectSerializer(page, many=True).data)
    return response
