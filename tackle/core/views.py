from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from tackle.core.permissions import get_visible_or_404
from tackle.core.selectors import task_runs_visible_to


@login_required
def task_run_detail(request: HttpRequest, run_uuid: str) -> HttpResponse:
    run = get_visible_or_404(task_runs_visible_to(request.user), uuid=run_uuid)
    return render(request, "core/task_run_detail.html", {"run": run})


@login_required
def task_run_status(request: HttpRequest, run_uuid: str) -> JsonResponse:
    run = get_visible_or_404(task_runs_visible_to(request.user), uuid=run_uuid)
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


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/500.html", status=500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/400.html", status=400)
