import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tackle.cases.rules.explanations import RIGHT_TO_LEFT, ExplanationKind, language_tag

KIND_CHOICES = [(kind.value, kind.label) for kind in ExplanationKind]


class ExplanationLanguage(models.Model):
    """A language the organisation keeps explanation texts in (English and Welsh from the start;
    others added by the lead when the council's translation service has written them)."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="explanation_languages"
    )
    language = models.CharField(max_length=100, help_text=_("As the languages pick-list names it"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "language"], name="explanation_language_unique"),
        ]

    def __str__(self) -> str:
        return self.language

    @property
    def lang(self) -> str:
        return language_tag(self.language)

    @property
    def right_to_left(self) -> bool:
        return self.language in RIGHT_TO_LEFT


class ExplanationVersion(models.Model):
    """One version of one kind of explanation in one language. Never changed or deleted once saved:
    a consent record points to the version read to the person. The approved version approved last
    is the one offered; added_by empty: shipped with Tackle."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    language = models.ForeignKey(ExplanationLanguage, on_delete=models.PROTECT, related_name="versions")
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200, help_text=_("The heading, in the text's own language"))
    body = models.TextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    written_at = models.DateTimeField(auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["language__language", "kind", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["language", "kind", "number"], name="explanation_version_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=[kind.value for kind in ExplanationKind]), name="explanation_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label}, version {self.number} ({self.language.language})"

    @property
    def kind_label(self) -> Any:
        return ExplanationKind(self.kind).label


class ConsentExplanation(models.Model):
    """A version read to the person of a case when they were asked about the NRM. PROTECT: a
    version a consent record names cannot go."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(ExplanationVersion, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "version"], name="consent_explanation_unique")]

    def __str__(self) -> str:
        return f"{self.version} read for case {self.case_id}"
