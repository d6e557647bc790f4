"""Reads of the supplier register. Pages, the API, commands and other apps all come through here."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import models
from django.db.models import Count, F, Q, QuerySet

from tackle.suppliers.models import (
    STATEMENT_REQUIRED_BANDS,
    ClarificationTask,
    Contract,
    ContractAction,
    ContractRisk,
    ContractStatus,
    SelectionResponse,
    StatementFollowUp,
    Supplier,
    SupplierAssessment,
    SupplierConcernTask,
    TenderCheck,
    TurnoverBand,
)
from tackle.suppliers.rules.assessments import REMIND_EVERY_DAYS
from tackle.suppliers.rules.contract_risk import ContractFacts, RiskScore, contract_risk


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """What another module needs to match a name (say, a payee in a spend file) to the register."""

    supplier_id: int
    uuid: str
    name: str
    other_names: tuple[str, ...]
    company_number: str
    sectors: tuple[str, ...]
    turnover_band: str
    has_statement: bool


def supplier_register_entries(organisation_id: int) -> list[RegisterEntry]:
    rows = Supplier.objects.filter(organisation_id=organisation_id).values_list(
        "id",
        "uuid",
        "name",
        "other_names",
        "company_number",
        "sectors",
        "turnover_band",
        "statement_url",
        "statement_file_name",
    )
    return [
        RegisterEntry(
            supplier_id=pk,
            uuid=str(supplier_uuid),
            name=name,
            other_names=tuple(other_names or ()),
            company_number=company_number,
            sectors=tuple(sectors or ()),
            turnover_band=turnover_band,
            has_statement=bool(statement_url or statement_file),
        )
        for (
            pk,
            supplier_uuid,
            name,
            other_names,
            company_number,
            sectors,
            turnover_band,
            statement_url,
            statement_file,
        ) in rows
    ]


# What a user may see: their own organisation's records. Suppliers are never shared across councils.


def _own[M: models.Model](queryset: QuerySet[M], user: Any, path: str = "organisation_id") -> QuerySet[M]:
    if not (user.is_authenticated and user.organisation_id):
        return queryset.none()
    return queryset.filter(**{path: user.organisation_id})


def suppliers_visible_to(user: Any) -> QuerySet[Supplier]:
    return _own(Supplier.objects.all(), user)


def contracts_visible_to(user: Any) -> QuerySet[Contract]:
    return _own(Contract.objects.all(), user).select_related("supplier", "contract_manager")


def assessments_visible_to(user: Any) -> QuerySet[SupplierAssessment]:
    return _own(SupplierAssessment.objects.all(), user, "contract__organisation_id").select_related(
        "contract__supplier", "contract__contract_manager"
    )


def actions_visible_to(user: Any) -> QuerySet[ContractAction]:
    return _own(ContractAction.objects.all(), user, "contract__organisation_id").select_related("contract")


def selection_responses_visible_to(user: Any) -> QuerySet[SelectionResponse]:
    return _own(SelectionResponse.objects.all(), user).select_related("supplier")


def tender_checks_visible_to(user: Any) -> QuerySet[TenderCheck]:
    return _own(TenderCheck.objects.all(), user)


def clarifications_visible_to(user: Any) -> QuerySet[ClarificationTask]:
    return _own(ClarificationTask.objects.all(), user).select_related("bid__check_run", "assigned_to")


def concern_tasks_visible_to(user: Any) -> QuerySet[SupplierConcernTask]:
    return _own(SupplierConcernTask.objects.all(), user, "supplier__organisation_id").select_related("supplier")


def suppliers_missing_statement(organisation_id: int) -> QuerySet[Supplier]:
    """Suppliers whose turnover (£36m or more) means they must publish a statement, with none on file."""
    return Supplier.objects.filter(
        organisation_id=organisation_id,
        turnover_band__in=STATEMENT_REQUIRED_BANDS,
        statement_url="",
        statement_file_name="",
    )


def unknown_turnover_count(user: Any) -> int:
    """Suppliers the missing-statement list cannot check, because their turnover is not known."""
    return suppliers_visible_to(user).filter(turnover_band=TurnoverBand.UNKNOWN).count()


def latest_outcomes(contract_ids: list[int]) -> dict[int, str]:
    """The outcome of each contract's most recent completed assessment."""
    outcomes: dict[int, str] = {}
    rows = (
        SupplierAssessment.objects.filter(contract_id__in=contract_ids, completed_on__isnull=False)
        .order_by("contract_id", "completed_on")
        .values_list("contract_id", "outcome")
    )
    for contract_id, outcome in rows:
        outcomes[contract_id] = outcome  # ordered oldest first, so the last one wins
    return outcomes


def facts_for(contract: Contract, latest_outcome: str = "") -> ContractFacts:
    supplier = contract.supplier
    return ContractFacts(
        category=contract.category,
        supplier_sectors=tuple(supplier.sectors or ()),
        value=contract.value,
        labour_intensive=contract.labour_intensive,
        overseas_supply_chain=contract.overseas_supply_chain,
        subcontracted=contract.subcontracted,
        statement_required=supplier.must_publish_statement,
        statement_on_file=supplier.has_statement,
        latest_assessment_outcome=latest_outcome,
    )


@dataclass(frozen=True, slots=True)
class RegisterRow:
    contract: Contract
    risk: RiskScore
    open_risks: int
    open_actions: int
    overdue_assessment: bool


def contract_risk_register(user: Any, *, today: date) -> list[RegisterRow]:
    """Active contracts, highest computed risk first, with their open risks, actions and overdue flags."""
    contracts = list(
        contracts_visible_to(user)
        .filter(status=ContractStatus.ACTIVE)
        .annotate(
            open_risks=Count("risks", filter=Q(risks__closed_on__isnull=True), distinct=True),
            open_actions=Count("actions", filter=Q(actions__closed_on__isnull=True), distinct=True),
            overdue=Count(
                "assessments",
                filter=Q(assessments__completed_on__isnull=True, assessments__due_on__lt=today),
                distinct=True,
            ),
        )
    )
    outcomes = latest_outcomes([contract.pk for contract in contracts])
    rows = [
        RegisterRow(
            contract=contract,
            risk=contract_risk(facts_for(contract, outcomes.get(contract.pk, ""))),
            open_risks=contract.open_risks,  # type: ignore[attr-defined]
            open_actions=contract.open_actions,  # type: ignore[attr-defined]
            overdue_assessment=bool(contract.overdue),  # type: ignore[attr-defined]
        )
        for contract in contracts
    ]
    rows.sort(key=lambda row: (-row.risk.score, row.contract.title))
    return rows


def open_contract_risks(rows: list[RegisterRow]) -> list[ContractRisk]:
    """The risks still open on the register's contracts, highest likelihood x impact first (then by
    contract title), as the register's second table lists them."""
    risks = (
        ContractRisk.objects.filter(contract__in=[row.contract for row in rows], closed_on__isnull=True)
        .select_related("contract", "contract__supplier", "owner")
        .order_by("contract__title", "pk")
    )
    return sorted(risks, key=lambda risk: -risk.score)


def assessments_due(organisation_id: int | None = None) -> QuerySet[SupplierAssessment]:
    """Assessments not yet done on active contracts, soonest first (all organisations if None)."""
    found = SupplierAssessment.objects.filter(
        completed_on__isnull=True, contract__status=ContractStatus.ACTIVE
    ).select_related("contract__supplier", "contract__contract_manager")
    if organisation_id is not None:
        found = found.filter(contract__organisation_id=organisation_id)
    return found.order_by("due_on")


def suppliers_of_organisation(organisation_id: int | None) -> QuerySet[Supplier]:
    """Every supplier one organisation keeps; the caller has checked who is asking."""
    if not organisation_id:
        return Supplier.objects.none()
    return Supplier.objects.filter(organisation_id=organisation_id)


def supplier_identities() -> list[tuple[str, str, Any]]:
    """(name, company number, other names) of every supplier of every organisation: what matching
    registry rows to suppliers needs, and nothing more."""
    return list(Supplier.objects.values_list("name", "company_number", "other_names"))


def turnover_requires_statement(turnover_band: str) -> bool:
    """Section 54: an organisation in this turnover band must publish a modern slavery statement."""
    return turnover_band in STATEMENT_REQUIRED_BANDS


def statement_follow_ups(
    *, organisation_id: int, reading_uuid: Any = None, supplier: Any = None, status: str = ""
) -> QuerySet[StatementFollowUp]:
    """Follow-up actions raised from statement readings: one reading's, or one supplier's; `status`
    "open" or "closed" (done) narrows them. Open ones first by due date, then the latest done."""
    found = StatementFollowUp.objects.filter(organisation_id=organisation_id).select_related("owner", "closed_by")
    if reading_uuid is not None:
        found = found.filter(reading_uuid=reading_uuid)
    if supplier is not None:
        found = found.filter(supplier=supplier)
    if status in ("open", "closed"):
        found = found.filter(closed_at__isnull=status == "open")
    return found.order_by(F("closed_at").desc(nulls_first=True), "due_on", "pk")


def statement_follow_ups_to_remind(today: date) -> QuerySet[StatementFollowUp]:
    """Open follow-ups past their due date, of every organisation, whose active owner has an email
    and was not told of them in the last week."""
    week_ago = today - timedelta(days=REMIND_EVERY_DAYS)
    return (
        StatementFollowUp.objects.filter(closed_at__isnull=True, due_on__lt=today, owner__is_active=True)
        .exclude(owner__email="")
        .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lte=week_ago))
        .select_related("owner", "supplier")
        .order_by("owner_id", "due_on", "pk")
    )
