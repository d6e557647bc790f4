"""Navigation: each app registers its entries; the header shows those the user's role may use.

A role with more entries than fit in one row sees at most `MOST_TOP_LEVEL` items: the entries it
needs most often (lowest `rank`), then "More", a page listing the rest with what each is for.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tackle.core.roles import Module

MOST_TOP_LEVEL = 7  # "More" included: seven fit on one row at 1280 px


@dataclass(frozen=True)
class NavItem:
    label: "str | Promise"
    url_name: str
    module: str
    order: int = 50  # where it stands in the menu, left to right
    rank: int = 5  # how soon it moves under "More" when a role has too many entries: highest first
    description: "str | Promise" = ""  # what it is for, said on the "More" page


@dataclass(frozen=True)
class Menu:
    top: list[tuple[NavItem, str]]
    more: list[tuple[NavItem, str]] = field(default_factory=list)
    more_url: str = ""


_REGISTRY: list[NavItem] = []
_MORE_PAGE: list[str] = []  # the URL name of the "More" page, registered by the app that serves it


def register(item: NavItem) -> None:
    if item not in _REGISTRY:
        _REGISTRY.append(item)
        _REGISTRY.sort(key=lambda entry: (entry.order, entry.label))


def register_more_page(url_name: str) -> None:
    _MORE_PAGE[:] = [url_name]


def nav_items_for(user: object) -> list[tuple[NavItem, str]]:
    """Every entry the user's role may use, in menu order."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [(item, reverse(item.url_name)) for item in _REGISTRY if user.may_use(item.module)]  # type: ignore[attr-defined]


def menu_for(user: object) -> Menu:
    """The menu bar, at most MOST_TOP_LEVEL items, and the entries grouped under "More"."""
    items = nav_items_for(user)
    if len(items) <= MOST_TOP_LEVEL or not _MORE_PAGE:
        return Menu(top=items)
    by_need = sorted(items, key=lambda entry: (entry[0].rank, entry[0].order))
    kept = {item for item, _ in by_need[: MOST_TOP_LEVEL - 1]}
    return Menu(
        top=[entry for entry in items if entry[0] in kept],
        more=[entry for entry in items if entry[0] not in kept],
        more_url=reverse(_MORE_PAGE[0]),
    )


register(
    NavItem(_("Cases"), "cases:queue", Module.CASES, order=10, rank=1, description=_("Concerns, cases and referrals"))
)
register(
    NavItem(
        _("Audit log"),
        "audit:event-list",
        Module.AUDIT,
        order=80,
        rank=4,
        description=_("Who viewed and changed which record, and a check that the log has not been altered"),
    )
)
register(NavItem(_("Users"), "accounts:user-list", Module.USERS, order=85, rank=2, description=_("Accounts and roles")))
register(
    NavItem(
        _("API tokens"),
        "accounts:token-list",
        Module.API_TOKENS,
        order=90,
        rank=9,
        description=_("Personal tokens for connecting other systems to Tackle"),
    )
)
