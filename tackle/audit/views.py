from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tackle.audit.forms import AuditFilterForm
from tackle.audit.selectors import audit_events_filtered, audit_events_visible_to
from tackle.audit.tasks import verify_audit_chain
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.core.tasks import task_run_start


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    require_module(request.user, Module.AUDIT)
    form = AuditFilterForm(request.GET or None)
    events = audit_events_visible_to(request.user)
    if form.is_bound and form.is_valid():
        events = audit_events_filtered(events, **form.cleaned_data)
    else:
        events = events.order_by("-sequence")
    page = Paginator(events.select_related("actor"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/event_list.html", {"form": form, "page": page, "query": query.urlencode()})


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    require_module(request.user, Module.AUDIT)
    if request.method == "POST":
        run = task_run_start(task=verify_audit_chain, user=request.user, name="Check the audit log")
        return redirect("home:task-run-detail", run_uuid=run.uuid)
    return render(request, "audit/verify.html")
