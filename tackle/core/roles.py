"""Roles, organisation kinds and the modules each role may use.

Permission is module x action x scope: this file answers "which modules", selectors answer
"which records" (own organisation, or shared explicitly).
"""

from django.db import models


class OrganisationKind(models.TextChoices):
    COUNCIL = "council", "Council"
    POLICE = "police", "Police"
    NGO = "ngo", "NGO or charity"
    HEALTH = "health", "Health"
    FIRE = "fire", "Fire and rescue"
    OTHER_AGENCY = "other_agency", "Other agency (GLAA, HMRC, immigration)"


class Role(models.TextChoices):
    FRONTLINE_OFFICER = "frontline_officer", "Frontline officer"
    MODERN_SLAVERY_LEAD = "modern_slavery_lead", "Modern slavery lead"
    SAFEGUARDING_MANAGER = "safeguarding_manager", "Safeguarding manager"
    COMMUNITY_SAFETY_MANAGER = "community_safety_manager", "Community safety manager"
    PROCUREMENT_OFFICER = "procurement_officer", "Procurement officer"
    CONTRACT_MANAGER = "contract_manager", "Contract manager"
    COUNCILLOR = "councillor", "Councillor"
    PARTNER = "partner", "Partner agency"
    AUDITOR = "auditor", "Auditor"
    ADMINISTRATOR = "administrator", "Administrator"


class Module(models.TextChoices):
    HOME = "home", "Home"
    CASES = "cases", "Concerns and cases"
    DISRUPTION = "disruption", "Disruption"
    SUPPLIERS = "suppliers", "Supply chains"
    STATEMENTS = "statements", "Statements"
    TRAINING = "training", "Training"
    SCRUTINY = "scrutiny", "Scrutiny"
    REPORTING = "reporting", "Figures"
    AUDIT = "audit", "Audit log"
    USERS = "users", "Users"
    API_TOKENS = "api_tokens", "API tokens"


_EVERYONE = {Module.HOME, Module.API_TOKENS, Module.TRAINING}

ROLE_MODULES: dict[str, frozenset[str]] = {
    Role.FRONTLINE_OFFICER: frozenset(_EVERYONE | {Module.CASES}),
    Role.MODERN_SLAVERY_LEAD: frozenset(
        _EVERYONE
        | {
            Module.CASES,
            Module.DISRUPTION,
            Module.SUPPLIERS,
            Module.STATEMENTS,
            Module.SCRUTINY,
            Module.REPORTING,
            Module.AUDIT,
        }
    ),
    Role.SAFEGUARDING_MANAGER: frozenset(_EVERYONE | {Module.CASES, Module.REPORTING}),
    Role.COMMUNITY_SAFETY_MANAGER: frozenset(_EVERYONE | {Module.DISRUPTION, Module.REPORTING, Module.SCRUTINY}),
    Role.PROCUREMENT_OFFICER: frozenset(_EVERYONE | {Module.SUPPLIERS, Module.STATEMENTS}),
    Role.CONTRACT_MANAGER: frozenset(_EVERYONE | {Module.SUPPLIERS, Module.STATEMENTS}),
    Role.COUNCILLOR: frozenset({Module.HOME, Module.SCRUTINY, Module.REPORTING, Module.TRAINING}),
    Role.PARTNER: frozenset(_EVERYONE | {Module.CASES, Module.DISRUPTION}),
    Role.AUDITOR: frozenset(_EVERYONE | {Module.AUDIT, Module.REPORTING}),
    Role.ADMINISTRATOR: frozenset(_EVERYONE | {Module.USERS, Module.AUDIT}),
}

# Roles that can open a record holding a victim's personal data: two-factor sign-in is required.
PERSONAL_DATA_ROLES: frozenset[str] = frozenset(
    {
        Role.FRONTLINE_OFFICER,
        Role.MODERN_SLAVERY_LEAD,
        Role.SAFEGUARDING_MANAGER,
        Role.COMMUNITY_SAFETY_MANAGER,
        Role.PARTNER,
        Role.AUDITOR,
        Role.ADMINISTRATOR,
    }
)

# Councillors see aggregate figures only, never a person.
AGGREGATE_ONLY_ROLES: frozenset[str] = frozenset({Role.COUNCILLOR})


def role_may_use(role: str, module: str) -> bool:
    return module in ROLE_MODULES.get(role, frozenset())


def role_needs_two_factor(role: str) -> bool:
    return role in PERSONAL_DATA_ROLES
