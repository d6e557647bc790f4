from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_DEADLINE_HOURS = 48


class PathwaySettings(models.Model):
    """Each organisation's pathway settings. A new organisation gets the defaults."""

    organisation = models.OneToOneField(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="pathway_settings"
    )
    ictg_available = models.BooleanField(
        default=True, help_text=_("The Independent Child Trafficking Guardian service covers this area")
    )
    nrm_deadline_hours = models.PositiveSmallIntegerField(default=DEFAULT_DEADLINE_HOURS)
    duty_to_notify_deadline_hours = models.PositiveSmallIntegerField(default=DEFAULT_DEADLINE_HOURS)
    # {action code: {"contact": "...", "link": "https://..."}}: what each action shows the officer.
    action_contacts = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "pathway settings"
        constraints = [
            models.CheckConstraint(condition=models.Q(nrm_deadline_hours__gte=1), name="pathway_nrm_deadline_positive"),
            models.CheckConstraint(
                condition=models.Q(duty_to_notify_deadline_hours__gte=1), name="pathway_dtn_deadline_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"Pathway settings for organisation {self.organisation_id}"
