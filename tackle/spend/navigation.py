"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        "Spend screening",
        "spend:index",
        Module.SUPPLIERS,
        order=45,
        rank=5,
        description="Published spend files screened for high-risk sectors and missing statements",
    )
)
