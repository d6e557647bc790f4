"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        _("Supply chains"),
        "suppliers:index",
        Module.SUPPLIERS,
        order=35,
        rank=2,
        description=_("Suppliers, contracts, tenders and due diligence"),
    )
)
