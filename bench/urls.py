"""Every Tackle URL plus a constant view: the floor that any Tackle page is measured against."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from tackle.urls import handler400, handler403, handler404, handler500
from tackle.urls import urlpatterns as tackle_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def constant(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/constant", constant), *tackle_urlpatterns]
