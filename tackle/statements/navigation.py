"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        _("Statement"),
        "statements:index",
        Module.STATEMENTS,
        order=40,
        rank=2,
        description=_("The council's statement, action plan and commitments"),
    )
)
