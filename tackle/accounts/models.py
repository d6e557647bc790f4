import hashlib
import secrets
import uuid
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tackle.core.access import role_may_use, role_needs_two_factor
from tackle.core.disclosure import DEFAULT_THRESHOLDS, HIGHEST_THRESHOLD, Audience
from tackle.core.roles import Module, OrganisationKind, Role


class Organisation(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    code = models.CharField(
        max_length=20, unique=True, help_text=_("ONS code for councils (E09000099), or a short code for others")
    )
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="users", null=True, blank=True
    )
    role = models.CharField(max_length=40, choices=Role.choices, blank=True)
    is_demo = models.BooleanField(
        default=False, help_text=_("Created by the demo loader; exempt from 2FA in demo mode")
    )
    # The language the person chose with the header's switch; empty: not chosen (the browser's, else
    # English). Kept on the account so that it follows them to another device (issue 21). The database
    # default serves rows written without the column (a server still running the previous release).
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, blank=True, db_default="")

    class Meta:
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(condition=models.Q(role__in=[*Role.values, ""]), name="user_role_valid"),
        ]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    # Set by API token authentication when the token is limited to some modules: the request then
    # reaches only those, and never more than the owner's role (may_use checks both).
    token_modules: frozenset[str] | None = None

    def may_use(self, module: str) -> bool:
        if self.token_modules is not None and module != Module.HOME and module not in self.token_modules:
            return False
        return bool(self.is_active and self.organisation_id and role_may_use(self.role, module))

    def needs_two_factor(self) -> bool:
        if self.is_demo and settings.TACKLE_DEMO:
            return False
        return role_needs_two_factor(self.role)

    def has_two_factor(self) -> bool:
        """Has set up an authenticator app (a confirmed TOTP device)."""
        from django_otp import devices_for_user

        return any(True for _ in devices_for_user(self, confirmed=True))

    def may_hold_api_tokens(self) -> bool:
        """A token is a password that skips two-factor sign-in, so only someone who has set up
        two-factor may hold one (demo users in demo mode, who are exempt from it, aside)."""
        return self.has_two_factor() or (self.is_demo and settings.TACKLE_DEMO)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class TokenScope(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token is shown once. It acts as its
    owner, narrowed by its scope (read: GET only) and its modules, until it expires or is revoked."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text=_("First characters, to tell tokens apart"))
    scope = models.CharField(max_length=5, choices=TokenScope.choices, default=TokenScope.READ)
    modules = models.JSONField(
        default=list, blank=True, help_text=_("Modules it may reach; empty: every module its owner's role uses")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(scope__in=TokenScope.values), name="api_token_scope_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (tk_{self.prefix}…)"

    @staticmethod
    def generate_raw() -> str:
        return "tk_" + secrets.token_urlsafe(32)

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @property
    def last_day(self) -> date:
        """The last London day it works: it expires at the midnight that ends that day."""
        return (timezone.localtime(self.expires_at) - timedelta(microseconds=1)).date()

    @property
    def module_labels(self) -> list[str]:
        return [str(Module(module).label) for module in self.modules if module in Module.values]


class Invitation(models.Model):
    """A one-time link that lets an invited person set their password. Only the token's SHA-256 is
    stored, so the link cannot be read back from the database; a new link voids the earlier ones."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")), name="invitation_expires_after_created"
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation for user {self.user_id}"

    @staticmethod
    def generate_raw() -> str:
        return secrets.token_urlsafe(32)


class OrganisationSettings(models.Model):
    """Who the organisation's people and partners reach: the lead and deputy, the safeguarding
    front doors, and the first responder named on the Home Office forms. The guardian service area
    and the referral deadlines are the pathway settings' (tackle.cases), not repeated here."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="settings")
    lead = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    deputy = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    mash_phone = models.CharField(_("MASH phone"), max_length=40, blank=True)
    mash_email = models.EmailField(_("MASH email"), blank=True)
    adult_safeguarding_phone = models.CharField(max_length=40, blank=True)
    adult_safeguarding_email = models.EmailField(blank=True)
    first_responder_name = models.CharField(max_length=200, blank=True)
    first_responder_role = models.CharField(max_length=200, blank=True)
    first_responder_organisation = models.CharField(max_length=200, blank=True)
    first_responder_phone = models.CharField(max_length=40, blank=True)
    first_responder_email = models.EmailField(blank=True)
    # Disclosure control (tackle.core.disclosure): counts from 1 to threshold - 1 are withheld from
    # each audience; 0 shows exact counts.
    figures_threshold_internal = models.PositiveSmallIntegerField(default=DEFAULT_THRESHOLDS[Audience.INTERNAL])
    figures_threshold_councillors = models.PositiveSmallIntegerField(default=DEFAULT_THRESHOLDS[Audience.COUNCILLORS])
    figures_threshold_public = models.PositiveSmallIntegerField(default=DEFAULT_THRESHOLDS[Audience.PUBLIC])
    figures_rounded_for_public = models.BooleanField(default=False)
    # The day the organisation's records began (issue 17): an FOI answer says "not held" for a period
    # wholly before it, instead of reading the first record's date. Empty: the first record's date.
    records_began_on = models.DateField(null=True, blank=True)
    # Offer the organisation's people the English | Cymraeg switch (Welsh Language Standards; issue 21).
    welsh_language_service = models.BooleanField(default=False, db_default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "organisation settings"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(lead=models.F("deputy")) | models.Q(lead__isnull=True),
                name="organisation_settings_deputy_is_not_the_lead",
            ),
            # A wider audience never sees more than a narrower one.
            models.CheckConstraint(
                condition=models.Q(figures_threshold_councillors__gte=models.F("figures_threshold_internal"))
                & models.Q(figures_threshold_public__gte=models.F("figures_threshold_councillors"))
                & models.Q(figures_threshold_public__lte=HIGHEST_THRESHOLD),
                name="organisation_settings_thresholds_widen_with_the_audience",
            ),
        ]

    def __str__(self) -> str:
        return f"Settings for organisation {self.organisation_id}"


class Notification(models.Model):
    """Something a person should know, in Tackle's own list and, when they have an address, by email.
    `key` names the event it tells of (a case, what happened, the date), so telling twice is a no-op.
    Subjects and bodies hold references, never a person's details: they also travel by email."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    key = models.CharField(max_length=200)
    subject = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True, help_text=_("A path in Tackle, such as a case's page"))
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="notification_once_per_user_and_key"),
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return f"Notification {self.key} for user {self.user_id}"


class WebhookEvent(models.TextChoices):
    """What a council's own systems can be told of (issue 19, item 5). The payload names the case
    by reference and uuid, never the person."""

    CONCERN_RECORDED = "concern.recorded", _("A new concern is recorded")
    REFERRAL_DUE = "referral.due", _("A referral action falls due or is overdue")
    DECISION_RECORDED = "decision.recorded", _("An NRM decision is recorded")


class WebhookEndpoint(models.Model):
    """An address the organisation's systems listen at. The secret signs each delivery (HMAC-SHA256),
    so Tackle must read it back: it is kept sealed (accounts/webhook_secrets.py), and shown to the
    administrator once, when the endpoint is registered or its secret rotated."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="webhook_endpoints")
    name = models.CharField(max_length=100)
    url = models.URLField(_("Address (URL)"), max_length=500)
    secret = models.CharField(max_length=64)  # sealed: webhook_secrets.signing_secret opens it
    events = models.JSONField(default=list)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"

    @staticmethod
    def generate_secret() -> str:
        """A secret as shown, unsealed: how rows were stored before sealing (tests make such rows);
        endpoint_register and endpoint_rotate_secret store webhook_secrets.new_secret()'s sealed one."""
        return "whsec_" + secrets.token_urlsafe(32)

    @property
    def event_labels(self) -> list[str]:
        return [str(WebhookEvent(event).label) for event in WebhookEvent.values if event in self.events]


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed, not retried")


class WebhookDelivery(models.Model):
    """One event sent to one endpoint, with every attempt's outcome: the delivery log."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=30, choices=WebhookEvent.choices)
    payload = models.JSONField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=DeliveryStatus.values), name="delivery_status_valid"),
            models.CheckConstraint(condition=models.Q(event__in=WebhookEvent.values), name="delivery_event_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.event} to {self.endpoint.name} ({self.get_status_display()})"
