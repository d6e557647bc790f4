"""The home app's menu entry. Imported once from HomeConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register, register_more_page
from tackle.core.roles import Module

register(NavItem(_("Home"), "home:dashboard", Module.HOME, order=0, rank=0))
register_more_page("home:more")
