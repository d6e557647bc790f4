"""Statements we have read, reviewers' corrections, and the national registry's rows.

A StatementReading keeps the sentences and the labeller's scores, so its page can show the evidence
in context and a reviewer's correction can become training data, without the original file.
"""

import uuid
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.accounts.models import Organisation
from tackle.core.models import TaskStatus
from tackle.statement_reader.labels import AREA_LABELS
from tackle.statement_reader.rules.areas import AREAS, JUDGEMENTS
from tackle.statement_reader.rules.language import BOTH, ENGLISH, WELSH

LANGUAGE_NAMES = {ENGLISH: _("English"), WELSH: _("Welsh"), BOTH: _("Welsh and English")}


class StatementReading(models.Model):
    """One statement read once: the supplier's (supplier set) or the council's own (supplier empty)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="statement_readings")
    supplier = models.ForeignKey(
        "suppliers.Supplier", on_delete=models.PROTECT, related_name="statement_readings", null=True, blank=True
    )
    file_name = models.CharField(max_length=255, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    sha256 = models.CharField(max_length=64)
    sentences = models.JSONField(default=list)
    # One dict of label -> probability per sentence, from the labeller.
    scores = models.JSONField(default=list)
    # The assessment exactly as `tackle statements assess --json` prints it, before any override.
    result = models.JSONField(default=dict)
    machine_score = models.PositiveSmallIntegerField(help_text=_("Covered areas, approval and signature as read"))
    score = models.PositiveSmallIntegerField(help_text=_("The same after reviewers' overrides"))
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(file_name="", source_url=""), name="reading_has_file_or_url"),
            models.CheckConstraint(
                condition=models.Q(score__lte=8, machine_score__lte=8), name="reading_score_at_most_8"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "supplier", "-created_at"], name="reading_latest_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("statement_reader:reading-detail", args=[self.uuid])

    @property
    def title(self) -> str:
        return self.file_name or self.source_url

    @property
    def whose(self) -> str:
        return self.supplier.name if self.supplier_id and self.supplier else gettext("The council's own statement")

    @property
    def language(self) -> dict[str, Any]:
        """The result's "language" (reading.language_json); a reading made before issue 21 was read
        as English."""
        found = self.result.get("language") if isinstance(self.result, dict) else None
        return found or {"statement": ENGLISH, "read": ENGLISH, "welsh_sentences": 0, "english_sentences": None}

    @property
    def language_name(self) -> str:
        return str(LANGUAGE_NAMES.get(self.language["statement"], ""))


class JudgementOverride(models.Model):
    """A reviewer's correction of one judgement, with the reason. Never edited: a later override of
    the same judgement supersedes it, and all stay on the page as its history."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reading = models.ForeignKey(StatementReading, on_delete=models.CASCADE, related_name="overrides")
    judgement = models.CharField(max_length=40, choices=[(name, AREA_LABELS[name]) for name in JUDGEMENTS])
    covered = models.BooleanField()
    # Not covered because the statement only says what will be done (one of the six areas only).
    only_promised = models.BooleanField(default=False)
    reason = models.TextField()
    # Sentence indexes the reviewer says are evidence, and those they say are not.
    evidence_added = models.JSONField(default=list, blank=True)
    evidence_removed = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(judgement__in=JUDGEMENTS), name="override_judgement_valid"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="override_has_reason"),
            models.CheckConstraint(
                condition=models.Q(only_promised=False) | models.Q(covered=False, judgement__in=AREAS),
                name="override_promised_area_not_covered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_judgement_display()}: {self.decision}"

    @property
    def decision(self) -> str:
        """In English: the audit note and the API say it so."""
        return "covered" if self.covered else "only promised" if self.only_promised else "not covered"

    @property
    def decision_label(self) -> str:
        """The decision in the page's language."""
        if self.covered:
            return gettext("covered")
        return gettext("only promised") if self.only_promised else gettext("not covered")


class RegistryStatement(models.Model):
    """One row of the Home Office registry's yearly download. Public data, shared by every council;
    linked to a council's suppliers when read, by company number or normalised name."""

    year = models.PositiveSmallIntegerField()
    organisation_name = models.CharField(max_length=300)
    name_key = models.CharField(max_length=300, db_index=True, help_text=_("The name normalised for matching"))
    company_number = models.CharField(max_length=20, blank=True, db_index=True)
    summary_url = models.CharField(max_length=500, blank=True)
    statement_url = models.CharField(max_length=1000, blank=True)
    sector_type = models.CharField(max_length=100, blank=True)
    group_submission = models.BooleanField(default=False)
    parent_name = models.CharField(max_length=300, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    approving_person = models.CharField(max_length=300, blank=True)
    date_approved = models.DateField(null=True, blank=True)
    turnover = models.CharField(max_length=100, blank=True)
    includes_structure = models.BooleanField(default=False)
    includes_policies = models.BooleanField(default=False)
    includes_risk_assessment = models.BooleanField(default=False)
    includes_due_diligence = models.BooleanField(default=False)
    includes_training = models.BooleanField(default=False)
    includes_goals = models.BooleanField(default=False)
    last_updated = models.CharField(max_length=40, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "organisation_name"]
        constraints = [
            # A group statement shares one summary URL across several organisations.
            models.UniqueConstraint(fields=["year", "summary_url", "organisation_name"], name="registry_row_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_name} ({self.year})"


def reading_upload_path(instance: "ReadingRequest", filename: str) -> str:
    # A random name: stored paths cannot be guessed, and odd characters in a file's name do no harm.
    return f"statement_reader/{uuid.uuid4().hex}{PurePosixPath(filename).suffix.lower()[:8]}"


class ReadingRequest(models.Model):
    """A statement waiting to be read by the background worker (issue 15: reading a large file in
    the web request took the site down). The uploaded file is kept only until it has been read;
    the reading, once made, is a StatementReading like any other."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    supplier = models.ForeignKey(
        "suppliers.Supplier", on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    file = models.FileField(upload_to=reading_upload_path, max_length=200, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    task_run = models.ForeignKey("core.TaskRun", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reading = models.ForeignKey(StatementReading, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Why the file could not be read, in words for the person who sent it.
    error = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(file_name="", source_url=""), name="reading_request_has_file_or_url"
            ),
        ]

    def __str__(self) -> str:
        return self.file_name or self.source_url

    def get_absolute_url(self) -> str:
        return reverse("statement_reader:reading-request", args=[self.uuid])

    @property
    def failure(self) -> str:
        """Why the reading failed, or "" while it is waiting or once it is done. A worker that died
        mid-reading leaves no error here; its run, failed when its lease ran out, says so."""
        if self.reading_id:
            return ""
        if self.error:
            return self.error
        if self.task_run is not None and self.task_run.status == TaskStatus.FAILED:
            return self.task_run.message or gettext("The reading stopped before it finished.")
        return ""
