from typing import Any

from django.conf import settings
from django.http import HttpRequest

from tackle.core.navigation import nav_items_for


def tackle(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    items = nav_items_for(user)
    current = request.path
    return {
        "demo_mode": settings.TACKLE_DEMO,
        "service_name": "Tackle",
        "nav_items": [
            {"label": item.label, "url": url, "active": url == current or (url != "/" and current.startswith(url))}
            for item, url in items
        ],
    }
