"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        _("Statement reader"),
        "statement_reader:index",
        Module.STATEMENTS,
        order=45,
        rank=5,
        description=_("Suppliers' modern slavery statements read against section 54"),
    )
)
