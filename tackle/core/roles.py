"""Roles, organisation kinds and modules: the names the access policy (tackle/core/access.py) is
written in. Which role may use which module is derived there from the policy table."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    POLICE = "police", _("Police")
    NGO = "ngo", _("NGO or charity")
    HEALTH = "health", _("Health")
    FIRE = "fire", _("Fire and rescue")
    OTHER_AGENCY = "other_agency", _("Other agency (GLAA, HMRC, immigration)")


class Role(models.TextChoices):
    FRONTLINE_OFFICER = "frontline_officer", _("Frontline officer")
    MODERN_SLAVERY_LEAD = "modern_slavery_lead", _("Modern slavery lead")
    SAFEGUARDING_MANAGER = "safeguarding_manager", _("Safeguarding manager")
    COMMUNITY_SAFETY_MANAGER = "community_safety_manager", _("Community safety manager")
    PROCUREMENT_OFFICER = "procurement_officer", _("Procurement officer")
    CONTRACT_MANAGER = "contract_manager", _("Contract manager")
    COUNCILLOR = "councillor", _("Councillor")
    PARTNER = "partner", _("Partner agency")
    AUDITOR = "auditor", _("Auditor")
    # Answers FOI requests from the council's records and figures; never opens a case.
    RECORDS_OFFICER = "records_officer", _("Records officer")
    ADMINISTRATOR = "administrator", _("Administrator")


class Module(models.TextChoices):
    HOME = "home", _("Home")
    CASES = "cases", _("Concerns and cases")
    DISRUPTION = "disruption", _("Disruption")
    SUPPLIERS = "suppliers", _("Supply chains")
    STATEMENTS = "statements", _("Statements")
    TRAINING = "training", _("Training")
    SCRUTINY = "scrutiny", _("Scrutiny")
    REPORTING = "reporting", _("Figures")
    AUDIT = "audit", _("Audit log")
    USERS = "users", _("Users")
    API_TOKENS = "api_tokens", _("API tokens")
