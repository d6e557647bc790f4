"""Abnormally low tenders: upload the bids for a lot, see the flags, and work the clarifications."""

from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.core.access import TENDERS, Action
from tackle.core.columns import ColumnsToConfirm
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.forms import ColumnsStep, add_application_error
from tackle.suppliers import selectors, services
from tackle.suppliers.access import require_tenders
from tackle.suppliers.forms import ClarificationCloseForm, TenderCheckForm
from tackle.suppliers.rules.tenders import COLUMN_LABELS


@login_required
def tender_check_new(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_tenders(request.user)
    organisation = request.user.organisation
    assert organisation is not None
    form = TenderCheckForm(request.POST or None, request.FILES or None)
    problems: list[services.BidsFileProblem] = []
    labels = COLUMN_LABELS
    columns = ColumnsStep(
        request.POST if request.method == "POST" else None, labels=labels, required={"bidder", "price"}
    )
    if request.method == "POST" and form.is_valid() and columns.is_valid():
        try:
            check = services.tender_check_record(
                actor=request.user,
                organisation=organisation,
                lot=form.cleaned_data["lot"],
                data=upload.read(services.MAX_BIDS_FILE_BYTES + 1) if (upload := form.cleaned_data["file"]) else b"",
                typed=form.cleaned_data["typed"],
                threshold=Decimal(form.cleaned_data["threshold"]) / 100,
                today=timezone.localdate(),
                columns=columns.chosen,
            )
        except ColumnsToConfirm as error:
            add_application_error(form, error, field="file")
            columns.ask(error)
        except services.BidsFileRejected as error:
            add_application_error(form, error)
            problems = error.problems
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            return redirect("suppliers:tender-check-detail", check.uuid)
    checks = selectors.tender_checks_visible_to(request.user).annotate(
        bid_count=Count("bids"), flagged_count=Count("bids", filter=Q(bids__clarification__isnull=False))
    )
    if request.method != "POST":
        download = list_download(
            request, checks, resource=TENDERS, columns=CHECK_COLUMNS, name="tender-checks", title="Tender checks"
        )
        if download is not None:
            return download
    downloads = list_download_links(request, TENDERS)
    context = {"form": form, "problems": problems, "checks": checks[:20], "downloads": downloads, **columns.context()}
    return render(request, "suppliers/tender_check_new.html", context)


# Every check run, newest first (the page lists the latest 20).
CHECK_COLUMNS = (
    Column("Procurement or lot", lambda c: c.lot),
    Column("Checked", lambda c: c.created_at),
    Column("Median of the bids", lambda c: c.median),
    Column("Threshold", lambda c: c.threshold),
    Column("Bids", lambda c: c.bid_count),
    Column("Flagged (a clarification to ask)", lambda c: c.flagged_count),
)


@login_required
def tender_check_detail(request: AuthenticatedRequest, check_uuid: Any) -> HttpResponse:
    require_tenders(request.user)
    check = open_for_user(
        request.user, selectors.tender_checks_visible_to(request.user), resource=TENDERS, uuid=check_uuid
    )
    bids = check.bids.select_related("clarification")
    flagged = sum(1 for bid in bids if bid.flags)
    context = {"check": check, "bids": bids, "flagged": flagged, "threshold_percent": int(check.threshold * 100)}
    return render(request, "suppliers/tender_check_detail.html", context)


@login_required
def clarification_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_tenders(request.user)
    tasks = selectors.clarifications_visible_to(request.user)
    download = list_download(
        request, tasks, resource=TENDERS, columns=CLARIFICATION_COLUMNS, name="clarifications", title="Clarifications"
    )
    if download is not None:
        return download
    context = {
        "open_tasks": tasks.filter(closed_on__isnull=True),
        "closed_tasks": tasks.filter(closed_on__isnull=False)[:50],
        "downloads": list_download_links(request, TENDERS),
    }
    return render(request, "suppliers/clarification_list.html", context)


# Every clarification, open and closed (the page shows the latest 50 closed ones).
CLARIFICATION_COLUMNS = (
    Column("Bidder", lambda t: t.bid.bidder),
    Column("Lot", lambda t: t.bid.check_run.lot),
    Column("Why", lambda t: t.bid.explanation),
    Column("Assigned to", lambda t: t.assigned_to.display_name if t.assigned_to else ""),
    Column("Closed on", lambda t: t.closed_on),
    Column("Outcome", lambda t: t.outcome),
)


@login_required
def clarification_close(request: AuthenticatedRequest, task_uuid: Any) -> HttpResponse:
    require_tenders(request.user)
    visible = selectors.clarifications_visible_to(request.user)
    task = open_for_user(request.user, visible, resource=TENDERS, action=Action.CHANGE, uuid=task_uuid)
    form = ClarificationCloseForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda data: services.clarification_close(
            actor=request.user, task=task, closed_on=timezone.localdate(), outcome=data["outcome"]
        ),
        title=gettext("Close the clarification"),
        caption=f"{task.bid.bidder}, {task.bid.check_run.lot}",
        back=reverse("suppliers:clarification-list"),
        success=gettext("Clarification closed"),
    )
