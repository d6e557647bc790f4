from django.http import HttpRequest

from tackle.accounts.models import User


class AuthenticatedRequest(HttpRequest):
    """What a view behind login_required receives: the user is a real, signed-in User."""

    user: User  # type: ignore[assignment]
