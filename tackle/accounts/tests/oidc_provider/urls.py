from django.contrib.auth import authenticate, login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.urls import include, path
from django.utils.html import escape
from oauth2_provider.oauth2_validators import OAuth2Validator


class EmailClaimValidator(OAuth2Validator):
    """Entra ID and most providers give the email claim with the email scope."""

    def get_additional_claims(self, request):  # type: ignore[no-untyped-def]
        return {"email": request.user.email}


def sign_in(request: HttpRequest) -> HttpResponse:
    """The provider's own sign-in page, as bare as a test can use."""
    next_url = request.GET.get("next") or request.POST.get("next") or "/"
    if request.method == "POST":
        user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
        if user is not None:
            login(request, user)
            return HttpResponseRedirect(next_url)
    return HttpResponse(
        f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}">'
        f'<input name="next" value="{escape(next_url)}"><input name="username"><input name="password"></form>'
    )


urlpatterns = [
    path("login", sign_in),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]
