"""The cases app's menu entries. Imported once from CasesConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from tackle.core.navigation import NavItem, register
from tackle.core.roles import Module

# The register shows organisation-wide figures: every role with the Figures module sees it (the lead
# and safeguarding managers exactly, councillors and other figures-only roles with small counts hidden).
register(
    NavItem(
        _("Register"),
        "cases:register",
        Module.REPORTING,
        order=20,
        rank=4,
        description=_("Cases counted by stage, age group and type of exploitation on a date"),
    )
)
