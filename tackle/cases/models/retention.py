"""Retention: the organisation's periods, the decisions people took on records past them, and legal
holds. Why and how: tackle/cases/rules/retention.py and docs/retention.md."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tackle.cases.rules.retention import MAX_MONTHS


class RetentionPeriod(models.Model):
    """How many months after closure the organisation keeps one kind of record (a default otherwise)."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    # A case's RecordType or a kind another app registers (cases/retention_records.py): the service checks.
    record_type = models.CharField(max_length=30)
    months = models.PositiveSmallIntegerField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "record_type"], name="retention_period_one_per_type"),
            models.CheckConstraint(
                condition=Q(months__gte=1, months__lte=MAX_MONTHS), name="retention_period_months_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record_type}: {self.months} months"


class RetentionOutcome(models.TextChoices):
    EXTENDED = "extended", _("Kept longer")
    ANONYMISED = "anonymised", _("Anonymised")
    ERASED = "erased", _("Erased")


class RetentionDecision(models.Model):
    """What a person decided about a record past its retention date. An erased case leaves its
    reference here (not personal) and the case link empty."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="retention_decisions"
    )
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    case_reference = models.CharField(max_length=20)  # or another kind of record's reference
    record_type = models.CharField(max_length=30)
    record_key = models.CharField(max_length=36, blank=True)  # another kind's record: its uuid
    outcome = models.CharField(max_length=12, choices=RetentionOutcome.choices)
    keep_until = models.DateField(null=True, blank=True)
    reason = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="retention_decision_has_reason"),
            models.CheckConstraint(
                condition=Q(outcome__in=RetentionOutcome.values), name="retention_decision_outcome_valid"
            ),
            models.CheckConstraint(
                condition=Q(outcome=RetentionOutcome.EXTENDED, keep_until__isnull=False)
                | (~Q(outcome=RetentionOutcome.EXTENDED) & Q(keep_until__isnull=True)),
                name="retention_decision_extension_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_reference} {self.record_type}: {self.outcome}"


class LegalHold(models.Model):
    """A case kept whatever its retention date (litigation, an inquiry, a police investigation):
    while live it is never due, erased or anonymised. Lifting it is recorded, never deleted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="legal_holds")
    reason = models.TextField()
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(auto_now_add=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-placed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(lifted_at__isnull=True), name="legal_hold_one_live_per_case"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="legal_hold_has_reason"),
            models.CheckConstraint(
                condition=Q(lifted_at__isnull=True, lifted_by__isnull=True, lift_reason="")
                | (Q(lifted_at__isnull=False, lifted_by__isnull=False) & ~Q(lift_reason="")),
                name="legal_hold_lifted_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Legal hold on {self.case}"

    @property
    def is_live(self) -> bool:
        return self.lifted_at is None


class RecordLegalHold(models.Model):
    """A legal hold on a record of another kind (cases/retention_records.py): as LegalHold, by kind
    and key, so a kind another app registers is held here without cases knowing its model."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    record_type = models.CharField(max_length=30)
    record_key = models.CharField(max_length=36)
    reference = models.CharField(max_length=20)
    reason = models.TextField()
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(auto_now_add=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-placed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "record_type", "record_key"],
                condition=Q(lifted_at__isnull=True),
                name="record_legal_hold_one_live",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="record_legal_hold_has_reason"),
            models.CheckConstraint(
                condition=Q(lifted_at__isnull=True, lifted_by__isnull=True, lift_reason="")
                | (Q(lifted_at__isnull=False, lifted_by__isnull=False) & ~Q(lift_reason="")),
                name="record_legal_hold_lifted_with_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Legal hold on {self.record_type} {self.reference}"

    @property
    def is_live(self) -> bool:
        return self.lifted_at is None
