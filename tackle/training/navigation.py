"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        _("Training"),
        "training:index",
        Module.TRAINING,
        order=60,
        rank=8,
        description=_("Your courses and requirements, teams, sessions and partnership meetings"),
    )
)
