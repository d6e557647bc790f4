"""Words every module shares. Values are stable codes kept in the database; labels are what people read."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExploitationType(models.TextChoices):
    """The forms of exploitation the NRM records, used alike by cases, intelligence and operations."""

    LABOUR = "labour", _("Labour")
    SEXUAL = "sexual", _("Sexual")
    CRIMINAL = "criminal", _("Criminal")
    DOMESTIC_SERVITUDE = "domestic_servitude", _("Domestic")
    ORGAN_HARVESTING = "organ_harvesting", _("Organ Harvesting")
