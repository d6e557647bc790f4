from typing import Any

from django.conf import settings
from django.http import HttpRequest

from tackle.core.navigation import nav_items_for


def tackle(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    items = nav_items_for(user)
    active_url = _active_url([url for _, url in items], request.path)
    return {
        "demo_mode": settings.TACKLE_DEMO,
        "service_name": "Tackle",
        "nav_items": [{"label": item.label, "url": url, "active": url == active_url} for item, url in items],
    }


def _active_url(urls: list[str], current: str) -> str | None:
    """The menu entry for this page: an exact match, else the longest entry the path starts with, so
    /cases/register marks "Register" and not "Cases" as well (one current page only)."""
    if current in urls:
        return current
    prefixes = [url for url in urls if url != "/" and current.startswith(url)]
    return max(prefixes, key=len, default=None)
