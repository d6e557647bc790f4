"""The case list (the lead's triage queue by default), its filters and search, and caseloads."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, ngettext

from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.access import audit_case_list, may_search_cases, may_see_caseloads, require_search_allowed
from tackle.cases.forms.case_list import CaseFilterForm
from tackle.cases.models import CaseStatus
from tackle.cases.prepared_list import prepared_queue
from tackle.cases.selectors import (
    QueuePage,
    case_list_visible_to,
    case_workers_of,
    caseloads_for,
    cases_filtered,
    queue_for,
)
from tackle.core import access
from tackle.core.access import CASE_WORKER_ROLES
from tackle.core.exports import Column, requested_format
from tackle.core.permissions import require_module
from tackle.core.roles import Module


@login_required
def queue(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    """Open cases by default, new concerns and overdue actions first; for a frontline officer, the
    concerns they recorded. The filter panel narrows the list; search needs a role that may search."""
    require_module(request.user, Module.CASES)
    require_search_allowed(request.user, request.GET)
    data = request.GET.copy()
    data.setdefault("status", CaseStatus.OPEN)
    form = CaseFilterForm(
        data,
        workers=list(case_workers_of(request.user.organisation_id, with_former=True)),
        may_search=may_search_cases(request.user),
    )
    cases = case_list_visible_to(request.user)
    filters = form.filters() if form.is_valid() else None
    if filters is not None and requested_format(request) is not None:  # the list's querysets only for a download
        chosen = cases_filtered(cases, filters).select_related("allocated_to").order_by("-encountered_at")
        download = list_download(
            request, chosen, resource=access.CASES, columns=CASE_COLUMNS, name="cases", title="Cases"
        )
        if download is not None:
            return download
    page = data.get("page")
    # The same page as queue_for over cases_filtered, through statements compiled once per shape.
    queue = prepared_queue(request.user, filters, page=page) if filters else queue_for(request.user, cases.none())
    audit_case_list(request, searched=bool(filters and filters.search), count=queue.count, note="Case list viewed")
    kept = data.copy()
    kept.pop("page", None)
    if kept.get("status") == CaseStatus.OPEN and "status" not in request.GET:
        kept.pop("status")  # the default: pages of the plain queue stay ?page=2
    query = kept.urlencode()
    status = filters.status if filters else ""
    context = {
        "queue": queue,
        "rows": queue.rows,
        "form": form,
        "filtered": bool(query),
        "page_query": f"{query}&" if query else "",
        "position": _queue_position(queue, status),
        "may_change_pathway": access.allows(request.user.role, access.PATHWAY_SETTINGS, access.Action.CHANGE),
        "is_case_worker": request.user.role in CASE_WORKER_ROLES,
        "may_see_caseloads": may_see_caseloads(request.user),
        "downloads": list_download_links(request, access.CASES) if filters else [],
    }
    return render(request, "cases/queue.html", context)


def _queue_position(queue: QueuePage, status: str) -> str:
    """Where the page stands in the list, as one sentence per status so that Welsh can word each."""
    values = {"first": queue.first_shown, "last": queue.last_shown, "count": queue.count}
    if queue.pages > 1:
        if status == CaseStatus.OPEN:
            return gettext("Showing %(first)s to %(last)s of %(count)s open cases.") % values
        if status == CaseStatus.CLOSED:
            return gettext("Showing %(first)s to %(last)s of %(count)s closed cases.") % values
        return gettext("Showing %(first)s to %(last)s of %(count)s cases.") % values
    if status == CaseStatus.OPEN:
        return ngettext("%(count)s open case.", "%(count)s open cases.", queue.count) % values
    if status == CaseStatus.CLOSED:
        return ngettext("%(count)s closed case.", "%(count)s closed cases.", queue.count) % values
    return ngettext("%(count)s case.", "%(count)s cases.", queue.count) % values


# The queue's columns, every case the filters match (not one page); the account of what was seen
# and the person's contact details stay on the case page.
CASE_COLUMNS = (
    Column("Reference", lambda c: c.reference),
    Column("Person", lambda c: c.display_name),
    Column("Treated as a child", lambda c: "Yes" if c.treated_as_child else "No"),
    Column("Seen", lambda c: c.encountered_at),
    Column("Stage", lambda c: c.get_stage_display()),
    Column("Status", lambda c: c.get_status_display()),
    Column("Allocated to", lambda c: c.allocated_to.display_name if c.allocated_to else ""),
)


@login_required
def caseloads(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    """The lead's view of who has what: each worker's open and overdue cases, and those nobody has."""
    require_module(request.user, Module.CASES)
    if not may_see_caseloads(request.user):
        raise PermissionDenied(gettext("Your role cannot see caseloads."))
    loads = caseloads_for(request.user)
    download = list_download(
        request, loads, resource=access.CASELOADS, columns=CASELOAD_COLUMNS, name="caseloads", title="Caseloads"
    )
    if download is not None:
        return download
    audit_record(action=AuditAction.LIST, request=request, object_type="cases.case", note="Caseloads viewed")
    context = {"loads": loads, "downloads": list_download_links(request, access.CASELOADS)}
    return render(request, "cases/caseloads.html", context)


# Each worker's open and overdue cases, then those not allocated, as the caseloads page shows them.
CASELOAD_COLUMNS = (
    Column("Worker", lambda load: load.worker.display_name if load.worker else "Not allocated"),
    Column("Left", lambda load: "Yes" if load.worker and not load.worker.is_active else ""),
    Column("Open cases", lambda load: load.open),
    Column("With an overdue action", lambda load: load.overdue),
)
