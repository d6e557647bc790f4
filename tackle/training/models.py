"""Training (courses, requirements, completions, sessions), awareness campaigns and partnerships.

Teams live here: a user belongs to one organisation and has one role; a team is a named group of
users in that organisation with a manager, used to set requirements and show a manager's dashboard.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tackle.accounts.models import Organisation
from tackle.core.roles import Role


class Team(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("Name"), max_length=200)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Manager"),
        on_delete=models.PROTECT,
        related_name="managed_teams",
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="team_name_unique")]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_memberships")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="team_membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


class CourseFormat(models.TextChoices):
    E_LEARNING = "e_learning", _("E-learning")
    CLASSROOM = "classroom", _("Classroom")
    WEBINAR = "webinar", _("Live online")
    OTHER = "other", _("Other")


class CourseTopic(models.TextChoices):
    """What a course covers, so an FOI question such as "training on housing rights" can be answered."""

    FIRST_RESPONDER = "first_responder", _("Spotting victims and referring them to the NRM (first responders)")
    HOUSING_RIGHTS = "housing_rights", _("Survivors' rights to housing and accommodation")
    DUTY_TO_NOTIFY = "duty_to_notify", _("The Duty to Notify the Home Office")
    SAFEGUARDING = "safeguarding", _("Safeguarding children and adults")
    SUPPLY_CHAINS = "supply_chains", _("Modern slavery in supply chains and procurement")
    AWARENESS = "awareness", _("General awareness of modern slavery")


class Course(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="courses")
    code = models.CharField(
        _("Code"), max_length=30, help_text=_("A short code a learning system uses, for example MS-101")
    )
    title = models.CharField(_("Title"), max_length=200)
    provider = models.CharField(_("Provider"), max_length=200, blank=True)
    format = models.CharField(_("Format"), max_length=20, choices=CourseFormat.choices, default=CourseFormat.E_LEARNING)
    length_minutes = models.PositiveIntegerField(_("Length in minutes"), null=True, blank=True)
    validity_months = models.PositiveIntegerField(
        _("Valid for (months)"), null=True, blank=True, help_text=_("Leave empty if a completion never expires")
    )
    topics = models.JSONField(default=list, blank=True, help_text=_("CourseTopic values the course covers"))

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="course_code_unique"),
            models.UniqueConstraint(fields=["organisation", "title"], name="course_title_unique"),
            models.CheckConstraint(
                condition=models.Q(validity_months__isnull=True) | models.Q(validity_months__gt=0),
                name="course_validity_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def topic_labels(self) -> list[str]:
        return [str(CourseTopic(topic).label) for topic in self.topics if topic in CourseTopic.values]


class Requirement(models.Model):
    """Who must do a course and how often. Role and team both set: a user must match both."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="training_requirements")
    course = models.ForeignKey(Course, verbose_name=_("Course"), on_delete=models.PROTECT, related_name="requirements")
    role = models.CharField(
        _("Role"), max_length=40, choices=Role.choices, blank=True, help_text=_("Leave empty for any role")
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("Team"),
        on_delete=models.PROTECT,
        related_name="requirements",
        null=True,
        blank=True,
        help_text=_("Optional"),
    )
    every_months = models.PositiveIntegerField(_("Every (months)"), default=12)

    class Meta:
        ordering = ["course__title", "role"]
        constraints = [
            models.CheckConstraint(condition=models.Q(every_months__gt=0), name="requirement_every_positive"),
            models.CheckConstraint(condition=models.Q(role__in=[*Role.values, ""]), name="requirement_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.course} for {self.applies_to_label()}"

    def applies_to_label(self) -> str:
        role = str(Role(self.role).label) if self.role else ""
        team = self.team.name if self.team else ""
        if role and team:
            return gettext("%(role)s in %(team)s") % {"role": role, "team": team}
        return role or team or gettext("Everyone")


class CompletionSource(models.TextChoices):
    MANUAL = "manual", _("Entered")
    IMPORT = "import", _("Imported")
    SESSION = "session", _("Attended a session")


class Completion(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_completions")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="completions")
    completed_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True, help_text=_("From the course's validity; empty: never"))
    source = models.CharField(max_length=10, choices=CompletionSource.choices, default=CompletionSource.MANUAL)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course", "completed_on"], name="completion_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.course} on {self.completed_on}"


class TrainingSession(models.Model):
    """A session held: feeds the statement's figures. External attendees are other organisations' staff."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="training_sessions")
    course = models.ForeignKey(Course, verbose_name=_("Course"), on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField(_("Date held"))
    multi_agency = models.BooleanField(_("Multi-agency event"), default=False)
    attendee_count = models.PositiveIntegerField(
        _("Number of attendees"), help_text=_("Everyone, from any organisation")
    )
    external_attendee_count = models.PositiveIntegerField(
        _("Of whom from other organisations"), default=0, help_text=_("Police, NGOs, health and other partners' staff")
    )
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="training_sessions")

    class Meta:
        ordering = ["-held_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(external_attendee_count__lte=models.F("attendee_count")),
                name="session_external_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} on {self.held_on}"


# Awareness ---------------------------------------------------------------------------------------


class Campaign(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="campaigns")
    name = models.CharField(_("Name"), max_length=200)
    starts_on = models.DateField(_("Start date"))
    ends_on = models.DateField(_("End date (optional)"), null=True, blank=True)
    description = models.TextField(_("Description"), blank=True)

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.name


class MaterialKind(models.TextChoices):
    LEAFLET = "leaflet", _("Leaflet")
    POSTER = "poster", _("Poster")
    CARD = "card", _("Card")
    OTHER = "other", _("Other")


class Material(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("Title"), max_length=200)
    kind = models.CharField(_("Kind"), max_length=10, choices=MaterialKind.choices)
    languages = models.CharField(
        _("Languages"), max_length=300, default="English", help_text=_("Separate languages with commas")
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_kind_display()})"


class PlaceType(models.TextChoices):
    ESTATE_AGENT = "estate_agent", _("Estate agents")
    HOTEL = "hotel", _("Hotels")
    TAXI = "taxi", _("Taxis")
    SCHOOL = "school", _("Schools")
    PLACE_OF_WORSHIP = "place_of_worship", _("Places of worship")
    OTHER = "other", _("Other")


class Distribution(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="distributions")
    place_type = models.CharField(_("Where"), max_length=20, choices=PlaceType.choices)
    place_name = models.CharField(_("Place name"), max_length=200, blank=True)
    quantity = models.PositiveIntegerField(_("Quantity"))
    distributed_on = models.DateField(_("Date distributed"))

    class Meta:
        ordering = ["-distributed_on"]
        constraints = [models.CheckConstraint(condition=models.Q(quantity__gt=0), name="distribution_quantity")]

    def __str__(self) -> str:
        return f"{self.quantity} to {self.get_place_type_display()}"


# Partnerships ------------------------------------------------------------------------------------


class ServiceKind(models.TextChoices):
    HELPLINE = "helpline", _("Helpline")
    NGO = "ngo", _("NGO or charity")
    VICTIM_CARE = "victim_care", _("Victim care")
    GUARDIANSHIP = "guardianship", _("Guardianship")
    OTHER = "other", _("Other")


class PartnerService(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="partner_services")
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Kind"), max_length=20, choices=ServiceKind.choices)
    offers = models.TextField(_("What they offer"))
    how_to_refer = models.TextField(_("How to refer"))
    contact = models.CharField(_("Contact"), max_length=200, blank=True)
    link = models.URLField(_("Link"), blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GroupLevel(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic")
    OPERATIONAL = "operational", _("Operational")
    TACTICAL = "tactical", _("Tactical")


class PartnershipGroup(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="partnership_groups")
    name = models.CharField(_("Name"), max_length=200)
    level = models.CharField(_("Level"), max_length=20, choices=GroupLevel.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(PartnershipGroup, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("Date held"))
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="partnership_meetings")
    other_attendees = models.TextField(
        _("Other attendees"), blank=True, help_text=_("People from partner organisations")
    )
    minutes = models.TextField(_("Minutes"), blank=True)

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.group} on {self.held_on}"


class MeetingAction(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField(_("Action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Owner"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    owner_name = models.CharField(_("Owner (if not a Tackle user)"), max_length=200, blank=True)
    due_on = models.DateField(_("Due date (optional)"), null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
