"""Allocating a case to a worker, and handing it over to another."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tackle.accounts.models import User
from tackle.accounts.services import notify
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import Case, CaseAllocation, CaseStatus
from tackle.cases.services.case import require_current_version
from tackle.core.access import CASE_WORKER_ROLES
from tackle.core.errors import ApplicationError


@transaction.atomic
def case_allocate(
    *,
    case: Case,
    actor: User,
    worker: User,
    handover_note: str = "",
    expected_version: int | None = None,
    request: Any = None,
) -> Case:
    """Give the case to `worker`: an active user of the case's organisation in a case-working role.
    Taking it from someone else needs a handover note, kept in the case's allocation history."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    require_current_version(case, expected_version)
    if case.status != CaseStatus.OPEN:
        raise ApplicationError(gettext("Reopen the case before allocating it"))
    if worker.organisation_id != case.organisation_id or worker.role not in CASE_WORKER_ROLES or not worker.is_active:
        raise ApplicationError(gettext("Choose a case worker of the case's organisation"), field="worker")
    if case.allocated_to_id == worker.pk:
        raise ApplicationError(
            gettext("The case is already allocated to %(name)s") % {"name": worker.display_name}, field="worker"
        )
    note = handover_note.strip()
    if case.allocated_to_id is not None and not note:
        raise ApplicationError(gettext("Write a handover note for the new worker"), field="handover_note")
    allocation = CaseAllocation.objects.create(case=case, allocated_to=worker, allocated_by=actor, handover_note=note)
    case.allocated_to = worker
    case.version += 1
    case.save(update_fields=["allocated_to", "version", "updated_at"])
    audit_record(
        action=AuditAction.UPDATE,
        actor=actor,
        request=request,
        obj=case,
        changed_fields=["allocated_to"],
        note="Reallocated with a handover note" if note else "Allocated",
    )
    with translation.override(worker.language or settings.LANGUAGE_CODE):  # the recipient's language
        values = {"name": actor.display_name, "reference": case.reference}
        subject = gettext("Case %(reference)s is allocated to you") % values
        if note:
            body = gettext("%(name)s allocated case %(reference)s to you, with a handover note on the case.") % values
        else:
            body = gettext("%(name)s allocated case %(reference)s to you.") % values
    notify(
        user=worker,
        subject=subject,
        body=body,
        url=reverse("cases:case-detail", args=[case.uuid]),
        key=f"case:{case.uuid}:allocated:{allocation.pk}",
    )
    return case
