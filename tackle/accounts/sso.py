"""Optional single sign-on with the council's OpenID Connect provider (mozilla-django-oidc).

Off unless OIDC_CLIENT_ID is set (tackle/settings.py). A person signed in by the provider is matched
by email to a user an administrator invited, active and in an organisation; nobody is ever created,
so the administrator still decides who is in the team and with which role. Two-factor sign-in in
Tackle still applies to roles that see personal data.
"""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from tackle.accounts.models import User
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record


class InvitedUserOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = (claims.get("email") or "").strip()
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True, organisation__isnull=False)

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> User | None:
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is None:
            audit_record(
                action=AuditAction.SIGN_IN_FAILED,
                request=self.request,
                note="Single sign-on refused: no active invited user has this email address",
            )
        return user

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        return user  # the administrator keeps the name and role; the provider only vouches for the email

    def get_user(self, user_id: int) -> User | None:
        # A deactivated user's session ends at their next request, as with a password.
        return User.objects.filter(pk=user_id, is_active=True).first()


def _only_when_enabled(view: Any) -> Any:
    def wrapped(request: HttpRequest) -> HttpResponse:
        if not settings.TACKLE_SSO_ENABLED:
            raise Http404("Single sign-on is not set up.")
        response: HttpResponse = view(request)
        return response

    return wrapped


sso_start = _only_when_enabled(OIDCAuthenticationRequestView.as_view())
sso_callback = _only_when_enabled(OIDCAuthenticationCallbackView.as_view())


def sso_refused(request: HttpRequest) -> HttpResponse:
    context = {"provider": settings.TACKLE_SSO_PROVIDER_NAME}
    return render(request, "accounts/sso_refused.html", context, status=403)
