"""Sector codes shared by the supplier register, spend screening and contract risk.

The codes are fixed by the issue (they appear in `tackle spend screen --json`); the high-risk list
follows the government's guidance on sectors where forced labour is most often found.
"""

from django.db import models


class Sector(models.TextChoices):
    AGENCY_LABOUR = "agency_labour", "Agency and temporary labour"
    AGRICULTURE_FISHING = "agriculture_fishing", "Agriculture and fishing"
    CARE = "care", "Health and social care"
    CLEANING = "cleaning", "Cleaning"
    CONSTRUCTION = "construction", "Construction"
    ELECTRONICS = "electronics", "Electronics"
    FOOD_PROCESSING = "food_processing", "Food processing"
    HOSPITALITY_CATERING = "hospitality_catering", "Hospitality and catering"
    LOGISTICS = "logistics", "Logistics"
    MANUFACTURING = "manufacturing", "Manufacturing"
    MINING = "mining", "Mining"
    SECURITY = "security", "Security"
    TEXTILES_CLOTHING = "textiles_clothing", "Textiles and clothing"
    VEHICLE_WASHING = "vehicle_washing", "Vehicle washing"
    WASTE = "waste", "Waste"
    OTHER = "other", "Other"


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
