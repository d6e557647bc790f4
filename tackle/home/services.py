"""Changes made from the home app: an organisation's text for one of the service's own pages."""

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.home.models import ServicePage


@transaction.atomic
def service_page_save(
    *, organisation: Any, kind: str, body: str, actor: Any, request: HttpRequest | None = None
) -> bool:
    """Store the organisation's text for a page; an unchanged text saves nothing. Audited by page,
    without the text (it is public, but the log records who changed what, not the words)."""
    page = ServicePage.objects.select_for_update().filter(organisation=organisation, kind=kind).first()
    if page is not None and page.body == body:
        return False
    if page is None:
        page = ServicePage.objects.create(organisation=organisation, kind=kind, body=body, updated_by=actor)
        action = AuditAction.CREATE
    else:
        page.body, page.updated_by = body, actor
        page.save(update_fields=["body", "updated_by", "updated_at"])
        action = AuditAction.UPDATE
    audit_record(
        action=action,
        actor=actor,
        request=request,
        obj=page,
        changed_fields=["body"],
        note=f"{page.get_kind_display()} text",
        organisation_id=organisation.pk,
    )
    return True
