"""Demo spend for Demo Borough Council: two made-up quarterly spend files, a year apart, screened
once. Safe to run twice: nothing is added when the demo import already exists."""

import csv
import io
import random
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction

from tackle.accounts.demo import DEMO_COUNCIL_CODE, demo_username
from tackle.accounts.models import Organisation, User
from tackle.core.roles import Role
from tackle.core.stored_files import local_copies
from tackle.spend.models import SpendFile, SpendImport
from tackle.spend.screening.screener import Screener
from tackle.spend.services import spend_import_store
from tackle.suppliers.selectors import supplier_register_entries

# Payee as the finance system spells it (not always as the register does), expense type, typical amount.
PAYEES = [
    ("BRIGHTWELL FM", "Cleaning - Contract", 26000),
    ("Brightwell Facilities Limited", "Security Services", 14000),
    ("Northgate Care Partnership Ltd", "Home Care - Older People", 41000),
    ("Harbour Road Construction PLC", "Building Works - Capital", 180000),
    ("Sunrise Hand Car Valet", "Vehicle Cleaning", 900),
    ("Greenfield School Meals", "School Meals", 33000),
    ("Civic Print & Stationery Ltd", "Printing and Stationery", 2500),
    ("Metro Waste Services Ltd", "Waste Collection", 95000),
    ("Staffline Temporary Solutions", "Agency Staff", 22000),
    ("Demo Legal Services LLP", "Legal Fees", 6000),
    ("Riverside Hotel Group", "Temporary Accommodation - Nightly Paid", 8500),
    ("Oakfield Laptops Ltd", "ICT Equipment", 12000),
    ("REDACTED - PERSONAL DATA", "Direct Payments", 1200),
]
FILES = [
    ("spend-2024-06.csv", date(2024, 4, 1), ["Supplier Name", "Expense Type", "Amount", "Payment Date"]),
    ("spend-2025-06.csv", date(2025, 4, 1), ["Vendor", "Expenditure Category", "Net Amount (£)", "Date Paid"]),
]


def load(*, scale: str = "demo", out=None) -> None:  # type: ignore[no-untyped-def]
    council = Organisation.objects.filter(code=DEMO_COUNCIL_CODE).first()
    officer = User.objects.filter(username=demo_username(Role.PROCUREMENT_OFFICER)).first()
    if council is None or officer is None:
        return
    if SpendImport.objects.filter(organisation=council, started_by=officer).exists():
        return
    with transaction.atomic():
        spend_import = SpendImport.objects.create(organisation=council, started_by=officer)
        files = []
        for position, (name, start, header) in enumerate(FILES):
            content = _spend_file(start, header, seed=position)
            spend_file = SpendFile(spend_import=spend_import, position=position, name=name, size=len(content))
            spend_file.file.save(name, ContentFile(content), save=False)
            spend_file.save()
            files.append(spend_file)
        screener = Screener(register=supplier_register_entries(council.pk))
        with local_copies([spend_file.file for spend_file in files]) as paths:
            result = screener.screen(paths, [f.name for f in files])
        spend_import_store(spend_import=spend_import, files=files, result=result)
    if out is not None:
        out.write(f"Spend: screened {result.rows_read} demo payments")


def _spend_file(start: date, header: list[str], *, seed: int) -> bytes:
    """A quarter of payments over £500, with the faults real files have: a title line, a blank row,
    a credit note in brackets, amounts with commas, a line that lost its amount, a total line."""
    rng = random.Random(seed)  # noqa: S311  (made-up demo figures)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Payments over £500", "", "", ""])
    writer.writerow(header)
    total = 0.0
    for index in range(240):
        payee, category, typical = rng.choice(PAYEES)
        amount = round(max(500.0, rng.gauss(typical, typical / 5)), 2)
        day = start + timedelta(days=rng.randrange(91))
        if index == 40:
            writer.writerow(["", "", "", ""])
        if index == 75:
            writer.writerow([payee, category, f"({amount:.2f})", day.strftime("%d/%m/%Y")])
            total -= amount
            continue
        if index == 120:
            writer.writerow([payee, category, "", day.strftime("%d/%m/%Y")])
            continue
        writer.writerow([payee, category, f"{amount:,.2f}", day.strftime("%d/%m/%Y")])
        total += amount
    writer.writerow(["Grand Total", "", f"{total:.2f}", ""])
    return buffer.getvalue().encode("utf-8")
