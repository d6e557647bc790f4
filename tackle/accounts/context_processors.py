from typing import Any

from django.http import HttpRequest

from tackle.accounts.selectors import unread_notification_count


def notifications(request: HttpRequest) -> dict[str, Any]:
    """The unread count beside the header's Notifications link, for a signed-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_notification_count(user)}
