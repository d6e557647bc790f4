"""/api/v1/contract-risk-register and /contract-open-risks (issue 19, item 1): the contract risk
register page's two tables through the API, from the same selectors."""

from datetime import date, timedelta

from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.core.roles import Module
from tackle.suppliers.models import ContractRisk, SupplierAssessment
from tackle.suppliers.tests.factories import make_contract, make_supplier

REGISTER = "/api/v1/contract-risk-register/"
OPEN_RISKS = "/api/v1/contract-open-risks/"


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _contracts(council_a, council_b):
    risky = make_contract(
        make_supplier(council_a, "Sparkle Cleaning Ltd"), "Office cleaning", labour_intensive=True, subcontracted=True
    )
    plain = make_contract(make_supplier(council_a, "Paper Co", company_number="07654321", sectors=["other"]), "Paper")
    SupplierAssessment.objects.create(contract=risky, due_on=date.today() - timedelta(days=3))
    ContractRisk.objects.create(contract=risky, description="Agency pay not visible", likelihood=4, impact=5)
    ContractRisk.objects.create(contract=plain, description="Late invoices", likelihood=1, impact=2)
    ContractRisk.objects.create(contract=risky, description="Closed", likelihood=5, impact=5, closed_on=date.today())
    theirs = make_contract(make_supplier(council_b, "Other Council Ltd"), "Not ours", labour_intensive=True)
    ContractRisk.objects.create(contract=theirs, description="Not ours", likelihood=5, impact=5)
    return risky, plain


def test_the_register_lists_active_contracts_highest_risk_first_as_the_page(
    contract_manager_a, council_a, council_b, client_for
):
    _risky, plain = _contracts(council_a, council_b)
    client = _api(contract_manager_a)
    page = client_for(contract_manager_a).get("/suppliers/contracts/risk-register")
    body = client.get(REGISTER).json()
    assert [row["contract"] for row in body["results"]] == [str(row.contract.uuid) for row in page.context["rows"]]
    assert [row["title"] for row in body["results"]] == ["Office cleaning", "Paper"]
    first = body["results"][0]
    assert (first["open_risks"], first["overdue_assessment"]) == (1, True)
    assert first["risk"]["score"] == sum(reason["points"] for reason in first["risk"]["reasons"])
    assert [row["title"] for row in client.get(REGISTER, {"sort": "title"}).json()["results"]] == [
        "Office cleaning",
        "Paper",
    ]
    assert [row["title"] for row in client.get(REGISTER, {"sort": "-title"}).json()["results"]] == [
        "Paper",
        "Office cleaning",
    ]
    assert client.get(REGISTER, {"overdue_assessment": "false"}).json()["count"] == 1
    assert client.get(REGISTER, {"supplier": str(plain.supplier.uuid)}).json()["results"][0]["title"] == "Paper"
    level = first["risk"]["level"]
    assert all(row["risk"]["level"] == level for row in client.get(REGISTER, {"level": level}).json()["results"])


def test_open_risks_are_the_pages_second_table(contract_manager_a, council_a, council_b):
    risky, _plain = _contracts(council_a, council_b)
    client = _api(contract_manager_a)
    body = client.get(OPEN_RISKS).json()
    assert [(row["description"], row["score"]) for row in body["results"]] == [
        ("Agency pay not visible", 20),
        ("Late invoices", 2),
    ]
    assert body["results"][0]["supplier_name"] == "Sparkle Cleaning Ltd" and body["results"][0]["owner"] is None
    assert client.get(OPEN_RISKS, {"contract": str(risky.uuid)}).json()["count"] == 1
    assert client.get(OPEN_RISKS, {"min_score": 10}).json()["count"] == 1
    ordered = client.get(OPEN_RISKS, {"sort": "contract_title"}).json()["results"]
    assert [row["contract_title"] for row in ordered] == ["Office cleaning", "Paper"]


def test_a_bad_filter_is_named_and_other_roles_and_tokens_are_refused(contract_manager_a, frontline_a, lead_b):
    bad = _api(contract_manager_a).get(REGISTER, {"level": "extreme", "sort": "colour"})
    assert bad.status_code == 400 and set(bad.json()) == {"level", "sort"}
    assert _api(contract_manager_a).get(OPEN_RISKS, {"min_score": 30}).status_code == 400
    assert _api(frontline_a).get(REGISTER).status_code == 403
    assert _api(frontline_a).get(OPEN_RISKS).status_code == 403
    assert _api(lead_b).get(REGISTER).json()["count"] == 0  # another council's register is its own
    assert token_client(contract_manager_a, modules=(Module.STATEMENTS,)).get(REGISTER).status_code == 403
    assert (
        token_client(contract_manager_a, scope="read", modules=(Module.SUPPLIERS,)).get(OPEN_RISKS).status_code == 200
    )
