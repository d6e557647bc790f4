import hashlib
import secrets
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from tackle.core.access import role_may_use, role_needs_two_factor
from tackle.core.roles import OrganisationKind, Role


class Organisation(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=200)
    code = models.CharField(
        max_length=20, unique=True, help_text="ONS code for councils (E09000099), or a short code for others"
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
    is_demo = models.BooleanField(default=False, help_text="Created by the demo loader; exempt from 2FA in demo mode")

    class Meta:
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(condition=models.Q(role__in=[*Role.values, ""]), name="user_role_valid"),
        ]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def may_use(self, module: str) -> bool:
        return bool(self.is_active and self.organisation_id and role_may_use(self.role, module))

    def needs_two_factor(self) -> bool:
        if self.is_demo and settings.TACKLE_DEMO:
            return False
        return role_needs_two_factor(self.role)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token is shown once."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8, help_text="First characters, to tell tokens apart")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} (tk_{self.prefix}…)"

    @staticmethod
    def generate_raw() -> str:
        return "tk_" + secrets.token_urlsafe(32)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
