from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from tackle.core.errors import answer_without_database

# Under /api/ a script reads the answer, so errors Django answers itself come as JSON, in DRF's shape.
_API_DETAIL = {
    400: "Bad request.",
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    500: "A server error occurred.",
}


def _error(request: HttpRequest, status: int) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _API_DETAIL[status]}, status=status)
    return render(request, f"errors/{status}.html", status=status)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403)


def server_error(request: HttpRequest) -> HttpResponse:
    answer_without_database(request)
    return _error(request, 500)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 400)
