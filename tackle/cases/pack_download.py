"""The referral pack as it leaves Tackle, one way for the page and the API: the export audited,
then its JSON or its tagged PDF (PDF/UA). Whether it may leave (the lead's redaction, the check)
is the caller's to have asked first."""

from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.models import Case
from tackle.cases.nrm_pack import FormState, build_referral_pack
from tackle.core.documents import document_language, tagged_pdf


def pack_exported(*, case: Case, actor: Any, request: Any, form: str) -> None:
    audit_record(action=AuditAction.EXPORT, actor=actor, request=request, obj=case, note=f"Referral pack ({form})")


def referral_pack_pdf(case: Case, state: FormState) -> HttpResponse:
    pack = build_referral_pack(case, state)
    # The answers stay in the Home Office form's English (docs/i18n.md); the page around them is the reader's.
    language = document_language()
    title = gettext("%(form)s pack: %(reference)s") % {"form": gettext(pack["title"]), "reference": case.reference}
    context = {"case": case, "pack": pack, "document_title": title, "document_language": language}
    html = render_to_string("cases/nrm_pack_print.html", context)
    response = HttpResponse(tagged_pdf(html, title=title, language=language), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="referral-pack-{case.reference}.pdf"'
    return response
