import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tackle.cases.models.choices import (
    AgeAssessmentOutcome,
    AgeGroup,
    CaseStatus,
    ConcernAbout,
    ExploitationLocation,
    Gender,
    InterpreterMode,
    Stage,
)
from tackle.cases.rules.anonymity import must_be_anonymous


class Case(models.Model):
    """One potential victim's case, from the first concern to closure."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=20, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="cases")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cases_recorded")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, help_text=_("Optimistic lock: stale edits are refused"))

    # The encounter
    encountered_at = models.DateTimeField()
    what_was_seen = models.TextField()
    location = models.CharField(max_length=300, help_text=_("Address or premises where the person was seen"))
    concern_about = models.CharField(max_length=10, choices=ConcernAbout.choices, default=ConcernAbout.PERSON)
    supplier_name = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The supplier or contractor the concern is about, as procurement knows it"),
    )
    # The people met together: one encounter, a case each (empty for cases recorded one by one).
    encounter = models.ForeignKey(
        "cases.Encounter", on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )

    # The person (identifying fields first; see IDENTIFYING_FIELDS)
    person_name = models.CharField(max_length=200, blank=True)
    person_date_of_birth = models.DateField(null=True, blank=True)
    person_contact = models.CharField(max_length=200, blank=True)
    person_address = models.CharField(max_length=300, blank=True)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    appears_under_18 = models.BooleanField(null=True, blank=True)
    age_disputed = models.BooleanField(default=False)
    age_at_exploitation = models.PositiveSmallIntegerField(null=True, blank=True)
    gender = models.CharField(max_length=10, choices=Gender.choices, default=Gender.UNKNOWN)
    nationality = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=100, blank=True)
    interpreter_needed = models.BooleanField(null=True, blank=True)
    current_town = models.CharField(max_length=100, blank=True, help_text=_("The town or city they are in now"))
    current_county = models.CharField(max_length=100, blank=True, help_text=_("The county or region they are in now"))

    # The age assessment, when one was done; its assessed age becomes the age the pathway reads.
    age_assessed_on = models.DateField(null=True, blank=True)
    age_assessed_by = models.CharField(max_length=200, blank=True)
    age_assessment_outcome = models.CharField(max_length=15, choices=AgeAssessmentOutcome.choices, blank=True)
    assessed_age = models.PositiveSmallIntegerField(null=True, blank=True)

    # What was seen
    indicators = models.JSONField(default=list, blank=True)
    indicators_other = models.TextField(blank=True)
    exploitation_types = models.JSONField(default=list, blank=True)
    exploitation_location = models.CharField(
        max_length=20, choices=ExploitationLocation.choices, default=ExploitationLocation.UNKNOWN
    )
    exploitation_places = models.CharField(max_length=300, blank=True, help_text=_("Towns, cities or countries"))
    county_lines = models.BooleanField(default=False)
    child_criminal_exploitation = models.BooleanField(default=False)
    child_sexual_exploitation = models.BooleanField(default=False)
    separated_child = models.BooleanField(default=False, help_text=_("A separated or unaccompanied child"))
    care_leaver = models.BooleanField(default=False)
    immediate_danger = models.BooleanField(default=False)
    destitute = models.BooleanField(default=False)
    care_and_support_needs = models.BooleanField(default=False)

    # Consent and the pathway's view of the person
    consent_to_nrm = models.BooleanField(null=True, blank=True, help_text=_("Empty: not asked yet"))
    consent_to_share = models.BooleanField(default=False, help_text=_("Consents to identifying details being shared"))
    refusal_reason = models.TextField(blank=True, help_text=_("Why an adult declined the NRM (Duty to Notify)"))
    # How consent was informed: the language it was explained in, the interpreter, the leaflet given.
    consent_language = models.CharField(max_length=100, blank=True)
    consent_interpreter = models.CharField(max_length=10, choices=InterpreterMode.choices, blank=True)
    consent_interpreter_agency = models.CharField(max_length=200, blank=True)
    consent_leaflet = models.CharField(max_length=200, blank=True, help_text=_("The leaflet given, in which language"))
    consent_withdrawn_on = models.DateField(null=True, blank=True)
    # The organisation's explanation texts read to the person before they decided (issue 21, item 4),
    # each a version kept for good, and whether an interpreter read them out.
    consent_explanations = models.ManyToManyField(
        "cases.ExplanationVersion", blank=True, related_name="consents", through="cases.ConsentExplanation"
    )
    consent_explanation_read_by_interpreter = models.BooleanField(default=False)
    treated_as_child = models.BooleanField(default=False)
    age_group = models.CharField(max_length=10, choices=AgeGroup.choices, default=AgeGroup.UNKNOWN)

    # Workflow
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.CONCERN, db_index=True)
    status = models.CharField(max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    triaged_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closure_reason = models.TextField(blank=True)
    # The worker who has the case now; its allocations, with handover notes, are CaseAllocation rows.
    allocated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="cases_allocated"
    )

    class Meta:
        ordering = ["-encountered_at"]
        indexes = [
            models.Index(fields=["organisation", "status", "stage"], name="case_org_status_stage_idx"),
            models.Index(fields=["organisation", "encountered_at"], name="case_org_encountered_idx"),
            models.Index(fields=["organisation", "recorded_by"], name="case_org_recorded_by_idx"),
            models.Index(fields=["organisation", "allocated_to", "status"], name="case_org_allocated_idx"),
            models.Index(fields=["organisation", "person_date_of_birth"], name="case_org_birth_date_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(stage__in=Stage.values), name="case_stage_valid"),
            models.CheckConstraint(condition=Q(status__in=CaseStatus.values), name="case_status_valid"),
            models.CheckConstraint(
                condition=Q(status=CaseStatus.OPEN, closed_at__isnull=True)
                | Q(status=CaseStatus.CLOSED, closed_at__isnull=False),
                name="case_closed_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(stage=Stage.DUTY_TO_NOTIFY, treated_as_child=True),
                name="case_no_duty_to_notify_for_children",
            ),
            # rules.anonymity.must_be_anonymous, in the database: nothing identifying on an
            # anonymous Duty to Notify (the four IDENTIFYING_FIELDS).
            models.CheckConstraint(
                condition=(
                    Q(consent_to_share=True)
                    | (~Q(stage=Stage.DUTY_TO_NOTIFY) & ~Q(consent_to_nrm=False, treated_as_child=False))
                    | (Q(person_name="", person_contact="", person_address="") & Q(person_date_of_birth__isnull=True))
                ),
                name="case_duty_to_notify_is_anonymous",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_anonymous(self) -> bool:
        """A Duty to Notify without consent to share: nothing identifying may be shown or exported."""
        return must_be_anonymous(
            stage=self.stage,
            consent_to_nrm=self.consent_to_nrm,
            treated_as_child=self.treated_as_child,
            consent_to_share=self.consent_to_share,
        )

    @property
    def display_name(self) -> str:
        if self.is_anonymous:
            return "Anonymous (Duty to Notify)"
        return self.person_name or "Name not known"
