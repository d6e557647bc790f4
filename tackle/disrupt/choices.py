"""Vocabularies for disruption. Values are stable codes; labels are what people read."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tackle.core.vocabulary import ExploitationType

__all__ = [
    "AgencyAttendance",
    "ExploitationType",
    "FlagKind",
    "HandlingCode",
    "IntelligenceAssessment",
    "LegalBasis",
    "OperationKind",
    "PremisesType",
    "SharingCategory",
    "SourceEvaluation",
]


class PremisesType(models.TextChoices):
    HAND_CAR_WASH = "hand_car_wash", _("Hand car wash")
    NAIL_BAR = "nail_bar", _("Nail bar")
    TAKEAWAY = "takeaway", _("Takeaway")
    RESTAURANT = "restaurant", _("Restaurant")
    HMO = "hmo", _("House in multiple occupation (HMO)")
    FARM = "farm", _("Farm")
    FACTORY = "factory", _("Factory")
    WAREHOUSE = "warehouse", _("Warehouse")
    CARE_HOME = "care_home", _("Care home")
    OTHER = "other", _("Other")


# Settings where exploitation is found most often: targeting gives these extra weight.
HIGH_RISK_PREMISES_TYPES = frozenset(
    {PremisesType.HAND_CAR_WASH, PremisesType.NAIL_BAR, PremisesType.HMO, PremisesType.FARM, PremisesType.TAKEAWAY}
)


class FlagKind(models.TextChoices):
    KNOWN_EXPLOITATION_SITE = "known_exploitation_site", _("Known exploitation site")
    FOSTER_PLACEMENT_AT_RISK = "foster_placement_at_risk", _("Foster placement at risk")
    OFFICER_SAFETY = "officer_safety", _("Officer safety: do not visit alone")
    SUSPECTED_CANNABIS_FARM = "suspected_cannabis_farm", _("Suspected cannabis farm")
    OTHER = "other", _("Other")


class SourceEvaluation(models.TextChoices):
    """The 3x5x2 model used by UK police forces: how far the source can be trusted."""

    RELIABLE = "1", _("1: Reliable")
    UNTESTED = "2", _("2: Untested")
    NOT_RELIABLE = "3", _("3: Not reliable")


class IntelligenceAssessment(models.TextChoices):
    """The 3x5x2 model: how the source knows what it reports."""

    KNOWN_DIRECTLY = "A", _("A: Known directly to the source")
    KNOWN_INDIRECTLY_CORROBORATED = "B", _("B: Known indirectly to the source but corroborated")
    KNOWN_INDIRECTLY = "C", _("C: Known indirectly to the source")
    NOT_KNOWN = "D", _("D: Not known")
    SUSPECTED_FALSE = "E", _("E: Suspected to be false")


class HandlingCode(models.TextChoices):
    """The 3x5x2 model: may it be passed on? C always comes with stated conditions."""

    PERMITTED = "P", _("P: Lawful sharing permitted")
    CONDITIONS = "C", _("C: Lawful sharing permitted with conditions")


class SharingCategory(models.TextChoices):
    """What an information-sharing agreement lets each party see of the other's records."""

    INTELLIGENCE_SUMMARIES = "intelligence_summaries", _("Sanitised intelligence summaries")
    INTELLIGENCE = "intelligence", _("Full intelligence records (handling code P only)")
    PREMISES = "premises", _("Premises and businesses")
    OPERATIONS = "operations", _("Operations and their outcomes")


class LegalBasis(models.TextChoices):
    PUBLIC_TASK = "uk_gdpr_6_1_e", _("UK GDPR article 6(1)(e): public task")
    LEGAL_OBLIGATION = "uk_gdpr_6_1_c", _("UK GDPR article 6(1)(c): legal obligation")
    LAW_ENFORCEMENT = "dpa_2018_part_3", _("Data Protection Act 2018 part 3: law enforcement")
    CRIME_AND_DISORDER = "cda_1998_s115", _("Crime and Disorder Act 1998 section 115")
    MODERN_SLAVERY_ACT = "msa_2015_s52", _("Modern Slavery Act 2015 section 52 (Duty to Notify)")
    CARE_ACT = "care_act_2014_s45", _("Care Act 2014 section 45 (safeguarding adults boards)")


class OperationKind(models.TextChoices):
    # An operation (ymgyrch) is feminine in Welsh: its own context lets the adjective agree.
    PLANNED = "planned", pgettext_lazy("operation kind", "Planned")
    DYNAMIC = "dynamic", _("Dynamic (within hours)")


class AgencyAttendance(models.TextChoices):
    PRESENT = "present", _("Present")
    ON_CALL = "on_call", _("On call")
