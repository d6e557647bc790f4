"""Navigation: each app registers its entries; the header shows those the user's role may use."""

from dataclasses import dataclass

from django.urls import reverse

from tackle.core.roles import Module


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    module: str
    order: int = 50


_REGISTRY: list[NavItem] = []


def register(item: NavItem) -> None:
    if item not in _REGISTRY:
        _REGISTRY.append(item)
        _REGISTRY.sort(key=lambda entry: (entry.order, entry.label))


def nav_items_for(user: object) -> list[tuple[NavItem, str]]:
    if not getattr(user, "is_authenticated", False):
        return []
    return [(item, reverse(item.url_name)) for item in _REGISTRY if user.may_use(item.module)]  # type: ignore[attr-defined]


register(NavItem("Cases", "cases:queue", Module.CASES, order=10))
register(NavItem("Audit log", "audit:event-list", Module.AUDIT, order=80))
register(NavItem("Users", "accounts:user-list", Module.USERS, order=85))
register(NavItem("API tokens", "accounts:token-list", Module.API_TOKENS, order=90))
