"""Sector codes shared by the supplier register, spend screening and contract risk.

The codes are fixed by the issue (they appear in `tackle spend screen --json`); the high-risk list
follows the government's guidance on sectors where forced labour is most often found.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    AGENCY_LABOUR = "agency_labour", _("Agency and temporary labour")
    AGRICULTURE_FISHING = "agriculture_fishing", _("Agriculture and fishing")
    CARE = "care", _("Health and social care")
    CLEANING = "cleaning", _("Cleaning")
    CONSTRUCTION = "construction", _("Construction")
    ELECTRONICS = "electronics", _("Electronics")
    FOOD_PROCESSING = "food_processing", _("Food processing")
    HOSPITALITY_CATERING = "hospitality_catering", _("Hospitality and catering")
    LOGISTICS = "logistics", _("Logistics")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    MINING = "mining", _("Mining")
    SECURITY = "security", _("Security")
    TEXTILES_CLOTHING = "textiles_clothing", _("Textiles and clothing")
    VEHICLE_WASHING = "vehicle_washing", _("Vehicle washing")
    WASTE = "waste", _("Waste")
    OTHER = "other", _("Other")


# Every named sector is high risk; "other" is not.
HIGH_RISK_SECTORS: frozenset[str] = frozenset(code for code in Sector.values if code != Sector.OTHER)

# Sectors where most of the price is people's time: a low price there most often means low pay.
LABOUR_INTENSIVE_SECTORS: frozenset[str] = frozenset(
    {
        Sector.AGENCY_LABOUR,
        Sector.CARE,
        Sector.CLEANING,
        Sector.HOSPITALITY_CATERING,
        Sector.SECURITY,
        Sector.VEHICLE_WASHING,
        Sector.AGRICULTURE_FISHING,
        Sector.CONSTRUCTION,
        Sector.WASTE,
    }
)


def is_high_risk(sector: str) -> bool:
    return sector in HIGH_RISK_SECTORS
