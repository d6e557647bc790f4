"""One home dashboard per role: what that person came to do, and the figures they need first."""

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from tackle.core.navigation import nav_items_for
from tackle.core.roles import Module, Role

_INTRO = {
    Role.FRONTLINE_OFFICER: "Record a concern about someone who may be exploited, and follow what happens next.",
    Role.MODERN_SLAVERY_LEAD: "Triage new concerns, make referrals, keep the register and own the annual statement.",
    Role.SAFEGUARDING_MANAGER: (
        "Children's and adults' safeguarding: section 47 and Care Act work, safety plans and reviews."
    ),
    Role.COMMUNITY_SAFETY_MANAGER: "Intelligence, premises, joint operations and partnership meetings.",
    Role.PROCUREMENT_OFFICER: "Suppliers, tenders, due diligence and spend screening.",
    Role.CONTRACT_MANAGER: "Contract risk ratings, supplier assessments and action plans.",
    Role.COUNCILLOR: "Aggregate figures and the scrutiny self-assessment. No personal data is shown to councillors.",
    Role.PARTNER: "Records your organisation has been given under a sharing agreement or an explicit share.",
    Role.AUDITOR: "Who viewed and changed which record, and proof that the log has not been altered.",
    Role.ADMINISTRATOR: "User accounts, roles and the audit trail of your organisation.",
}


@dataclass
class Dashboard:
    role: str
    role_label: str
    intro: str
    links: list[dict[str, str]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    template: str = "home/home.html"


def dashboard_for(user: Any) -> Dashboard:
    from tackle.accounts.selectors import user_dashboard_figures

    role = user.role
    label = Role(role).label if role in Role.values else "No role"
    board = Dashboard(role=role, role_label=label, intro=_INTRO.get(role, "Your account has no role yet."))
    board.links = [{"label": item.label, "url": url} for item, url in nav_items_for(user) if item.module != Module.HOME]
    from tackle.cases.selectors import case_dashboard_figures

    board.figures = case_dashboard_figures(user) + user_dashboard_figures(user)
    if user.may_use(Module.AUDIT):
        board.links.append({"label": "Check the audit log has not been altered", "url": reverse("audit:verify")})
    return board
