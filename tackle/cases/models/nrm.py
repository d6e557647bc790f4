import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NrmEventKind(models.TextChoices):
    REFERRAL_SENT = "referral_sent", _("NRM referral sent")
    DUTY_TO_NOTIFY_SENT = "duty_to_notify_sent", _("Duty to Notify sent")
    RG_DECISION = "rg_decision", _("Reasonable grounds decision")
    CG_DECISION = "cg_decision", _("Conclusive grounds decision")
    RECONSIDERATION_REQUESTED = "reconsideration_requested", _("Reconsideration requested")
    RECONSIDERATION_OUTCOME = "reconsideration_outcome", _("Reconsideration outcome")
    DISQUALIFIED = "disqualified", _("Disqualified (public order or bad faith)")
    WITHDRAWN = "withdrawn", _("Withdrawn from the NRM")


class NrmOutcome(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEGATIVE = "negative", _("Negative")
    TRAFFICKING = "trafficking", _("Victim of human trafficking")
    SLAVERY = "slavery", _("Victim of slavery, servitude or forced or compulsory labour")


RG_OUTCOMES = (NrmOutcome.POSITIVE, NrmOutcome.NEGATIVE)
CG_OUTCOMES = (NrmOutcome.TRAFFICKING, NrmOutcome.SLAVERY, NrmOutcome.NEGATIVE)


class NrmEvent(models.Model):
    """One dated step in a case's NRM journey. Events are never edited; a correction is a new event."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="nrm_events")
    kind = models.CharField(max_length=30, choices=NrmEventKind.choices)
    occurred_on = models.DateField()
    outcome = models.CharField(max_length=12, choices=NrmOutcome.choices, blank=True)
    rg_test = models.CharField(max_length=60, blank=True, help_text=_("The reasonable grounds test in force that day"))
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_on", "recorded_at"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=NrmEventKind.values), name="nrm_event_kind_valid"),
            models.CheckConstraint(
                condition=~Q(kind=NrmEventKind.RG_DECISION) | Q(outcome__in=RG_OUTCOMES), name="nrm_rg_outcome_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=NrmEventKind.CG_DECISION) | Q(outcome__in=CG_OUTCOMES), name="nrm_cg_outcome_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on}"
