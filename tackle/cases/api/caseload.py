"""`GET /api/v1/caseloads`: the lead's caseloads as the Caseloads page shows them: each case worker with
their open cases and those with an overdue action, then the open cases nobody has. Audited as the page."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_page_for_user
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.selectors import Caseload, caseloads_for
from tackle.core.access import CASELOADS
from tackle.core.api_lists import one_page
from tackle.core.api_schema import PAGE_PARAMETER, paginated


class CaseloadSerializer(serializers.Serializer):
    worker = serializers.CharField(allow_null=True, help_text="The worker's username; null: not allocated")
    worker_name = serializers.CharField(allow_null=True)
    left = serializers.BooleanField(help_text="The worker has left: their cases need a new worker")
    open = serializers.IntegerField(help_text="Open cases")
    overdue = serializers.IntegerField(help_text="Open cases with an overdue action")


def _row(load: Caseload) -> dict[str, Any]:
    worker = load.worker
    return {
        "worker": worker.username if worker else None,
        "worker_name": worker.display_name if worker else None,
        "left": bool(worker and not worker.is_active),
        "open": load.open,
        "overdue": load.overdue,
    }


@extend_schema(
    summary="Caseloads",
    description="As the Caseloads page: each case worker of your organisation (those who have left too) with "
    "their open cases and those with an overdue action, then the open cases not allocated (worker null). For "
    "the modern slavery lead; audited.",
    parameters=[PAGE_PARAMETER],
    responses=paginated("PaginatedCaseloadList", CaseloadSerializer),
)
@api_view(["GET"])
def caseloads(request: Request) -> Response:
    user = api_user(request)
    open_page_for_user(user, resource=CASELOADS, object_type="cases.case")  # 403 as the page
    rows = [_row(load) for load in caseloads_for(user)]
    audit_record(
        action=AuditAction.LIST, request=request._request, object_type="cases.case", note="Caseloads listed by API"
    )
    response, _ = one_page(request, rows, lambda page: CaseloadSerializer(page, many=True).data)
    return response
