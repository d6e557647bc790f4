"""Allocating a case to a worker, or handing it over with a note."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext

from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.case_list import AllocationForm
from tackle.cases.selectors import case_workers_of, get_case_for_user
from tackle.cases.services.allocation import case_allocate
from tackle.core.form_page import form_page


@login_required
def allocation_edit(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    workers = [worker for worker in case_workers_of(case.organisation_id) if worker.pk != case.allocated_to_id]
    form = AllocationForm(request.POST if request.method == "POST" else None, workers=workers)
    current = case.allocated_to.display_name if case.allocated_to else ""
    return form_page(
        request,
        form,
        lambda data: case_allocate(
            case=case,
            actor=request.user,
            worker=form.workers[data["worker"]],
            handover_note=data["handover_note"],
            request=request,
        ),
        title=gettext("Hand over the case") if current else gettext("Allocate the case"),
        caption=f"{case.reference} · {case.display_name}",
        intro=gettext("Allocated to %(name)s now.") % {"name": current}
        if current
        else gettext("Nobody has this case yet."),
        back=reverse("cases:case-detail", args=[case.uuid]),
        success=gettext("Case allocated"),
        button=gettext("Allocate"),
    )
