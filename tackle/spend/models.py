"""Spend imports: the files a council uploaded, how each was read, and what the screening found.

Only totals are stored (by payee, sector and financial year), never the payments themselves: a
year of spend is millions of rows, and the totals are what the pages show. A run writes all its
results in one transaction, replacing the previous run's, so a failed run leaves the last good
results exactly as they were.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tackle.suppliers.sectors import Sector


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Screening")
    DONE = "done", _("Screened")
    FAILED = "failed", _("Failed")
    COLUMNS = "columns", _("Waiting for its columns to be checked")


def spend_upload_path(instance: "SpendFile", filename: str) -> str:
    # A random name: stored paths cannot be guessed, and odd characters in a file's name do no harm.
    return f"spend/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{PurePosixPath(filename).suffix.lower()[:8]}"


class SpendImport(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    task_run = models.ForeignKey("core.TaskRun", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    error = models.CharField(max_length=300, blank=True)
    screened_at = models.DateTimeField(null=True, blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    rows_accepted = models.PositiveIntegerField(default=0)
    rows_rejected = models.PositiveIntegerField(default=0)
    total_amount = models.DecimalField(max_digits=24, decimal_places=6, default=0)
    suppliers = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True, help_text=_("The figures `tackle spend screen --json` prints"))

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ImportStatus.values), name="spendimport_status_valid"),
        ]

    def __str__(self) -> str:
        return f"Spend import {self.created_at:%d %B %Y %H:%M}"


class SpendFile(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    spend_import = models.ForeignKey(SpendImport, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)
    file = models.FileField(upload_to=spend_upload_path, max_length=200)
    size = models.PositiveBigIntegerField()
    overrides = models.JSONField(
        default=dict, blank=True, help_text=_("Columns a person chose: field -> column (0-based)")
    )
    mapping = models.JSONField(default=dict, blank=True, help_text=_("How the last run read the file"))
    rows_read = models.PositiveIntegerField(default=0)
    rows_accepted = models.PositiveIntegerField(default=0)
    rows_rejected = models.PositiveIntegerField(default=0)
    total_amount = models.DecimalField(max_digits=24, decimal_places=6, default=0)

    class Meta:
        ordering = ["spend_import", "position"]
        constraints = [
            models.UniqueConstraint(fields=["spend_import", "position"], name="spendfile_one_per_position"),
        ]

    def __str__(self) -> str:
        return self.name


class SpendReject(models.Model):
    spend_import = models.ForeignKey(SpendImport, on_delete=models.CASCADE, related_name="rejects")
    file_name = models.CharField(max_length=200)
    line = models.PositiveIntegerField()
    reason = models.CharField(max_length=300)

    class Meta:
        ordering = ["spend_import", "id"]

    def __str__(self) -> str:
        return f"{self.file_name} line {self.line}: {self.reason}"


class SpendTotal(models.Model):
    """Rows and amount paid to one payee in one sector in one financial year (April to March)."""

    spend_import = models.ForeignKey(SpendImport, on_delete=models.CASCADE, related_name="totals")
    payee_key = models.CharField(max_length=300, blank=True, help_text=_("Blank for redacted or unnamed payees"))
    payee_name = models.CharField(max_length=300)
    supplier = models.ForeignKey(
        "suppliers.Supplier", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    match_how = models.CharField(max_length=60, blank=True)
    sector = models.CharField(max_length=30, choices=Sector.choices)
    high_risk = models.BooleanField()
    reason = models.CharField(max_length=300, blank=True)
    financial_year = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("2024 means 2024-25"))
    rows = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=24, decimal_places=6)

    class Meta:
        ordering = ["spend_import", "-amount"]
        constraints = [
            models.CheckConstraint(condition=models.Q(sector__in=Sector.values), name="spendtotal_sector_valid"),
        ]
        indexes = [models.Index(fields=["spend_import", "sector"], name="spendtotal_import_sector")]

    def __str__(self) -> str:
        return f"{self.payee_name}: {self.sector} {self.financial_year}"
