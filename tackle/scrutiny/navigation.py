"""Menu entries for this module: register(NavItem(label, url_name, Module.X, order=N))."""

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

register(
    NavItem(
        "Scrutiny",
        "scrutiny:index",
        Module.SCRUTINY,
        order=70,
        rank=4,
        description="The self-assessment, FOI answers, lead arrangements and spending",
    )
)
