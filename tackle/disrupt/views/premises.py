"""Premises, businesses and address flags."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from tackle.accounts.door import open_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.core.access import PREMISES, Action
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.disrupt import selectors, services
from tackle.disrupt.access import is_coordinator, may_see_flags, require_coordinator, require_disruption
from tackle.disrupt.choices import SharingCategory
from tackle.disrupt.forms import BusinessForm, FlagForm, PremisesForm
from tackle.disrupt.models import AddressFlag, Premises
from tackle.disrupt.views.common import organisation_of, own_or_404


@login_required
def premises_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_disruption(request.user)
    premises = selectors.premises_visible_to(request.user).select_related("organisation")
    if may_see_flags(request.user):
        premises = premises.annotate(live_flags=Count("flags", filter=Q(flags__cleared_at__isnull=True)))
    download = list_download(
        request, premises, resource=PREMISES, columns=_premises_columns(), name="premises", title="Premises"
    )
    if download is not None:
        return download
    audit_record(action=AuditAction.LIST, request=request, object_type="disrupt.premises")
    context = {
        "premises": premises,
        "is_coordinator": is_coordinator(request.user),
        "downloads": list_download_links(request, PREMISES),
    }
    return render(request, "disrupt/premises_list.html", context)


def _premises_columns() -> tuple[Column, ...]:
    # Headers in the reader's language, read per download.
    return (
        Column(gettext("Trading name"), lambda p: p.name),
        Column(gettext("Address"), lambda p: p.address),
        Column(gettext("Postcode"), lambda p: p.postcode),
        Column(gettext("UPRN"), lambda p: p.uprn),
        Column(gettext("Type"), lambda p: p.get_premises_type_display()),
        Column(gettext("Recorded by"), lambda p: p.organisation.name),
        Column(gettext("Live flags"), lambda p: getattr(p, "live_flags", "")),
    )


@login_required
def premises_new(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    form = PremisesForm(request.POST or None)

    def save(data: dict[str, Any]) -> Premises:
        premises = form.save(commit=False)
        premises.organisation = organisation_of(request)
        premises.created_by = request.user
        return record_save(actor=request.user, obj=premises, request=request)

    return form_page(
        request,
        form,
        save,
        title=gettext("Add premises"),
        back=reverse("disrupt:premises-list"),
        success=gettext("Premises added"),
        next_url=lambda premises: reverse("disrupt:premises-detail", args=[premises.uuid]),
    )


@login_required
def premises_edit(request: AuthenticatedRequest, premises_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    premises = own_or_404(Premises, request, premises_uuid, resource=PREMISES)
    form = PremisesForm(request.POST or None, instance=premises)
    back = reverse("disrupt:premises-detail", args=[premises.uuid])
    return form_page(
        request,
        form,
        lambda data: record_save(
            actor=request.user, obj=form.save(commit=False), changed=form.changed_data, request=request
        ),
        title=gettext("Change premises"),
        caption=str(premises),
        back=back,
        success=gettext("Premises changed"),
    )


@login_required
def premises_detail(request: AuthenticatedRequest, premises_uuid: Any) -> HttpResponse:
    require_disruption(request.user)
    visible = selectors.premises_visible_to(request.user)
    premises = selectors.open_shared_record(
        request.user,
        visible,
        resource=PREMISES,
        category=SharingCategory.PREMISES,
        request=request,
        record_uuid=premises_uuid,
    )
    user = request.user
    context = {
        "premises": premises,
        "flags": selectors.flags_visible_to(user, premises),
        "may_flag": may_see_flags(user) and premises.organisation_id == user.organisation_id,
        "may_change": is_coordinator(user) and premises.organisation_id == user.organisation_id,
        "businesses": selectors.businesses_visible_to(user).filter(premises=premises),
        "intelligence": selectors.intelligence_visible_to(user).filter(premises=premises),
        "operations": selectors.operations_visible_to(user).filter(premises=premises),
    }
    return render(request, "disrupt/premises_detail.html", context)


@login_required
def flag_new(request: AuthenticatedRequest, premises_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    premises = own_or_404(Premises, request, premises_uuid, resource=PREMISES)
    form = FlagForm(request.POST or None)

    def save(data: dict[str, Any]) -> AddressFlag:
        return services.flag_raise(
            actor=request.user, premises=premises, kind=data["kind"], note=data["note"], request=request
        )

    back = reverse("disrupt:premises-detail", args=[premises.uuid])
    return form_page(
        request, form, save, title=gettext("Flag this address"), caption=str(premises), back=back, success="Flag added"
    )


@login_required
@require_POST
def flag_clear(request: AuthenticatedRequest, premises_uuid: Any, flag_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    premises = own_or_404(Premises, request, premises_uuid, resource=PREMISES)
    flag = open_for_user(request.user, premises.flags.all(), resource=PREMISES, action=Action.CHANGE, uuid=flag_uuid)
    try:
        services.flag_clear(actor=request.user, flag=flag, request=request)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Flag cleared"))
    return redirect("disrupt:premises-detail", premises_uuid=premises.uuid)


@login_required
def business_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_disruption(request.user)
    businesses = selectors.businesses_visible_to(request.user).select_related("organisation")
    # A business is recorded beside the premises it trades from, under the same policy (and audit).
    download = list_download(
        request, businesses, resource=PREMISES, columns=_business_columns(), name="businesses", title="Businesses"
    )
    if download is not None:
        return download
    audit_record(action=AuditAction.LIST, request=request, object_type="disrupt.business")
    context = {
        "businesses": businesses,
        "is_coordinator": is_coordinator(request.user),
        "downloads": list_download_links(request, PREMISES),
    }
    return render(request, "disrupt/business_list.html", context)


def _business_columns() -> tuple[Column, ...]:
    return (
        Column(gettext("Name"), lambda b: b.name),
        Column(gettext("Company number"), lambda b: b.company_number),
        Column(gettext("Operator"), lambda b: b.operator),
        Column(gettext("Premises"), lambda b: "; ".join(str(item) for item in b.premises.all())),
        Column(gettext("Recorded by"), lambda b: b.organisation.name),
    )


@login_required
def business_new(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    organisation = organisation_of(request)
    form = BusinessForm(request.POST or None, organisation=organisation)

    def save(data: dict[str, Any]) -> object:
        business = form.save(commit=False)
        business.organisation = organisation
        business.created_by = request.user
        return record_save(actor=request.user, obj=business, m2m={"premises": data["premises"]}, request=request)

    back = reverse("disrupt:business-list")
    return form_page(request, form, save, title=gettext("Add a business"), back=back, success=gettext("Business added"))
