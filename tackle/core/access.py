"""The access policy: one table of role x resource x action x scope, and the sets derived from it.

Read a row as "a <role> may <action> <resource> within <scope>". Every role set in Tackle, the
modules in the menu and the two-factor rule are computed from this table, so changing who may do
what is one edit here, and `tackle access doc` prints the table into docs/access.md.

Scopes: own (records the user made, or the user's own account), organisation (every record of the
user's organisation), shared (another organisation's records shared explicitly with the user's)
and aggregate (counts only, small numbers suppressed, never a person). Which records fall in a
scope is still decided by each app's `*_visible_to(user)` selectors; this table says which scopes
a role has at all. A share of a case states how much of it the partner sees (`ShareScope`); each
case resource names the narrowest share that opens it (`Resource.shared_from`).
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from tackle.core.roles import Module, Role


class Action(StrEnum):
    VIEW = "view"
    RECORD = "record"  # add a new record
    CHANGE = "change"  # change, close or share a record
    EXPORT = "export"  # take a copy away: CSV, XLSX, PDF, JSON


class Scope(StrEnum):
    OWN = "own"
    ORGANISATION = "organisation"
    SHARED = "shared"
    AGGREGATE = "aggregate"


class ShareScope(StrEnum):
    """How much of a case a share opens to a partner; each scope holds the ones before it."""

    SUMMARY = "summary"  # reference, stage, age group, exploitation type, next step
    REFERRAL = "referral"  # and the NRM referral pack and the referral actions
    SUPPORT = "support"  # and the support record with its documents

    @property
    def label(self) -> str:
        return str(_SHARE_SCOPE_LABELS[self])  # in the language of the moment it is read

    def reaches(self, needed: "ShareScope") -> bool:
        order = list(ShareScope)
        return order.index(self) >= order.index(needed)


# Lazy, for a model's choices; ShareScope.label reads one in the language of the moment.
_SHARE_SCOPE_LABELS = {
    ShareScope.SUMMARY: _("Summary: reference, stage, age group, exploitation type and next step"),
    ShareScope.REFERRAL: _("Referral: the summary, the NRM referral pack and the referral actions"),
    ShareScope.SUPPORT: _("Support: the referral, the support record and its documents"),
}
SHARE_SCOPE_CHOICES = [(scope.value, label) for scope, label in _SHARE_SCOPE_LABELS.items()]


@dataclass(frozen=True)
class Resource:
    name: str
    label: str
    module: Module
    personal_data: bool = False  # names or describes a person: opening it needs two-factor sign-in
    audited: bool = False  # opening it is written to the audit log (always so for personal data)
    # A part of a case: the narrowest share scope that opens it to a partner. None: shared whole.
    shared_from: ShareScope | None = None

    @property
    def audits_views(self) -> bool:
        return self.personal_data or self.audited


@dataclass(frozen=True)
class Grant:
    role: Role
    resource: Resource
    action: Action
    scope: Scope


def _r(
    name: str,
    label: str,
    module: Module,
    *,
    personal: bool = False,
    audited: bool = False,
    shared_from: ShareScope | None = None,
) -> Resource:
    return Resource(name, label, module, personal_data=personal, audited=audited, shared_from=shared_from)


HOME = _r("home", "Home dashboard", Module.HOME)
API_TOKENS = _r("api_tokens", "API tokens", Module.API_TOKENS)
# The administrator's list of everyone's tokens in the organisation: owner, scope, expiry, last use.
ORGANISATION_API_TOKENS = _r(
    "organisation_api_tokens", "Everyone's API tokens, listed and revoked", Module.USERS, audited=True
)
TRAINING = _r("training", "Training courses and the user's own completions", Module.TRAINING)
TRAINING_RECORDS = _r("training_records", "Teams, sessions, everyone's completions", Module.TRAINING)
# Which roles and teams must complete which course: names no one, read by everyone with training
# on the courses page and in the API (docs/decisions/0004-training-requirements.md).
TRAINING_REQUIREMENTS = _r(
    "training_requirements", "Training requirements: which roles and teams must complete which course", Module.TRAINING
)
PARTNERSHIPS = _r("partnerships", "Awareness campaigns and the partner directory", Module.TRAINING)
PARTNERSHIP_GROUPS = _r(
    "partnership_groups", "Partnership groups, their meetings and actions", Module.TRAINING, audited=True
)  # meetings name who attended, actions their owners
CASES = _r(
    "cases",
    "Cases and the personal data of the people in them",
    Module.CASES,
    personal=True,
    shared_from=ShareScope.SUMMARY,
)
SUPPORT = _r(
    "support_records",
    "Support records: phases, placements, safety plans, missing episodes, scores, notes, documents",
    Module.CASES,
    personal=True,
    shared_from=ShareScope.SUPPORT,
)
NRM_PACKS = _r("nrm_packs", "NRM referral packs", Module.CASES, personal=True, shared_from=ShareScope.REFERRAL)
DTN_REDACTIONS = _r("dtn_redactions", "Reviewing and redacting a Duty to Notify's account", Module.CASES, personal=True)
PATHWAY_SETTINGS = _r("pathway_settings", "The council's referral pathway settings", Module.CASES)
CASE_SEARCH = _r("case_search", "Finding cases by a person's name, alias or date of birth", Module.CASES, personal=True)
CASELOADS = _r("caseloads", "Caseloads: each worker's open and overdue cases", Module.CASES, audited=True)
REGISTER = _r("register", "Register figures (stage counts, case-by-case export)", Module.REPORTING, audited=True)
PREMISES = _r("premises", "Premises and address flags", Module.DISRUPTION, personal=True)
INTELLIGENCE = _r("intelligence", "Intelligence", Module.DISRUPTION, personal=True)
OPERATIONS = _r("operations", "Multi-agency operations", Module.DISRUPTION, personal=True)
AGREEMENTS = _r("agreements", "Information-sharing agreements", Module.DISRUPTION, audited=True)
BRIEFINGS = _r("briefings", "Meeting briefings, actions and the disruption report", Module.DISRUPTION, audited=True)
TARGETING = _r("targeting", "Targeting: regulators' lists", Module.DISRUPTION, audited=True)
SUPPLIERS = _r("suppliers", "Suppliers and their named contacts", Module.SUPPLIERS, personal=True)
CONTRACTS = _r("contracts", "Contracts, risks and sanctions", Module.SUPPLIERS)
TENDERS = _r("tenders", "Tender checks and clarifications", Module.SUPPLIERS)
SPEND = _r("spend", "Spend screening", Module.SUPPLIERS)
STATEMENTS = _r("statements", "The council's statement", Module.STATEMENTS, audited=True)
STATEMENT_READINGS = _r("statement_readings", "Statement readings and reviewers' overrides", Module.STATEMENTS)
ACTION_PLANS = _r("action_plans", "Action plans and commitments", Module.STATEMENTS, audited=True)
ASSESSMENTS = _r("assessments", "Scrutiny self-assessments", Module.SCRUTINY, audited=True)
SCRUTINY_RECORDS = _r("scrutiny_records", "Posts and roles, funding and FOI answers", Module.SCRUTINY, audited=True)
FIGURES = _r("figures", "Figures", Module.REPORTING, audited=True)
AUDIT_LOG = _r("audit_log", "Audit log: entries, search by case, access reports", Module.AUDIT, personal=True)
# Who checked the log's chain, when and with what result, and the certificate printed from it.
AUDIT_INTEGRITY = _r("audit_integrity", "Audit log checks and the integrity certificate", Module.AUDIT)
USERS = _r("users", "Users", Module.USERS, personal=True)
# The administrator's webhook endpoints and their delivery log (issue 19, item 5): case references only.
WEBHOOKS = _r(
    "webhooks",
    "Webhooks: endpoints told of concerns, referrals due and decisions, and deliveries",
    Module.USERS,
    audited=True,
)
# Data protection duties (UK GDPR): in the home module, so that the administrator reaches them
# without the casework module; the grants alone decide who may.
RETENTION_SCHEDULE = _r(
    "retention_schedule", "The retention schedule: how long each kind of case record is kept", Module.HOME, audited=True
)
RETENTION = _r(
    "retention",
    "Records past their retention date and legal holds: keep longer, anonymise or erase",
    Module.HOME,
    personal=True,
)
SUBJECT_ACCESS = _r(
    "subject_access",
    "Subject access requests: everything held about a case's person, in one archive",
    Module.HOME,
    personal=True,
)
# Every role has the home module, so the grants below alone decide who reaches the settings.
# What Tackle told a person (reminders, allocations, new concerns): their own list, every role.
NOTIFICATIONS = _r("notifications", "The user's own notifications", Module.HOME)
ORGANISATION_SETTINGS = _r(
    "organisation_settings",
    "Organisation settings: lead, deputy, safeguarding and first responder contacts",
    Module.HOME,
)
# What an officer reads to a person before they decide about the NRM, in their language (issue 21):
# in the home module, beside the organisation settings, so the administrator reaches it too.
CONSENT_EXPLANATIONS = _r(
    "consent_explanations",
    "Explanation texts read before consent: the NRM, consent, the Duty to Notify, rights; by language",
    Module.HOME,
)
# The organisation's text for the public accessibility statement, privacy notice, cookies and
# contact pages (reading them needs no sign-in, so only changing them is in this table).
SERVICE_PAGES = _r(
    "service_pages", "The accessibility statement, privacy notice, cookies and contact pages", Module.HOME
)

RESOURCES: tuple[Resource, ...] = (
    HOME, API_TOKENS, TRAINING, TRAINING_RECORDS, TRAINING_REQUIREMENTS, PARTNERSHIPS, PARTNERSHIP_GROUPS, CASES,
    SUPPORT, NRM_PACKS, DTN_REDACTIONS, PATHWAY_SETTINGS, ORGANISATION_API_TOKENS,
    CASE_SEARCH, CASELOADS, REGISTER, PREMISES, INTELLIGENCE,
    OPERATIONS, AGREEMENTS, BRIEFINGS, TARGETING, SUPPLIERS, CONTRACTS, TENDERS, SPEND, STATEMENTS, STATEMENT_READINGS,
    ACTION_PLANS, ASSESSMENTS, SCRUTINY_RECORDS, FIGURES, AUDIT_LOG,
    AUDIT_INTEGRITY, USERS, WEBHOOKS, ORGANISATION_SETTINGS, NOTIFICATIONS,
    SERVICE_PAGES, RETENTION_SCHEDULE, RETENTION, SUBJECT_ACCESS, CONSENT_EXPLANATIONS,
)  # fmt: skip

R = Role
A = Action
_ALL = tuple(Role)
_LEAD = (R.MODERN_SLAVERY_LEAD,)
_CASE_WORKERS = (R.MODERN_SLAVERY_LEAD, R.SAFEGUARDING_MANAGER)
_COORDINATORS = (R.MODERN_SLAVERY_LEAD, R.COMMUNITY_SAFETY_MANAGER)
_PARTNERSHIP = (R.MODERN_SLAVERY_LEAD, R.ADMINISTRATOR, R.COMMUNITY_SAFETY_MANAGER)
_SUPPLY = (R.MODERN_SLAVERY_LEAD, R.PROCUREMENT_OFFICER, R.CONTRACT_MANAGER)
_FIGURES = (
    R.MODERN_SLAVERY_LEAD, R.SAFEGUARDING_MANAGER, R.COMMUNITY_SAFETY_MANAGER, R.COUNCILLOR, R.AUDITOR,
    R.RECORDS_OFFICER,
)  # fmt: skip
# Who answers FOI requests: the coordinators and the records officer, who sees figures, never a case.
_FOI = (R.MODERN_SLAVERY_LEAD, R.COMMUNITY_SAFETY_MANAGER, R.RECORDS_OFFICER)
_AUDITORS = (R.MODERN_SLAVERY_LEAD, R.AUDITOR, R.ADMINISTRATOR)
_READ, _KEEP = (A.VIEW,), (A.VIEW, A.RECORD, A.CHANGE)
# The administrator and the lead answer for the organisation's data protection duties; never councillors.
_DATA_PROTECTION = (R.MODERN_SLAVERY_LEAD, R.ADMINISTRATOR)
_KEEP_EXPORT = (*_KEEP, A.EXPORT)  # and download the list as CSV or XLSX (accounts/exports.py)

# (roles, resource, actions, scope): one line each, read top to bottom like the docs page.
_RULES: tuple[tuple[tuple[Role, ...], Resource, tuple[Action, ...], Scope], ...] = (
    (_ALL, HOME, _READ, Scope.OWN),
    (_ALL, NOTIFICATIONS, (A.VIEW, A.CHANGE), Scope.OWN),
    # A token skips two-factor sign-in: roles that never sign in with it (no personal data) hold none.
    (tuple(r for r in Role if r not in (R.COUNCILLOR, R.RECORDS_OFFICER)), API_TOKENS, _KEEP, Scope.OWN),
    ((R.ADMINISTRATOR,), ORGANISATION_API_TOKENS, (A.VIEW, A.CHANGE), Scope.ORGANISATION),
    (_ALL, TRAINING, _READ, Scope.OWN),
    ((R.MODERN_SLAVERY_LEAD, R.ADMINISTRATOR), TRAINING_RECORDS, _KEEP_EXPORT, Scope.ORGANISATION),
    (_ALL, TRAINING_REQUIREMENTS, _READ, Scope.ORGANISATION),
    ((R.MODERN_SLAVERY_LEAD, R.ADMINISTRATOR), TRAINING_REQUIREMENTS, (A.RECORD,), Scope.ORGANISATION),
    (_ALL, PARTNERSHIPS, _READ, Scope.ORGANISATION),
    (_PARTNERSHIP, PARTNERSHIPS, _KEEP_EXPORT, Scope.ORGANISATION),
    (_PARTNERSHIP, PARTNERSHIP_GROUPS, _KEEP_EXPORT, Scope.ORGANISATION),
    ((R.FRONTLINE_OFFICER,), CASES, (A.VIEW, A.RECORD), Scope.OWN),
    (_CASE_WORKERS, CASES, _KEEP_EXPORT, Scope.ORGANISATION),
    ((R.PARTNER,), CASES, _READ, Scope.SHARED),
    # Frontline officers follow the concerns they recorded on the case page, not the support record.
    (_CASE_WORKERS, SUPPORT, _KEEP, Scope.ORGANISATION),
    ((R.PARTNER,), SUPPORT, _READ, Scope.SHARED),
    (_CASE_WORKERS, NRM_PACKS, (A.VIEW, A.CHANGE, A.EXPORT), Scope.ORGANISATION),
    ((R.PARTNER,), NRM_PACKS, (A.VIEW, A.EXPORT), Scope.SHARED),
    (_LEAD, DTN_REDACTIONS, (A.VIEW, A.CHANGE), Scope.ORGANISATION),
    (_LEAD, PATHWAY_SETTINGS, (A.VIEW, A.CHANGE), Scope.ORGANISATION),
    ((R.FRONTLINE_OFFICER,), CASE_SEARCH, _READ, Scope.OWN),
    (_CASE_WORKERS, CASE_SEARCH, _READ, Scope.ORGANISATION),
    (_LEAD, CASELOADS, (A.VIEW, A.EXPORT), Scope.ORGANISATION),
    (_CASE_WORKERS, REGISTER, (A.VIEW, A.EXPORT), Scope.ORGANISATION),
    ((R.COMMUNITY_SAFETY_MANAGER, R.COUNCILLOR, R.AUDITOR, R.RECORDS_OFFICER), REGISTER, _READ, Scope.AGGREGATE),
    (_COORDINATORS, PREMISES, _KEEP_EXPORT, Scope.ORGANISATION),
    ((R.PARTNER,), PREMISES, _READ, Scope.SHARED),
    ((R.PARTNER,), PREMISES, _READ, Scope.ORGANISATION),  # their own organisation's, as in disrupt/selectors.py
    (_COORDINATORS, INTELLIGENCE, _KEEP_EXPORT, Scope.ORGANISATION),
    ((R.PARTNER,), INTELLIGENCE, (A.VIEW, A.RECORD), Scope.SHARED),
    ((R.PARTNER,), INTELLIGENCE, (A.VIEW, A.RECORD), Scope.ORGANISATION),  # as in disrupt/selectors.py
    ((R.PARTNER,), INTELLIGENCE, (A.CHANGE,), Scope.ORGANISATION),  # shares its own organisation's
    (_COORDINATORS, OPERATIONS, _KEEP_EXPORT, Scope.ORGANISATION),
    ((R.PARTNER,), OPERATIONS, _READ, Scope.SHARED),
    ((R.PARTNER,), OPERATIONS, _READ, Scope.ORGANISATION),  # their own organisation's, as in disrupt/selectors.py
    (_COORDINATORS, AGREEMENTS, _KEEP_EXPORT, Scope.ORGANISATION),
    (_COORDINATORS, AGREEMENTS, (A.CHANGE,), Scope.SHARED),  # accept, decline or revoke one proposed to them
    ((R.PARTNER,), AGREEMENTS, _READ, Scope.SHARED),
    ((R.PARTNER,), AGREEMENTS, _READ, Scope.ORGANISATION),  # their own organisation's, as in disrupt/selectors.py
    (_COORDINATORS, BRIEFINGS, (*_KEEP, A.EXPORT), Scope.ORGANISATION),
    ((*_COORDINATORS, R.PARTNER), TARGETING, _KEEP_EXPORT, Scope.ORGANISATION),  # each ranks its own lists
    (_SUPPLY, SUPPLIERS, _KEEP_EXPORT, Scope.ORGANISATION),
    (_SUPPLY, CONTRACTS, _KEEP_EXPORT, Scope.ORGANISATION),
    ((R.PROCUREMENT_OFFICER, R.MODERN_SLAVERY_LEAD), TENDERS, _KEEP_EXPORT, Scope.ORGANISATION),
    (_SUPPLY, SPEND, _KEEP_EXPORT, Scope.ORGANISATION),
    (_SUPPLY, STATEMENTS, (A.VIEW, A.EXPORT), Scope.ORGANISATION),
    (_LEAD, STATEMENTS, (A.RECORD, A.CHANGE), Scope.ORGANISATION),
    (_SUPPLY, STATEMENT_READINGS, _KEEP_EXPORT, Scope.ORGANISATION),
    (_SUPPLY, ACTION_PLANS, (A.VIEW, A.EXPORT), Scope.ORGANISATION),
    (_LEAD, ACTION_PLANS, (A.RECORD, A.CHANGE), Scope.ORGANISATION),
    ((*_COORDINATORS, R.COUNCILLOR, R.RECORDS_OFFICER), ASSESSMENTS, (*_KEEP, A.EXPORT), Scope.ORGANISATION),
    (_FOI, SCRUTINY_RECORDS, (*_KEEP, A.EXPORT), Scope.ORGANISATION),
    (_FIGURES, FIGURES, (A.VIEW, A.EXPORT), Scope.AGGREGATE),
    (_COORDINATORS, FIGURES, (A.RECORD,), Scope.AGGREGATE),  # publish them: a release (reporting.Release)
    (_AUDITORS, AUDIT_LOG, (A.VIEW, A.EXPORT), Scope.ORGANISATION),
    (_AUDITORS, AUDIT_INTEGRITY, (A.VIEW, A.RECORD, A.EXPORT), Scope.ORGANISATION),  # run a check, print it
    ((R.ADMINISTRATOR,), USERS, _KEEP_EXPORT, Scope.ORGANISATION),
    ((R.ADMINISTRATOR,), WEBHOOKS, _KEEP, Scope.ORGANISATION),
    ((R.MODERN_SLAVERY_LEAD, R.ADMINISTRATOR), ORGANISATION_SETTINGS, (A.VIEW, A.CHANGE), Scope.ORGANISATION),
    ((R.ADMINISTRATOR,), SERVICE_PAGES, (A.VIEW, A.CHANGE), Scope.ORGANISATION),
    ((R.MODERN_SLAVERY_LEAD, R.ADMINISTRATOR), CONSENT_EXPLANATIONS, (A.VIEW, A.CHANGE), Scope.ORGANISATION),
    ((R.ADMINISTRATOR,), RETENTION_SCHEDULE, (A.VIEW, A.CHANGE), Scope.ORGANISATION),
    (_LEAD, RETENTION_SCHEDULE, _READ, Scope.ORGANISATION),
    (_DATA_PROTECTION, RETENTION, (*_KEEP, A.EXPORT), Scope.ORGANISATION),
    (_DATA_PROTECTION, SUBJECT_ACCESS, (A.VIEW, A.EXPORT), Scope.ORGANISATION),
)

POLICY: tuple[Grant, ...] = tuple(
    Grant(Role(role), resource, action, scope)
    for roles, resource, actions, scope in _RULES
    for role in roles
    for action in actions
)


# Each (role, resource, action)'s scopes, read once: every page asks, some several times, and
# scanning the whole table each time cost a search of the case list about 0.1 ms (issue 14).
_SCOPES: dict[tuple[str, Resource, str], frozenset[Scope]] = {}
for _grant in POLICY:
    _key = (str(_grant.role), _grant.resource, str(_grant.action))
    _SCOPES[_key] = _SCOPES.get(_key, frozenset()) | {_grant.scope}


def scopes_for(role: str, resource: Resource, action: Action) -> frozenset[Scope]:
    return _SCOPES.get((str(role), resource, str(action)), frozenset())


def allows(role: str, resource: Resource, action: Action) -> bool:
    return bool(scopes_for(role, resource, action))


def roles_with(resource: Resource, action: Action, scope: Scope | None = None) -> frozenset[str]:
    return frozenset(
        g.role for g in POLICY if g.resource == resource and g.action == action and scope in (None, g.scope)
    )


# --- Derived sets: nothing below is written by hand --------------------------------------------

ROLE_MODULES: dict[str, frozenset[str]] = {
    role: frozenset(g.resource.module for g in POLICY if g.role == role and g.action == Action.VIEW) for role in Role
}

# Two-factor sign-in: every role that can open a record naming a person, in any scope but aggregate.
PERSONAL_DATA_ROLES: frozenset[str] = frozenset(
    g.role for g in POLICY if g.resource.personal_data and g.scope != Scope.AGGREGATE
)

# Roles that see figures but never a person (councillors).
AGGREGATE_ONLY_ROLES: frozenset[str] = frozenset(
    g.role for g in POLICY if g.scope == Scope.AGGREGATE and g.role not in PERSONAL_DATA_ROLES
)

ORGANISATION_WIDE_CASE_ROLES = roles_with(CASES, Action.VIEW, Scope.ORGANISATION)
CASE_WORKER_ROLES = roles_with(CASES, Action.CHANGE, Scope.ORGANISATION)
EXACT_REGISTER_ROLES = roles_with(REGISTER, Action.VIEW, Scope.ORGANISATION)
TRAINING_ADMIN_ROLES = roles_with(TRAINING_RECORDS, Action.CHANGE, Scope.ORGANISATION)
PARTNERSHIP_ROLES = roles_with(PARTNERSHIPS, Action.CHANGE)
COORDINATOR_ROLES = roles_with(OPERATIONS, Action.CHANGE, Scope.ORGANISATION)
TENDER_ROLES = roles_with(TENDERS, Action.VIEW)
CONTRACT_MANAGER_ROLES = roles_with(CONTRACTS, Action.CHANGE)
SCRUTINY_OFFICER_ROLES = roles_with(SCRUTINY_RECORDS, Action.VIEW)


def role_may_use(role: str, module: str) -> bool:
    return module in ROLE_MODULES.get(role, frozenset())


def role_needs_two_factor(role: str) -> bool:
    return role in PERSONAL_DATA_ROLES


def policy_markdown() -> str:
    """docs/access.md: one table per resource, one row per role that has any grant on it."""
    lines = [
        "# Who may see and do what",
        "",
        "Printed from `tackle/core/access.py` by `tackle access doc --output docs/access.md`; do not edit by hand.",
        "Scopes: **own** (records the user made, or their own account), **organisation** (every record of",
        "their organisation), **shared** (records another organisation shared with theirs), **aggregate**",
        "(counts only, small numbers suppressed). Roles marked *two-factor* must finish two-factor sign-in.",
        "",
        "## Shares of a case",
        "",
        "A case shared with a partner is shared for a stated scope, with a lawful basis and the person's",
        "consent recorded; the partner's shared scope reaches only the parts of the case that scope opens:",
        "",
        *(f"- **{scope}**: {scope.label.split(': ', 1)[1]}" for scope in ShareScope),
        "",
        "Shares made before scopes existed were given **summary** (the least); widen one by revoking it",
        "and sharing again with the scope, basis and consent stated.",
        "",
        "## Roles",
        "",
        "| Role | Modules | Two-factor |",
        "| --- | --- | --- |",
    ]
    for role in Role:
        modules = ", ".join(str(Module(m).label) for m in Module if m in ROLE_MODULES[role])
        lines.append(f"| {role.label} | {modules} | {'yes' if role in PERSONAL_DATA_ROLES else 'no'} |")
    for resource in RESOURCES:
        flags = [f"Module: {resource.module.label}"]
        if resource.personal_data:
            flags.append("personal data")
        if resource.audits_views:
            flags.append("every view and export is audited")
        if resource.shared_from is not None:
            flags.append(f"shared scope needs a share of scope {resource.shared_from} or wider")
        lines += ["", f"## {resource.label} (`{resource.name}`)", "", "; ".join(flags) + ".", ""]
        lines += [
            "| Role | " + " | ".join(a.value.capitalize() for a in Action) + " |",
            "| --- " * (len(Action) + 1) + "|",
        ]
        for role in Role:
            cells = [", ".join(sorted(scopes_for(role, resource, action))) or "-" for action in Action]
            if any(cell != "-" for cell in cells):
                lines.append(f"| {role.label} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
