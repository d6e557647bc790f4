"""Disruption: premises and businesses, intelligence, information-sharing agreements, joint
operations with their outcomes, and the actions and briefings of the multi-agency meeting.

Every record belongs to one organisation (the one that recorded it). Who else sees it is decided
in selectors.py from sharing agreements and explicit shares (see docs/disrupt.md).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.accounts.models import Organisation
from tackle.disrupt.choices import (
    AgencyAttendance,
    FlagKind,
    HandlingCode,
    IntelligenceAssessment,
    LegalBasis,
    OperationKind,
    PremisesType,
    SourceEvaluation,
)


class Premises(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="premises")
    name = models.CharField(_("Trading name"), max_length=200, blank=True)
    address = models.CharField(max_length=300)
    postcode = models.CharField(max_length=8, help_text=_("A UK postcode, for example B66 1AA"))
    uprn = models.CharField(
        _("UPRN (optional)"), max_length=12, blank=True, help_text=_("Unique Property Reference Number")
    )
    premises_type = models.CharField(_("Type of premises"), max_length=20, choices=PremisesType.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["postcode", "address"]
        verbose_name_plural = _("premises")
        constraints = [
            models.CheckConstraint(condition=Q(premises_type__in=PremisesType.values), name="premises_type_valid"),
        ]

    def __str__(self) -> str:
        place = f"{self.address}, {self.postcode}"
        return f"{self.name}, {place}" if self.name else place


class Business(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="businesses")
    name = models.CharField(max_length=200)
    company_number = models.CharField(max_length=8, blank=True, help_text=_("Companies House number, if registered"))
    operator = models.CharField(max_length=200, blank=True, help_text=_("Who runs it day to day, as known"))
    premises = models.ManyToManyField(Premises, related_name="businesses", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("businesses")

    def __str__(self) -> str:
        return f"{self.name} ({self.company_number})" if self.company_number else self.name


class AddressFlag(models.Model):
    """A warning on an address, shown only to the roles that plan visits (see access.py)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    premises = models.ForeignKey(Premises, on_delete=models.PROTECT, related_name="flags")
    kind = models.CharField(max_length=30, choices=FlagKind.choices)
    note = models.CharField(max_length=500, blank=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(auto_now_add=True)
    cleared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [models.CheckConstraint(condition=Q(kind__in=FlagKind.values), name="addressflag_kind_valid")]

    def __str__(self) -> str:
        return self.get_kind_display()


class Intelligence(models.Model):
    """One piece of intelligence, graded in the 3x5x2 model."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="intelligence")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    received_on = models.DateField(_("Date received"))
    what = models.TextField(_("What is reported"))
    where = models.CharField(_("Where"), max_length=300, blank=True)
    premises = models.ManyToManyField(Premises, related_name="intelligence", blank=True)
    businesses = models.ManyToManyField(Business, related_name="intelligence", blank=True)
    people = models.TextField(_("People"), blank=True, help_text=_("Names or descriptions, one a line"))
    vehicles = models.TextField(_("Vehicles"), blank=True, help_text=_("Registrations or descriptions, one a line"))
    exploitation_types = models.JSONField(default=list, blank=True)
    source_evaluation = models.CharField(max_length=1, choices=SourceEvaluation.choices)
    intelligence_assessment = models.CharField(max_length=1, choices=IntelligenceAssessment.choices)
    handling_code = models.CharField(max_length=1, choices=HandlingCode.choices)
    handling_conditions = models.CharField(max_length=500, blank=True)
    sanitised_summary = models.TextField(
        blank=True, help_text=_("For wider sharing: no names, vehicles, source or anything that identifies them")
    )

    class Meta:
        ordering = ["-received_on", "-recorded_at"]
        verbose_name_plural = _("intelligence")
        constraints = [
            models.CheckConstraint(
                condition=Q(source_evaluation__in=SourceEvaluation.values), name="intelligence_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(intelligence_assessment__in=IntelligenceAssessment.values),
                name="intelligence_assessment_valid",
            ),
            models.CheckConstraint(
                condition=Q(handling_code__in=HandlingCode.values), name="intelligence_handling_valid"
            ),
            models.CheckConstraint(
                condition=~Q(handling_code=HandlingCode.CONDITIONS) | ~Q(handling_conditions=""),
                name="intelligence_conditions_stated",
                violation_error_message=_("Enter the conditions for handling code C"),
            ),
        ]

    def __str__(self) -> str:
        # Shown on pages (operations, premises): in the reader's language, the date too.
        return gettext("Intelligence %(reference)s, %(grade)s, received %(day)s") % {
            "reference": self.reference,
            "grade": self.grade,
            "day": date_format(self.received_on, "j F Y"),
        }

    @property
    def reference(self) -> str:
        """What officers quote to tell one record from another graded the same on the same day (the
        uuid's start, as case references are made): it names no one, so it may go anywhere."""
        return f"INT-{self.uuid.hex[:8].upper()}"

    @property
    def short_summary(self) -> str:
        """A few words to recognise it by: the sanitised summary, written for wider sharing, or else
        where it was reported (never what was reported, which may name people)."""
        words = (self.sanitised_summary or self.where or gettext("Place not stated")).split()
        return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")

    @property
    def grade(self) -> str:
        """How officers quote it, for example "1B P"."""
        return f"{self.source_evaluation}{self.intelligence_assessment} {self.handling_code}"


class SharingAgreement(models.Model):
    """An information-sharing agreement between two organisations. `organisation` proposed it; it
    shares nothing until `partner` accepts. Either party sees the other's records in the agreed
    categories while it is in force: accepted, from start to expiry, not revoked. Either party may
    decline a proposal or revoke an agreement."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="sharing_agreements")
    partner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="sharing_agreements_as_partner")
    title = models.CharField(max_length=200)
    purpose = models.TextField()
    legal_basis = models.CharField(max_length=30, choices=LegalBasis.choices)
    categories = models.JSONField(default=list)
    starts_on = models.DateField()
    expires_on = models.DateField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(declined_at__isnull=True),
                name="agreement_accepted_or_declined_not_both",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gte=F("starts_on")),
                name="agreement_expires_after_start",
                violation_error_message=_("The expiry date must be on or after the start date"),
            ),
            models.CheckConstraint(condition=~Q(partner=F("organisation")), name="agreement_between_two_parties"),
            models.CheckConstraint(condition=Q(legal_basis__in=LegalBasis.values), name="agreement_legal_basis_valid"),
        ]

    def __str__(self) -> str:
        return self.title


class Operation(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="operations")
    name = models.CharField(_("Operation name"), max_length=120)
    kind = models.CharField(_("Planned or dynamic"), max_length=10, choices=OperationKind.choices)
    objective = models.TextField()
    premises = models.ManyToManyField(Premises, related_name="operations", blank=True)
    operation_date = models.DateField(_("Date of the operation"))
    lead_agency = models.CharField(max_length=200)
    tactical_plan = models.TextField(blank=True)
    risk_assessment = models.TextField(blank=True)
    intelligence = models.ManyToManyField(Intelligence, related_name="operations", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-operation_date", "name"]
        constraints = [models.CheckConstraint(condition=Q(kind__in=OperationKind.values), name="operation_kind_valid")]

    def __str__(self) -> str:
        return f"{self.name} ({date_format(self.operation_date, 'd F Y')})"


class OperationAgency(models.Model):
    """An agency taking part, present or on call, and how many interventions it made."""

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(_("Agency"), max_length=200)
    attendance = models.CharField(max_length=10, choices=AgencyAttendance.choices)
    interventions = models.PositiveIntegerField(
        default=0, help_text=_("Visits, notices, checks or other actions taken")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text=_("If it uses Tackle"),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["operation", "name"], name="operation_agency_once"),
            models.CheckConstraint(
                condition=Q(attendance__in=AgencyAttendance.values), name="operation_agency_attendance_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ReceptionCentrePlan(models.Model):
    operation = models.OneToOneField(Operation, on_delete=models.CASCADE, related_name="reception_centre")
    venue = models.CharField(max_length=300)
    capacity = models.PositiveIntegerField(help_text=_("How many people it can receive"))
    nights = models.PositiveIntegerField(default=0, help_text=_("Nights it stays open; 0 for the day only"))
    facilities = models.TextField(blank=True, help_text=_("Food, showers, interpreters, medical, phones"))
    partners = models.TextField(blank=True, help_text=_("Who staffs it"))

    def __str__(self) -> str:
        return self.venue


class OperationOutcome(models.Model):
    """What the operation found and did: recorded once, corrected if needed (see services)."""

    operation = models.OneToOneField(Operation, on_delete=models.CASCADE, related_name="outcome")
    people_encountered = models.PositiveIntegerField()
    victims_adult = models.PositiveIntegerField(_("Potential victims: adults"), default=0)
    victims_child = models.PositiveIntegerField(_("Potential victims: children"), default=0)
    nrm_referrals = models.PositiveIntegerField(_("NRM referrals"), default=0)
    duty_to_notify = models.PositiveIntegerField(_("Duty to Notify reports"), default=0)
    safeguarding_referrals = models.PositiveIntegerField(default=0)
    arrests_modern_slavery = models.PositiveIntegerField(_("Arrests: modern slavery offences"), default=0)
    arrests_immigration = models.PositiveIntegerField(_("Arrests: immigration offences"), default=0)
    arrests_other = models.PositiveIntegerField(_("Arrests: other offences"), default=0)
    premises_closed = models.PositiveIntegerField(_("Premises closed or prohibited"), default=0)
    exploitation_types = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(people_encountered__gte=F("victims_adult") + F("victims_child")),
                name="outcome_victims_within_encountered",
                violation_error_message=_("Potential victims cannot be more than the people encountered"),
            ),
        ]

    def __str__(self) -> str:
        return f"Outcome of {self.operation}"

    @property
    def victims(self) -> int:
        return self.victims_adult + self.victims_child

    @property
    def arrests(self) -> int:
        return self.arrests_modern_slavery + self.arrests_immigration + self.arrests_other


class OperationCase(models.Model):
    """A case in identify and refer opened for a potential victim the operation found: the link
    back from the case to the operation lives here, so the cases module needs no field for it."""

    operation = models.ForeignKey(Operation, on_delete=models.PROTECT, related_name="case_links")
    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="operation_link")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.case} from {self.operation}"


class Action(models.Model):
    """An action agreed at the multi-agency meeting, tracked until it is closed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="disruption_actions")
    title = models.CharField(_("Action"), max_length=300)
    owner = models.CharField(max_length=200, help_text=_("The person and agency who will do it"))
    due_on = models.DateField(_("Due date"))
    operation = models.ForeignKey(
        Operation, on_delete=models.PROTECT, related_name="actions", null=True, blank=True, help_text=_("Optional")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    closing_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["due_on", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Briefing(models.Model):
    """When the daily multi-agency meeting was held: the next pack starts from here."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="briefings")
    held_at = models.DateTimeField()
    covers_from = models.DateTimeField()
    held_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_at"]

    def __str__(self) -> str:
        return f"Briefing {self.held_at:%d %B %Y %H:%M}"
