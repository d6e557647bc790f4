from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tackle.accounts.models import Organisation
from tackle.suppliers.models import (
    ClarificationTask,
    Contract,
    ContractAction,
    ContractTier,
    Supplier,
    SupplierAssessment,
    TenderBid,
    TenderCheck,
    TurnoverBand,
)


def make_supplier(organisation: Organisation, name: str = "Sparkle Cleaning Ltd", **extra: Any) -> Supplier:
    extra.setdefault("company_number", "01234567")
    extra.setdefault("sectors", ["cleaning"])
    extra.setdefault("turnover_band", TurnoverBand.FROM_36M_TO_100M)
    return Supplier.objects.create(organisation=organisation, name=name, **extra)


def make_contract(supplier: Supplier, title: str = "Office cleaning", **extra: Any) -> Contract:
    today = timezone.localdate()
    extra.setdefault("category", "cleaning")
    extra.setdefault("value", Decimal("450000"))
    extra.setdefault("start_on", today - timedelta(days=200))
    extra.setdefault("end_on", today + timedelta(days=900))
    extra.setdefault("tier", ContractTier.HIGH_RISK)
    return Contract.objects.create(organisation=supplier.organisation, supplier=supplier, title=title, **extra)


def make_records(organisation: Organisation) -> dict[str, Any]:
    """One of each record, for the permission tests."""
    supplier = make_supplier(organisation)
    contract = make_contract(supplier)
    assessment = SupplierAssessment.objects.create(contract=contract, due_on=date.today() + timedelta(days=20))
    action = ContractAction.objects.create(contract=contract, description="Publish a statement", due_on=date.today())
    check = TenderCheck.objects.create(
        organisation=organisation, lot="Lot 1", median=Decimal(100), threshold=Decimal("0.7")
    )
    bid = TenderBid.objects.create(
        check_run=check, line=2, bidder="Cheap Co", price=Decimal(10), flags=["far_below_median"], explanation="Low"
    )
    task = ClarificationTask.objects.create(organisation=organisation, bid=bid)
    return {
        "supplier": supplier,
        "contract": contract,
        "assessment": assessment,
        "action": action,
        "check": check,
        "task": task,
    }
