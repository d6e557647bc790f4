from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.selectors import case_list_visible_to, queue_for
from tackle.core.permissions import require_module
from tackle.core.roles import Module, Role


@login_required
def queue(request: AuthenticatedRequest) -> HttpResponse:
    """The lead's triage queue; for a frontline officer, the concerns they recorded."""
    require_module(request.user, Module.CASES)
    queue = queue_for(request.user, case_list_visible_to(request.user), page=request.GET.get("page"))
    audit_record(action=AuditAction.LIST, request=request, object_type="cases.case", note="Case queue viewed")
    is_lead = request.user.role == Role.MODERN_SLAVERY_LEAD
    return render(request, "cases/queue.html", {"queue": queue, "rows": queue.rows, "is_lead": is_lead})
