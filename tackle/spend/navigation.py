"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from tackle.accounts.roles import Module
from tackle.core.navigation import NavItem, register

register(NavItem("Spend screening", "spend:index", Module.SUPPLIERS, order=45))
