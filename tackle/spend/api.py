"""/api/v1/spend-imports: spend screening with the pages' rules. Files are uploaded and queued by the
page's service; what a screening found is read through the page's selectors. Payees are businesses
and only totals are kept, so nothing here names a person."""

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.core.access import SPEND, Action
from tackle.core.api_lists import body_or_400, checked_by_form, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.errors import ApplicationError
from tackle.spend import selectors, services
from tackle.spend.forms import ColumnsForm
from tackle.spend.models import ImportStatus
from tackle.spend.screening.headers import FIELDS


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


class FileColumnSerializer(serializers.Serializer):
    field = serializers.ChoiceField(list(FIELDS), help_text="The field screening reads")
    label = serializers.CharField()  # type: ignore[assignment]  # the stubs take `label` for Field.label
    header = serializers.CharField(allow_null=True, help_text="The file's column now used; null when none")
    confidence = serializers.FloatField(allow_null=True, help_text="How sure the guess from its header was, 0 to 1")
    samples = serializers.ListField(child=serializers.CharField(), help_text="The first values under it")


class FileColumnsSerializer(serializers.Serializer):
    file = serializers.UUIDField()
    name = serializers.CharField()
    import_status = serializers.ChoiceField(ImportStatus.choices)
    headers = serializers.ListField(child=serializers.CharField())
    columns = FileColumnSerializer(many=True)


class FileColumnsWriteSerializer(serializers.Serializer):
    columns = serializers.DictField(
        child=serializers.CharField(allow_null=True, allow_blank=True),
        help_text=f"The file's header for each field ({', '.join(FIELDS)}); null or empty: not in the file. "
        "The amount is needed; a field left out keeps its column.",
    )


def _file_columns_json(spend_file: Any) -> dict[str, Any]:
    headers = list(spend_file.mapping.get("headers", []))
    rows = selectors.file_sample_rows(spend_file)
    columns = []
    for line in spend_file.mapping["columns"]:
        at = line["column"] - 1 if line["column"] else None
        if spend_file.overrides and line["field"] in spend_file.overrides:
            at = spend_file.overrides[line["field"]]
        samples = [row[at].strip() for row in rows if at is not None and at < len(row)][:5]
        columns.append(
            {
                "field": line["field"],
                "label": line["label"],
                "header": headers[at] if at is not None and at < len(headers) else None,
                "confidence": line.get("confidence"),
                "samples": samples,
            }
        )
    answer = {
        "file": spend_file.uuid,
        "name": spend_file.name,
        "import_status": spend_file.spend_import.status,
        "headers": headers,
        "columns": columns,
    }
    return dict(FileColumnsSerializer(answer).data)


@extend_schema(
    methods=["GET"],
    summary="Which column of a spend file holds each field",
    description="As the file's columns page: its header, the column used for each field, how sure the guess was "
    "and the first values. 400 while the file has not been read.",
    responses=FileColumnsSerializer,
)
@extend_schema(
    methods=["POST"],
    summary="Correct a spend file's columns",
    description="As the file's columns page: an import waiting on its columns (status columns) is screened once "
    "no other file waits to be checked; a screened one is screened again. Answers 202 with the import when its "
    "screening is queued, 200 while another of its files waits.",
    request=FileColumnsWriteSerializer,
    responses={200: SpendImportSerializer, 202: SpendImportSerializer},
    examples=[OpenApiExample("The amount", value={"columns": {"amount": "Net value"}}, request_only=True)],
)
@api_view(["GET", "POST"])
def spend_file_columns(request: Request, file_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.spend_files_visible_to(user)
    spend_file = open_for_user(user, visible, resource=SPEND, action=Action.CHANGE, uuid=file_uuid)
    headers = [cell.strip() for cell in spend_file.mapping.get("headers", [])]
    if not headers:
        raise ApplicationError("This file has not been read yet: wait for the screening to finish.")
    if request.method == "GET":
        return Response(_file_columns_json(spend_file))
    given = body_or_400(FileColumnsWriteSerializer, request)["columns"]
    unknown = sorted(set(given) - set(FIELDS))
    if unknown:
        raise ValidationError({"columns": [f"Not a field of a spend file: {', '.join(unknown)}"]})
    missing = sorted({header for header in given.values() if header} - set(headers))
    if missing:
        raise ValidationError(
            {"columns": [f"No column is headed {missing[0]!r}; the columns are {', '.join(headers)}"]}
        )
    current = {
        line["field"]: (line["column"] - 1 if line["column"] else None) for line in spend_file.mapping["columns"]
    }
    current.update(spend_file.overrides or {})
    chosen = {**current, **{field: headers.index(header) if header else None for field, header in given.items()}}
    data = {field: "" if at is None else str(at) for field, at in chosen.items()}
    form = checked_by_form(ColumnsForm(data, headers=headers, current=current))
    run = services.spend_file_columns_set(actor=user, spend_file=spend_file, overrides=form.cleaned_data)
    spend_import = selectors.spend_imports_visible_to(user).get(pk=spend_file.spend_import_id)
    answer = status.HTTP_202_ACCEPTED if run is not None else status.HTTP_200_OK
    return Response(_import_json(spend_import), status=answer)
