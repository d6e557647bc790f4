from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from tackle.accounts.middleware import welsh_offered
from tackle.accounts.selectors import unread_notification_count

# What a screen reader hears for each choice, in the language it switches to (the GOV.UK pattern).
_SWITCH_TO = {
    "en-gb": "Change the language to English",
    "cy": "Newid yr iaith i\N{RIGHT SINGLE QUOTATION MARK}r Gymraeg",
}


def notifications(request: HttpRequest) -> dict[str, Any]:
    """The unread count beside the header's Notifications link, for a signed-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_notification_count(user)}


def language_switch(request: HttpRequest) -> dict[str, Any]:
    """The header's English | Cymraeg switch, where the reader is offered Welsh (issue 21): each
    language named in itself; the current one is not a link. Choosing comes back to this page."""
    if not welsh_offered(request):
        return {}
    current = translation.get_language()
    back = urlencode({"next": request.get_full_path()})
    return {
        "language_switch": [
            {
                "code": code,
                "name": name,
                "current": code == current,
                "switch_to": _SWITCH_TO.get(code, name),
                "url": f"{reverse('accounts:choose-language', args=[code])}?{back}",
            }
            for code, name in settings.LANGUAGES
        ]
    }
