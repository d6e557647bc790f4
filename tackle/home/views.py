from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.core import access
from tackle.core.access import Action
from tackle.core.form_page import form_page
from tackle.core.navigation import menu_for, nav_items_for
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.core.selectors import task_runs_visible_to
from tackle.core.tasks import task_run_text
from tackle.home.dashboards import dashboard_for
from tackle.home.forms import ServicePageForm
from tackle.home.models import ServicePageKind
from tackle.home.selectors import organisation_for_visitor, service_page_of, service_page_text
from tackle.home.service_pages import blocks, default_text
from tackle.home.services import service_page_save


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    require_module(request.user, Module.HOME)
    board = dashboard_for(request.user)
    return render(request, board.template, {"dashboard": board})


@login_required
def more(request: HttpRequest) -> HttpResponse:
    """The menu entries that do not fit in the menu bar, with what each is for (all of them for a
    role whose entries all fit, so the page is never empty)."""
    require_module(request.user, Module.HOME)
    menu = menu_for(request.user)
    entries = menu.more or [entry for entry in nav_items_for(request.user) if entry[0].module != Module.HOME]
    return render(request, "home/more.html", {"entries": entries})


# A background task's progress, for the person who started it.
@login_required
def task_run_detail(request: HttpRequest, run_uuid: str) -> HttpResponse:
    run = open_for_user(request.user, task_runs_visible_to(request.user), resource=access.HOME, uuid=run_uuid)
    return render(request, "home/task_run_detail.html", {"run": run})


@login_required
def task_run_status(request: HttpRequest, run_uuid: str) -> JsonResponse:
    run = open_for_user(request.user, task_runs_visible_to(request.user), resource=access.HOME, uuid=run_uuid)
    return JsonResponse(
        {
            "status": run.status,
            "status_label": run.get_status_display(),
            "done": run.done,
            "total": run.total,
            "percent": run.percent,
            "message": task_run_text(run.message),
            "finished": run.finished,
            "result_url": run.result_url,
        }
    )


# --- The service's own pages: public, each organisation's text or the default ---------------------


def _edit_url(kind: ServicePageKind) -> str:
    return reverse(f"home:service-page-{kind.value}-edit")


def _kind(kind: str) -> ServicePageKind:
    if kind not in ServicePageKind.values:
        raise Http404("No such page.")
    return ServicePageKind(kind)


def service_page(request: HttpRequest, kind: str) -> HttpResponse:
    """Public: signed-out visitors read the instance's organisation's text (tackle/home/selectors.py)."""
    page = _kind(kind)
    organisation = organisation_for_visitor(request.user)
    text = service_page_text(organisation, page)
    may_edit = request.user.is_authenticated and access.allows(request.user.role, access.SERVICE_PAGES, Action.CHANGE)
    return render(
        request,
        "home/service_page.html",
        {"title": page.label, "blocks": blocks(text), "edit_url": _edit_url(page) if may_edit else ""},
    )


@login_required
def service_page_list(request: AuthenticatedRequest) -> HttpResponse:
    open_page_for_user(request.user, resource=access.SERVICE_PAGES, request=request, object_type="home.servicepage")
    organisation = request.user.organisation
    pages = [
        {
            "kind": kind,
            "stored": service_page_of(organisation, kind),
            "url": reverse(f"home:{kind.value}"),
            "edit_url": _edit_url(kind),
        }
        for kind in ServicePageKind
    ]
    return render(request, "home/service_page_list.html", {"pages": pages})


@login_required
def service_page_edit(request: AuthenticatedRequest, kind: str) -> HttpResponse:
    page = _kind(kind)
    user = request.user
    open_page_for_user(user, resource=access.SERVICE_PAGES, action=Action.CHANGE, object_type="home.servicepage")
    organisation = user.organisation
    assert organisation is not None  # the door lets no one without an organisation through
    stored = service_page_of(organisation, page)
    form = ServicePageForm(
        request.POST if request.method == "POST" else None,
        initial={"body": stored.body if stored else default_text(page)},
    )

    def save(data: dict[str, str]) -> bool:
        return service_page_save(organisation=organisation, kind=page, body=data["body"], actor=user, request=request)

    return form_page(
        request,
        form,
        save,
        title=gettext("Change the %(page)s") % {"page": str(page.label).lower()},
        caption=organisation.name,
        back=reverse("home:service-page-list"),
        next_url=reverse(f"home:{page.value}"),
        success=gettext("%(page)s saved") % {"page": page.label},
        intro=gettext("Everyone reads this page, signed in or not. What you save here replaces the default text."),
    )
