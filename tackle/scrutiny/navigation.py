"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        _("Scrutiny"),
        "scrutiny:index",
        Module.SCRUTINY,
        order=70,
        rank=4,
        description=_("The self-assessment, FOI answers, lead arrangements and spending"),
    )
)
