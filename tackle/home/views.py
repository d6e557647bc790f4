from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from tackle.accounts.door import open_for_user
from tackle.core import access
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.core.selectors import task_runs_visible_to
from tackle.home.dashboards import dashboard_for


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    require_module(request.user, Module.HOME)
    board = dashboard_for(request.user)
    return render(request, board.template, {"dashboard": board})


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
            "message": run.message,
            "finished": run.finished,
            "result_url": run.result_url,
        }
    )
