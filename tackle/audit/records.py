"""Saving a record a form built: its model's rules checked, its many-to-many fields set and the
change audited, all or nothing. Training, supplier and disruption records save through here."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.errors import ApplicationError


def every_field(obj: models.Model) -> list[str]:
    return [field.name for field in obj._meta.concrete_fields if field.name not in {"id", "uuid"}]


def record_save[M: models.Model](
    *,
    actor: Any,
    obj: M,
    changed: Iterable[str] | None = None,
    m2m: dict[str, Any] | None = None,
    request: Any = None,
    organisation_id: int | None = None,
) -> M:
    """Save `obj`, new or changed. A new record is audited as created with every field; a changed
    one as updated with `changed` (every field if not said). `organisation_id` names the owner for
    the audit when the record does not carry one itself. A broken model rule, or a clash with a
    record that must be unique, is an ApplicationError and saves nothing."""
    creating = obj._state.adding
    try:
        obj.full_clean()
    except ValidationError as error:
        raise ApplicationError(" ".join(error.messages)) from None
    try:
        with transaction.atomic():
            obj.save()
            for name, values in (m2m or {}).items():
                getattr(obj, name).set(values)
            audit_record(
                action=AuditAction.CREATE if creating else AuditAction.UPDATE,
                actor=actor,
                request=request,
                obj=obj,
                changed_fields=every_field(obj) if creating or changed is None else list(changed),
                organisation_id=organisation_id,
            )
    except IntegrityError:
        raise ApplicationError("This clashes with a record that already exists.") from None
    return obj


def record_update_fields(
    row: models.Model, values: dict[str, Any], *, actor: Any, request: Any, note: str, organisation_id: int
) -> list[str]:
    """Set on a row (already locked by the caller) the values that differ, save only those and audit
    them by name. Returns the names changed; nothing changed is nothing saved and nothing audited."""
    changed = [field for field, value in values.items() if getattr(row, field) != value]
    if not changed:
        return changed
    for field in changed:
        setattr(row, field, values[field])
    row.save(update_fields=[*changed, "updated_at"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=row,
        changed_fields=changed,
        note=note,
        organisation_id=organisation_id,
    )
    return changed
