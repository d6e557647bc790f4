"""The home app's menu entry. Imported once from HomeConfig.ready()."""

from tackle.core.navigation import NavItem, register, register_more_page
from tackle.core.roles import Module

register(NavItem("Home", "home:dashboard", Module.HOME, order=0, rank=0))
register_more_page("home:more")
