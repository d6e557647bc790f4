"""Regulators' lists an organisation has imported for risk targeting.

The list is kept as the text that was uploaded, with the column mapping beside it, so a corrected
mapping re-reads the same lines and nothing is lost between the upload and the ranking.
"""

import uuid

from django.conf import settings
from django.db import models

from tackle.accounts.models import Organisation


class RegulatorList(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="regulator_lists")
    source = models.CharField(max_length=80, help_text="Which regulator the list comes from")
    filename = models.CharField(max_length=255)
    content = models.TextField()
    mapping = models.JSONField(default=dict)
    record_count = models.PositiveIntegerField(default=0)
    reject_count = models.PositiveIntegerField(default=0)
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
