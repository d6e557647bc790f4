from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class HomeOfficeForm(models.Model):
    """A case's answers to the Home Office referral form that Tackle does not already hold, by the
    question keys of rules/home_office_form.py, and the lead's redaction of a Duty to Notify's free
    text, kept apart from what was written so that the original is never overwritten."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="home_office_form")
    answers = models.JSONField(default=dict, blank=True)
    redacted_texts = models.JSONField(default=dict, blank=True, help_text=_("Question key to its redacted text"))
    # A fingerprint of the texts the lead reviewed: when any of them changes, they must be reviewed again.
    redacted_from = models.CharField(max_length=64, blank=True)
    redacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    redacted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, help_text=_("Optimistic lock: stale edits are refused"))

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(redacted_by__isnull=True, redacted_at__isnull=True, redacted_from="")
                | Q(redacted_by__isnull=False, redacted_at__isnull=False) & ~Q(redacted_from=""),
                name="home_office_form_redaction_says_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return f"Home Office form of case {self.case_id}"
