"""One home dashboard per role: what that person came to do, and the figures they need first.

The home page leads with tasks, not with the menu again: a start button for recording a concern,
counters that open the list they count, and a few next tasks that sit one level below the menu.
Each link is shown only to a role the access policy lets follow it.
"""

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.core import access
from tackle.core.access import Action, Resource
from tackle.core.roles import Role

_INTRO = {
    Role.FRONTLINE_OFFICER: _("Record a concern about someone who may be exploited, and follow what happens next."),
    Role.MODERN_SLAVERY_LEAD: _("Triage new concerns, make referrals, keep the register and own the annual statement."),
    Role.SAFEGUARDING_MANAGER: _(
        "Children's and adults' safeguarding: section 47 and Care Act work, safety plans and reviews."
    ),
    Role.COMMUNITY_SAFETY_MANAGER: _("Intelligence, premises, joint operations and partnership meetings."),
    Role.PROCUREMENT_OFFICER: _("Suppliers, tenders, due diligence and spend screening."),
    Role.CONTRACT_MANAGER: _("Contract risk ratings, supplier assessments and action plans."),
    Role.COUNCILLOR: _("Aggregate figures and the scrutiny self-assessment. No personal data is shown to councillors."),
    Role.PARTNER: _("Records your organisation has been given under a sharing agreement or an explicit share."),
    Role.AUDITOR: _("Who viewed and changed which record, and proof that the log has not been altered."),
    Role.RECORDS_OFFICER: _("Freedom of Information answers from the council's records and figures. No case is shown."),
    Role.ADMINISTRATOR: _("User accounts, roles and the audit trail of your organisation."),
}

MOST_TASKS = 5


@dataclass(frozen=True)
class Task:
    label: str | Promise
    url_name: str
    resource: Resource
    action: Action = Action.VIEW
    query: str = ""


# Most pressing first; a role sees the first MOST_TASKS it may follow.
TASKS = (
    Task(_("Cases allocated to you"), "cases:queue", access.CASES, Action.CHANGE, "allocated_to={username}"),
    Task(_("Caseloads by worker"), "cases:caseloads", access.CASELOADS),
    Task(_("Record intelligence"), "disrupt:intelligence-new", access.INTELLIGENCE, Action.RECORD),
    Task(_("Actions from partnership meetings"), "disrupt:action-list", access.BRIEFINGS),
    Task(
        _("Check a tender's bids for abnormally low prices"),
        "suppliers:tender-check-new",
        access.TENDERS,
        Action.RECORD,
    ),
    Task(_("Supplier assessments due"), "suppliers:assessment-list", access.CONTRACTS, Action.CHANGE),
    Task(_("Screen a spend file"), "spend:import-new", access.SPEND, Action.RECORD),
    Task(_("Statements and their versions"), "statements:statement-list", access.STATEMENTS, Action.CHANGE),
    Task(_("Compare self-assessments year on year"), "scrutiny:assessment-compare", access.ASSESSMENTS),
    Task(_("Answer a freedom of information request"), "scrutiny:foi", access.SCRUTINY_RECORDS),
    Task(_("Check the audit log has not been altered"), "audit:verify", access.AUDIT_LOG),
    Task(_("Invite a user"), "accounts:user-invite", access.USERS, Action.RECORD),
    Task(_("Organisation settings"), "accounts:organisation-settings", access.ORGANISATION_SETTINGS, Action.CHANGE),
    Task(
        _("Accessibility statement, privacy notice, cookies and contact pages"),
        "home:service-page-list",
        access.SERVICE_PAGES,
        Action.CHANGE,
    ),
)

# Where each counter leads: the list it counts, filtered the same way.
_FIGURE_LINKS = {
    "Open cases": ("cases:queue", "status=open"),
    "New concerns to triage": ("cases:queue", ""),  # the case list puts new concerns first
    "Overdue actions": ("cases:queue", "overdue=true"),
    "Active users": ("accounts:user-list", ""),
    "Users who still need two-factor sign-in": ("accounts:user-list", ""),
    "Audit entries in the last 30 days": ("audit:event-list", ""),
    "Your active API tokens": ("accounts:token-list", ""),
}


@dataclass
class Dashboard:
    role: str
    role_label: str | Promise
    intro: str | Promise
    start: dict[str, str] | None = None
    tasks: list[dict[str, str]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    template: str = "home/home.html"


def _url(url_name: str, query: str) -> str:
    return reverse(url_name) + (f"?{query}" if query else "")


def tasks_for(user: Any) -> list[dict[str, str]]:
    found = [
        {"label": str(task.label), "url": _url(task.url_name, task.query.format(username=user.username))}
        for task in TASKS
        if access.allows(user.role, task.resource, task.action)
    ]
    return found[:MOST_TASKS]


def dashboard_for(user: Any) -> Dashboard:
    from tackle.accounts.selectors import user_dashboard_figures
    from tackle.cases.selectors import case_dashboard_figures

    role = user.role
    label = Role(role).label if role in Role.values else gettext("No role")
    board = Dashboard(role=role, role_label=label, intro=_INTRO.get(role, gettext("Your account has no role yet.")))
    if access.allows(role, access.CASES, Action.RECORD):
        board.start = {"label": gettext("Record a concern"), "url": reverse("cases:concern-steps-new")}
    board.tasks = tasks_for(user)
    # Linked by the English label, then shown in the reader's language.
    board.figures = [
        {**figure, "label": gettext(figure["label"])}
        | ({"url": _url(*_FIGURE_LINKS[figure["label"]])} if figure["label"] in _FIGURE_LINKS else {})
        for figure in case_dashboard_figures(user) + user_dashboard_figures(user)
    ]
    return board
