"""The supplier register: suppliers, their contacts, and those with no statement on file."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.records import record_save
from tackle.core.access import SUPPLIERS, Action
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.periods import today_in_london
from tackle.suppliers import selectors, services
from tackle.suppliers.access import may_check_tenders, require_suppliers
from tackle.suppliers.forms import ConcernTaskCloseForm, ContactForm, SupplierForm
from tackle.suppliers.models import ContractStatus, SupplierContact
from tackle.suppliers.statements import latest_statement_assessment


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse:
    require_suppliers(request.user)
    user = request.user
    today = timezone.localdate()
    due = selectors.assessments_due(user.organisation_id)
    context = {
        "supplier_count": selectors.suppliers_visible_to(user).count(),
        "contract_count": selectors.contracts_visible_to(user).filter(status=ContractStatus.ACTIVE).count(),
        "missing_count": selectors.suppliers_missing_statement(user.organisation_id or 0).count(),
        "overdue_count": due.filter(due_on__lt=today).count(),
        "open_clarifications": selectors.clarifications_visible_to(user).filter(closed_on__isnull=True).count(),
        "may_check_tenders": may_check_tenders(user),
    }
    return render(request, "suppliers/index.html", context)


@login_required
def supplier_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_suppliers(request.user)
    query = request.GET.get("q", "").strip()[:100]
    suppliers = selectors.suppliers_visible_to(request.user).annotate(
        active_contracts=Count("contracts", filter=Q(contracts__status=ContractStatus.ACTIVE))
    )
    if query:
        suppliers = suppliers.filter(Q(name__icontains=query) | Q(company_number__iexact=query))
    download = list_download(
        request, suppliers, resource=SUPPLIERS, columns=SUPPLIER_COLUMNS, name="suppliers", title="Supplier register"
    )
    if download is not None:
        return download
    context = {"suppliers": suppliers, "query": query, "downloads": list_download_links(request, SUPPLIERS)}
    return render(request, "suppliers/supplier_list.html", context)


# The register's download: the page's columns and what a council's contracts team asks for; the
# named contacts (personal data) stay on the supplier's page.
SUPPLIER_COLUMNS = (
    Column("Supplier", lambda s: s.name),
    Column("Company number", lambda s: s.company_number),
    Column("Turnover", lambda s: s.get_turnover_band_display()),
    Column("Statement on file", lambda s: "Yes" if s.has_statement else "No"),
    Column("Must publish a statement", lambda s: "Yes" if s.must_publish_statement else "No"),
    Column("Statement web address", lambda s: s.statement_url),
    Column("Statement last checked", lambda s: s.statement_checked_on),
    Column("Active contracts", lambda s: s.active_contracts),
)


@login_required
def supplier_new(request: AuthenticatedRequest) -> HttpResponse:
    require_suppliers(request.user)
    organisation = request.user.organisation
    assert organisation is not None
    form = SupplierForm(request.POST or None, organisation=organisation)
    return form_page(
        request,
        form,
        lambda data: record_save(actor=request.user, obj=form.save(commit=False)),
        title=gettext("Add a supplier"),
        back=reverse("suppliers:supplier-list"),
        success=gettext("Supplier added"),
        next_url=lambda supplier: reverse("suppliers:supplier-detail", args=[supplier.uuid]),  # type: ignore[attr-defined]
    )


@login_required
def supplier_edit(request: AuthenticatedRequest, supplier_uuid: Any) -> HttpResponse:
    require_suppliers(request.user)
    visible = selectors.suppliers_visible_to(request.user)
    supplier = open_for_user(request.user, visible, resource=SUPPLIERS, action=Action.CHANGE, uuid=supplier_uuid)
    organisation = request.user.organisation
    assert organisation is not None
    form = SupplierForm(request.POST or None, instance=supplier, organisation=organisation)
    back = reverse("suppliers:supplier-detail", args=[supplier.uuid])
    return form_page(
        request,
        form,
        lambda data: record_save(actor=request.user, obj=form.save(commit=False)),
        title=gettext("Change supplier details"),
        caption=supplier.name,
        back=back,
        success=gettext("Supplier details saved"),
    )


@login_required
def supplier_detail(request: AuthenticatedRequest, supplier_uuid: Any) -> HttpResponse:
    require_suppliers(request.user)
    # Contacts are named people: the door records the opening.
    visible = selectors.suppliers_visible_to(request.user)
    supplier = open_for_user(request.user, visible, resource=SUPPLIERS, request=request, uuid=supplier_uuid)
    context = {
        "supplier": supplier,
        "contacts": supplier.contacts.all(),
        "contracts": supplier.contracts.select_related("contract_manager"),
        "concern_tasks": supplier.concern_tasks.select_related("closed_by"),
        "responses": supplier.selection_responses.all()[:20],
        "assessment": latest_statement_assessment(supplier),
        "statement_follow_ups": selectors.statement_follow_ups(
            organisation_id=supplier.organisation_id, supplier=supplier
        ),
        "today": today_in_london(),  # a follow-up due before it is overdue
    }
    return render(request, "suppliers/supplier_detail.html", context)


@login_required
def contact_new(request: AuthenticatedRequest, supplier_uuid: Any) -> HttpResponse:
    require_suppliers(request.user)
    visible = selectors.suppliers_visible_to(request.user)
    supplier = open_for_user(request.user, visible, resource=SUPPLIERS, action=Action.CHANGE, uuid=supplier_uuid)
    form = ContactForm(request.POST or None, instance=SupplierContact(supplier=supplier))
    return form_page(
        request,
        form,
        lambda data: record_save(
            actor=request.user, obj=form.save(commit=False), organisation_id=supplier.organisation_id
        ),
        title=gettext("Add a contact"),
        caption=supplier.name,
        back=reverse("suppliers:supplier-detail", args=[supplier.uuid]),
        success=gettext("Contact added"),
    )


@login_required
def missing_statements(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_suppliers(request.user)
    suppliers = selectors.suppliers_missing_statement(request.user.organisation_id or 0).annotate(
        active_contracts=Count("contracts", filter=Q(contracts__status=ContractStatus.ACTIVE))
    )
    download = list_download(
        request,
        suppliers,
        resource=SUPPLIERS,
        columns=_missing_columns(),
        name="missing-statements",
        title="Suppliers with no statement on file",
    )
    if download is not None:
        return download
    unknown = selectors.unknown_turnover_count(request.user)
    context = {"suppliers": suppliers, "unknown": unknown, "downloads": list_download_links(request, SUPPLIERS)}
    return render(request, "suppliers/missing_statements.html", context)


def _missing_columns() -> tuple[Column, ...]:
    # Headers in the reader's language, read per download; the company number to chase the statement by.
    return (
        Column(gettext("Supplier"), lambda s: s.name),
        Column(gettext("Company number"), lambda s: s.company_number),
        Column(gettext("Turnover"), lambda s: s.get_turnover_band_display()),
        Column(gettext("Active contracts"), lambda s: s.active_contracts),
    )


@login_required
def concern_task_close(request: AuthenticatedRequest, concern_uuid: Any) -> HttpResponse:
    """Procurement closes a concern passed from casework with what it did; it stays on the supplier's
    record, listed as closed."""
    require_suppliers(request.user)
    visible = selectors.concern_tasks_visible_to(request.user)
    task = open_for_user(request.user, visible, resource=SUPPLIERS, action=Action.CHANGE, uuid=concern_uuid)
    form = ConcernTaskCloseForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda data: services.supplier_concern_task_close(
            actor=request.user, task=task, closed_on=timezone.localdate(), outcome=data["outcome"], request=request
        ),
        title=gettext("Close the concern"),
        caption=gettext("%(supplier)s: concern %(reference)s")
        % {"supplier": task.supplier.name, "reference": task.case_reference},
        intro=gettext(
            "Workers at this supplier may be exploited. Say what procurement did about the contract; "
            "the concern stays on the supplier's record as closed."
        ),
        back=reverse("suppliers:supplier-detail", args=[task.supplier.uuid]),
        success=gettext("Concern %(reference)s closed") % {"reference": task.case_reference},
        button=gettext("Close the concern"),
    )
