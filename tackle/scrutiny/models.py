"""Scrutiny: who leads on modern slavery, what the council spends, and yearly self-assessments."""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.scrutiny.themes import ANSWER_CHOICES, QUESTIONS


class LeadArrangement(models.Model):
    """A post or role the council has held on modern slavery over time: its lead or single point of
    contact, or another post whose work included it (a coordinator funded for three years). An FOI
    asks about posts long ended, so ended ones are kept with their dates, funding and notes."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lead_name = models.CharField(
        max_length=200, blank=True, help_text=_("Job title or name, when the lead has no account")
    )
    team = models.CharField(max_length=200, help_text=_("For example, community safety or adult social care"))
    covers_children = models.BooleanField(default=True)
    covers_adults = models.BooleanField(default=True)
    dedicated = models.BooleanField(help_text=_("Employed for this role, rather than on top of other duties"))
    since = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    is_lead = models.BooleanField(
        default=True,
        help_text=_("The council's specialist lead or single point of contact, not only a post touching on it"),
    )
    funding_source = models.CharField(max_length=200, blank=True, help_text=_("For example, the council's own budget"))
    amount_per_year = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    notes = models.TextField(blank=True, help_text=_("What the post did and did not do, as an FOI answer would say"))

    class Meta:
        ordering = ["-since", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("since")),
                name="lead_arrangement_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(amount_per_year__isnull=True) | models.Q(amount_per_year__gte=0),
                name="lead_arrangement_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.lead_label

    @property
    def lead_label(self) -> str:
        if self.lead_user_id:
            return self.lead_user.display_name  # type: ignore[union-attr]
        return self.lead_name or gettext("Not named")


class SpendCategory(models.TextChoices):
    POSTS = "posts", _("Posts (staff time on modern slavery)")
    TRAINING = "training", _("Training")
    COMMISSIONED_SUPPORT = "commissioned_support", _("Commissioned support for victims")
    EMERGENCY_ACCOMMODATION = "emergency_accommodation", _("Emergency accommodation")
    OTHER = "other", _("Other")


class Spend(models.Model):
    """Money spent on identifying and supporting victims in one financial year, by category."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    financial_year = models.CharField(max_length=7, help_text=_("For example, 2025-26"))
    category = models.CharField(max_length=30, choices=SpendCategory.choices)
    amount = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["financial_year", "category", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="spend_amount_not_negative"),
            models.CheckConstraint(condition=models.Q(category__in=SpendCategory.values), name="spend_category_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.financial_year} {self.get_category_display()}"


class Assessment(models.Model):
    """A yearly self-assessment against the councillor guide's themes."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="assessment_one_per_year"),
        ]

    def __str__(self) -> str:
        return f"Self-assessment {self.year}"


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=40, choices=[(key, question.text) for key, question in QUESTIONS.items()])
    answer = models.CharField(max_length=10, choices=ANSWER_CHOICES)
    evidence = models.TextField(blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="answer_one_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.answer}"
