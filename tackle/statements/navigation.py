"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        "Statement",
        "statements:index",
        Module.STATEMENTS,
        order=40,
        rank=2,
        description="The council's statement, action plan and commitments",
    )
)
