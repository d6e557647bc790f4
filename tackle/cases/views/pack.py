"""The NRM / Duty to Notify referral pack as a page, JSON and a tagged, accessible PDF (PDF/UA).

Viewing the page is audited by the door. A download is audited as an export once it is allowed: a
Duty to Notify whose account the lead has not yet reviewed and redacted is refused, saying why, and
a redacted one is downloaded only from its check page (issue 18): once it has left Tackle it cannot
be called back, so the lead sees what goes and confirms nothing in it identifies the person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.forms.pack_export import PackExportForm
from tackle.cases.models import Case
from tackle.cases.nrm_pack import REVIEW_NEEDED, WITHHELD, FormState, build_referral_pack, form_state
from tackle.cases.pack_download import pack_exported, referral_pack_pdf
from tackle.cases.rules.home_office_form import DUTY_TO_NOTIFY
from tackle.cases.selectors import case_list_visible_to
from tackle.core.access import NRM_PACKS, Action

JSON = "json"


def _open(request: AuthenticatedRequest, case_uuid: str, action: Action, *, audit: bool) -> tuple[Case, FormState]:
    visible = case_list_visible_to(request.user)
    case = open_for_user(
        request.user, visible, resource=NRM_PACKS, action=action, request=request if audit else None, uuid=case_uuid
    )
    return case, form_state(case)


@login_required
def pack_page(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case, state = _open(request, case_uuid, Action.VIEW, audit=True)
    pack = build_referral_pack(case, state)
    refusal = gettext(REVIEW_NEEDED) if state.review_needed else ""
    context = {"case": case, "pack": pack, "refusal": refusal, "form_title": gettext(pack["title"])}
    return render(request, "cases/nrm_pack.html", context)


@login_required
def pack_json(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case, state = _open(request, case_uuid, Action.EXPORT, audit=False)
    if state.review_needed:
        return JsonResponse({"detail": gettext(REVIEW_NEEDED)}, status=409)
    if state.form == DUTY_TO_NOTIFY:  # only through its check page, as the PDF
        return redirect(reverse("cases:nrm-pack-export", args=[case.uuid]) + f"?format={JSON}")
    return _json(request, case, state)


def _json(request: AuthenticatedRequest, case: Case, state: FormState) -> JsonResponse:
    pack_exported(case=case, actor=request.user, request=request, form="json")
    return JsonResponse(build_referral_pack(case, state))


@login_required
def pack_pdf(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case, state = _open(request, case_uuid, Action.EXPORT, audit=False)
    if state.review_needed:
        messages.error(request, gettext(REVIEW_NEEDED))
        return redirect("cases:nrm-pack", case_uuid=case.uuid)
    if state.form == DUTY_TO_NOTIFY:  # only through its check page
        return redirect("cases:nrm-pack-export", case_uuid=case.uuid)
    return _pdf(request, case, state)


def _pdf(request: AuthenticatedRequest, case: Case, state: FormState) -> HttpResponse:
    pack_exported(case=case, actor=request.user, request=request, form="pdf")
    return referral_pack_pdf(case, state)


@login_required
def pack_export(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    """Check before a Duty to Notify pack is downloaded: what goes (the redacted account, no name, the
    town at most), a warning that it cannot be called back, and a tick that nothing identifies the
    person. Without the tick nothing is downloaded or recorded. Any other pack: its check page too.
    ?format=json (where pack.json sends a Duty to Notify) downloads the JSON instead of the PDF."""
    case, state = _open(request, case_uuid, Action.EXPORT, audit=False)
    as_json = request.GET.get("format") == JSON
    if request.method != "POST":  # seen, not yet exported
        audit_record(action=AuditAction.VIEW, actor=request.user, request=request, obj=case, note="Pack export check")
    form = PackExportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not state.review_needed and form.is_valid():
        return _json(request, case, state) if as_json else _pdf(request, case, state)
    pack = build_referral_pack(case, state)
    going = [(label, state.redacted.get(key) or WITHHELD) for key, (label, _written) in state.texts_to_review.items()]
    context = {
        "case": case,
        "pack": pack,
        "form": form,
        "going": going,
        "refusal": gettext(REVIEW_NEEDED) if state.review_needed else "",
        "form_title": gettext(pack["title"]),
        "as_json": as_json,
    }
    return render(request, "cases/nrm_pack_export.html", context)
