"""Action plan pages: by area, by owner, overdue; one action; the period review and close."""

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, ngettext

from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.core import access
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.forms import add_application_error
from tackle.statements.forms import (
    CUSTOM_DATES,
    ActionForm,
    ActionStatusForm,
    PeriodCloseForm,
    PeriodEditForm,
    PeriodForm,
    ProgressForm,
)
from tackle.statements.selectors.statement import (
    actions_by_area,
    actions_by_owner,
    actions_visible_to,
    current_period,
    get_action_for_user,
    get_period_for_user,
    overdue_actions,
    periods_visible_to,
    require_lead,
    review_rows,
)
from tackle.statements.services import statement as services

VIEWS = {"area": gettext_lazy("By area"), "owner": gettext_lazy("By owner"), "overdue": gettext_lazy("Overdue")}


def posted(request: AuthenticatedRequest):  # type: ignore[no-untyped-def]
    """The submitted data, even when empty, so an empty form shows its errors."""
    return request.POST if request.method == "POST" else None


def _is_lead(request: AuthenticatedRequest) -> bool:
    return access.allows(request.user.role, access.ACTION_PLANS, access.Action.CHANGE)


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    periods = periods_visible_to(request.user)
    chosen = request.GET.get("period")
    period = _chosen_period(request, chosen) if chosen else current_period(request.user.organisation_id)
    view = request.GET.get("view", "area") if request.GET.get("view") in VIEWS else "area"
    actions = actions_visible_to(request.user).filter(period=period)
    if view == "overdue":
        groups = [(gettext("Overdue"), list(overdue_actions(actions)))]
    elif view == "owner":
        groups = actions_by_owner(actions)
    else:
        groups = actions_by_area(actions)
    flat = [(heading, action) for heading, group in groups for action in group]
    title = gettext("Action plan %(label)s") % {"label": period.label} if period else gettext("Action plan")
    download = list_download(
        request, flat, resource=access.ACTION_PLANS, columns=PLAN_COLUMNS, name="action-plan", title=title
    )
    if download is not None:
        return download
    context = {
        "downloads": list_download_links(request, access.ACTION_PLANS),
        "periods": periods,
        "period": period,
        "view": view,
        "views": VIEWS,
        "groups": groups,
        "is_lead": _is_lead(request),
        "today": timezone.localdate(),
    }
    return render(request, "statements/action_plan.html", context)


# The plan as the page groups it (by area, by owner, or the overdue ones).
PLAN_COLUMNS = (
    Column("Group", lambda pair: pair[0]),
    Column("Area", lambda pair: pair[1].get_area_display()),
    Column("Action", lambda pair: pair[1].title),
    Column("Owner", lambda pair: pair[1].owner_label),
    Column("Starts", lambda pair: pair[1].starts_on),
    Column("Due", lambda pair: pair[1].due_on),
    Column("Status", lambda pair: pair[1].get_status_display()),
    Column("Carried over", lambda pair: "Yes" if pair[1].carried_from_id else "No"),
)


def _chosen_period(request: AuthenticatedRequest, chosen: str):  # type: ignore[no-untyped-def]
    """The period a ?period= address names: its uuid, or its label in an address saved before
    periods had uuids."""
    try:
        uuid.UUID(chosen)
    except ValueError:
        found = periods_visible_to(request.user).filter(label=chosen).first()
        if found is None:
            raise Http404("No such period.") from None
        return found
    return get_period_for_user(request.user, chosen)


@login_required
def period_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    periods = periods_visible_to(request.user)
    download = list_download(
        request, periods, resource=access.ACTION_PLANS, columns=_period_columns(), name="periods", title="Periods"
    )
    if download is not None:
        return download
    context = {
        "periods": periods,
        "is_lead": _is_lead(request),
        "downloads": list_download_links(request, access.ACTION_PLANS),
    }
    return render(request, "statements/period_list.html", context)


def _period_columns() -> tuple[Column, ...]:
    # Headers in the reader's language, read per download.
    return (
        Column(gettext("Period"), lambda p: p.label),
        Column(gettext("From"), lambda p: p.starts_on),
        Column(gettext("To"), lambda p: p.ends_on),
        Column(gettext("Closed"), lambda p: gettext("Yes") if p.closed else gettext("No")),
    )


@login_required
def period_new(request: AuthenticatedRequest) -> HttpResponse:
    periods_visible_to(request.user)
    require_lead(request.user)
    form = PeriodForm(posted(request), today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            period = services.period_create(
                organisation=request.user.organisation, actor=request.user, request=request, **form.period_details()
            )
        except ApplicationError as error:
            add_application_error(form, error, field="year" if form.cleaned_data["year"] != CUSTOM_DATES else None)
        else:
            messages.success(request, gettext("Period %(label)s added") % {"label": period.label})
            return redirect(_plan_url(period))
    return render(request, "statements/form_page.html", {"form": form, "title": gettext("Add a period")})


@login_required
def period_edit(request: AuthenticatedRequest, period_uuid: str) -> HttpResponse:
    period = get_period_for_user(request.user, period_uuid, to_change=True)
    initial = {"label": period.label, "starts_on": period.starts_on, "ends_on": period.ends_on}
    form = PeriodEditForm(posted(request), initial=initial)
    return form_page(
        request,
        form,
        lambda data: services.period_update(period=period, actor=request.user, request=request, **data),
        title=gettext("Correct %(label)s") % {"label": period.label},
        back=reverse("statements:period-list"),
        success=gettext("Period corrected"),
    )


@login_required
def period_delete(request: AuthenticatedRequest, period_uuid: str) -> HttpResponse:
    period = get_period_for_user(request.user, period_uuid, to_change=True)
    attached = services.period_attachments(period)
    if request.method == "POST":
        try:
            services.period_delete(period=period, actor=request.user, request=request)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, gettext("Period %(label)s deleted") % {"label": period.label})
        return redirect("statements:period-list")
    return render(request, "statements/period_delete.html", {"period": period, "attached": attached})


def _plan_url(period) -> str:  # type: ignore[no-untyped-def]
    return f"{reverse('statements:index')}?{urlencode({'period': period.uuid})}"


@login_required
def action_new(request: AuthenticatedRequest, period_uuid: str) -> HttpResponse:
    period = get_period_for_user(request.user, period_uuid, to_change=True)
    form = ActionForm(posted(request), organisation=request.user.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            action = services.action_create(period=period, actor=request.user, request=request, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Action added: %(title)s") % {"title": action.title})
            return redirect("statements:action-detail", action_uuid=action.uuid)
    return render(
        request,
        "statements/form_page.html",
        {"form": form, "title": gettext("Add an action to %(label)s") % {"label": period.label}},
    )


@login_required
def action_detail(request: AuthenticatedRequest, action_uuid: str) -> HttpResponse:
    action = get_action_for_user(request.user, action_uuid)
    context = {
        "action": action,
        "is_lead": _is_lead(request),
        "updates": action.updates.select_related("author"),
    }
    return render(request, "statements/action_detail.html", context)


@login_required
def action_status(request: AuthenticatedRequest, action_uuid: str) -> HttpResponse:
    action = get_action_for_user(request.user, action_uuid, to_change=True)
    form = ActionStatusForm(posted(request), initial={"status": action.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update_status(action=action, actor=request.user, request=request, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Status updated"))
            return redirect("statements:action-detail", action_uuid=action.uuid)
    return render(
        request,
        "statements/form_page.html",
        {"form": form, "title": gettext("Status: %(title)s") % {"title": action.title}},
    )


@login_required
def action_progress(request: AuthenticatedRequest, action_uuid: str) -> HttpResponse:
    action = get_action_for_user(request.user, action_uuid, to_change=True)
    form = ProgressForm(posted(request), initial={"written_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.action_progress_add(action=action, actor=request.user, request=request, **form.cleaned_data)
        messages.success(request, gettext("Progress recorded"))
        return redirect("statements:action-detail", action_uuid=action.uuid)
    return render(
        request,
        "statements/form_page.html",
        {"form": form, "title": gettext("Record progress: %(title)s") % {"title": action.title}},
    )


@login_required
def period_review(request: AuthenticatedRequest, period_uuid: str) -> HttpResponse:
    period = get_period_for_user(request.user, period_uuid)
    context = {"period": period, "rows": review_rows(period), "is_lead": _is_lead(request)}
    return render(request, "statements/period_review.html", context)


@login_required
def period_close(request: AuthenticatedRequest, period_uuid: str) -> HttpResponse:
    period = get_period_for_user(request.user, period_uuid, to_change=True)
    form = PeriodCloseForm(posted(request), period=period)
    if request.method == "POST" and form.is_valid():
        try:
            carried = services.period_close(period=period, actor=request.user, request=request, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Period %(label)s closed; %(count)d action carried over",
                    "Period %(label)s closed; %(count)d actions carried over",
                    len(carried),
                )
                % {"label": period.label, "count": len(carried)},
            )
            return redirect(_plan_url(form.cleaned_data["next_period"]))
    return render(
        request,
        "statements/form_page.html",
        {"form": form, "title": gettext("Close %(label)s") % {"label": period.label}},
    )
