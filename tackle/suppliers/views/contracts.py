"""Contracts and their due diligence: risk score, annual assessments, risk register, action plans,
sanctions and termination."""

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.records import record_save
from tackle.core.access import CONTRACTS, SUPPLIERS, Action
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.forms import add_application_error
from tackle.suppliers import selectors, services
from tackle.suppliers.access import require_suppliers
from tackle.suppliers.forms import (
    ActionCloseForm,
    ActionForm,
    AssessmentCompleteForm,
    ContractForm,
    OcdsImportForm,
    RiskForm,
    SanctionForm,
    SelectionResponseForm,
    TerminateForm,
)
from tackle.suppliers.models import (
    Contract,
    ContractAction,
    ContractRisk,
    ContractStatus,
    Sanction,
)
from tackle.suppliers.rules.contract_risk import contract_risk
from tackle.suppliers.rules.ocds import MAX_OCDS_BYTES, OcdsProblem


def _contract(request: AuthenticatedRequest, contract_uuid: Any, action: Action = Action.CHANGE) -> Contract:
    require_suppliers(request.user)
    visible = selectors.contracts_visible_to(request.user)
    return open_for_user(request.user, visible, resource=CONTRACTS, action=action, uuid=contract_uuid)


def _detail_url(contract: Contract) -> str:
    return reverse("suppliers:contract-detail", args=[contract.uuid])


@login_required
def contract_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_suppliers(request.user)
    contracts = selectors.contracts_visible_to(request.user)
    download = list_download(
        request, contracts, resource=CONTRACTS, columns=CONTRACT_COLUMNS, name="contracts", title="Contracts"
    )
    if download is not None:
        return download
    return render(
        request,
        "suppliers/contract_list.html",
        {"contracts": contracts, "downloads": list_download_links(request, CONTRACTS)},
    )


CONTRACT_COLUMNS = (
    Column("Reference", lambda c: c.reference),
    Column("Contract", lambda c: c.title),
    Column("Supplier", lambda c: c.supplier.name),
    Column("Company number", lambda c: c.supplier.company_number),
    Column("Tier", lambda c: c.get_tier_display()),
    Column("Starts", lambda c: c.start_on),
    Column("Ends", lambda c: c.end_on),
    Column("Status", lambda c: c.get_status_display()),
    Column("Value", lambda c: c.value),
)


@login_required
def contract_new(request: AuthenticatedRequest) -> HttpResponse:
    require_suppliers(request.user)
    organisation = request.user.organisation
    assert organisation is not None
    initial = {"tier": "standard"}
    try:
        supplier_uuid = uuid.UUID(request.GET.get("supplier", ""))
    except ValueError:
        supplier_uuid = None  # no supplier chosen, or a mangled link: start with an empty choice
    supplier = (
        selectors.suppliers_visible_to(request.user).filter(uuid=supplier_uuid).first() if supplier_uuid else None
    )
    if supplier is not None:
        initial["supplier"] = str(supplier.pk)
    form = ContractForm(request.POST or None, organisation=organisation, initial=initial)
    return form_page(
        request,
        form,
        lambda data: services.contract_save(
            actor=request.user, contract=form.save(commit=False), today=timezone.localdate()
        ),
        title=gettext("Add a contract"),
        back=reverse("suppliers:contract-list"),
        success=gettext("Contract added"),
        next_url=lambda contract: _detail_url(contract),  # type: ignore[arg-type]
    )


@login_required
def contract_edit(request: AuthenticatedRequest, contract_uuid: Any) -> HttpResponse:
    contract = _contract(request, contract_uuid)
    organisation = request.user.organisation
    assert organisation is not None
    form = ContractForm(request.POST or None, instance=contract, organisation=organisation)
    return form_page(
        request,
        form,
        lambda data: services.contract_save(
            actor=request.user, contract=form.save(commit=False), today=timezone.localdate()
        ),
        title=gettext("Change contract details"),
        caption=contract.title,
        back=_detail_url(contract),
        success=gettext("Contract details saved"),
    )


@login_required
def contract_detail(request: AuthenticatedRequest, contract_uuid: Any) -> HttpResponse:
    contract = _contract(request, contract_uuid, Action.VIEW)
    today = timezone.localdate()
    outcome = selectors.latest_outcomes([contract.pk]).get(contract.pk, "")
    context = {
        "contract": contract,
        "risk": contract_risk(selectors.facts_for(contract, outcome)),
        "assessments": contract.assessments.select_related("completed_by"),
        "risks": contract.risks.select_related("owner").order_by("closed_on", "-likelihood", "-impact"),
        "actions": contract.actions.all(),
        "sanctions": contract.sanctions.all(),
        "today": today,
        "is_open": contract.status != ContractStatus.TERMINATED,
    }
    return render(request, "suppliers/contract_detail.html", context)


@login_required
def contract_terminate(request: AuthenticatedRequest, contract_uuid: Any) -> HttpResponse:
    contract = _contract(request, contract_uuid)
    form = TerminateForm(request.POST or None, initial={"terminated_on": timezone.localdate()})
    return form_page(
        request,
        form,
        lambda data: services.contract_terminate(
            actor=request.user,
            contract=contract,
            terminated_on=data["terminated_on"],
            reason=data["reason"],
            details=data["details"],
        ),
        title=gettext("Terminate the contract"),
        caption=contract.title,
        back=_detail_url(contract),
        success=gettext("Contract terminated"),
        button=gettext("Terminate contract"),
        warning=gettext("Termination is the last step, after action plans and sanctions. It cannot be undone here."),
    )


@login_required
def risk_register(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_suppliers(request.user)
    today = timezone.localdate()
    rows = selectors.contract_risk_register(request.user, today=today)
    download = list_download(
        request,
        rows,
        resource=CONTRACTS,
        columns=risk_columns(),
        name="risk-register",
        title="Contract risk register",
    )
    if download is not None:
        return download
    ranked = selectors.open_contract_risks(rows)
    download = list_download(
        request,
        ranked,
        resource=CONTRACTS,
        columns=open_risk_columns(),
        name="open-risks",
        title=gettext("Open contract risks"),
        table="open-risks",
    )
    if download is not None:
        return download
    context = {
        "rows": rows,
        "risks": ranked,
        "today": today,
        "downloads": list_download_links(request, CONTRACTS),
        "risk_downloads": list_download_links(request, CONTRACTS, "open-risks") if ranked else [],
    }
    return render(request, "suppliers/risk_register.html", context)


def _yes_no(value: bool) -> str:
    return gettext("Yes") if value else gettext("No")


def risk_columns() -> tuple[Column, ...]:
    """Active contracts, highest risk first, as the register's first table shows them; headers,
    levels and reasons in the reader's language, read per download."""
    return (
        Column(gettext("Contract"), lambda row: row.contract.title),
        Column(gettext("Supplier"), lambda row: row.contract.supplier.name),
        Column(gettext("Risk"), lambda row: gettext(str(row.risk.level).capitalize())),
        Column(gettext("Score"), lambda row: row.risk.score),
        Column(gettext("Main reasons"), lambda row: "\n".join(reason.shown for reason in row.risk.reasons[:3])),
        Column(gettext("Open risks"), lambda row: row.open_risks),
        Column(gettext("Open actions"), lambda row: row.open_actions),
        Column(gettext("Assessment overdue"), lambda row: _yes_no(row.overdue_assessment)),
    )


def open_risk_columns() -> tuple[Column, ...]:
    """The register's second table: each open risk, highest score first, as the page lists them."""
    return (
        Column(gettext("Risk"), lambda risk: risk.description),
        Column(gettext("Contract"), lambda risk: risk.contract.title),
        Column(gettext("Supplier"), lambda risk: risk.contract.supplier.name),
        Column(gettext("Score"), lambda risk: risk.score),
        Column(gettext("Owner"), lambda risk: risk.owner.display_name if risk.owner else gettext("No owner")),
    )


@login_required
def risk_new(request: AuthenticatedRequest, contract_uuid: Any) -> HttpResponse:
    contract = _contract(request, contract_uuid)
    organisation = request.user.organisation
    assert organisation is not None
    form = RiskForm(request.POST or None, instance=ContractRisk(contract=contract), organisation=organisation)
    return form_page(
        request,
        form,
        lambda data: record_save(
            actor=request.user, obj=form.save(commit=False), organisation_id=contract.organisation_id
        ),
        title=gettext("Add a risk"),
        caption=contract.title,
        back=_detail_url(contract),
        success=gettext("Risk added to the register"),
    )


@login_required
def action_new(request: AuthenticatedRequest, contract_uuid: Any) -> HttpResponse:
    contract = _contract(request, contract_uuid)
    form = ActionForm(request.POST or None, instance=ContractAction(contract=contract, created_by=request.user))
    return form_page(
        request,
        form,
        lambda data: record_save(
            actor=request.user, obj=form.save(commit=False), organisation_id=contract.organisation_id
        ),
        title=gettext("Add an action to the plan"),
        caption=contract.title,
        back=_detail_url(contract),
        success=gettext("Action added"),
    )


@login_required
def action_close(request: AuthenticatedRequest, action_uuid: Any) -> HttpResponse:
    require_suppliers(request.user)
    visible = selectors.actions_visible_to(request.user)
    action = open_for_user(request.user, visible, resource=CONTRACTS, action=Action.CHANGE, uuid=action_uuid)
    form = ActionCloseForm(request.POST or None, initial={"closed_on": timezone.localdate()})
    return form_page(
        request,
        form,
        lambda data: services.action_close(
            actor=request.user, action=action, closed_on=data["closed_on"], note=data["note"]
        ),
        title=gettext("Close the action"),
        caption=action.description[:80],
        back=_detail_url(action.contract),
        success=gettext("Action closed"),
    )


@login_required
def sanction_new(request: AuthenticatedRequest, contract_uuid: Any) -> HttpResponse:
    contract = _contract(request, contract_uuid)
    form = SanctionForm(
        request.POST or None,
        instance=Sanction(contract=contract, recorded_by=request.user),
        initial={"imposed_on": timezone.localdate()},
    )
    return form_page(
        request,
        form,
        lambda data: record_save(
            actor=request.user, obj=form.save(commit=False), organisation_id=contract.organisation_id
        ),
        title=gettext("Record a sanction"),
        caption=contract.title,
        back=_detail_url(contract),
        success=gettext("Sanction recorded"),
    )


@login_required
def assessment_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_suppliers(request.user)
    today = timezone.localdate()
    due = selectors.assessments_due(request.user.organisation_id or 0)
    done = selectors.assessments_visible_to(request.user).filter(completed_on__isnull=False).order_by("-completed_on")
    download = list_download(
        request, due, resource=SUPPLIERS, columns=_due_columns(), name="assessments-due", title="Assessments to do"
    ) or list_download(
        request,
        done.select_related("contract__supplier"),
        resource=SUPPLIERS,
        columns=_done_columns(),
        name="assessments-done",
        title="Assessments done",
        table="done",
    )
    if download is not None:
        return download
    context = {
        "due": due,
        "done": done[:50],
        "today": today,
        "downloads": list_download_links(request, SUPPLIERS),
        "done_downloads": list_download_links(request, SUPPLIERS, table="done"),
    }
    return render(request, "suppliers/assessment_list.html", context)


def _due_columns() -> tuple[Column, ...]:
    # Headers in the reader's language, read per download.
    return (
        Column(gettext("Contract"), lambda a: a.contract.title),
        Column(gettext("Supplier"), lambda a: a.contract.supplier.name),
        Column(
            gettext("Contract manager"),
            lambda a: a.contract.contract_manager.display_name if a.contract.contract_manager else "",
        ),
        Column(gettext("Due"), lambda a: a.due_on),
    )


def _done_columns() -> tuple[Column, ...]:
    return (
        Column(gettext("Contract"), lambda a: a.contract.title),
        Column(gettext("Supplier"), lambda a: a.contract.supplier.name),
        Column(gettext("Completed"), lambda a: a.completed_on),
        Column(gettext("Outcome"), lambda a: a.get_outcome_display()),
        Column(gettext("Findings"), lambda a: a.findings),
    )


@login_required
def assessment_complete(request: AuthenticatedRequest, assessment_uuid: Any) -> HttpResponse:
    require_suppliers(request.user)
    visible = selectors.assessments_visible_to(request.user).filter(completed_on__isnull=True)
    assessment = open_for_user(request.user, visible, resource=SUPPLIERS, action=Action.CHANGE, uuid=assessment_uuid)
    form = AssessmentCompleteForm(request.POST or None, initial={"completed_on": timezone.localdate()})
    return form_page(
        request,
        form,
        lambda data: services.assessment_complete(
            actor=request.user,
            assessment=assessment,
            completed_on=data["completed_on"],
            outcome=data["outcome"],
            findings=data["findings"],
        ),
        title=gettext("Record the annual supplier assessment"),
        caption=gettext("%(contract)s, due %(day)s")
        % {"contract": assessment.contract.title, "day": date_format(assessment.due_on, "j F Y")},
        back=reverse("suppliers:assessment-list"),
        success=gettext("Assessment recorded"),
    )


@login_required
def selection_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_suppliers(request.user)
    responses = selectors.selection_responses_visible_to(request.user)
    download = list_download(
        request,
        responses,
        resource=SUPPLIERS,
        columns=SELECTION_COLUMNS,
        name="selection-responses",
        title=gettext("Selection questionnaire responses"),
    )
    if download is not None:
        return download
    context = {"responses": responses, "downloads": list_download_links(request, SUPPLIERS) if responses else []}
    return render(request, "suppliers/selection_list.html", context)


# The responses as the list shows them, the explanation whole rather than cut short.
SELECTION_COLUMNS = (
    Column("Bidder", lambda response: response.supplier.name),
    Column("Procurement", lambda response: response.procurement),
    Column("Date", lambda response: response.answered_on),
    Column("Answer", lambda response: response.get_outcome_display()),
    Column("Statement", lambda response: response.statement_url),
    Column("Explanation", lambda response: response.explanation),
)


@login_required
def selection_new(request: AuthenticatedRequest) -> HttpResponse:
    require_suppliers(request.user)
    organisation = request.user.organisation
    assert organisation is not None
    form = SelectionResponseForm(
        request.POST or None, organisation=organisation, initial={"answered_on": timezone.localdate()}
    )

    def save(data: dict[str, Any]) -> object:
        return services.selection_response_record(
            actor=request.user,
            organisation=organisation,
            supplier=data["supplier"],
            procurement=data["procurement"],
            answered_on=data["answered_on"],
            answers=form.answers(),
        )

    return form_page(
        request,
        form,
        save,
        title=gettext("Record a selection questionnaire response"),
        caption=gettext("Modern Slavery Act 2015"),
        back=reverse("suppliers:selection-list"),
        success=gettext("Response recorded"),
    )


@login_required
def contract_ocds_import(request: AuthenticatedRequest) -> HttpResponse:
    """Contracts from an OCDS release package: every award, its supplier found by Companies House
    number; a package with a bad release saves nothing and lists each problem."""
    require_suppliers(request.user)
    open_page_for_user(request.user, resource=CONTRACTS, action=Action.RECORD, object_type="suppliers.contract")
    organisation = request.user.organisation
    assert organisation is not None
    posted = request.method == "POST"
    form = OcdsImportForm(request.POST if posted else None, request.FILES if posted else None)
    problems: list[OcdsProblem] = []
    imported = None
    if posted and form.is_valid():
        try:
            imported = services.contracts_import_ocds(
                actor=request.user,
                organisation=organisation,
                data=form.cleaned_data["file"].read(MAX_OCDS_BYTES + 1),
                today=timezone.localdate(),
            )
        except services.OcdsRejected as error:
            add_application_error(form, error)
            problems = error.problems
        else:
            form = OcdsImportForm()
    context = {"form": form, "problems": problems, "imported": imported}
    return render(request, "suppliers/contract_ocds_import.html", context, status=400 if problems else 200)
