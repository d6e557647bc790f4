from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ServicePageKind(models.TextChoices):
    """The service's own pages, linked from every page's footer. The value is the page's address."""

    ACCESSIBILITY = "accessibility-statement", _("Accessibility statement")
    PRIVACY = "privacy", _("Privacy notice")
    COOKIES = "cookies", _("Cookies")
    CONTACT = "contact", _("Contact")


class ServicePage(models.Model):
    """An organisation's own text for one of the service's pages. Without a row, the default text
    (tackle/home/service_pages.py) is shown. Plain text: paragraphs split by blank lines, a line
    starting "## " a heading; never HTML."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40, choices=ServicePageKind.choices)
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind"], name="service_page_one_per_kind"),
            models.CheckConstraint(condition=models.Q(kind__in=ServicePageKind.values), name="service_page_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.organisation_id})"
