"""Operations: plan, agencies, reception centre, outcomes, and cases for the victims found."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.cases.selectors import openable_case_uuids
from tackle.core.access import OPERATIONS
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.identifiers import normalise_postcode
from tackle.disrupt import selectors, services
from tackle.disrupt.access import is_coordinator, require_coordinator, require_disruption
from tackle.disrupt.choices import PremisesType, SharingCategory
from tackle.disrupt.forms import AgencyForm, OpenCasesForm, OperationForm, OutcomeForm, ReceptionCentreForm
from tackle.disrupt.models import Operation, OperationOutcome, Premises, ReceptionCentrePlan
from tackle.disrupt.views.common import organisation_of, own_or_404


@login_required
def operation_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_disruption(request.user)
    operations = selectors.operations_visible_to(request.user).select_related("outcome")
    download = list_download(
        request, operations, resource=OPERATIONS, columns=_operation_columns(), name="operations", title="Operations"
    )
    if download is not None:
        return download
    audit_record(action=AuditAction.LIST, request=request, object_type="disrupt.operation")
    context = {
        "operations": operations,
        "is_coordinator": is_coordinator(request.user),
        "downloads": list_download_links(request, OPERATIONS),
    }
    return render(request, "disrupt/operation_list.html", context)


def _operation_columns() -> tuple[Column, ...]:
    # Headers in the reader's language, read per download.
    return (
        Column(gettext("Operation"), lambda o: o.name),
        Column(gettext("Planned or dynamic"), lambda o: o.get_kind_display()),
        Column(gettext("Date"), lambda o: o.operation_date),
        Column(gettext("Lead agency"), lambda o: o.lead_agency),
        Column(
            gettext("Outcomes recorded"), lambda o: gettext("Yes") if getattr(o, "outcome", None) else gettext("No")
        ),
    )


def _prefill(request: AuthenticatedRequest) -> dict[str, Any]:
    """Risk targeting links here with ?name=&address=&postcode=&premises_type= for one premises."""
    name = request.GET.get("name", "").strip()[:200]
    address = request.GET.get("address", "").strip()[:300]
    postcode = request.GET.get("postcode", "").strip()[:10]
    premises_type = request.GET.get("premises_type", "")
    initial: dict[str, Any] = {}
    if name:
        initial["name"] = (gettext("Visit to %(name)s") % {"name": name})[:120]
    normalised = normalise_postcode(postcode)
    known = (
        Premises.objects.filter(
            organisation=request.user.organisation, postcode=normalised, address__iexact=" ".join(address.split())
        ).first()
        if normalised and address
        else None
    )
    if known is not None:
        initial["premises"] = [known.pk]
    elif address or postcode:
        initial |= {
            "new_premises_name": name,
            "new_premises_address": address,
            "new_premises_postcode": normalised or postcode,
            "new_premises_type": premises_type if premises_type in PremisesType.values else PremisesType.OTHER,
        }
    return initial


@login_required
def operation_create(request: AuthenticatedRequest) -> HttpResponse:
    require_coordinator(request.user)
    organisation = organisation_of(request)
    intelligence = selectors.intelligence_visible_to(request.user)
    form = OperationForm(
        request.POST or None,
        organisation=organisation,
        intelligence=intelligence,
        initial=_prefill(request) if request.method == "GET" else None,
    )

    def save(data: dict[str, Any]) -> Operation:
        operation = form.save(commit=False)
        operation.organisation = organisation
        operation.created_by = request.user
        new_premises = None
        if data.get("new_premises_address"):
            new_premises = services.NewPremises(
                address=data["new_premises_address"],
                postcode=data["new_premises_postcode"],
                name=data.get("new_premises_name", ""),
                premises_type=data.get("new_premises_type") or PremisesType.OTHER,
            )
        return services.operation_create(
            actor=request.user,
            operation=operation,
            premises=list(data["premises"]),
            intelligence=list(data["intelligence"]),
            new_premises=new_premises,
            request=request,
        )

    return form_page(
        request,
        form,
        save,
        title=gettext("Plan an operation"),
        back=reverse("disrupt:operation-list"),
        success=gettext("Operation planned"),
        next_url=lambda operation: reverse("disrupt:operation-detail", args=[operation.uuid]),
        intro=gettext("Choose premises already recorded, or type a new address below it."),
    )


@login_required
def operation_edit(request: AuthenticatedRequest, operation_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    operation = own_or_404(Operation, request, operation_uuid, resource=OPERATIONS)
    visible = selectors.intelligence_visible_to(request.user)
    form = OperationForm(
        request.POST or None, instance=operation, organisation=organisation_of(request), intelligence=visible
    )
    for name in ("new_premises_name", "new_premises_address", "new_premises_postcode", "new_premises_type"):
        del form.fields[name]  # new premises are added from the premises pages once an operation exists

    def save(data: dict[str, Any]) -> Operation:
        # Links to intelligence this user can no longer see (an agreement lapsed) stay as they were.
        hidden = operation.intelligence.exclude(pk__in=visible.values("pk"))
        return record_save(
            actor=request.user,
            obj=form.save(commit=False),
            changed=form.changed_data,
            m2m={"premises": list(data["premises"]), "intelligence": [*data["intelligence"], *hidden]},
            request=request,
        )

    return form_page(
        request,
        form,
        save,
        title=gettext("Change the plan"),
        caption=operation.name,
        back=_back(operation),
        success=gettext("Plan changed"),
    )


@login_required
def operation_detail(request: AuthenticatedRequest, operation_uuid: Any) -> HttpResponse:
    require_disruption(request.user)
    visible = selectors.operations_visible_to(request.user)
    operation = selectors.open_shared_record(
        request.user,
        visible,
        resource=OPERATIONS,
        category=SharingCategory.OPERATIONS,
        request=request,
        record_uuid=operation_uuid,
    )
    owner = is_coordinator(request.user) and operation.organisation_id == request.user.organisation_id
    case_links = list(operation.case_links.select_related("case")) if owner else []
    context = {
        "operation": operation,
        "owner": owner,
        "premises": operation.premises.all(),
        "intelligence": selectors.intelligence_visible_to(request.user).filter(operations=operation),
        "agencies": operation.agencies.all(),
        "reception": getattr(operation, "reception_centre", None),
        "outcome": getattr(operation, "outcome", None),
        "case_links": case_links,
        "openable_cases": openable_case_uuids(request.user, [link.case.uuid for link in case_links]),
        "outcomes_from": operation.operation_date,
        "outcomes_due": operation.operation_date <= timezone.localdate(),
        "victims_without_cases": selectors.victims_without_cases(operation) if owner else 0,
        "actions": operation.actions.all() if owner else [],
    }
    return render(request, "disrupt/operation_detail.html", context)


def _back(operation: Operation) -> str:
    return reverse("disrupt:operation-detail", args=[operation.uuid])


@login_required
def agency_new(request: AuthenticatedRequest, operation_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    operation = own_or_404(Operation, request, operation_uuid, resource=OPERATIONS)
    form = AgencyForm(request.POST or None)

    def save(data: dict[str, Any]) -> object:
        return services.operation_add_agency(actor=request.user, operation=operation, request=request, **data)

    return form_page(
        request,
        form,
        save,
        title=gettext("Add an agency"),
        caption=operation.name,
        back=_back(operation),
        success=gettext("Agency added"),
    )


@login_required
def reception_centre_edit(request: AuthenticatedRequest, operation_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    operation = own_or_404(Operation, request, operation_uuid, resource=OPERATIONS)
    plan = getattr(operation, "reception_centre", None) or ReceptionCentrePlan(operation=operation)
    form = ReceptionCentreForm(request.POST or None, instance=plan)

    def save(data: dict[str, Any]) -> object:
        return services.reception_centre_save(actor=request.user, plan=form.save(commit=False), request=request)

    return form_page(
        request,
        form,
        save,
        title=gettext("Reception centre plan"),
        caption=operation.name,
        back=_back(operation),
        success=gettext("Reception centre plan saved"),
    )


@login_required
def outcome_edit(request: AuthenticatedRequest, operation_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    operation = own_or_404(Operation, request, operation_uuid, resource=OPERATIONS)
    if operation.operation_date > timezone.localdate():
        # The service refuses outcomes before the day, so the form is not offered either.
        messages.info(
            request,
            gettext("Outcomes can be recorded from %(day)s, the day of the operation")
            % {"day": date_format(operation.operation_date, "j F Y")},
        )
        return redirect(_back(operation))
    outcome = getattr(operation, "outcome", None) or OperationOutcome(operation=operation)
    form = OutcomeForm(
        request.POST or None, instance=outcome, initial={"exploitation_types": outcome.exploitation_types}
    )

    def save(data: dict[str, Any]) -> object:
        record = form.save(commit=False)
        record.exploitation_types = list(data["exploitation_types"])
        return services.outcome_record(actor=request.user, outcome=record, request=request)

    return form_page(
        request,
        form,
        save,
        title=gettext("Record outcomes"),
        caption=operation.name,
        back=_back(operation),
        success=gettext("Outcomes recorded"),
    )


@login_required
def cases_open(request: AuthenticatedRequest, operation_uuid: Any) -> HttpResponse:
    require_coordinator(request.user)
    operation = own_or_404(Operation, request, operation_uuid, resource=OPERATIONS)
    outcome = getattr(operation, "outcome", None)
    waiting = selectors.victims_without_cases(operation)
    form = OpenCasesForm(
        request.POST or None, initial={"exploitation_types": outcome.exploitation_types if outcome else []}
    )

    def save(data: dict[str, Any]) -> object:
        facts = services.VictimFacts(
            what_was_seen=data["what_was_seen"], exploitation_types=list(data["exploitation_types"])
        )
        return services.operation_open_cases(actor=request.user, operation=operation, facts=facts, request=request)

    return form_page(
        request,
        form,
        save,
        title=gettext("Open cases for the potential victims"),
        caption=operation.name,
        back=_back(operation),
        success=gettext("Cases opened in identify and refer"),
        button=gettext("Open cases"),
        intro=ngettext(
            "%(count)d potential victim from this operation has no case yet. One case is opened for each, "
            "as a concern in identify and refer, and the referral pathway runs on it.",
            "%(count)d potential victims from this operation have no case yet. One case is opened for each, "
            "as a concern in identify and refer, and the referral pathway runs on it.",
            waiting,
        )
        % {"count": waiting},
    )
