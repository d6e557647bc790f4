"""What the council released: each publication of figures kept as its readers saw it, so that the
next release of the same table can be protected against it (tackle.core.disclosure, `previous`)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReleaseKind(models.TextChoices):
    FIGURES = "figures", _("Figures page")
    HOME_OFFICE = "home_office", _("Home Office tables")
    FOI = "foi", _("FOI answer")


class Release(models.Model):
    """One release: every cell of its tables as shown, [table, row, column, shown], where `column`
    names a period ("Q1 2025-26", "2025"), or a total or phase with its span. The same table and
    period in a later release is the same quantity, whatever else that release covered."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=ReleaseKind.choices)
    audience = models.CharField(max_length=20)  # tackle.core.disclosure.Audience
    period_label = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_before = models.DateField()
    cells = models.JSONField(default=list)
    released_at = models.DateTimeField(default=timezone.now)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-released_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "audience", "released_at"], name="release_by_audience")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_before__gt=models.F("starts_on")), name="release_period_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label} ({self.audience})"

    @property
    def withheld_count(self) -> int:
        # A cell is [table, row, column key, shown, starts, ends before]; a withheld count is shown as text.
        return sum(1 for cell in self.cells if isinstance(cell[3], str))
