"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        _("Figures"),
        "reporting:figures",
        Module.REPORTING,
        order=30,
        rank=3,
        description=_("Counts by quarter or financial year, with charts and downloads"),
    )
)
