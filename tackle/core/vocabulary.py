"""Words every module shares. Values are stable codes kept in the database; labels are what people read."""

from django.db import models


class ExploitationType(models.TextChoices):
    """The forms of exploitation the NRM records, used alike by cases, intelligence and operations."""

    LABOUR = "labour", "Labour"
    SEXUAL = "sexual", "Sexual"
    CRIMINAL = "criminal", "Criminal"
    DOMESTIC_SERVITUDE = "domestic_servitude", "Domestic"
    ORGAN_HARVESTING = "organ_harvesting", "Organ Harvesting"
