"""/api/v1/suppliers (issue 19, item 1): the register through the API with the pages' rules."""

import uuid

import pytest
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Module
from tackle.suppliers.models import Supplier, SupplierContact, TurnoverBand
from tackle.suppliers.services import supplier_concern_task_create
from tackle.suppliers.tests.factories import make_contract, make_supplier


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def sparkle(council_a):
    supplier = make_supplier(council_a, other_names=["Sparkle Facilities"])
    make_contract(supplier)
    SupplierContact.objects.create(supplier=supplier, name="Priya Shah", email="priya@sparkle.example")
    return supplier


def test_the_register_is_listed_filtered_and_sorted(procurement_a, sparkle, council_a, council_b):
    make_supplier(council_a, "Acme Care Ltd", company_number="SC123456", turnover_band=TurnoverBand.UNDER_10M)
    make_supplier(council_b, "Other Council's Supplier", company_number="")
    client = _api(procurement_a)
    body = client.get("/api/v1/suppliers/").json()
    assert [row["name"] for row in body["results"]] == ["Acme Care Ltd", "Sparkle Cleaning Ltd"]
    assert body["results"][1]["active_contracts"] == 1 and "contacts" not in body["results"][1]
    descending = client.get("/api/v1/suppliers/?sort=-name").json()["results"]
    assert [row["name"] for row in descending] == ["Sparkle Cleaning Ltd", "Acme Care Ltd"]
    assert client.get("/api/v1/suppliers/?q=sc123456").json()["count"] == 1
    missing = client.get("/api/v1/suppliers/?missing_statement=true").json()["results"]
    assert [row["name"] for row in missing] == ["Sparkle Cleaning Ltd"]  # must publish, none on file


def test_a_bad_filter_answers_400_naming_it(procurement_a):
    response = _api(procurement_a).get("/api/v1/suppliers/?sort=colour&turnover_band=huge")
    assert response.status_code == 400 and set(response.json()) == {"sort", "turnover_band"}


def test_one_supplier_shows_its_contacts_and_the_opening_is_audited(procurement_a, sparkle):
    body = _api(procurement_a).get(f"/api/v1/suppliers/{sparkle.uuid}").json()
    assert [contact["name"] for contact in body["contacts"]] == ["Priya Shah"]
    assert body["other_names"] == ["Sparkle Facilities"] and body["contracts"][0]["title"] == "Office cleaning"
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(sparkle.uuid)).count() == 1


def test_another_organisations_supplier_is_not_found_and_a_wrong_role_is_refused(
    lead_b, frontline_a, procurement_a, sparkle
):
    assert _api(lead_b).get(f"/api/v1/suppliers/{sparkle.uuid}").status_code == 404
    assert _api(lead_b).patch(f"/api/v1/suppliers/{sparkle.uuid}", {"notes": "x"}, format="json").status_code == 404
    assert _api(frontline_a).get("/api/v1/suppliers/").status_code == 403
    assert _api(frontline_a).get(f"/api/v1/suppliers/{sparkle.uuid}").status_code == 403
    assert _api(frontline_a).post("/api/v1/suppliers/", {"name": "X"}, format="json").status_code == 403
    assert not Supplier.objects.filter(name="X").exists()


def test_a_supplier_is_added_and_changed_with_the_pages_rules(procurement_a, council_a):
    client = _api(procurement_a)
    response = client.post(
        "/api/v1/suppliers/",
        {
            "name": "Acme Care Ltd",
            "company_number": "sc123456",
            "turnover_band": "unknown",
            "other_names": ["Acme", "Acme"],
            "sectors": ["care"],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    supplier = Supplier.objects.get(uuid=response.json()["uuid"])
    assert (supplier.company_number, supplier.other_names, supplier.organisation) == ("SC123456", ["Acme"], council_a)
    changed = client.patch(f"/api/v1/suppliers/{supplier.uuid}", {"turnover_band": "500m_or_more"}, format="json")
    assert changed.status_code == 200 and changed.json()["must_publish_statement"] is True
    supplier.refresh_from_db()
    assert (supplier.turnover_band, supplier.other_names, supplier.sectors) == ("500m_or_more", ["Acme"], ["care"])
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(supplier.uuid)).exists()


def test_refused_fields_answer_400_naming_them_and_change_nothing(procurement_a, sparkle):
    client = _api(procurement_a)
    response = client.post(
        "/api/v1/suppliers/", {"name": "", "company_number": "12", "statement_url": "not a web address"}, format="json"
    )
    assert response.status_code == 400 and "name" in response.json()
    response = client.post(
        "/api/v1/suppliers/",
        {"name": "New Ltd", "company_number": "XX!!", "turnover_band": "unknown", "statement_url": "nope"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["company_number"] == ["Enter a company number of 8 characters, like 01234567 or SC123456"]
    assert "statement_url" in response.json()
    assert response.status_code == 400 and Supplier.objects.count() == 1
    before = Supplier.objects.values().get(pk=sparkle.pk)
    response = client.patch(f"/api/v1/suppliers/{sparkle.uuid}", {"company_number": "bad", "notes": "x"}, format="json")
    assert response.status_code == 400 and "company_number" in response.json()
    assert Supplier.objects.values().get(pk=sparkle.pk) == before


def test_a_contact_is_added_audited_and_checked(procurement_a, lead_b, sparkle):
    client = _api(procurement_a)
    url = f"/api/v1/suppliers/{sparkle.uuid}/contacts"
    refused = client.post(url, {"name": "Sam", "email": "not an email"}, format="json")
    assert refused.status_code == 400 and "email" in refused.json()
    assert _api(lead_b).post(url, {"name": "Sam"}, format="json").status_code == 404
    assert sparkle.contacts.count() == 1
    added = client.post(url, {"name": "Sam Lee", "is_modern_slavery_contact": True}, format="json")
    assert added.status_code == 201 and added.json()["is_modern_slavery_contact"] is True
    contact = sparkle.contacts.get(name="Sam Lee")
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(contact.uuid)).exists()


def test_a_token_reads_and_writes_only_as_its_scope_and_modules_say(procurement_a, sparkle):
    reader = token_client(procurement_a, scope="read")
    assert reader.get(f"/api/v1/suppliers/{sparkle.uuid}").status_code == 200
    assert reader.patch(f"/api/v1/suppliers/{sparkle.uuid}", {"notes": "x"}, format="json").status_code == 403
    other_module = token_client(procurement_a, modules=(Module.STATEMENTS,))
    assert other_module.get("/api/v1/suppliers/").status_code == 403
    writer = token_client(procurement_a, modules=(Module.SUPPLIERS,))
    assert writer.patch(f"/api/v1/suppliers/{sparkle.uuid}", {"notes": "Visited"}, format="json").status_code == 200
    sparkle.refresh_from_db()
    assert sparkle.notes == "Visited"


def test_a_concern_passed_from_casework_is_closed_with_what_procurement_did(procurement_a, lead_b, sparkle):
    task = supplier_concern_task_create(
        organisation_id=sparkle.organisation_id,
        supplier_name=sparkle.name,
        case_reference="MS-2025-0001",
        case_uuid=uuid.uuid4(),
        actor=procurement_a,
    )
    url = f"/api/v1/supplier-concerns/{task.uuid}/close"
    assert _api(lead_b).post(url, {"outcome": "x"}, format="json").status_code == 404
    empty = _api(procurement_a).post(url, {"outcome": ""}, format="json")
    assert empty.status_code == 400 and list(empty.json()) == ["outcome"]
    task.refresh_from_db()
    assert task.closed_on is None
    closed = _api(procurement_a).post(url, {"outcome": "Site visited, pay checked"}, format="json")
    assert closed.status_code == 200 and closed.json()["outcome"] == "Site visited, pay checked"
    again = _api(procurement_a).post(url, {"outcome": "Again"}, format="json")
    assert again.status_code == 400 and "already closed" in again.json()["detail"]


def test_suppliers_with_no_statement_are_listed_as_the_page_with_the_unknown_counted(
    procurement_a, sparkle, council_a, council_b, frontline_a, client_for
):
    make_supplier(council_a, "Published Ltd", company_number="07654321", statement_url="https://p.example/msa")
    make_supplier(council_a, "Unknown Ltd", company_number="07654322", turnover_band=TurnoverBand.UNKNOWN)
    make_supplier(council_b, "Other Council's Supplier", company_number="")
    client = _api(procurement_a)
    body = client.get("/api/v1/suppliers/missing-statements").json()
    page = client_for(procurement_a).get("/suppliers/register/missing-statements").context
    assert [row["name"] for row in body["results"]] == [supplier.name for supplier in page["suppliers"]]
    assert [row["name"] for row in body["results"]] == ["Sparkle Cleaning Ltd"]
    assert (body["unknown_turnover"], body["results"][0]["active_contracts"]) == (page["unknown"], 1) == (1, 1)
    assert client.get("/api/v1/suppliers/missing-statements?q=acme").json()["count"] == 0
    assert client.get("/api/v1/suppliers/missing-statements?sort=size").status_code == 400
    assert _api(frontline_a).get("/api/v1/suppliers/missing-statements").status_code == 403
    other_module = token_client(procurement_a, modules=(Module.STATEMENTS,))
    assert other_module.get("/api/v1/suppliers/missing-statements").status_code == 403
