"""Information-sharing agreements between organisations."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tackle.accounts.door import open_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.core.access import AGREEMENTS
from tackle.core.errors import ApplicationError
from tackle.core.form_page import form_page
from tackle.disrupt import selectors, services
from tackle.disrupt.access import is_coordinator, require_coordinator, require_disruption
from tackle.disrupt.choices import SharingCategory
from tackle.disrupt.forms import AgreementForm
from tackle.disrupt.models import SharingAgreement
from tackle.disrupt.views.common import organisation_of, own_or_404


@login_required
def agreement_list(request: AuthenticatedRequest) -> HttpResponse:
    require_disruption(request.user)
    agreements = [
        (agreement, selectors.agreement_status(agreement))
        for agreement in selectors.agreements_visible_to(request.user)
    ]
    audit_record(action=AuditAction.LIST, request=request, object_type="disrupt.sharingagreement")
    context = {"agreements": agreements, "is_coordinator": is_coordinator(request.user)}
    return render(request, "disrupt/agreement_list.html", context)


@login_required
def agreement_new(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    organisation = organisation_of(request)
    form = AgreementForm(request.POST or None, organisation=organisation)

    def save(data: dict[str, Any]) -> SharingAgreement:
        agreement = form.save(commit=False)
        agreement.organisation = organisation
        agreement.created_by = request.user
        agreement.categories = list(data["categories"])
        return record_save(actor=request.user, obj=agreement, request=request)

    return form_page(
        request,
        form,
        save,
        title="Record a sharing agreement",
        back=reverse("disrupt:agreement-list"),
        success="Agreement recorded",
        intro="While it is in force, each party sees the other's records in the categories you tick.",
        next_url=lambda agreement: reverse("disrupt:agreement-detail", args=[agreement.uuid]),
    )


@login_required
def agreement_detail(request: AuthenticatedRequest, agreement_uuid: Any) -> HttpResponse:
    require_disruption(request.user)
    visible = selectors.agreements_visible_to(request.user)
    agreement = open_for_user(request.user, visible, resource=AGREEMENTS, request=request, uuid=agreement_uuid)
    context = {
        "agreement": agreement,
        "status": selectors.agreement_status(agreement),
        "categories": [SharingCategory(code).label for code in agreement.categories if code in SharingCategory.values],
        "may_revoke": is_coordinator(request.user) and agreement.organisation_id == request.user.organisation_id,
    }
    return render(request, "disrupt/agreement_detail.html", context)


@login_required
@require_POST
def agreement_revoke(request: AuthenticatedRequest, agreement_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    agreement = own_or_404(SharingAgreement, request, agreement_uuid, resource=AGREEMENTS)
    try:
        services.agreement_revoke(actor=request.user, agreement=agreement, request=request)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Agreement revoked: nothing more is shared under it")
    return redirect("disrupt:agreement-detail", agreement_uuid=agreement.uuid)
