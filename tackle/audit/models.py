"""Append-only audit log. Each entry is chained to the one before by a keyed hash (chain.py)."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AuditAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    LIST = "list", _("Listed")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    EXPORT = "export", _("Exported")
    SHARE = "share", _("Shared")
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    SIGN_OUT = "sign_out", _("Signed out")
    TWO_FACTOR = "two_factor", _("Two-factor")
    # Someone reached for a record that exists but is not theirs to open (the door's 404 or 403).
    REFUSED = "refused", _("Refused")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self) -> NoReturn:  # type: ignore[override]
        raise AppendOnlyError("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    sequence = models.PositiveBigIntegerField(unique=True)
    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    actor_username = models.CharField(max_length=150, blank=True)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, null=True, related_name="+")
    # The actor's organisation when it is not `organisation` (a partner opening a council's record
    # through a sharing agreement or a share): the entry is in both organisations' logs.
    actor_organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(max_length=60, blank=True, db_index=True)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    # Field names only, never values: the log must not become a second copy of personal data.
    changed_fields = models.JSONField(default=list, blank=True)
    note = models.CharField(max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)
    path = models.CharField(max_length=300, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-sequence"]
        indexes = [models.Index(fields=["object_type", "object_id", "occurred_at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type} {self.object_id}".strip()

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")


class AuditHead(models.Model):
    """One row: the newest entry's sequence and hash. Appends lock it; verify compares with it,
    so deleting the newest entries is caught too."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    sequence = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)
    # Entries from this sequence on are keyed (HMAC); those before it, written before the log was
    # keyed, keep their plain SHA-256. Above 1 it must carry `keyed_from_mac` (chain.keyed_from_mac).
    keyed_from = models.PositiveBigIntegerField(default=1)
    keyed_from_mac = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="audit_head_single_row")]

    def __str__(self) -> str:
        return f"audit head at #{self.sequence}"


class AuditVerification(models.Model):
    """The result of one check of the whole log (verify.py), kept so that the page, the integrity
    certificate and the next auditor can see when it was last checked, by whom and what it found.
    Outside the chain: the chain's own check is what this records, not what it relies on."""

    ran_at = models.DateTimeField(db_index=True)
    # None: run on the server (`tackle audit verify`), not from a page.
    ran_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    ran_by_username = models.CharField(max_length=150, blank=True)
    # The organisation of whoever ran it; None for the server's checks, which every organisation sees.
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, null=True, related_name="+")
    intact = models.BooleanField()
    checked = models.PositiveBigIntegerField(help_text=_("Entries checked, oldest first, before any problem"))
    first_bad_sequence = models.PositiveBigIntegerField(null=True, blank=True)
    problem = models.CharField(max_length=500, blank=True)
    last_hash = models.CharField(max_length=64, blank=True, help_text=_("The newest entry checked: its fingerprint"))
    checkpoint_written_at = models.CharField(max_length=40, blank=True)
    checkpoint_sequence = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-ran_at", "-pk"]

    def __str__(self) -> str:
        return f"audit check of {self.ran_at:%Y-%m-%d %H:%M}: {'intact' if self.intact else 'altered'}"
