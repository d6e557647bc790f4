import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class TaskStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Finished"
    FAILED = "failed", "Failed"


class TaskRun(models.Model):
    """What a person sees of a background task: its progress and its outcome."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=120)
    task_result_id = models.CharField(max_length=64, blank=True)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=TaskStatus.choices, default=TaskStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    result_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=TaskStatus.values), name="taskrun_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.status})"

    @property
    def percent(self) -> int:
        if self.status == TaskStatus.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.done * 100 / self.total))

    @property
    def finished(self) -> bool:
        return self.status in {TaskStatus.SUCCEEDED, TaskStatus.FAILED}


class RecordShare(models.Model):
    """An explicit share of one record with another organisation (under a sharing agreement or a
    named reason). Selectors add shared records to what the receiving organisation can see."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_uuid = models.UUIDField()
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="shares_received")
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=300, help_text="Purpose of sharing")
    consent_recorded = models.BooleanField(
        default=False, help_text="The person consented; otherwise the reason names the lawful basis"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_uuid", "organisation"],
                condition=models.Q(revoked_at__isnull=True),
                name="recordshare_one_live_share_per_org",
            ),
        ]

    def __str__(self) -> str:
        return f"share of {self.object_uuid} with organisation {self.organisation_id}"
