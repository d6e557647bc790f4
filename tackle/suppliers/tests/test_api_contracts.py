"""/api/v1/contracts (issue 19, item 1): contracts through the API with the pages' rules."""

from datetime import date
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.core.roles import Module
from tackle.suppliers.models import Contract, ContractStatus, ContractTier, SupplierAssessment
from tackle.suppliers.tests.factories import make_contract, make_supplier


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def sparkle(council_a):
    return make_supplier(council_a)


@pytest.fixture
def cleaning(sparkle):
    return make_contract(sparkle, tier=ContractTier.STANDARD)


NEW = {
    "title": "Care homes",
    "category": "care",
    "value": "1200000.00",
    "start_on": "2025-04-01",
    "end_on": "2028-03-31",
    "tier": "high_risk",
    "labour_intensive": True,
}


def test_contracts_are_listed_filtered_and_sorted(contract_manager_a, sparkle, cleaning, council_a, council_b):
    make_contract(make_supplier(council_a, "Acme Ltd", company_number="SC123456"), "Agency staff", value=Decimal(9))
    make_contract(make_supplier(council_b, "B's supplier", company_number=""), "Not ours")
    client = _api(contract_manager_a)
    assert [row["title"] for row in client.get("/api/v1/contracts/").json()["results"]] == [
        "Agency staff",
        "Office cleaning",
    ]
    by_value = client.get("/api/v1/contracts/?sort=-value").json()["results"]
    assert [row["title"] for row in by_value] == ["Office cleaning", "Agency staff"]
    of_sparkle = client.get(f"/api/v1/contracts/?supplier={sparkle.uuid}").json()["results"]
    assert [row["supplier_name"] for row in of_sparkle] == ["Sparkle Cleaning Ltd"]
    assert client.get("/api/v1/contracts/?status=terminated").json()["count"] == 0
    refused = client.get("/api/v1/contracts/?supplier=not-a-uuid&status=paused")
    assert refused.status_code == 400 and set(refused.json()) == {"supplier", "status"}


def test_one_contract_shows_its_risk_and_due_diligence(contract_manager_a, cleaning):
    body = _api(contract_manager_a).get(f"/api/v1/contracts/{cleaning.uuid}").json()
    assert body["risk"]["level"] in {"low", "medium", "high"} and body["risk"]["reasons"]
    assert body["risk"]["score"] == sum(reason["points"] for reason in body["risk"]["reasons"])
    assert body["assessments"] == [] and body["sanctions"] == []


def test_a_contract_is_added_through_the_pages_service(contract_manager_a, sparkle):
    response = _api(contract_manager_a).post(
        "/api/v1/contracts/",
        {**NEW, "supplier": str(sparkle.uuid), "contract_manager": contract_manager_a.username},
        format="json",
    )
    assert response.status_code == 201, response.json()
    contract = Contract.objects.get(uuid=response.json()["uuid"])
    assert contract.contract_manager == contract_manager_a and contract.value == Decimal("1200000")
    # A high-risk contract gets its annual assessment scheduled, as on the page.
    assert SupplierAssessment.objects.filter(contract=contract).exists()


def test_a_contract_is_changed_and_terminated(contract_manager_a, cleaning):
    client = _api(contract_manager_a)
    changed = client.patch(f"/api/v1/contracts/{cleaning.uuid}", {"reference": "C-42"}, format="json")
    assert changed.status_code == 200, changed.json()
    cleaning.refresh_from_db()
    assert (cleaning.reference, cleaning.title, cleaning.supplier.name) == (
        "C-42",
        "Office cleaning",
        "Sparkle Cleaning Ltd",
    )
    ended = client.post(
        f"/api/v1/contracts/{cleaning.uuid}/terminate",
        {"terminated_on": date.today().isoformat(), "reason": "refused_cooperation", "details": "No audit allowed"},
        format="json",
    )
    assert ended.status_code == 200 and ended.json()["status"] == ContractStatus.TERMINATED
    again = client.patch(f"/api/v1/contracts/{cleaning.uuid}", {"reference": "C-43"}, format="json")
    assert again.status_code == 400 and "terminated" in again.json()["detail"]


def test_refused_fields_answer_400_naming_them_and_change_nothing(contract_manager_a, sparkle, cleaning, council_b):
    client = _api(contract_manager_a)
    backwards = {**NEW, "supplier": str(sparkle.uuid), "start_on": "2028-01-01", "end_on": "2027-01-01"}
    response = client.post("/api/v1/contracts/", backwards, format="json")
    assert response.status_code == 400 and list(response.json()) == ["end_on"]
    elsewhere = make_supplier(council_b, "B's supplier")
    response = client.post("/api/v1/contracts/", {**NEW, "supplier": str(elsewhere.uuid)}, format="json")
    assert response.status_code == 400 and list(response.json()) == ["supplier"]
    assert Contract.objects.count() == 1
    before = Contract.objects.values().get(pk=cleaning.pk)
    response = client.patch(f"/api/v1/contracts/{cleaning.uuid}", {"title": "", "value": "-5"}, format="json")
    assert response.status_code == 400 and {"title", "value"} <= set(response.json())
    no_reason = client.post(f"/api/v1/contracts/{cleaning.uuid}/terminate", {"details": "x"}, format="json")
    assert no_reason.status_code == 400 and {"terminated_on", "reason"} <= set(no_reason.json())
    assert Contract.objects.values().get(pk=cleaning.pk) == before


def test_other_organisations_and_other_roles_are_refused(lead_b, frontline_a, cleaning):
    assert _api(lead_b).get(f"/api/v1/contracts/{cleaning.uuid}").status_code == 404
    assert _api(lead_b).patch(f"/api/v1/contracts/{cleaning.uuid}", {"title": "x"}, format="json").status_code == 404
    terminate = _api(lead_b).post(f"/api/v1/contracts/{cleaning.uuid}/terminate", {}, format="json")
    assert terminate.status_code == 404
    assert _api(frontline_a).get("/api/v1/contracts/").status_code == 403
    assert _api(frontline_a).get(f"/api/v1/contracts/{cleaning.uuid}").status_code == 403
    cleaning.refresh_from_db()
    assert cleaning.title == "Office cleaning" and cleaning.status == ContractStatus.ACTIVE


def test_a_token_reads_and_writes_only_as_its_scope_and_modules_say(contract_manager_a, cleaning):
    reader = token_client(contract_manager_a, scope="read", modules=(Module.SUPPLIERS,))
    assert reader.get(f"/api/v1/contracts/{cleaning.uuid}").status_code == 200
    assert reader.patch(f"/api/v1/contracts/{cleaning.uuid}", {"title": "x"}, format="json").status_code == 403
    assert token_client(contract_manager_a, modules=(Module.STATEMENTS,)).get("/api/v1/contracts/").status_code == 403
    writer = token_client(contract_manager_a, modules=(Module.SUPPLIERS,))
    assert writer.patch(f"/api/v1/contracts/{cleaning.uuid}", {"title": "Cleaning"}, format="json").status_code == 200


def test_risks_actions_and_sanctions_are_added_as_their_pages_add_them(contract_manager_a, lead_b, cleaning):
    client = _api(contract_manager_a)
    base = f"/api/v1/contracts/{cleaning.uuid}"
    risk = {"description": "Agency staff unpaid", "likelihood": 4, "impact": 5, "owner": contract_manager_a.username}
    response = client.post(f"{base}/risks", risk, format="json")
    assert response.status_code == 201 and response.json()["score"] == 20
    action = client.post(f"{base}/actions", {"description": "Show payslips", "due_on": "2026-01-31"}, format="json")
    assert action.status_code == 201
    sanction = {"kind": "warning", "imposed_on": "2025-09-01", "reason": "No payslips shown"}
    assert client.post(f"{base}/sanctions", sanction, format="json").status_code == 201
    detail = client.get(base).json()
    assert [len(detail[part]) for part in ("risks", "actions", "sanctions")] == [1, 1, 1]


def test_refused_risks_actions_and_sanctions_answer_400_or_404_and_add_nothing(contract_manager_a, lead_b, cleaning):
    client = _api(contract_manager_a)
    base = f"/api/v1/contracts/{cleaning.uuid}"
    bad_risk = client.post(f"{base}/risks", {"description": "x", "likelihood": 9, "impact": 1}, format="json")
    assert bad_risk.status_code == 400 and list(bad_risk.json()) == ["likelihood"]
    nobody = client.post(f"{base}/risks", {"description": "x", "likelihood": 1, "impact": 1, "owner": "nobody"})
    assert nobody.status_code == 400 and list(nobody.json()) == ["owner"]
    assert list(client.post(f"{base}/actions", {"description": "x"}, format="json").json()) == ["due_on"]
    assert list(client.post(f"{base}/sanctions", {"kind": "fine"}, format="json").json()) == [
        "kind",
        "imposed_on",
        "reason",
    ]
    assert _api(lead_b).post(f"{base}/actions", {"description": "x", "due_on": "2026-01-01"}).status_code == 404
    assert not (cleaning.risks.exists() or cleaning.actions.exists() or cleaning.sanctions.exists())
