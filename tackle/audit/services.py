"""Writing to the audit log. Every view and change of personal data goes through audit_record."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from tackle.audit.chain import ChainFields, entry_hash
from tackle.audit.models import AuditAction, AuditEvent, AuditHead


def audit_key() -> bytes:
    """The key the chain and its checkpoints are signed with; it lives in the environment only."""
    return settings.TACKLE_AUDIT_KEY.encode()


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    if settings.SECURE_PROXY_SSL_HEADER:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        # Our own proxies append the address they saw; anything further left came from the client.
        if len(hops) >= settings.TRUSTED_PROXY_COUNT:
            return hops[-settings.TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR") or None


def _object_identity(obj: models.Model | None) -> tuple[str, str]:
    if obj is None:
        return "", ""
    meta = obj._meta
    identifier = getattr(obj, "uuid", None) or obj.pk
    return f"{meta.app_label}.{meta.model_name}", str(identifier)


def audit_record(
    *,
    action: AuditAction | str,
    actor: Any = None,
    request: HttpRequest | None = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    changed_fields: Iterable[str] = (),
    note: str = "",
    organisation_id: int | None = None,
    path: str | None = None,
) -> AuditEvent:
    """Append one event to the chain. Runs inside the caller's transaction when there is one,
    so a change and its audit entry are saved together or not at all. `path` replaces the request's
    own where its query string holds personal data (a search for a person's name)."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    if obj is not None:
        object_type, object_id = _object_identity(obj)
    if organisation_id is None and obj is not None:
        # The record's owner: its auditors must see who opened it, partners included.
        organisation_id = getattr(obj, "organisation_id", None)
    if organisation_id is None and actor is not None:
        organisation_id = actor.organisation_id
    actor_organisation_id = getattr(actor, "organisation_id", None)
    if actor_organisation_id == organisation_id:
        actor_organisation_id = None
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(id=1)
        fields = ChainFields(
            sequence=head.sequence + 1,
            occurred_at=timezone.now(),
            actor_id=actor.pk if actor is not None else None,
            actor_username=actor.get_username() if actor is not None else "",
            organisation_id=organisation_id,
            action=str(action),
            object_type=object_type,
            object_id=object_id,
            changed_fields=sorted(set(changed_fields)),
            note=note[:200],
            ip_address=client_ip(request),
            user_agent=(request.META.get("HTTP_USER_AGENT", "") if request is not None else "")[:200],
            path=(path if path is not None else request.get_full_path() if request is not None else "")[:300],
            actor_organisation_id=actor_organisation_id,
        )
        digest = entry_hash(head.hash, fields, key=audit_key())
        event = AuditEvent.objects.create(
            sequence=fields.sequence,
            occurred_at=fields.occurred_at,
            actor=actor,
            actor_username=fields.actor_username,
            organisation_id=fields.organisation_id,
            action=fields.action,
            object_type=fields.object_type,
            object_id=fields.object_id,
            changed_fields=fields.changed_fields,
            note=fields.note,
            ip_address=fields.ip_address,
            user_agent=fields.user_agent,
            path=fields.path,
            actor_organisation_id=fields.actor_organisation_id,
            previous_hash=head.hash,
            hash=digest,
        )
        AuditHead.objects.filter(id=1).update(sequence=fields.sequence, hash=digest)
    return event
