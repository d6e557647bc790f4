"""/api/v1/regulator-lists (issue 19, item 1): the organisation's regulators' lists as the targeting
pages show them, imported and removed as the pages do, for the roles that use disruption. Correcting
a list's columns is on its page only."""

import json
from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.core.access import TARGETING, Action
from tackle.core.api_lists import checked_by_form, known_filters_or_400, one_page, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.columns import ColumnChoice, ColumnsToConfirm
from tackle.core.errors import ApplicationError
from tackle.targeting import selectors, services
from tackle.targeting.api.base import audit_list, targeting_user
from tackle.targeting.forms import ImportForm, answered_columns
from tackle.targeting.models import RegulatorList
from tackle.targeting.sources import SourceError


class RegulatorListSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    source = serializers.CharField(help_text="Which regulator the list comes from")  # type: ignore[assignment]
    filename = serializers.CharField()
    mapping = serializers.DictField(child=serializers.CharField(), help_text="Field -> the column it was read from")
    record_count = serializers.IntegerField()
    reject_count = serializers.IntegerField()
    uploaded_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class RegulatorListFilters(serializers.Serializer):
    source = serializers.CharField(  # type: ignore[assignment]  # the filter named "source", not Field.source
        required=False, max_length=80, help_text="Part of the regulator's name"
    )
    sort = sort_choice("source", "uploaded_at", "record_count", default="source")


class RegulatorListImportSerializer(serializers.Serializer):
    lists = serializers.ListField(
        child=serializers.FileField(),
        help_text="Up to 10 files: CSV, XLSX or ODS, or the Food Standards Agency's ratings XML, one per "
        "regulator, each named after its file; one named like a list already imported replaces it",
    )
    columns = serializers.CharField(
        required=False,
        help_text='JSON text: a list of {"header": [...], "columns": {"field": column or null}} (0-based), each '
        "the columns of the files with that header, as a 400 names them when a column was guessed",
    )


class RegulatorRejectSerializer(serializers.Serializer):
    line = serializers.IntegerField()
    reason = serializers.CharField()


class ImportedListSerializer(RegulatorListSerializer):
    rejects = RegulatorRejectSerializer(many=True, help_text="Lines that could not be used, with why")


@extend_schema(
    methods=["GET"],
    operation_id="regulator_lists_list",
    summary="Your organisation's regulators' lists",
    description="As the Regulators' lists page shows them. Every listing is audited.",
    parameters=[RegulatorListFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedRegulatorListList", RegulatorListSerializer),
)
@extend_schema(
    methods=["POST"],
    operation_id="regulator_lists_import",
    summary="Import regulators' lists",
    description="As the Import regulators' lists page, multipart: every file or none. A file that cannot be read "
    "answers 400 naming it under `lists`. A file whose columns were only guessed (or with no name column) "
    "answers 400 with `lists` naming it, its `header` and `columns`: each field's column, how sure the guess is "
    "and its first values; send the files again with `columns` for that header. Each list imported is answered "
    "with the lines it could not use, by line number and reason.",
    request={"multipart/form-data": RegulatorListImportSerializer},
    responses={201: ImportedListSerializer(many=True)},
)
@api_view(["GET", "POST"])
def regulator_list_list(request: Request) -> Response:
    user = targeting_user(request)
    if request.method == "POST":
        return _imported(request, user)
    filters = known_filters_or_400(RegulatorListFilters, request)
    lists = selectors.lists_visible_to(user).defer("content")
    if filters.get("source"):
        lists = lists.filter(source__icontains=filters["source"].strip())
    response, count = one_page(
        request, sorted_by(lists, filters["sort"]), lambda page: RegulatorListSerializer(page, many=True).data
    )
    audit_list(request, "targeting.regulatorlist", count)
    return response


def _answers(raw: str) -> services.ColumnsByHeader:
    """The columns sent, read as the page reads its earlier answers; 400 naming `columns` when any
    entry is not of that shape (the page would only ask again; a client needs to know why)."""
    try:
        items = json.loads(raw)
    except ValueError:
        items = None
    answers = answered_columns(raw) if isinstance(items, list) else {}
    if not isinstance(items, list) or len(answers) != len(items):
        raise ValidationError(
            {"columns": ['Send a list of {"header": [...], "columns": {field: column or null}} as the 400 gave them']}
        )
    return answers


def _choice(choice: ColumnChoice) -> dict[str, Any]:
    return {
        "field": choice.field,
        "label": str(choice.label),
        "column": choice.column,
        "header": choice.header,
        "how": choice.how,
        "confidence": choice.confidence,
        "samples": list(choice.samples),
    }


def _imported(request: Request, user: Any) -> Response:
    open_page_for_user(user, resource=TARGETING, action=Action.RECORD, object_type="targeting.regulatorlist")
    organisation = user.organisation
    assert organisation is not None  # the module's roles belong to one
    form = checked_by_form(ImportForm(request.POST, request.FILES))
    raw_columns = request.POST.get("columns", "")
    answers = _answers(raw_columns) if raw_columns else {}
    uploads = [
        services.Upload(item.name, item.read(services.MAX_FILE_BYTES + 1)) for item in form.cleaned_data["lists"]
    ]
    try:
        saved = services.regulator_lists_import(organisation=organisation, actor=user, uploads=uploads, columns=answers)
    except ColumnsToConfirm as error:  # as the page asks: each field's column, how sure, its first values
        body = {"lists": [str(error.message)], "header": error.header, "columns": [_choice(c) for c in error.choices]}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    except ApplicationError as error:
        raise ValidationError({"lists": [str(error.message)]}) from None
    return Response([_with_rejects(item) for item in saved], status=status.HTTP_201_CREATED)


def _with_rejects(regulator_list: RegulatorList) -> dict[str, Any]:
    body = dict(RegulatorListSerializer(regulator_list).data)
    body["rejects"] = RegulatorRejectSerializer(selectors.read_list(regulator_list).rejects, many=True).data
    return body


class RegulatorRecordSerializer(serializers.Serializer):
    line = serializers.IntegerField(help_text="Its line in the file")
    name = serializers.CharField()
    trading_name = serializers.CharField(allow_blank=True)
    address = serializers.CharField(allow_blank=True)
    town = serializers.CharField(allow_blank=True)
    postcode = serializers.CharField(allow_blank=True)
    company_number = serializers.CharField(allow_blank=True)
    premises_type = serializers.CharField()
    non_compliant = serializers.BooleanField(help_text="The line records an adverse finding")
    finding = serializers.CharField(allow_blank=True)
    date = serializers.DateField(allow_null=True)


class RegulatorListDetailSerializer(RegulatorListSerializer):
    header = serializers.ListField(child=serializers.CharField(), help_text="The file's columns")
    problem = serializers.CharField(allow_blank=True, help_text="Why the list cannot be read, if it cannot")
    rejects = RegulatorRejectSerializer(many=True, help_text="Lines that could not be used")
    records = paginated("PaginatedRegulatorRecordList", RegulatorRecordSerializer)


@extend_schema(
    methods=["DELETE"],
    operation_id="regulator_lists_destroy",
    summary="Remove a regulators' list",
    description="As the list's Remove page: the list and its records go, and the ranking is made without them. "
    "Audited.",
    responses={204: None},
)
@extend_schema(
    methods=["GET"],
    operation_id="regulator_lists_retrieve",
    summary="One regulators' list with its records",
    description="Your organisation's list only (404 for anyone else's), read as its Check columns page reads it: "
    "the records a page at a time (`page`), every rejected line with its reason. Audited as a view.",
    parameters=[PAGE_PARAMETER],
    responses=RegulatorListDetailSerializer,
    examples=[
        OpenApiExample(
            "A fire safety list",
            value={
                "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                "source": "fire",
                "filename": "fire.csv",
                "mapping": {"business_name": "Premises name", "postcode": "Postcode"},
                "record_count": 1,
                "reject_count": 0,
                "uploaded_at": "2026-04-02T09:30:00Z",
                "updated_at": "2026-04-02T09:30:00Z",
                "header": ["Premises name", "Postcode"],
                "problem": "",
                "rejects": [],
                "records": {
                    "count": 1,
                    "next": None,
                    "previous": None,
                    "results": [
                        {
                            "line": 2,
                            "name": "Sparkle Car Wash",
                            "trading_name": "",
                            "address": "",
                            "town": "",
                            "postcode": "B70 6AB",
                            "company_number": "",
                            "premises_type": "hand_car_wash",
                            "non_compliant": True,
                            "finding": "",
                            "date": "2026-04-02",
                        }
                    ],
                },
            },
            response_only=True,
        )
    ],
)
@api_view(["GET", "DELETE"])
def regulator_list_detail(request: Request, list_uuid: str) -> Response:
    user = targeting_user(request)
    visible = selectors.lists_visible_to(user)
    if request.method == "DELETE":
        regulator_list = open_for_user(user, visible, resource=TARGETING, action=Action.CHANGE, uuid=list_uuid)
        services.regulator_list_delete(regulator_list=regulator_list, actor=user)
        return Response(status=status.HTTP_204_NO_CONTENT)
    regulator_list = open_for_user(user, visible, resource=TARGETING, request=request._request, uuid=list_uuid)
    problem, header, records, rejects = "", [], [], []
    try:
        read = selectors.read_list(regulator_list)
    except SourceError as error:  # saved mappings read; this guards lists saved under older rules
        problem = str(error.message)
    else:
        header, records, rejects = read.header, read.records, read.rejects
    paginator = PageNumberPagination()
    page: Any = paginator.paginate_queryset(records, request) or []
    body = dict(RegulatorListSerializer(regulator_list).data)
    body.update(
        header=header,
        problem=problem,
        rejects=RegulatorRejectSerializer(rejects, many=True).data,
        records={
            "count": len(records),
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": RegulatorRecordSerializer(page, many=True).data,
        },
    )
    return Response(body)
