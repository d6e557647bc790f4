"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        "Targeting",
        "targeting:index",
        Module.DISRUPTION,
        order=31,
        rank=5,
        description="Premises ranked from regulators' lists",
    )
)
