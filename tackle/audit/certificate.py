"""The integrity certificate: what it states (the newest check the user may see, and how many of the
checked entries concern their organisation) and its PDF, for the certificate's pages and the API."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.audit.models import AuditAction
from tackle.audit.selectors import audit_events_visible_to, audit_verification_latest
from tackle.audit.services import audit_record
from tackle.core.documents import document_language, tagged_pdf


def certificate_context(user: Any) -> dict[str, Any]:
    last = audit_verification_latest(user)
    entries = 0
    if last is not None:
        entries = audit_events_visible_to(user).filter(sequence__lte=last.checked).count()
    return {"last": last, "organisation": user.organisation, "issued_at": timezone.now(), "own_entries": entries}


def certificate_statement(context: dict[str, Any]) -> str:
    """The certificate's statement in words, as the page and the PDF print it."""
    return " ".join(render_to_string("audit/_certificate_statement.html", context).split())


def certificate_pdf_download(request: HttpRequest, user: Any, *, note: str) -> HttpResponse:
    """The certificate as a tagged PDF in the reader's language, its download audited as `note`. With
    no check yet it says that nothing can be certified, as the page does."""
    context = certificate_context(user)
    audit_record(
        action=AuditAction.EXPORT,
        actor=user,
        request=request,
        object_type="audit.auditverification",
        object_id=str(context["last"].pk) if context["last"] else "",
        note=note,
    )
    issued, organisation = timezone.localdate(context["issued_at"]), context["organisation"].name
    context["document_title"] = gettext("Audit log integrity certificate, %(organisation)s, %(day)s") % {
        "organisation": organisation,
        "day": date_format(issued, "j F Y"),
    }
    html = render_to_string("audit/certificate_print.html", context, request=request)
    pdf = tagged_pdf(
        html,
        title=context["document_title"],
        language=document_language(),
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="audit-integrity-{context["issued_at"]:%Y-%m-%d}.pdf"'
    return response
