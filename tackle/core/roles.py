"""Roles, organisation kinds and modules: the names the access policy (tackle/core/access.py) is
written in. Which role may use which module is derived there from the policy table."""

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
    # Answers FOI requests from the council's records and figures; never opens a case.
    RECORDS_OFFICER = "records_officer", "Records officer"
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
