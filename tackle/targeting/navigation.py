"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        _("Targeting"),
        "targeting:index",
        Module.DISRUPTION,
        order=31,
        rank=5,
        description=_("Premises ranked from regulators' lists"),
    )
)
