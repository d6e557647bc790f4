"""The NRM / Duty to Notify referral pack as a page, JSON and PDF. Each is an audited export."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from tackle.accounts.door import open_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.nrm_pack import build_referral_pack
from tackle.cases.selectors import case_list_visible_to
from tackle.core.access import NRM_PACKS, Action


def _pack_for(request: AuthenticatedRequest, case_uuid: str, form: str):  # type: ignore[no-untyped-def]
    visible = case_list_visible_to(request.user)
    note = f"Referral pack ({form})"
    case = open_for_user(
        request.user, visible, resource=NRM_PACKS, action=Action.EXPORT, request=request, note=note, uuid=case_uuid
    )
    return case, build_referral_pack(case)


@login_required
def pack_page(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case, pack = _pack_for(request, case_uuid, "page")
    return render(request, "cases/nrm_pack.html", {"case": case, "pack": pack})


@login_required
def pack_json(request: AuthenticatedRequest, case_uuid: str) -> JsonResponse:
    _, pack = _pack_for(request, case_uuid, "json")
    return JsonResponse(pack)


@login_required
def pack_pdf(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    from weasyprint import HTML  # imported here: it loads Pango, which only this view needs

    case, pack = _pack_for(request, case_uuid, "pdf")
    html = render_to_string("cases/nrm_pack_print.html", {"case": case, "pack": pack})
    pdf = HTML(string=html).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="referral-pack-{case.reference}.pdf"'
    return response
