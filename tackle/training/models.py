"""Training (courses, requirements, completions, sessions), awareness campaigns and partnerships.

Teams live here: a user belongs to one organisation and has one role; a team is a named group of
users in that organisation with a manager, used to set requirements and show a manager's dashboard.
"""

import uuid

from django.conf import settings
from django.db import models

from tackle.accounts.models import Organisation
from tackle.core.roles import Role


class Team(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="managed_teams", null=True, blank=True
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
    E_LEARNING = "e_learning", "E-learning"
    CLASSROOM = "classroom", "Classroom"
    WEBINAR = "webinar", "Live online"
    OTHER = "other", "Other"


class CourseTopic(models.TextChoices):
    """What a course covers, so an FOI question such as "training on housing rights" can be answered."""

    FIRST_RESPONDER = "first_responder", "Spotting victims and referring them to the NRM (first responders)"
    HOUSING_RIGHTS = "housing_rights", "Survivors' rights to housing and accommodation"
    DUTY_TO_NOTIFY = "duty_to_notify", "The Duty to Notify the Home Office"
    SAFEGUARDING = "safeguarding", "Safeguarding children and adults"
    SUPPLY_CHAINS = "supply_chains", "Modern slavery in supply chains and procurement"
    AWARENESS = "awareness", "General awareness of modern slavery"


class Course(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="courses")
    code = models.CharField(max_length=30, help_text="A short code a learning system uses, for example MS-101")
    title = models.CharField(max_length=200)
    provider = models.CharField(max_length=200, blank=True)
    format = models.CharField(max_length=20, choices=CourseFormat.choices, default=CourseFormat.E_LEARNING)
    length_minutes = models.PositiveIntegerField("Length in minutes", null=True, blank=True)
    validity_months = models.PositiveIntegerField(
        "Valid for (months)", null=True, blank=True, help_text="Leave empty if a completion never expires"
    )
    topics = models.JSONField(default=list, blank=True, help_text="CourseTopic values the course covers")

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
        return [CourseTopic(topic).label for topic in self.topics if topic in CourseTopic.values]


class Requirement(models.Model):
    """Who must do a course and how often. Role and team both set: a user must match both."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="training_requirements")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="requirements")
    role = models.CharField(max_length=40, choices=Role.choices, blank=True, help_text="Leave empty for any role")
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="requirements", null=True, blank=True, help_text="Optional"
    )
    every_months = models.PositiveIntegerField("Every (months)", default=12)

    class Meta:
        ordering = ["course__title", "role"]
        constraints = [
            models.CheckConstraint(condition=models.Q(every_months__gt=0), name="requirement_every_positive"),
            models.CheckConstraint(condition=models.Q(role__in=[*Role.values, ""]), name="requirement_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.course} for {self.applies_to_label()}"

    def applies_to_label(self) -> str:
        parts = [str(Role(self.role).label) if self.role else "", self.team.name if self.team else ""]
        return " in ".join(part for part in parts if part) or "Everyone"


class CompletionSource(models.TextChoices):
    MANUAL = "manual", "Entered"
    IMPORT = "import", "Imported"
    SESSION = "session", "Attended a session"


class Completion(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_completions")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="completions")
    completed_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True, help_text="From the course's validity; empty: never")
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
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    held_on = models.DateField()
    multi_agency = models.BooleanField("Multi-agency event", default=False)
    attendee_count = models.PositiveIntegerField("Number of attendees", help_text="Everyone, from any organisation")
    external_attendee_count = models.PositiveIntegerField(
        "Of whom from other organisations", default=0, help_text="Police, NGOs, health and other partners' staff"
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
    name = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.name


class MaterialKind(models.TextChoices):
    LEAFLET = "leaflet", "Leaflet"
    POSTER = "poster", "Poster"
    CARD = "card", "Card"
    OTHER = "other", "Other"


class Material(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=MaterialKind.choices)
    languages = models.CharField(max_length=300, default="English", help_text="Separate languages with commas")

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_kind_display()})"


class PlaceType(models.TextChoices):
    ESTATE_AGENT = "estate_agent", "Estate agents"
    HOTEL = "hotel", "Hotels"
    TAXI = "taxi", "Taxis"
    SCHOOL = "school", "Schools"
    PLACE_OF_WORSHIP = "place_of_worship", "Places of worship"
    OTHER = "other", "Other"


class Distribution(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="distributions")
    place_type = models.CharField(max_length=20, choices=PlaceType.choices)
    place_name = models.CharField(max_length=200, blank=True)
    quantity = models.PositiveIntegerField()
    distributed_on = models.DateField()

    class Meta:
        ordering = ["-distributed_on"]
        constraints = [models.CheckConstraint(condition=models.Q(quantity__gt=0), name="distribution_quantity")]

    def __str__(self) -> str:
        return f"{self.quantity} to {self.get_place_type_display()}"


# Partnerships ------------------------------------------------------------------------------------


class ServiceKind(models.TextChoices):
    HELPLINE = "helpline", "Helpline"
    NGO = "ngo", "NGO or charity"
    VICTIM_CARE = "victim_care", "Victim care"
    GUARDIANSHIP = "guardianship", "Guardianship"
    OTHER = "other", "Other"


class PartnerService(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="partner_services")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ServiceKind.choices)
    offers = models.TextField("What they offer")
    how_to_refer = models.TextField("How to refer")
    contact = models.CharField(max_length=200, blank=True)
    link = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GroupLevel(models.TextChoices):
    STRATEGIC = "strategic", "Strategic"
    OPERATIONAL = "operational", "Operational"
    TACTICAL = "tactical", "Tactical"


class PartnershipGroup(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="partnership_groups")
    name = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=GroupLevel.choices)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    group = models.ForeignKey(PartnershipGroup, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="partnership_meetings")
    other_attendees = models.TextField("Other attendees", blank=True, help_text="People from partner organisations")
    minutes = models.TextField(blank=True)

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.group} on {self.held_on}"


class MeetingAction(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField("Action")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    owner_name = models.CharField("Owner (if not a Tackle user)", max_length=200, blank=True)
    due_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
