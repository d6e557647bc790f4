"""Writing suppliers, contracts, due diligence and tender checks. Every change is audited, and each
rule-bearing change is one service in one transaction."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tackle.accounts.models import Organisation, User
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.core.access import STATEMENT_READINGS, Action, allows
from tackle.core.errors import ApplicationError, ConflictError
from tackle.core.uploads import UploadError
from tackle.suppliers.models import (
    ClarificationTask,
    Contract,
    ContractAction,
    ContractStatus,
    SelectionResponse,
    StatementFollowUp,
    Supplier,
    SupplierAssessment,
    SupplierConcernTask,
    TenderBid,
    TenderCheck,
)
from tackle.suppliers.rules import assessments as schedule
from tackle.suppliers.rules.ocds import OcdsContract, OcdsError, OcdsProblem, OcdsSupplier, contracts_in, read_package
from tackle.suppliers.rules.questionnaire import MsaAnswers, answer_errors, outcome

# The upload page reads no more of a file than the bids reader accepts.
from tackle.suppliers.rules.tenders import MAX_BIDS_FILE_BYTES as MAX_BIDS_FILE_BYTES
from tackle.suppliers.rules.tenders import BidFileError, check_bids, parse_bids, parse_typed_bids


def contract_save(*, actor: User | None, contract: Contract, today: date) -> Contract:
    """Save a contract; a high-tier contract gets its annual assessment scheduled if it has none pending."""
    if contract.pk and contract.status == ContractStatus.TERMINATED:
        raise ApplicationError(gettext("A terminated contract cannot be changed."))
    if contract.supplier.organisation_id != contract.organisation_id:
        raise ApplicationError(gettext("That supplier is not in your register."), field="supplier")
    with transaction.atomic():
        record_save(actor=actor, obj=contract)
        if contract.is_high_tier:
            assessment_schedule(contract=contract, today=today)
    return contract


def assessment_schedule(*, contract: Contract, today: date) -> SupplierAssessment | None:
    """Schedule the next annual assessment unless one is already waiting."""
    if contract.assessments.filter(completed_on__isnull=True).exists():
        return None
    latest = contract.assessments.filter(completed_on__isnull=False).order_by("-completed_on").first()
    if latest is not None and latest.completed_on is not None:
        due = schedule.next_due(completed_on=latest.completed_on, end_on=contract.end_on)
    else:
        due = schedule.first_due(start_on=contract.start_on, end_on=contract.end_on, today=today)
    if due is None or contract.status != ContractStatus.ACTIVE:
        return None
    assessment, _ = SupplierAssessment.objects.get_or_create(contract=contract, due_on=due)
    return assessment


def assessment_complete(
    *, actor: User, assessment: SupplierAssessment, completed_on: date, outcome: str, findings: str
) -> SupplierAssessment:
    if assessment.completed_on is not None:
        raise ApplicationError(gettext("This assessment is already complete."))
    if completed_on > timezone.localdate():
        raise ApplicationError(gettext("The date cannot be in the future."), field="completed_on")
    with transaction.atomic():
        assessment.completed_on = completed_on
        assessment.completed_by = actor
        assessment.outcome = outcome
        assessment.findings = findings
        assessment.save()
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=assessment,
            changed_fields=["completed_on", "outcome", "findings"],
            organisation_id=assessment.contract.organisation_id,
        )
        if assessment.contract.is_high_tier:
            assessment_schedule(contract=assessment.contract, today=completed_on)
    return assessment


def selection_response_record(
    *,
    actor: User,
    organisation: Organisation,
    supplier: Any,
    procurement: str,
    answered_on: date,
    answers: MsaAnswers,
) -> SelectionResponse:
    errors = answer_errors(answers)
    if errors:
        field, message = next(iter(errors.items()))
        raise ApplicationError(gettext(message), field=field)
    if supplier.organisation_id != organisation.pk:
        raise ApplicationError(gettext("That supplier is not in your register."), field="supplier")
    response = SelectionResponse(
        organisation=organisation,
        supplier=supplier,
        procurement=procurement,
        answered_on=answered_on,
        is_relevant_organisation=bool(answers.is_relevant_organisation),
        is_compliant=answers.is_compliant,
        statement_url=answers.statement_url.strip(),
        explanation=answers.explanation.strip(),
        outcome=outcome(answers),
        recorded_by=actor,
    )
    return record_save(actor=actor, obj=response)


def action_close(*, actor: User, action: ContractAction, closed_on: date, note: str) -> ContractAction:
    if action.closed_on is not None:
        raise ApplicationError(gettext("This action is already closed."))
    with transaction.atomic():
        action.closed_on = closed_on
        action.closing_note = note
        action.save(update_fields=["closed_on", "closing_note"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=action,
            changed_fields=["closed_on", "closing_note"],
            organisation_id=action.contract.organisation_id,
        )
    return action


def contract_terminate(*, actor: User, contract: Contract, terminated_on: date, reason: str, details: str) -> Contract:
    """Termination is the last step: the reason is recorded and pending assessments are dropped."""
    if contract.status == ContractStatus.TERMINATED:
        raise ApplicationError(gettext("This contract is already terminated."))
    if not details.strip():
        raise ApplicationError(gettext("Describe why the contract is being terminated."), field="details")
    if terminated_on < contract.start_on:
        raise ApplicationError(
            gettext("The termination date must be on or after the contract's start."), field="terminated_on"
        )
    with transaction.atomic():
        contract.status = ContractStatus.TERMINATED
        contract.terminated_on = terminated_on
        contract.termination_reason = reason
        contract.termination_details = details.strip()
        contract.save(update_fields=["status", "terminated_on", "termination_reason", "termination_details"])
        contract.assessments.filter(completed_on__isnull=True).delete()
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=contract,
            changed_fields=["status", "terminated_on", "termination_reason", "termination_details"],
        )
    return contract


@dataclass(frozen=True, slots=True)
class BidsFileProblem:
    line: int
    reason: str


class BidsFileRejected(ApplicationError):
    def __init__(self, problems: list[BidsFileProblem], *, typed: bool = False) -> None:
        if typed:
            super().__init__("The bids cannot be checked: fix the lines listed.", field="typed")
        else:
            super().__init__("The file cannot be checked: fix the lines listed and upload it again.", field="file")
        self.problems = problems


def tender_check_record(
    *,
    actor: User,
    organisation: Organisation,
    lot: str,
    data: bytes = b"",
    typed: str = "",
    threshold: Decimal,
    today: date,
    columns: Mapping[str, int | None] | None = None,
) -> TenderCheck:
    """Check the bids for a lot, from a file (`data`) or typed one a line (`typed`), and keep the
    result; each flagged bid gets a clarification task for the procurement officer who ran the
    check. Bad bids save nothing. A file's column guessed from its header raises ColumnsToConfirm
    until a person confirms the `columns` (field -> 0-based column), seeing the first values."""
    try:
        bids = parse_typed_bids(typed) if typed.strip() else parse_bids(data, confirm=True, columns=columns)
    except BidFileError as error:
        problems = [BidsFileProblem(line, reason) for line, reason in error.problems]
        raise BidsFileRejected(problems, typed=bool(typed.strip())) from None
    except UploadError as error:  # too big
        raise ApplicationError(error.message, field="file") from None
    report = check_bids(bids, threshold=threshold, today=today)
    with transaction.atomic():
        check = TenderCheck.objects.create(
            organisation=organisation, lot=lot, median=report.median, threshold=threshold, checked_by=actor
        )
        for result in report.results:
            bid = TenderBid.objects.create(
                check_run=check,
                line=result.bid.line,
                bidder=result.bid.bidder[:200],
                price=result.bid.price,
                labour_hours=result.bid.labour_hours,
                year=result.bid.year,
                flags=list(result.flags),
                explanation=result.explanation,
            )
            if result.flags:
                ClarificationTask.objects.create(organisation=organisation, bid=bid, assigned_to=actor)
        audit_record(action=AuditAction.CREATE, actor=actor, obj=check, changed_fields=["lot", "bids"])
    return check


def clarification_close(*, actor: User, task: ClarificationTask, closed_on: date, outcome: str) -> ClarificationTask:
    if task.closed_on is not None:
        raise ApplicationError(gettext("This clarification is already closed."))
    if not outcome.strip():
        raise ApplicationError(gettext("Enter what the bidder said and what was decided."), field="outcome")
    with transaction.atomic():
        task.closed_on = closed_on
        task.closed_by = actor
        task.outcome = outcome.strip()
        task.save(update_fields=["closed_on", "closed_by", "outcome"])
        audit_record(action=AuditAction.UPDATE, actor=actor, obj=task, changed_fields=["closed_on", "outcome"])
    return task


def _supplier_named(organisation_id: int, name: str) -> Supplier | None:
    """The organisation's supplier with this name or one of its other names, whatever the case."""
    wanted = name.strip().casefold()
    for supplier in Supplier.objects.filter(organisation_id=organisation_id):
        if wanted in {known.strip().casefold() for known in [supplier.name, *supplier.other_names]}:
            return supplier
    return None


@transaction.atomic
def supplier_concern_task_create(
    *, organisation_id: int, supplier_name: str, case_reference: str, case_uuid: Any, actor: User | None
) -> SupplierConcernTask | None:
    """Put a concern raised in casework on the named supplier's record; None when no supplier of the
    organisation has that name. Called again for the same case and supplier, it answers the task already made."""
    supplier = _supplier_named(organisation_id, supplier_name)
    if supplier is None:
        return None
    task, created = SupplierConcernTask.objects.get_or_create(
        case_uuid=case_uuid, supplier=supplier, defaults={"case_reference": case_reference, "created_by": actor}
    )
    if created:
        audit_record(action=AuditAction.CREATE, actor=actor, obj=task, note=f"Concern {case_reference} passed on")
    return task


def supplier_concern_task_close(
    *, actor: User, task: SupplierConcernTask, closed_on: date, outcome: str, request: Any = None
) -> SupplierConcernTask:
    """Procurement closes a concern passed from casework with what it did about the contract."""
    if not outcome.strip():
        raise ApplicationError(gettext("Enter what procurement did about the contract"), field="outcome")
    if len(outcome.strip()) > 5000:
        raise ApplicationError(gettext("Enter 5,000 characters or fewer"), field="outcome")
    with transaction.atomic():
        task = SupplierConcernTask.objects.select_for_update().get(pk=task.pk)
        if task.closed_on is not None:
            raise ApplicationError(gettext("This concern is already closed"))
        task.closed_on = closed_on
        task.closed_by = actor
        task.outcome = outcome.strip()
        task.save(update_fields=["closed_on", "closed_by", "outcome"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            request=request,
            obj=task,
            changed_fields=["closed_on", "outcome"],
            note=f"Concern {task.case_reference} closed",
        )
    return task


WITHDRAWN = "Withdrawn: the case was corrected and no longer names this supplier"


@transaction.atomic
def supplier_concern_tasks_withdraw(*, case_uuid: Any, keep: Supplier | None, actor: User | None) -> int:
    """A case corrected to name another supplier (or none): its open tasks on any other supplier are
    closed as withdrawn, audited. Answers how many were."""
    tasks = SupplierConcernTask.objects.select_for_update().filter(case_uuid=case_uuid, closed_on__isnull=True)
    if keep is not None:
        tasks = tasks.exclude(supplier=keep)
    withdrawn = 0
    for task in tasks:
        task.closed_on = timezone.localdate()
        task.closed_by = actor
        task.outcome = WITHDRAWN
        task.save(update_fields=["closed_on", "closed_by", "outcome"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=task,
            changed_fields=["closed_on", "outcome"],
            note=f"Concern {task.case_reference} withdrawn",
        )
        withdrawn += 1
    return withdrawn


def supplier_told_of_concern(
    organisation_id: int, supplier_name: str, case_reference: str, case_uuid: Any, actor: User | None
) -> Supplier | None:
    """What cases calls for a concern about a supplier: the supplier told, or None when none matches."""
    task = supplier_concern_task_create(
        organisation_id=organisation_id,
        supplier_name=supplier_name,
        case_reference=case_reference,
        case_uuid=case_uuid,
        actor=actor,
    )
    return task.supplier if task is not None else None


def supplier_statement_on_file(
    *, supplier: Supplier, actor: User, read_on: date, url: str = "", file_name: str = ""
) -> Supplier:
    """A statement of this supplier was read and found to be its own and current: it is on file,
    checked on `read_on`. A web address replaces the one kept; a file read with no web address is
    kept by its name. Published for the statement reader, which sits above suppliers."""
    if not (url.strip() or file_name.strip()):
        raise ApplicationError(gettext("A statement on file needs its web address or its file's name."))
    with transaction.atomic():
        supplier = Supplier.objects.select_for_update().get(pk=supplier.pk)
        supplier.statement_checked_on = read_on
        changed = ["statement_checked_on"]
        if url.strip():
            supplier.statement_url = url.strip()[:500]
            changed.append("statement_url")
        else:
            supplier.statement_file_name = file_name.strip()[:255]
            changed.append("statement_file_name")
        supplier.save(update_fields=[*changed, "updated_at"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=supplier,
            changed_fields=changed,
            note=f"Modern slavery statement on file, read on {read_on:%-d %B %Y}",
        )
    return supplier


def statement_follow_up_raise(
    *,
    actor: User,
    reading_uuid: Any,
    supplier: Supplier | None,
    description: str,
    owner: User,
    due_on: date,
    today: date,
) -> StatementFollowUp:
    """A follow-up action raised from a statement's reading: the owner is someone in the actor's
    organisation, the due date is not in the past."""
    text = " ".join(description.split())
    if not text:
        raise ApplicationError(gettext("Enter what needs to be done"), field="description")
    if len(text) > 300:
        raise ApplicationError(gettext("Enter what needs to be done in 300 characters or fewer"), field="description")
    if owner.organisation_id != actor.organisation_id or not owner.is_active:
        raise ApplicationError(gettext("Choose someone in your organisation to own the action"), field="owner")
    if due_on < today:
        raise ApplicationError(gettext("The due date must be today or in the future"), field="due_on")
    if supplier is not None and supplier.organisation_id != actor.organisation_id:
        raise ApplicationError(gettext("Choose one of your organisation's suppliers"))
    assert actor.organisation_id is not None
    with transaction.atomic():
        follow_up = StatementFollowUp.objects.create(
            organisation_id=actor.organisation_id,
            supplier=supplier,
            reading_uuid=reading_uuid,
            description=text,
            owner=owner,
            due_on=due_on,
            created_by=actor,
        )
        audit_record(action=AuditAction.CREATE, actor=actor, obj=follow_up, note="Statement follow-up raised")
    return follow_up


def statement_follow_up_close(
    *, actor: User, follow_up: StatementFollowUp, outcome: str, request: Any = None
) -> StatementFollowUp:
    """Mark a follow-up action as done with what was done: its owner, the lead, or anyone who may
    raise follow-ups does so. It stays listed as done; a done one cannot be closed again."""
    text = outcome.strip()
    if not text:
        raise ApplicationError(gettext("Enter what was done"), field="outcome")
    if len(text) > 5000:
        raise ApplicationError(gettext("Enter 5,000 characters or fewer"), field="outcome")
    # The lead is among the roles that may record readings (the policy table), so needs no case of its own.
    may_close = actor.pk == follow_up.owner_id or allows(actor.role, STATEMENT_READINGS, Action.RECORD)
    if follow_up.organisation_id != actor.organisation_id or not may_close:
        raise ApplicationError(gettext("Only its owner, the lead or a reviewer can mark this action as done"))
    with transaction.atomic():
        follow_up = StatementFollowUp.objects.select_for_update().get(pk=follow_up.pk)
        if follow_up.closed_at is not None:
            raise FollowUpAlreadyDone(gettext("This follow-up action is already done"))
        follow_up.closed_at = timezone.now()
        follow_up.closed_by = actor
        follow_up.outcome = text
        follow_up.save(update_fields=["closed_at", "closed_by", "outcome"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            request=request,
            obj=follow_up,
            changed_fields=["closed_at", "outcome"],
            note="Statement follow-up done",
        )
    return follow_up


class FollowUpAlreadyDone(ConflictError):
    """Closing a follow-up someone has already closed: the API answers 409."""


# OCDS release packages (issue 19, item 4) -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OcdsImport:
    contracts_added: list[Contract]
    suppliers_added: list[Supplier]
    already_held: int  # awards whose contract the register already had, unchanged
    contracts_updated: list[Contract]  # held, and changed by this package


class OcdsRejected(ApplicationError):
    """The package, or a release in it, could not be read: nothing was saved."""

    def __init__(self, problems: list[OcdsProblem]) -> None:
        super().__init__("The file cannot be imported: fix the releases listed and import it again.", field="file")
        self.problems = problems


def contracts_import_ocds(*, actor: User | None, organisation: Organisation, data: bytes, today: date) -> OcdsImport:
    """Every award in an OCDS release or record package as a contract in the register, its supplier
    found by Companies House number (or by name when the package gives none), added when the
    register has neither. All or nothing: one bad release saves nothing. An award already held (the
    same contracting process, ocid, and award; or, for a contract imported before ocids were kept,
    the same reference and supplier) is updated to what the package says, so importing the same
    process again never adds it twice; a terminated contract is left as it is."""
    try:
        found = contracts_in(read_package(data))
    except OcdsError as error:
        raise OcdsRejected(error.problems) from None
    added: list[Contract] = []
    updated: list[Contract] = []
    new_suppliers: list[Supplier] = []
    held = 0
    with transaction.atomic():
        for item in found:
            supplier = _ocds_supplier(organisation, item.supplier)
            if supplier is None:
                supplier = Supplier(
                    organisation=organisation,
                    name=item.supplier.name[:200],
                    company_number=item.supplier.company_number,
                )
                record_save(actor=actor, obj=supplier, organisation_id=organisation.pk)
                new_suppliers.append(supplier)
            known = _ocds_contract(organisation, item, supplier)
            if known is not None and not _ocds_update(known, item, supplier, today):
                held += 1
                continue
            contract = known or Contract(organisation=organisation, reference=item.reference)
            contract.supplier, contract.ocid, contract.title = supplier, item.ocid, item.title
            contract.value, contract.start_on, contract.end_on = item.value, item.start_on, item.end_on
            contract.status = ContractStatus.ACTIVE if item.end_on >= today else ContractStatus.ENDED
            (updated if known else added).append(contract_save(actor=actor, contract=contract, today=today))
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            organisation_id=organisation.pk,
            object_type="suppliers.contract",
            note=f"OCDS import: {len(added)} contracts, {len(new_suppliers)} suppliers added, "
            f"{len(updated)} contracts updated, {held} already held",
        )
    return OcdsImport(added, new_suppliers, held, updated)


def _ocds_contract(organisation: Organisation, item: OcdsContract, supplier: Supplier) -> Contract | None:
    """The register's contract for this award: by its process and award; else one imported before
    ocids were kept, by reference and supplier."""
    contracts = Contract.objects.filter(organisation=organisation, reference=item.reference)
    return contracts.filter(ocid=item.ocid).first() or contracts.filter(ocid="", supplier=supplier).first()


def _ocds_update(contract: Contract, item: OcdsContract, supplier: Supplier, today: date) -> bool:
    """Whether the package changes what the register holds of this contract; a terminated
    contract is never changed by an import."""
    if contract.status == ContractStatus.TERMINATED:
        return False
    status = ContractStatus.ACTIVE if item.end_on >= today else ContractStatus.ENDED
    now = (supplier.pk, item.ocid, item.title, item.value, item.start_on, item.end_on, status)
    held = (contract.supplier_id, contract.ocid, contract.title, contract.value, contract.start_on, contract.end_on)
    return now != (*held, contract.status)


def _ocds_supplier(organisation: Organisation, named: OcdsSupplier) -> Supplier | None:
    suppliers = Supplier.objects.filter(organisation=organisation)
    if named.company_number:
        return suppliers.filter(company_number=named.company_number).first()
    return suppliers.filter(name__iexact=named.name, company_number="").first()
