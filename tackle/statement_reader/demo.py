"""Demo statement readings and registry rows for Demo Borough Council's suppliers. Idempotent: a
reading is keyed on its supplier and file name, a registry row on year, URL and organisation.
The statements are made up for the demo."""

from datetime import date
from typing import Any

from django.db import transaction

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import Organisation, User
from tackle.core.identifiers import normalise_company_number
from tackle.core.roles import Role
from tackle.statement_reader.models import RegistryStatement, StatementReading
from tackle.statement_reader.registry import name_key
from tackle.statement_reader.services import statement_read
from tackle.suppliers.selectors import suppliers_of_organisation

BRIGHTWELL_STATEMENT = """Brightwell Facilities Ltd
Slavery and Human Trafficking Statement 2024-25

About this statement
This statement is made for the financial year ending 31 March 2025.
It covers Brightwell Facilities Ltd. and its two subsidiaries.

Our business and supply chains
Brightwell employs 4,200 cleaning and security staff across 160 client sites in England.
Our supply chain includes cleaning chemicals, uniforms made in South Asia, and agency labour from eleven UK agencies.

Risks
We consider agency labour, night-shift cleaning and uniform manufacturing to carry the highest risk of forced labour.
Last year we mapped each agency against the Gangmasters and Labour Abuse Authority's licensing register.

Policies
Our supplier code of conduct forbids recruitment fees and the holding of workers' identity documents.
Our whistleblowing policy lets any worker raise a concern in confidence, in nine languages.

Due diligence
During the year we audited all eleven labour agencies and visited two uniform factories with an independent auditor.
Where an audit found wage deductions, the agency repaid the workers and we checked the repayment.

Training
We will introduce modern slavery training for site supervisors in the coming year.

Measuring our progress
We will develop key performance indicators next year.

Approval
This statement was approved by the board of Brightwell Facilities Ltd on 12 June 2025.
Signed: A. Morgan, Managing Director
"""

COUNCIL_STATEMENT = """Demo Borough Council Modern Slavery Statement
This statement covers 1 April 2024 to 31 March 2025.
The council spends about £310 million a year with 2,400 suppliers, mostly in social care, construction and facilities.
We have assessed our contracts for modern slavery risk and rated 48 of them high risk.
Our ethical procurement policy requires every high-risk contract to include modern slavery clauses.
In 2024-25 we carried out due diligence visits to six care providers and two construction sites.
All 35 procurement staff completed ethical procurement training during the year.
We report the number of high-risk contracts reviewed each quarter as a key performance indicator.
This statement was approved by the council's Cabinet on 17 July 2025.
Signed by the Leader of the Council and the Chief Executive.
"""

REGISTRY_ROWS: list[dict[str, Any]] = [
    {
        "organisation_name": "BRIGHTWELL FACILITIES LIMITED",
        "company_number": "09876543",
        "year": 2024,
        "period": (date(2024, 4, 1), date(2025, 3, 31)),
        "claims": {"structure": True, "policies": True, "risk": True, "dd": True, "training": True, "goals": True},
        "approving_person": "A. Morgan",
    },
    {
        "organisation_name": "BRIGHTWELL FACILITIES LIMITED",
        "company_number": "09876543",
        "year": 2023,
        "period": (date(2023, 4, 1), date(2024, 3, 31)),
        "claims": {"structure": True, "policies": True, "risk": False, "dd": True, "training": False, "goals": False},
        "approving_person": "A. Morgan",
    },
    {
        "organisation_name": "Harbour Road Construction PLC",
        "company_number": "",
        "year": 2024,
        "period": (date(2024, 1, 1), date(2024, 12, 31)),
        "claims": {"structure": True, "policies": True, "risk": True, "dd": True, "training": True, "goals": False},
        "approving_person": "",
    },
]


def load(*, scale: str = "demo", out: Any = None) -> None:
    council = Organisation.objects.filter(code=DEMO_COUNCIL_CODE).first()
    buyer = User.objects.filter(username=demo_username(Role.PROCUREMENT_OFFICER)).first()
    if council is None or buyer is None:
        return
    with transaction.atomic():
        _registry()
    supplier = suppliers_of_organisation(council.pk).filter(name="Brightwell Facilities Ltd").first()
    for owner, text, file_name in (
        (supplier, BRIGHTWELL_STATEMENT, "brightwell-statement-2024-25.txt"),
        (None, COUNCIL_STATEMENT, "council-statement-2024-25.txt"),
    ):
        if owner is None and file_name.startswith("brightwell"):
            continue
        if not StatementReading.objects.filter(organisation=council, supplier=owner, file_name=file_name).exists():
            statement_read(actor=buyer, supplier=owner, data=text.encode(), file_name=file_name)
    if out is not None:
        out.write("Statement reader: demo readings and registry rows loaded.\n")


def _registry() -> None:
    for row in REGISTRY_ROWS:
        claims = row["claims"]
        RegistryStatement.objects.update_or_create(
            year=row["year"],
            summary_url=f"https://registry.example/summary/{name_key(row['organisation_name'])}/{row['year']}",
            organisation_name=row["organisation_name"],
            defaults={
                "name_key": name_key(row["organisation_name"]),
                "company_number": normalise_company_number(row["company_number"]) or "",
                "period_start": row["period"][0],
                "period_end": row["period"][1],
                "approving_person": row["approving_person"],
                "includes_structure": claims["structure"],
                "includes_policies": claims["policies"],
                "includes_risk_assessment": claims["risk"],
                "includes_due_diligence": claims["dd"],
                "includes_training": claims["training"],
                "includes_goals": claims["goals"],
            },
        )
