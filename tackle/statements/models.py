"""The council's own action plan (periods, actions, progress) and its transparency statement."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.statements.charter import charter_worded
from tackle.statements.evidence_wording import worded


class StatementPeriod(models.Model):
    """A year of the action plan. Pages name it by its uuid, never its label: a label is what the
    council writes ("2026/27"), and a slash or a space in it must break no address."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    label = models.CharField(max_length=20, help_text=_("For example, 2025-26"))
    starts_on = models.DateField()
    ends_on = models.DateField()
    closed = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "label"], name="statement_period_label_unique"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="period_ends_after",
                violation_error_message="The end date must be after the start date",
            ),
        ]

    def __str__(self) -> str:
        return self.label


class Area(models.TextChoices):
    DEFINING_RISKS = "defining_risks", _("Defining and outlining risks")
    PREVENTION = "prevention", _("Prevention")
    DETECTION = "detection", _("Detection")
    RESPONSE = "response", _("Response")
    EVALUATION = "evaluation", _("Evaluation")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CARRIED_OVER = "carried_over", _("Carried over")
    DROPPED = "dropped", _("Dropped")


OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class Action(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(StatementPeriod, on_delete=models.PROTECT, related_name="actions")
    area = models.CharField(max_length=20, choices=Area.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_team = models.CharField(max_length=120, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="carried_to")

    class Meta:
        ordering = ["due_on", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(area__in=Area.values), name="action_area_valid"),
            models.CheckConstraint(condition=models.Q(status__in=ActionStatus.values), name="action_status_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owner_label(self) -> str:
        name = self.owner.get_full_name() if self.owner else ""
        return " · ".join(part for part in (name, self.owner_team) if part) or gettext("No owner")


class ActionUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    written_on = models.DateField()
    what_was_done = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["written_on", "pk"]

    def __str__(self) -> str:
        return f"{self.written_on}: {self.what_was_done[:40]}"


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


class DecisionMaker(models.TextChoices):
    """Who approved the statement, as a council's constitution names it."""

    CABINET = "cabinet", _("Cabinet")
    FULL_COUNCIL = "full_council", _("Full Council")
    DELEGATED = "delegated", _("Delegated decision")


class StatementLanguages(models.TextChoices):
    """The language or languages the council publishes its statement in (issue 21): a Welsh council
    publishes in both under the Welsh Language Standards, Welsh on the left."""

    ENGLISH = "en", _("English")
    WELSH = "cy", _("Welsh")
    BOTH = "both", _("Welsh and English, side by side")


class Statement(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(StatementPeriod, on_delete=models.PROTECT, related_name="statements")
    version = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=12, choices=StatementStatus.choices, default=StatementStatus.DRAFT)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)  # approved_by and approved_at: who recorded it, when
    decision_maker = models.CharField(max_length=20, choices=DecisionMaker.choices, blank=True)
    delegated_to = models.CharField(max_length=200, blank=True, help_text=_("The officer or portfolio holder"))
    approval_date = models.DateField(null=True, blank=True)  # the date of the decision
    minute_reference = models.CharField(max_length=100, blank=True)
    published_url = models.URLField(blank=True)
    review_date = models.DateField(null=True, blank=True)
    frozen = models.BooleanField(default=False)
    languages = models.CharField(max_length=4, choices=StatementLanguages.choices, default=StatementLanguages.ENGLISH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["period__starts_on", "version"]
        constraints = [
            models.UniqueConstraint(fields=["period", "version"], name="statement_version_unique"),
            models.CheckConstraint(
                condition=models.Q(status__in=StatementStatus.values), name="statement_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(languages__in=StatementLanguages.values), name="statement_languages_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(decision_maker__in=["", *DecisionMaker.values]),
                name="statement_decision_maker_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(decision_maker=DecisionMaker.DELEGATED) | ~models.Q(delegated_to=""),
                name="statement_delegated_decision_names_who",
                violation_error_message="Enter the officer or portfolio holder who made the delegated decision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period.label} version {self.version}"

    @property
    def approval_body(self) -> str:
        """Who approved it, in words: "Cabinet", or the officer named for a delegated decision."""
        if self.decision_maker == DecisionMaker.DELEGATED:
            return gettext("%(officer)s (delegated decision)") % {"officer": self.delegated_to}
        return str(DecisionMaker(self.decision_maker).label) if self.decision_maker else ""


class StatementSection(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=40)
    text = models.TextField(blank=True)
    # The council's own Welsh version, for a statement in Welsh or in both languages; never filled in
    # from the English (a missing one is shown as missing).
    text_cy = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["statement", "key"], name="statement_section_unique")]

    def __str__(self) -> str:
        return self.key


class Signatory(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=120)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}"


# Commitments (issue 6, section 4) ------------------------------------------------------------


class CommitmentStatus(models.TextChoices):
    """Worked out from the record, never typed in: see selectors/commitments.py, commitment_status."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    MET = "met", _("Met")


class Commitment(models.Model):
    """A promise the organisation adopted, from a charter or a council motion."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=200, help_text=_("For example, a charter or a council motion"))
    # Set for commitments created from a known charter, so adopting it twice adds nothing.
    charter_key = models.CharField(max_length=60, blank=True, editable=False)
    title = models.CharField(max_length=200)
    meaning = models.TextField(blank=True, help_text=_("What it means for us, in our own words"))
    adopted_on = models.DateField(null=True, blank=True)
    adopted_by = models.CharField(max_length=120, blank=True, help_text=_("For example, Full Council"))
    actions = models.ManyToManyField(Action, blank=True, related_name="commitments")
    # The lead's judgement that the commitment is met; it counts only while evidence is recorded.
    met_on = models.DateField(null=True, blank=True)
    met_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    met_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "charter_key"],
                condition=~models.Q(charter_key=""),
                name="commitment_charter_key_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(met_on__isnull=True, met_by__isnull=True)
                | models.Q(met_on__isnull=False, met_by__isnull=False),
                name="commitment_met_has_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    # The charter's own words read in the reader's language (issue 21); the council's read as written.
    @property
    def shown_title(self) -> str:
        return charter_worded(self.title)

    @property
    def shown_meaning(self) -> str:
        return charter_worded(self.meaning)

    @property
    def shown_source(self) -> str:
        return charter_worded(self.source)


class CommitmentEvidence(models.Model):
    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="evidence")
    text = models.TextField()
    url = models.URLField(blank=True, max_length=500)
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # A proposal of Tackle's (issue 21): its wording and values, so it reads in the reader's language.
    # Empty for what the lead wrote and for proposals recorded before: those show `text` as stored.
    wording = models.CharField(max_length=60, blank=True, db_default="")
    wording_values = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["recorded_on", "pk"]

    def __str__(self) -> str:
        return f"{self.recorded_on}: {self.text[:40]}"

    @property
    def shown_text(self) -> str:
        """The text in the reader's language where Tackle worded it, else as it was recorded."""
        return worded(self.wording, self.wording_values) or self.text
