"""/api/v1/tender-checks and /clarifications: the abnormally-low-tender check and its clarifications,
procurement's own (tackle/core/access.py TENDERS), with the page's form and services."""

from decimal import Decimal
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.core.access import TENDERS, Action
from tackle.core.api_lists import body_or_400, checked_by_form, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.columns import ColumnChoice, ColumnsToConfirm
from tackle.suppliers import selectors, services
from tackle.suppliers.forms import ClarificationCloseForm, TenderCheckForm
from tackle.suppliers.rules.tenders import MAX_TYPED_CHARS


class BidSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    line = serializers.IntegerField(help_text="The line of the file or of the typed bids")
    bidder = serializers.CharField()
    price = serializers.DecimalField(max_digits=16, decimal_places=2)
    labour_hours = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    year = serializers.IntegerField(allow_null=True)
    flags = serializers.ListField(child=serializers.CharField(), help_text="Why the bid looks abnormally low")
    explanation = serializers.CharField()
    clarification = serializers.UUIDField(
        source="clarification.uuid", allow_null=True, default=None, help_text="The flagged bid's clarification task"
    )


class TenderCheckSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    lot = serializers.CharField()
    median = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    threshold_percent = serializers.IntegerField(help_text="A bid below this % of the others' median is flagged")
    checked_by = serializers.CharField(source="checked_by.username", allow_null=True, default=None)
    created_at = serializers.DateTimeField()
    bid_count = serializers.IntegerField()
    flagged_count = serializers.IntegerField()


class TenderCheckDetailSerializer(TenderCheckSerializer):
    bids = BidSerializer(many=True, source="bids_shown")


class TenderCheckFilters(serializers.Serializer):
    lot = serializers.CharField(required=False, max_length=200, help_text="Part of the procurement or lot")
    sort = sort_choice("created_at", "lot", default="-created_at")


class TenderCheckWriteSerializer(serializers.Serializer):
    lot = serializers.CharField(max_length=200, help_text="The procurement or lot")
    typed = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_TYPED_CHARS,
        help_text="One bid a line: the bidder, a comma, the price (as the page's box); or send `file`",
    )
    file = serializers.FileField(required=False, help_text="The bids as CSV or XLSX (multipart only)")
    threshold = serializers.IntegerField(
        required=False, default=70, min_value=1, max_value=100, help_text="Percentage of the median, 1 to 100"
    )
    columns = serializers.DictField(
        child=serializers.IntegerField(min_value=0, allow_null=True),
        required=False,
        help_text='A file\'s column (0-based) for each field, such as {"bidder": 0, "price": 3}: needed when a '
        "400 says a column was guessed or is missing, and lists the columns it would use",
    )


class ClarificationSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    check_uuid = serializers.UUIDField(source="bid.check_run.uuid")
    lot = serializers.CharField(source="bid.check_run.lot")
    bidder = serializers.CharField(source="bid.bidder")
    price = serializers.DecimalField(source="bid.price", max_digits=16, decimal_places=2)
    flags = serializers.ListField(source="bid.flags", child=serializers.CharField())
    assigned_to = serializers.CharField(source="assigned_to.username", allow_null=True, default=None)
    created_at = serializers.DateTimeField()
    closed_on = serializers.DateField(allow_null=True)
    outcome = serializers.CharField()


class ClarificationFilters(serializers.Serializer):
    state = serializers.ChoiceField(["open", "closed", "all"], default="open")
    sort = sort_choice("created_at", default="-created_at")


class ClarificationCloseSerializer(serializers.Serializer):
    outcome = serializers.CharField(max_length=5000, help_text="What the bidder said and what was decided")


TYPED_EXAMPLE = OpenApiExample(
    "Three bids typed",
    value={"lot": "Lot 2: street cleaning", "typed": "Acme Ltd, 120000\nBest Co, 118000\nCheap Co, 41000"},
    request_only=True,
)


def _choice(choice: ColumnChoice) -> dict[str, Any]:
    return {
        "field": choice.field,
        "column": choice.column,
        "header": choice.header,
        "how": choice.how,
        "confidence": choice.confidence,
        "samples": list(choice.samples),
    }


def _check_json(check: Any, *, detail: bool = False) -> dict[str, Any]:
    bids = list(check.bids.select_related("clarification"))
    check.bid_count, check.flagged_count = len(bids), sum(1 for bid in bids if bid.flags)
    check.threshold_percent = int(check.threshold * 100)
    if not detail:
        return dict(TenderCheckSerializer(check).data)
    check.bids_shown = bids
    return dict(TenderCheckDetailSerializer(check).data)


@extend_schema(
    methods=["GET"],
    summary="Tender checks",
    operation_id="tender_check_list",
    description="Your organisation's checks of bids for abnormally low prices.",
    parameters=[TenderCheckFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedTenderCheckList", TenderCheckSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Check the bids for a lot",
    description="The bids typed one a line, or a file sent as multipart, not both. Each flagged bid gets a "
    "clarification task for you. A line that cannot be read is named in the 400 answer and nothing is saved.",
    request={"application/json": TenderCheckWriteSerializer, "multipart/form-data": TenderCheckWriteSerializer},
    responses={201: TenderCheckDetailSerializer},
    examples=[TYPED_EXAMPLE],
)
@api_view(["GET", "POST"])
def tender_check_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=TENDERS, action=Action.RECORD, object_type="suppliers.tendercheck")
        values = body_or_400(TenderCheckWriteSerializer, request)
        form = TenderCheckForm(
            {"lot": values["lot"], "typed": values.get("typed", ""), "threshold": values["threshold"]},
            {"file": values["file"]} if values.get("file") else {},
        )
        data = checked_by_form(form).cleaned_data
        assert user.organisation is not None
        try:
            check = services.tender_check_record(
                actor=user,
                organisation=user.organisation,
                lot=data["lot"],
                data=upload.read(services.MAX_BIDS_FILE_BYTES + 1) if (upload := data["file"]) else b"",
                typed=data["typed"],
                threshold=Decimal(data["threshold"]) / 100,
                today=timezone.localdate(),
                columns=values.get("columns"),
            )
        except ColumnsToConfirm as error:  # as the page asks: each field's column, how sure, its first values
            raise ValidationError({"file": [error.message], "columns": [_choice(c) for c in error.choices]}) from None
        except services.BidsFileRejected as error:
            lines = [f"Line {problem.line}: {problem.reason}" for problem in error.problems]
            raise ValidationError({error.field or "file": [error.message, *lines]}) from None
        return Response(_check_json(check, detail=True), status=status.HTTP_201_CREATED)
    open_page_for_user(user, resource=TENDERS, object_type="suppliers.tendercheck")
    filters = query_or_400(TenderCheckFilters, request)
    checks = selectors.tender_checks_visible_to(user).select_related("checked_by")
    if filters.get("lot"):
        checks = checks.filter(lot__icontains=filters["lot"])
    response, _count = one_page(
        request, sorted_by(checks, filters["sort"]), lambda page: [_check_json(c) for c in page]
    )
    return response


@extend_schema(summary="One tender check, with every bid", responses=TenderCheckDetailSerializer)
@api_view(["GET"])
def tender_check_detail(request: Request, check_uuid: str) -> Response:
    user = api_user(request)
    check = open_for_user(user, selectors.tender_checks_visible_to(user), resource=TENDERS, uuid=check_uuid)
    return Response(_check_json(check, detail=True))


@extend_schema(
    summary="Clarifications of flagged bids",
    parameters=[ClarificationFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedClarificationList", ClarificationSerializer),
)
@api_view(["GET"])
def clarification_list(request: Request) -> Response:
    user = api_user(request)
    open_page_for_user(user, resource=TENDERS, object_type="suppliers.clarificationtask")
    filters = query_or_400(ClarificationFilters, request)
    tasks = selectors.clarifications_visible_to(user)
    if filters["state"] != "all":
        tasks = tasks.filter(closed_on__isnull=filters["state"] == "open")
    response, _count = one_page(
        request, sorted_by(tasks, filters["sort"]), lambda page: ClarificationSerializer(page, many=True).data
    )
    return response


@extend_schema(
    summary="Close a clarification",
    description="With what the bidder said and what was decided, as the page.",
    request=ClarificationCloseSerializer,
    responses={200: ClarificationSerializer},
)
@api_view(["POST"])
def clarification_close(request: Request, task_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.clarifications_visible_to(user)
    task = open_for_user(user, visible, resource=TENDERS, action=Action.CHANGE, uuid=task_uuid)
    incoming = body_or_400(ClarificationCloseSerializer, request)
    form = checked_by_form(ClarificationCloseForm(dict(incoming)))
    task = services.clarification_close(
        actor=user, task=task, closed_on=timezone.localdate(), outcome=form.cleaned_data["outcome"]
    )
    return Response(ClarificationSerializer(task).data)
