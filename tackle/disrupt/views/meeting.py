"""The module's home, the daily briefing pack, actions, and the annual report."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tackle.accounts.door import open_page_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.cases.selectors import openable_case_uuids
from tackle.core import access
from tackle.core.access import BRIEFINGS
from tackle.core.documents import document_language, tagged_pdf
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.periods import financial_year_of, parse_financial_year
from tackle.disrupt import selectors, services
from tackle.disrupt.access import is_coordinator, require_coordinator, require_disruption
from tackle.disrupt.annual_report import report_context, report_pdf
from tackle.disrupt.briefing import briefing_pack
from tackle.disrupt.forms import ActionForm, CloseActionForm
from tackle.disrupt.models import Action
from tackle.disrupt.views.common import organisation_of, own_or_404


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse:
    require_disruption(request.user)
    user = request.user
    coordinator = is_coordinator(user)
    audit_record(action=AuditAction.LIST, request=request, object_type="disrupt.operation", note="Disrupt home")
    context = {
        "is_coordinator": coordinator,
        "upcoming": selectors.upcoming_operations(user)[:5],
        "open_actions": selectors.open_actions(user)[:5] if coordinator else [],
        "today": timezone.localdate(),
    }
    return render(request, "disrupt/index.html", context)


# Briefing ---------------------------------------------------------------------------------------


def _briefing_context(request: AuthenticatedRequest) -> dict[str, Any]:
    pack = briefing_pack(request.user)
    return {
        "pack": pack,
        "organisation": request.user.organisation,
        "today": timezone.localdate(),
        "openable_cases": openable_case_uuids(request.user, [case.uuid for case in pack.concerns]),
    }


@login_required
def briefing(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    open_page_for_user(
        request.user, resource=BRIEFINGS, request=request, object_type="disrupt.briefing", note="Briefing pack"
    )
    return render(request, "disrupt/briefing.html", _briefing_context(request))


@login_required
def briefing_pdf(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    open_page_for_user(
        request.user,
        resource=BRIEFINGS,
        action=access.Action.EXPORT,
        request=request,
        object_type="disrupt.briefing",
        note="Briefing pack (PDF)",
    )
    context = _briefing_context(request)
    context["document_title"] = gettext("Briefing pack, %(organisation)s, %(day)s") % {
        "organisation": context["organisation"].name,
        "day": date_format(context["today"], "j F Y"),
    }
    context["document_language"] = document_language()
    html = render_to_string("disrupt/briefing_print.html", context)
    response = HttpResponse(
        tagged_pdf(html, title=context["document_title"], language=context["document_language"]),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="briefing-{timezone.localdate():%Y-%m-%d}.pdf"'
    return response


@login_required
@require_POST
def briefing_held(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    pack = briefing_pack(request.user)
    services.briefing_hold(actor=request.user, covers_from=pack.since, request=request)
    messages.success(request, gettext("Meeting recorded: the next briefing pack starts from now"))
    return redirect("disrupt:briefing")


# Actions ----------------------------------------------------------------------------------------


@login_required
def action_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_coordinator(request.user)
    actions = selectors.actions_visible_to(request.user)
    open_actions = actions.filter(closed_at__isnull=True)
    closed_actions = actions.filter(closed_at__isnull=False).order_by("-closed_at")
    download = list_download(
        request, open_actions, resource=BRIEFINGS, columns=_open_columns(), name="actions-open", title="Open actions"
    ) or list_download(
        request,
        closed_actions,
        resource=BRIEFINGS,
        columns=_closed_columns(),
        name="actions-closed",
        title="Closed actions",
        table="closed",
    )
    if download is not None:
        return download
    audit_record(action=AuditAction.LIST, request=request, object_type="disrupt.action")
    context = {
        "open_actions": open_actions,
        "closed_actions": closed_actions[:50],  # the download has them all
        "today": timezone.localdate(),
        "downloads": list_download_links(request, BRIEFINGS),
        "closed_downloads": list_download_links(request, BRIEFINGS, table="closed"),
    }
    return render(request, "disrupt/action_list.html", context)


def _open_columns() -> tuple[Column, ...]:
    # Headers in the reader's language, read per download.
    return (
        Column(gettext("Action"), lambda a: a.title),
        Column(gettext("Operation"), lambda a: a.operation.name if a.operation else ""),
        Column(gettext("Owner"), lambda a: a.owner),
        Column(gettext("Due"), lambda a: a.due_on),
    )


def _closed_columns() -> tuple[Column, ...]:
    return (
        Column(gettext("Action"), lambda a: a.title),
        Column(gettext("Owner"), lambda a: a.owner),
        Column(gettext("Closed"), lambda a: timezone.localdate(a.closed_at)),
        Column(gettext("What was done"), lambda a: a.closing_note),
    )


@login_required
def action_new(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    organisation = organisation_of(request)
    form = ActionForm(request.POST or None, organisation=organisation)

    def save(data: dict[str, Any]) -> object:
        action = form.save(commit=False)
        action.organisation = organisation
        action.created_by = request.user
        return record_save(actor=request.user, obj=action, request=request)

    back = reverse("disrupt:action-list")
    return form_page(
        request, form, save, title=gettext("Record an action"), back=back, success=gettext("Action recorded")
    )


@login_required
def action_close(request: AuthenticatedRequest, action_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    action = own_or_404(Action, request, action_uuid, resource=BRIEFINGS)
    form = CloseActionForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.action_close(actor=request.user, action=action, note=data["closing_note"], request=request)

    back = reverse("disrupt:action-list")
    return form_page(
        request,
        form,
        save,
        title=gettext("Close the action"),
        caption=action.title,
        back=back,
        success=gettext("Action closed"),
    )


# Annual report ----------------------------------------------------------------------------------


def _year(request: AuthenticatedRequest) -> int:
    return parse_financial_year(request.GET.get("year", "")) or financial_year_of(timezone.localdate())


def _report_context(request: AuthenticatedRequest) -> dict[str, Any]:
    return report_context(request.user, _year(request))


@login_required
def annual_report(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    context = _report_context(request)
    label = context["figures"].label
    open_page_for_user(request.user, resource=BRIEFINGS, request=request, object_type="disrupt.report", object_id=label)
    return render(request, "disrupt/annual_report.html", context)


@login_required
def annual_report_pdf(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    context = _report_context(request)
    label = context["figures"].label
    open_page_for_user(
        request.user,
        resource=BRIEFINGS,
        action=access.Action.EXPORT,
        request=request,
        object_type="disrupt.report",
        object_id=label,
    )
    return report_pdf(context)
