from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext

from tackle.core.navigation import menu_for


def tackle(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    menu = menu_for(user)
    grouped = [url for _, url in menu.more]
    candidates = [url for _, url in menu.top] + grouped + ([menu.more_url] if menu.more else [])
    active_url = _active_url(candidates, request.path)
    nav_items = [{"label": item.label, "url": url, "active": url == active_url} for item, url in menu.top]
    if menu.more:
        # A page grouped under "More" marks "More" as the current section.
        nav_items.append(
            {"label": gettext("More"), "url": menu.more_url, "active": active_url in (*grouped, menu.more_url)}
        )
    return {
        "demo_mode": settings.TACKLE_DEMO,
        "service_name": "Tackle",
        "nav_items": nav_items,
    }


def _active_url(urls: list[str], current: str) -> str | None:
    """The menu entry for this page: an exact match, else the longest entry the path starts with, so
    /cases/register marks "Register" and not "Cases" as well (one current page only)."""
    if current in urls:
        return current
    prefixes = [url for url in urls if url and url != "/" and current.startswith(url)]
    return max(prefixes, key=len, default=None)
