from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from tackle.accounts.selectors import welsh_offered_to
from tackle.core.errors import without_database

# Paths a signed-in user may reach before completing two-factor sign-in.
_OPEN_PREFIXES = (
    "/account/two-factor/",
    "/account/sign-out",
    "/account/invitation/",
    "/account/language/",
    "/static/",
    "/api/v1/health",
)


class RequireTwoFactorMiddleware:
    """Roles that can see a victim's personal data must finish TOTP sign-in before anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.needs_two_factor()
            and not user.is_verified()
            and not request.path.startswith(_OPEN_PREFIXES)
        ):
            from django_otp import devices_for_user

            has_device = any(True for _ in devices_for_user(user, confirmed=True))
            target = "accounts:two-factor-verify" if has_device else "accounts:two-factor-setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)


def welsh_offered(request: HttpRequest) -> bool:
    """Whether this request's reader is offered Welsh, asked once per request (and not at all on a
    page answered without the database, such as the 500 page)."""
    if without_database(request):
        return False
    if not hasattr(request, "_welsh_offered"):
        request._welsh_offered = welsh_offered_to(getattr(request, "user", None))  # type: ignore[attr-defined]
    return bool(request._welsh_offered)  # type: ignore[attr-defined]


class LanguageOfTheUser:
    """After Django's LocaleMiddleware (the language cookie, else the browser's) and authentication:
    a signed-in person reads the language they chose, on any device (issue 21); where Welsh is not
    offered, everyone reads English. Signing in also sets the language cookie from the choice, so
    that the signed-out pages after signing out stay in it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        chosen = user.language if user is not None and user.is_authenticated else ""
        language = chosen or translation.get_language()
        if language != settings.LANGUAGE_CODE and not welsh_offered(request):
            language = settings.LANGUAGE_CODE
        if language != translation.get_language():
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        user = getattr(request, "user", None)  # signing in or out changes it
        chosen = user.language if user is not None and user.is_authenticated else ""
        if chosen and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen:
            set_language_cookie(response, chosen)
        return response


def set_language_cookie(response: HttpResponse, language: str) -> None:
    """The language for this browser until it closes, like the session."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
