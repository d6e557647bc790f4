"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from tackle.accounts.roles import Module
from tackle.core.navigation import NavItem, register

register(NavItem("Statement reader", "statement_reader:index", Module.STATEMENTS, order=45))
