"""Demo suppliers, contracts, due diligence and a tender check for Demo Borough Council. Safe to run
twice: each record keys on a name, a title or a lot, so nothing is duplicated. All names are made up."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import Organisation, User
from tackle.core.roles import Role
from tackle.suppliers.models import (
    AssessmentOutcome,
    ClarificationTask,
    Contract,
    ContractAction,
    ContractRisk,
    ContractTier,
    Sanction,
    SanctionKind,
    SelectionResponse,
    Supplier,
    SupplierAssessment,
    SupplierContact,
    TenderBid,
    TenderCheck,
    TurnoverBand,
)
from tackle.suppliers.rules.tenders import check_bids, parse_bids

# name, company number, other names, turnover band, sectors, statement URL
SUPPLIERS = [
    (
        "Brightwell Facilities Ltd",
        "09876543",
        ["Brightwell FM"],
        TurnoverBand.FROM_100M_TO_500M,
        ["cleaning", "security"],
        "https://brightwell.example/modern-slavery",
    ),
    ("Northgate Care Partnership Ltd", "08765432", ["Northgate Care"], TurnoverBand.FROM_36M_TO_100M, ["care"], ""),
    (
        "Harbour Road Construction plc",
        "07654321",
        ["HRC", "Harbour Rd Construction"],
        TurnoverBand.FROM_500M,
        ["construction"],
        "https://harbourroad.example/msa-statement",
    ),
    ("Sunrise Hand Car Valet", "", ["Sunrise Valeting"], TurnoverBand.UNDER_10M, ["vehicle_washing"], ""),
    (
        "Greenfield School Meals Ltd",
        "06543210",
        ["Greenfield Catering"],
        TurnoverBand.FROM_36M_TO_100M,
        ["hospitality_catering", "food_processing"],
        "",
    ),
    ("Civic Print and Stationery Ltd", "05432109", [], TurnoverBand.FROM_10M_TO_36M, [], ""),
    (
        "Metro Waste Services Ltd",
        "SC123456",
        ["Metro Recycling"],
        TurnoverBand.FROM_100M_TO_500M,
        ["waste", "logistics"],
        "https://metrowaste.example/statement",
    ),
    (
        "Staffline Temporary Solutions Ltd",
        "04321098",
        ["Staffline Temps"],
        TurnoverBand.FROM_36M_TO_100M,
        ["agency_labour"],
        "",
    ),
]

# title, supplier, category, value, months running, months left, tier, labour, overseas, subcontracted
CONTRACTS = [
    (
        "Corporate buildings cleaning and security",
        "Brightwell Facilities Ltd",
        "cleaning",
        "3200000",
        26,
        22,
        ContractTier.HIGH_RISK,
        True,
        False,
        True,
    ),
    (
        "Home care, north locality",
        "Northgate Care Partnership Ltd",
        "care",
        "5400000",
        14,
        34,
        ContractTier.BUSINESS_CRITICAL,
        True,
        False,
        False,
    ),
    (
        "Leisure centre refurbishment",
        "Harbour Road Construction plc",
        "construction",
        "12500000",
        8,
        16,
        ContractTier.HIGH_VALUE,
        False,
        True,
        True,
    ),
    (
        "Fleet vehicle washing",
        "Sunrise Hand Car Valet",
        "vehicle_washing",
        "38000",
        4,
        20,
        ContractTier.STANDARD,
        True,
        False,
        False,
    ),
    (
        "School meals",
        "Greenfield School Meals Ltd",
        "hospitality_catering",
        "2100000",
        30,
        6,
        ContractTier.HIGH_RISK,
        True,
        True,
        False,
    ),
    (
        "Stationery framework",
        "Civic Print and Stationery Ltd",
        "other",
        "240000",
        12,
        24,
        ContractTier.STANDARD,
        False,
        True,
        False,
    ),
    (
        "Household waste collection",
        "Metro Waste Services Ltd",
        "waste",
        "18000000",
        40,
        44,
        ContractTier.BUSINESS_CRITICAL,
        True,
        False,
        True,
    ),
]

BIDS = (
    "bidder,price,labour_hours,year\n"
    "Brightwell Facilities Ltd,412000,26000,2026\n"
    "Sparkle and Shine Cleaning Ltd,398500,25500,2026\n"
    "Pristine Office Care Ltd,425750,26500,2026\n"
    "Rock Bottom Cleaning Co,236000,25000,2026\n"
)


def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    council = Organisation.objects.filter(code=DEMO_COUNCIL_CODE).first()
    if council is None:
        return
    with transaction.atomic():
        _load(council)
    if out is not None:
        out.write("Suppliers: demo register, contracts and a tender check loaded.\n")


def _user(role: str) -> User | None:
    return User.objects.filter(username=demo_username(role)).first()


def _load(council: Organisation) -> None:
    today = timezone.localdate()
    manager = _user(Role.CONTRACT_MANAGER)
    procurement = _user(Role.PROCUREMENT_OFFICER)
    suppliers = {}
    for name, number, other, band, sectors, url in SUPPLIERS:
        suppliers[name], _ = Supplier.objects.get_or_create(
            organisation=council,
            name=name,
            defaults={
                "company_number": number,
                "other_names": other,
                "turnover_band": band,
                "sectors": sectors,
                "statement_url": url,
                "statement_checked_on": today - timedelta(days=90) if url else None,
            },
        )
    SupplierContact.objects.get_or_create(
        supplier=suppliers["Brightwell Facilities Ltd"],
        name="Jordan Ellis",
        defaults={
            "job_title": "Head of compliance",
            "email": "compliance@brightwell.example",
            "is_modern_slavery_contact": True,
        },
    )
    contracts = {}
    for title, supplier, category, value, ran, left, tier, labour, overseas, sub in CONTRACTS:
        contracts[title], _ = Contract.objects.get_or_create(
            organisation=council,
            title=title,
            defaults={
                "supplier": suppliers[supplier],
                "category": category,
                "value": Decimal(value),
                "start_on": today - timedelta(days=ran * 30),
                "end_on": today + timedelta(days=left * 30),
                "contract_manager": manager,
                "tier": tier,
                "labour_intensive": labour,
                "overseas_supply_chain": overseas,
                "subcontracted": sub,
            },
        )
    cleaning = contracts["Corporate buildings cleaning and security"]
    SupplierAssessment.objects.get_or_create(
        contract=cleaning,
        due_on=cleaning.start_on + timedelta(days=365),
        defaults={
            "completed_on": cleaning.start_on + timedelta(days=370),
            "outcome": AssessmentOutcome.IMPROVEMENT_NEEDED,
            "findings": "Night-shift cleaners employed through an agency; the supplier could not show their pay slips.",
            "completed_by": manager,
        },
    )
    SupplierAssessment.objects.get_or_create(contract=cleaning, due_on=cleaning.start_on + timedelta(days=735))
    care = contracts["Home care, north locality"]
    SupplierAssessment.objects.get_or_create(contract=care, due_on=today - timedelta(days=45))
    SupplierAssessment.objects.get_or_create(contract=contracts["School meals"], due_on=today + timedelta(days=20))
    SupplierAssessment.objects.get_or_create(
        contract=contracts["Household waste collection"], due_on=today + timedelta(days=120)
    )
    ContractRisk.objects.get_or_create(
        contract=cleaning,
        description="Agency night-shift workers: pay and hours not visible to the council",
        defaults={
            "likelihood": 4,
            "impact": 4,
            "mitigation": "Quarterly pay-slip sample from the agency",
            "owner": manager,
        },
    )
    ContractRisk.objects.get_or_create(
        contract=contracts["Leisure centre refurbishment"],
        description="Overseas-sourced materials with no supply chain mapping",
        defaults={"likelihood": 3, "impact": 3, "owner": manager},
    )
    ContractAction.objects.get_or_create(
        contract=cleaning,
        description="Provide pay slips for a sample of agency night-shift staff",
        defaults={"due_on": today + timedelta(days=30), "created_by": manager},
    )
    ContractAction.objects.get_or_create(
        contract=cleaning,
        description="Give every site worker the helpline card in their language",
        defaults={"due_on": today - timedelta(days=10), "created_by": manager},
    )
    Sanction.objects.get_or_create(
        contract=cleaning,
        kind=SanctionKind.IMPROVEMENT_NOTICE,
        defaults={
            "imposed_on": today - timedelta(days=60),
            "reason": "Pay records for agency staff not provided by the agreed date.",
            "recorded_by": manager,
        },
    )
    SelectionResponse.objects.get_or_create(
        organisation=council,
        supplier=suppliers["Greenfield School Meals Ltd"],
        procurement="School meals 2027 lot 1",
        defaults={
            "answered_on": today - timedelta(days=20),
            "is_relevant_organisation": True,
            "is_compliant": False,
            "explanation": "Turnover passed £36 million this year; the first statement is due within six months.",
            "outcome": "not_compliant",
            "recorded_by": procurement,
        },
    )
    if not TenderCheck.objects.filter(organisation=council, lot="Corporate buildings cleaning 2027").exists():
        report = check_bids(parse_bids(BIDS), today=today)
        check = TenderCheck.objects.create(
            organisation=council,
            lot="Corporate buildings cleaning 2027",
            median=report.median,
            threshold=Decimal("0.7"),
            checked_by=procurement,
        )
        for result in report.results:
            bid = TenderBid.objects.create(
                check_run=check,
                line=result.bid.line,
                bidder=result.bid.bidder,
                price=result.bid.price,
                labour_hours=result.bid.labour_hours,
                year=result.bid.year,
                flags=list(result.flags),
                explanation=result.explanation,
            )
            if result.flags:
                ClarificationTask.objects.create(organisation=council, bid=bid, assigned_to=procurement)
