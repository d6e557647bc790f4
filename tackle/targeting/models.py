"""Regulators' lists an organisation has imported for risk targeting.

The list is kept as the text that was uploaded, with the column mapping beside it, so a corrected
mapping re-reads the same lines and nothing is lost between the upload and the ranking.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tackle.accounts.models import Organisation


class RegulatorList(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="regulator_lists")
    source = models.CharField(max_length=80, help_text=_("Which regulator the list comes from"))
    filename = models.CharField(max_length=255)
    content = models.TextField()
    mapping = models.JSONField(default=dict)
    record_count = models.PositiveIntegerField(default=0)
    reject_count = models.PositiveIntegerField(default=0)
    unfamiliar = models.JSONField(
        default=dict, blank=True, help_text=_("Result wordings no rule placed when the list was read: wording -> lines")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["source"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "source"], name="targeting_list_source_unique"),
        ]

    def __str__(self) -> str:
        return self.source


class OutcomeWording(models.Model):
    """A result's wording that no rule placed, as the organisation classified it: whether a line
    saying it records an adverse finding. Used for every list the organisation imports."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    wording = models.CharField(max_length=200, help_text=_("Lower case words, as rules.outcomes.wording gives"))
    adverse = models.BooleanField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["wording"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "wording"], name="targeting_outcome_wording_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.wording}: {'adverse' if self.adverse else 'not adverse'}"
