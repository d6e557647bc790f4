"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        _("Spend screening"),
        "spend:index",
        Module.SUPPLIERS,
        order=45,
        rank=5,
        description=_("Published spend files screened for high-risk sectors and missing statements"),
    )
)
