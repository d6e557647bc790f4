"""Sign-in lockout that a stranger cannot turn against a named person (issue 15, build item 8).

django-axes counts wrong passwords per username and address (settings.AXES_LOCKOUT_PARAMETERS), so
someone typing a colleague's username from elsewhere locks it only from where they are; the
colleague still signs in from their own. On top, one address that fails too often, across any
usernames (password spraying), is shut out for the cool-off: TACKLE_SIGN_IN_ADDRESS_LIMIT.
"""

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


class LockoutHandler(AxesDatabaseHandler):
    def is_locked(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        if super().is_locked(request, credentials):
            return True
        return address_failures(request) >= settings.TACKLE_SIGN_IN_ADDRESS_LIMIT

    def user_login_failed(self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
        # django-axes flags the request for its lockout page only when the username and address
        # reach their limit; the address reaching its own limit must show that page too.
        super().user_login_failed(sender, credentials, request, **kwargs)
        if (
            request is not None
            and not getattr(request, "axes_locked_out", False)
            and address_failures(request) >= settings.TACKLE_SIGN_IN_ADDRESS_LIMIT
        ):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def address_failures(request: HttpRequest) -> int:
    """Wrong passwords from the request's address within the cool-off, whatever the username."""
    address = getattr(request, "axes_ip_address", None)
    if not address:
        return 0
    recent = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=get_cool_off_threshold(request))
    return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0
