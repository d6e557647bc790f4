"""The home app's menu entry. Imported once from HomeConfig.ready()."""

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(NavItem("Home", "home:dashboard", Module.HOME, order=0))
