"""The council's own action plan (periods, actions, progress) and its transparency statement."""

import uuid

from django.conf import settings
from django.db import models


class StatementPeriod(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    label = models.CharField(max_length=20, help_text="For example, 2025-2026")
    starts_on = models.DateField()
    ends_on = models.DateField()
    closed = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "label"], name="statement_period_label_unique"),
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")), name="period_ends_after"),
        ]

    def __str__(self) -> str:
        return self.label


class Area(models.TextChoices):
    DEFINING_RISKS = "defining_risks", "Defining and outlining risks"
    PREVENTION = "prevention", "Prevention"
    DETECTION = "detection", "Detection"
    RESPONSE = "response", "Response"
    EVALUATION = "evaluation", "Evaluation"


class ActionStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    CARRIED_OVER = "carried_over", "Carried over"
    DROPPED = "dropped", "Dropped"


OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class Action(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(StatementPeriod, on_delete=models.PROTECT, related_name="actions")
    area = models.CharField(max_length=20, choices=Area.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_team = models.CharField(max_length=120, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="carried_to")

    class Meta:
        ordering = ["due_on", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(area__in=Area.values), name="action_area_valid"),
            models.CheckConstraint(condition=models.Q(status__in=ActionStatus.values), name="action_status_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_label(self) -> str:
        name = self.owner.get_full_name() if self.owner else ""
        return " · ".join(part for part in (name, self.owner_team) if part) or "No owner"


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    written_on = models.DateField()
    what_was_done = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["written_on", "pk"]

    def __str__(self) -> str:
        return f"{self.written_on}: {self.what_was_done[:40]}"


class StatementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for approval"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


class Statement(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(StatementPeriod, on_delete=models.PROTECT, related_name="statements")
    version = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=12, choices=StatementStatus.choices, default=StatementStatus.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approval_body = models.CharField(max_length=200, blank=True, help_text="For example, Cabinet")
    approval_date = models.DateField(null=True, blank=True)
    published_url = models.URLField(blank=True)
    review_date = models.DateField(null=True, blank=True)
    frozen = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["period__starts_on", "version"]
        constraints = [
            models.UniqueConstraint(fields=["period", "version"], name="statement_version_unique"),
            models.CheckConstraint(
                condition=models.Q(status__in=StatementStatus.values), name="statement_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period.label} version {self.version}"


class StatementSection(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=40)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["statement", "key"], name="statement_section_unique")]

    def __str__(self) -> str:
        return self.key


class Signatory(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}"
