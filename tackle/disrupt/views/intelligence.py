"""Intelligence: record, read (in full or as its sanitised summary), share and revoke shares."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.accounts.sharing import record_share_revoke, shares_of
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.core.access import INTELLIGENCE
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.vocabulary import ExploitationType
from tackle.disrupt import selectors, services
from tackle.disrupt.access import require_disruption
from tackle.disrupt.forms import IntelligenceForm, ShareForm, ShareRevokeConfirmForm
from tackle.disrupt.models import Intelligence
from tackle.disrupt.views.common import organisation_of, own_or_404


@login_required
def intelligence_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_disruption(request.user)
    records = selectors.intelligence_visible_to(request.user)
    download = list_download(
        request,
        records,
        resource=INTELLIGENCE,
        columns=_intelligence_columns(),
        name="intelligence",
        title="Intelligence",
    )
    if download is not None:
        return download
    context = {
        "records": records,
        "summaries": selectors.intelligence_summaries_visible_to(request.user),
        "downloads": list_download_links(request, INTELLIGENCE),
    }
    audit_record(action=AuditAction.LIST, request=request, object_type="disrupt.intelligence")
    return render(request, "disrupt/intelligence_list.html", context)


def _exploitation(codes: list[str] | None) -> str:
    return ", ".join(str(ExploitationType(code).label) for code in ExploitationType.values if code in (codes or []))


# The list's columns; what was reported, the people and the vehicles stay on each record's page.
def _intelligence_columns() -> tuple[Column, ...]:
    # Headers in the reader's language, read per download.
    return (
        Column(gettext("Received"), lambda r: r.received_on),
        Column(gettext("Grade"), lambda r: r.grade),
        Column(gettext("Where"), lambda r: r.where),
        Column(gettext("Exploitation"), lambda r: _exploitation(r.exploitation_types)),
        Column(gettext("From"), lambda r: r.organisation.name),
    )


@login_required
def intelligence_new(request: AuthenticatedRequest) -> HttpResponse:
    """Any organisation in the partnership records its own intelligence."""
    require_disruption(request.user)
    organisation = organisation_of(request)
    form = IntelligenceForm(request.POST or None, organisation=organisation)

    def save(data: dict[str, Any]) -> Intelligence:
        record = form.save(commit=False)
        record.organisation = organisation
        record.recorded_by = request.user
        record.exploitation_types = list(data["exploitation_types"])
        m2m = {"premises": data["premises"], "businesses": data["businesses"]}
        return record_save(actor=request.user, obj=record, m2m=m2m, request=request)

    return form_page(
        request,
        form,
        save,
        title=gettext("Record intelligence"),
        back=reverse("disrupt:intelligence-list"),
        success=gettext("Intelligence recorded"),
        next_url=lambda record: reverse("disrupt:intelligence-detail", args=[record.uuid]),
    )


@login_required
def intelligence_detail(request: AuthenticatedRequest, intelligence_uuid: Any) -> HttpResponse:
    require_disruption(request.user)
    found = selectors.get_intelligence_for_user(request.user, intelligence_uuid, request=request)
    record = found.record
    owner = record.organisation_id == request.user.organisation_id
    context = {
        "record": record,
        "full": found.full,
        "owner": owner,
        "shares": shares_of(record) if owner else [],
        "premises": selectors.premises_visible_to(request.user).filter(intelligence=record) if found.full else [],
        "businesses": selectors.businesses_visible_to(request.user).filter(intelligence=record) if found.full else [],
    }
    return render(request, "disrupt/intelligence_detail.html", context)


@login_required
def intelligence_share(request: AuthenticatedRequest, intelligence_uuid: Any) -> HttpResponse:
    require_disruption(request.user)
    record = own_or_404(Intelligence, request, intelligence_uuid, resource=INTELLIGENCE)
    form = ShareForm(request.POST or None, organisation=organisation_of(request))

    def save(data: dict[str, Any]) -> object:
        return services.record_share(
            actor=request.user,
            record=record,
            organisation=data["organisation"],
            reason=data["reason"],
            expires_on=data["expires_on"],
            request=request,
        )

    back = reverse("disrupt:intelligence-detail", args=[record.uuid])
    return form_page(
        request,
        form,
        save,
        title=gettext("Share this intelligence"),
        caption=str(record),
        back=back,
        success=gettext("Intelligence shared"),
        intro=gettext(
            "The organisation sees the full record, whatever its handling code, until the share ends or is revoked."
        ),
        button=gettext("Share"),
    )


@login_required
def intelligence_share_revoke(request: AuthenticatedRequest, intelligence_uuid: Any, share_id: int) -> HttpResponse:
    """Check before a partner stops seeing the record (issue 18): which record, which organisation,
    what it was shared for, above the warning; any POST that is not the page's own form shows the
    page and revokes nothing."""
    require_disruption(request.user)
    record = own_or_404(Intelligence, request, intelligence_uuid, resource=INTELLIGENCE)
    # The record is open to change; its share is looked up within it.
    share = open_for_user(request.user, shares_of(record), resource=INTELLIGENCE, pk=share_id)
    partner = share.organisation.name
    return form_page(
        request,
        ShareRevokeConfirmForm(request.POST if request.method == "POST" else None),
        lambda _: record_share_revoke(actor=request.user, record=record, share=share, request=request),
        title=gettext("Revoke the share of this intelligence"),
        caption=str(record),
        back=reverse("disrupt:intelligence-detail", args=[record.uuid]),
        success=gettext("Share with %(partner)s revoked") % {"partner": partner},
        button=gettext("Revoke the share"),
        warning=gettext(
            "You cannot undo this. %(partner)s stops seeing this intelligence at once; "
            "to share it again you must share it anew."
        )
        % {"partner": partner},
        template="disrupt/intelligence_share_revoke.html",
        context={"record": record, "share": share},
    )
