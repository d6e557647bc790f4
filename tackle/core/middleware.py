from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control


class NoStoreForSignedInUsers:
    """Whatever a signed-in user is sent (pages, API answers, PDFs, exports) may hold personal
    data: no browser, proxy or shared computer's cache may keep it. Runs after DRF has
    authenticated a token, so API answers to a token are covered too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
