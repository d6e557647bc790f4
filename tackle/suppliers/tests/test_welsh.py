"""Supply chain pages in Welsh (issue 21) for someone who chose Cymraeg in a council with the Welsh service."""

import csv
import io
import re
from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tackle.accounts.models import OrganisationSettings
from tackle.suppliers.models import ContractRisk, SupplierAssessment
from tackle.suppliers.tests.factories import make_contract, make_supplier


@pytest.fixture(autouse=True)
def english_afterwards():
    """A request leaves its language active in the thread: later tests must not read Welsh."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def welsh_procurement_a(procurement_a, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    procurement_a.language = "cy"
    procurement_a.save()
    return procurement_a


def test_a_contract_page_reads_in_welsh_with_its_risk_reasons_and_choices(client_for, welsh_procurement_a):
    contract = make_contract(make_supplier(welsh_procurement_a.organisation), overseas_supply_chain=True)
    page = client_for(welsh_procurement_a).get(reverse("suppliers:contract-detail", args=[contract.uuid]))
    text = page.content.decode()
    assert '<html lang="cy"' in text
    assert "Risg caethwasiaeth fodern" in text  # Modern slavery risk
    assert "Daw nwyddau neu lafur o dramor" in text  # a rule's reason, translated where shown
    assert "Sector risg uchel: " in text and "High-risk sector" not in text  # a reason naming the sector
    assert "Risg uchel" in text  # the tier's choice label
    assert re.search(r'govuk-tag--\w+">(Isel|Canolig|Uchel)</strong>', text)  # the level, capitalised then translated
    assert "Modern slavery risk" not in text


def test_a_refused_form_names_the_problem_in_welsh(client_for, welsh_procurement_a):
    response = client_for(welsh_procurement_a).post(reverse("suppliers:supplier-new"), {"name": ""})
    assert response.status_code == 200
    assert "Rhowch enw\u2019r cyflenwr" in response.content.decode()  # Enter the supplier's name


def test_the_assessment_form_names_the_contract_and_its_due_day_in_welsh(client_for, welsh_procurement_a):
    contract = make_contract(make_supplier(welsh_procurement_a.organisation))
    assessment = SupplierAssessment.objects.create(contract=contract, due_on=date(2026, 3, 1))
    url = reverse("suppliers:assessment-complete", args=[assessment.uuid])
    page = client_for(welsh_procurement_a).get(url).content.decode()
    assert f"{contract.title}, yn ddyledus ar 1 Mawrth 2026" in page and "due 1 March" not in page


def test_the_risk_register_downloads_read_in_welsh(client_for, welsh_procurement_a):
    contract = make_contract(make_supplier(welsh_procurement_a.organisation), overseas_supply_chain=True)
    ContractRisk.objects.create(contract=contract, description="Agency pay not visible", likelihood=4, impact=5)
    client = client_for(welsh_procurement_a)
    url = reverse("suppliers:risk-register")
    register = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode()
    header, row = list(csv.reader(io.StringIO(register)))[:2]
    assert header[:7] == [
        "Contract",
        "Cyflenwr",
        "Risg",
        "Sgôr",
        "Prif resymau",
        "Risgiau agored",
        "Camau gweithredu agored",
    ]
    assert header[7] == "Asesiad yn hwyr"
    assert row[2] == "Uchel" and "Daw nwyddau neu lafur o dramor" in row[4] and row[7] == "Na"  # level, reason, No
    risks = b"".join(client.get(url, {"table": "open-risks", "download": "csv"}).streaming_content).decode()
    assert risks.splitlines() == [
        "Risg,Contract,Cyflenwr,Sgôr,Perchennog",
        f"Agency pay not visible,{contract.title},{contract.supplier.name},20,Dim perchennog",
    ]
