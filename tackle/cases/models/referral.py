import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from tackle.cases.models.choices import ReferralCode, ReferralStatus


class Referral(models.Model):
    """One action the pathway called for on a case, tracked until done."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="referrals")
    code = models.CharField(max_length=40, choices=ReferralCode.choices)
    reason = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.TO_DO)
    due_by = models.DateTimeField(null=True, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_by", "created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(code__in=ReferralCode.values), name="referral_code_valid"),
            models.CheckConstraint(condition=Q(status__in=ReferralStatus.values), name="referral_status_valid"),
            models.CheckConstraint(
                condition=~Q(status=ReferralStatus.SENT) | Q(sent_at__isnull=False), name="referral_sent_has_time"
            ),
            models.UniqueConstraint(fields=["case", "code"], name="referral_one_per_code_per_case"),
        ]
        # The queue asks each open case for its next open referral's due time.
        indexes = [models.Index(fields=["case", "status", "due_by"], name="referral_case_status_due_idx")]

    def __str__(self) -> str:
        return f"{self.get_code_display()} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == ReferralStatus.TO_DO
