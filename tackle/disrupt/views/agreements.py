"""Information-sharing agreements between organisations: one proposes, the other accepts, either
ends it. Each side opens every agreement it is party to."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tackle.accounts.door import open_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import AGREEMENTS, Action
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.disrupt import selectors, services
from tackle.disrupt.access import is_coordinator, require_coordinator, require_disruption
from tackle.disrupt.choices import SharingCategory
from tackle.disrupt.forms import AgreementForm
from tackle.disrupt.models import SharingAgreement
from tackle.disrupt.selectors import AgreementStatus
from tackle.disrupt.templatetags.disrupt import sharing_labels
from tackle.disrupt.views.common import organisation_of


@login_required
def agreement_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_disruption(request.user)
    lists = selectors.agreements_by_state(request.user)
    rows = [*lists.proposed_to_us, *lists.proposed_by_us, *lists.accepted, *lists.ended]  # as the page lists them
    download = list_download(
        request, rows, resource=AGREEMENTS, columns=_agreement_columns(), name="agreements", title="Sharing agreements"
    )
    if download is not None:
        return download
    audit_record(action=AuditAction.LIST, request=request, object_type="disrupt.sharingagreement")
    context = {
        "lists": lists,
        "is_coordinator": is_coordinator(request.user),
        "downloads": list_download_links(request, AGREEMENTS) if rows else [],
    }
    return render(request, "disrupt/agreement_list.html", context)


# Each agreement with its status, as the page's tables show them.
def _agreement_columns() -> tuple[Column, ...]:
    # Headers in the reader's language, read per download.
    return (
        Column(gettext("Agreement"), lambda row: row[0].title),
        Column(gettext("Proposed by"), lambda row: row[0].organisation.name),
        Column(gettext("Proposed to"), lambda row: row[0].partner.name),
        Column(gettext("What each party shares"), lambda row: sharing_labels(row[0].categories)),
        Column(gettext("Starts"), lambda row: row[0].starts_on),
        Column(gettext("Expires"), lambda row: row[0].expires_on),
        Column(gettext("Status"), lambda row: gettext(str(row[1]))),
    )


@login_required
def agreement_new(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    form = AgreementForm(request.POST or None, organisation=organisation_of(request))

    def save(data: dict[str, Any]) -> SharingAgreement:
        agreement = form.save(commit=False)
        return services.agreement_propose(
            actor=request.user, agreement=agreement, categories=data["categories"], request=request
        )

    return form_page(
        request,
        form,
        save,
        title=gettext("Propose a sharing agreement"),
        back=reverse("disrupt:agreement-list"),
        success=gettext("Agreement proposed: nothing is shared until the partner accepts it"),
        intro=gettext(
            "Nothing is shared until the partner organisation's lead accepts. Once they have, and while "
            "it is in force, each party sees the other's records in the categories you tick."
        ),
        next_url=lambda agreement: reverse("disrupt:agreement-detail", args=[agreement.uuid]),
    )


@login_required
def agreement_detail(request: AuthenticatedRequest, agreement_uuid: Any) -> HttpResponse:
    require_disruption(request.user)
    visible = selectors.agreements_visible_to(request.user)
    agreement = open_for_user(request.user, visible, resource=AGREEMENTS, request=request, uuid=agreement_uuid)
    status = selectors.agreement_status(agreement)
    coordinator = is_coordinator(request.user)
    proposed_to_us = agreement.partner_id == request.user.organisation_id
    context = {
        "agreement": agreement,
        "status": status,
        "proposed_to_us": proposed_to_us,
        "categories": [SharingCategory(code).label for code in agreement.categories if code in SharingCategory.values],
        "may_accept": coordinator and proposed_to_us and status == AgreementStatus.PROPOSED,
        "may_decline": coordinator and status == AgreementStatus.PROPOSED,
        "may_revoke": coordinator and status in (AgreementStatus.IN_FORCE, AgreementStatus.NOT_STARTED),
    }
    return render(request, "disrupt/agreement_detail.html", context)


def _act(
    request: AuthenticatedRequest,
    agreement_uuid: Any,
    service: Callable[..., SharingAgreement],
    done: str,
) -> HttpResponse:
    """Accept, decline or revoke: for a coordinator of either party (the service says which)."""
    require_coordinator(request.user)
    visible = selectors.agreements_visible_to(request.user)
    agreement = open_for_user(request.user, visible, resource=AGREEMENTS, action=Action.CHANGE, uuid=agreement_uuid)
    try:
        service(actor=request.user, agreement=agreement, request=request)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("disrupt:agreement-detail", agreement_uuid=agreement.uuid)


@login_required
@require_POST
def agreement_accept(request: AuthenticatedRequest, agreement_uuid: Any) -> HttpResponse:
    done = gettext("Agreement accepted: each party now sees the other's records in its categories, within its dates")
    return _act(request, agreement_uuid, services.agreement_accept, done)


@login_required
@require_POST
def agreement_decline(request: AuthenticatedRequest, agreement_uuid: Any) -> HttpResponse:
    return _act(
        request, agreement_uuid, services.agreement_decline, gettext("Proposal declined: nothing is shared under it")
    )


CONFIRM_REVOKE = "revoke"


@login_required
def agreement_revoke(request: AuthenticatedRequest, agreement_uuid: Any) -> HttpResponse:
    """Check before revoking (issue 18): revoking cannot be undone (a new proposal must be accepted
    again), so the page says what stops being shared and with whom; only its own button, which
    posts the confirmation, revokes. Any other POST shows the page and changes nothing."""
    if request.method == "POST" and request.POST.get("confirm") == CONFIRM_REVOKE:
        return _act(
            request,
            agreement_uuid,
            services.agreement_revoke,
            gettext("Agreement revoked: nothing more is shared under it"),
        )
    require_coordinator(request.user)
    visible = selectors.agreements_visible_to(request.user)
    agreement = open_for_user(request.user, visible, resource=AGREEMENTS, action=Action.CHANGE, uuid=agreement_uuid)
    status = selectors.agreement_status(agreement)
    context = {
        "agreement": agreement,
        "status": status,
        "categories": [SharingCategory(code).label for code in agreement.categories if code in SharingCategory.values],
        "may_revoke": status in (AgreementStatus.IN_FORCE, AgreementStatus.NOT_STARTED),
        "confirm": CONFIRM_REVOKE,
    }
    return render(request, "disrupt/agreement_revoke.html", context)
