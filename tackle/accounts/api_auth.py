from typing import Any, cast

from django.utils import timezone
from rest_framework import authentication, exceptions
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request

from tackle.accounts.models import ApiToken, TokenScope, User, hash_token


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer tk_...` (or `Token tk_...`). The token acts with its owner's role,
    narrowed by its scope and modules: never more than the owner could do, and only while it is
    unexpired, unrevoked, and the owner is active and has set up two-factor sign-in."""

    keywords = ("bearer", "token")

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("Give the token after the keyword, with no spaces in it.")
        raw = header[1].decode(errors="replace")
        token = ApiToken.objects.select_related("user", "user__organisation").filter(key_hash=hash_token(raw)).first()
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("This token is not valid or has been revoked.")
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed("This token has been revoked.")
        if token.is_expired:
            raise exceptions.AuthenticationFailed(
                f"This token expired at the end of {token.last_day:%d %B %Y}. Create a new one."
            )
        if not token.user.may_hold_api_tokens():
            raise exceptions.AuthenticationFailed(
                "This token's owner has not set up two-factor sign-in; tokens work once they have."
            )
        if token.scope == TokenScope.READ and request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied("This token may only read: create a token with write scope to change.")
        if token.modules:
            token.user.token_modules = frozenset(token.modules)
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'


def api_user(request: Request) -> User:
    """Who an API request acts as. Every endpoint requires a signed-in user (the default permission
    in settings), so by the time a view runs this is never anonymous."""
    return cast(User, request.user)
