"""A case's support page, document downloads, and closing or reopening the case.

Who may read the support records is the policy table's SUPPORT resource (case workers of the
case's organisation, and a partner whose share of the case is for support; not the frontline
officer who recorded the concern); only case workers change them. Each view and change is audited.
The add pages for each kind of record are in support_records.py.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.support import CaseCloseForm, CaseReopenForm
from tackle.cases.models import Case, CaseStatus, OutcomeDomain, SafetyPlan
from tackle.cases.selectors import get_case_for_user, user_may_work_on
from tackle.cases.services.support import case_close, case_reopen
from tackle.core.access import SUPPORT
from tackle.core.errors import ApplicationError
from tackle.core.forms import add_application_error

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def outcome_table(case: Case) -> tuple[list[date], list[tuple["StrOrPromise", list[int | None]]]]:
    """Outcome scores over time: one row per area, one column per assessment date, oldest first."""
    scores = list(case.outcome_scores.all())
    dates = sorted({score.assessed_on for score in scores})
    by_cell = {(score.domain, score.assessed_on): score.score for score in scores}
    rows: list[tuple[StrOrPromise, list[int | None]]] = [
        (domain.label, [by_cell.get((domain.value, day)) for day in dates]) for domain in OutcomeDomain
    ]
    return dates, rows


def _safety_plan(case: Case) -> dict[str, Any]:
    plans: list[SafetyPlan] = list(case.safety_plans.select_related("recorded_by"))
    current = plans[0] if plans else None
    last_review = current.reviews.select_related("reviewed_by").first() if current else None
    return {"plan": current, "last_review": last_review, "earlier_plans": plans[1:]}


@login_required
def support(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_uuid, resource=SUPPORT, request=request, note="Support page viewed")
    phases = list(case.support_phases.select_related("recorded_by"))
    dates, rows = outcome_table(case)
    return render(
        request,
        "cases/support/support.html",
        {
            "case": case,
            "can_change": user_may_work_on(request.user, case),
            "is_closed": case.status == CaseStatus.CLOSED,
            "current_phase": phases[0] if phases else None,
            "phases": phases,
            "assessments": case.needs_assessments.all(),
            "placements": case.placements.all(),
            "missing_episodes": case.missing_episodes.all(),
            "score_dates": dates,
            "score_rows": rows if dates else [],
            "notes": case.notes.select_related("author"),
            "documents": case.documents.select_related("uploaded_by"),
            **_safety_plan(case),
        },
    )


@login_required
def document_download(request: AuthenticatedRequest, case_uuid: str, document_uuid: str) -> FileResponse:
    """The only way a case document leaves the server: permission checked, every download audited."""
    case = get_case_for_user(request.user, case_uuid, resource=SUPPORT)
    documents = case.documents.all()
    note = "Document downloaded"
    document = open_for_user(
        request.user, documents, resource=SUPPORT, request=request, note=note, part_of=case, uuid=document_uuid
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:  # the attempt stays in the audit log
        raise Http404(gettext("The file is missing from storage.")) from None
    response = FileResponse(
        handle, as_attachment=True, filename=document.download_name, content_type=document.content_type
    )
    response["Cache-Control"] = "private, no-store"  # Personal data: no copies in shared or browser caches.
    return response


def _status_change_page(request: AuthenticatedRequest, case_uuid: str, *, closing: bool) -> HttpResponse:
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    form = (CaseCloseForm if closing else CaseReopenForm)(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        change = case_close if closing else case_reopen
        try:
            change(case=case, actor=request.user, reason=form.cleaned_data["reason"], request=request)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            done = gettext("Case %(reference)s closed") if closing else gettext("Case %(reference)s reopened")
            messages.success(request, done % {"reference": case.reference})
            return redirect("cases:support", case_uuid=case.uuid)
    return render(
        request,
        "cases/support/record_form.html",
        {
            "case": case,
            "form": form,
            "title": gettext("Close the case") if closing else gettext("Reopen the case"),
            "button": gettext("Close case") if closing else gettext("Reopen case"),
            "warning_button": closing,
        },
    )


@login_required
def close(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    return _status_change_page(request, case_uuid, closing=True)


@login_required
def reopen(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    return _status_change_page(request, case_uuid, closing=False)
