import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from tackle.core.access import SHARE_SCOPE_CHOICES, ShareScope


class TaskStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Finished")
    FAILED = "failed", _("Failed")


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
    # Renewed while a live worker runs it; a running run past its lease lost its worker.
    lease_expires_at = models.DateTimeField(null=True, blank=True)

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


class LawfulBasis(models.TextChoices):
    """UK GDPR Article 6(1): the lawful basis a share relies on."""

    CONSENT = "consent", _("Consent (Article 6(1)(a))")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation (Article 6(1)(c))")
    VITAL_INTERESTS = "vital_interests", _("Vital interests: to protect someone's life (Article 6(1)(d))")
    PUBLIC_TASK = "public_task", _("Public task, including safeguarding (Article 6(1)(e))")
    LEGITIMATE_INTERESTS = "legitimate_interests", _("Legitimate interests (Article 6(1)(f))")


class ShareConsent(models.TextChoices):
    GIVEN = "given", _("Given")
    NOT_GIVEN = "not_given", _("Not given")
    NOT_ASKED = "not_asked", _("Not asked")


class WorkerHeartbeat(models.Model):
    """When each task worker was last seen alive: the health check reads the newest."""

    worker_id = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"worker {self.worker_id} seen {self.seen_at:%Y-%m-%d %H:%M:%S}"


class RecordShare(models.Model):
    """An explicit share of one record with another organisation (under a sharing agreement or a
    named reason). Selectors add shared records to what the receiving organisation can see."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_uuid = models.UUIDField()
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="shares_received")
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=300, help_text=_("Purpose of sharing"))
    # How much of a case the partner sees; other records are shared whole and leave it empty.
    scope = models.CharField(max_length=12, blank=True, choices=SHARE_SCOPE_CHOICES)
    lawful_basis = models.CharField(max_length=24, blank=True, choices=LawfulBasis.choices)
    lawful_basis_detail = models.TextField(
        blank=True,
        help_text=_("The Article 9 condition for special category data, and the duty or agreement relied on"),
    )
    consent = models.CharField(max_length=12, choices=ShareConsent.choices, default=ShareConsent.NOT_ASKED)
    consent_note = models.TextField(blank=True, help_text=_("Why consent was not given or not asked"))
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
            models.CheckConstraint(
                condition=models.Q(scope="") | models.Q(scope__in=[s.value for s in ShareScope]),
                name="recordshare_scope_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"share of {self.object_uuid} with organisation {self.organisation_id}"
