"""/api/v1/tender-checks and /clarifications (issue 19, item 1): procurement's tender checks through
the API with the page's form and services."""

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.core.roles import Module
from tackle.suppliers.models import ClarificationTask, TenderCheck
from tackle.suppliers.tests.factories import make_records

TYPED = "Acme Ltd, 120000\nBest Co, 118000\nFair Ltd, 121000\nCheap Co, 41000"


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_bids_typed_are_checked_and_the_low_one_gets_a_clarification(procurement_a):
    client = _api(procurement_a)
    response = client.post("/api/v1/tender-checks/", {"lot": "Lot 2", "typed": TYPED}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["bid_count"], body["flagged_count"], body["threshold_percent"]) == (4, 1, 70)
    cheap = next(bid for bid in body["bids"] if bid["bidder"] == "Cheap Co")
    assert cheap["flags"] and cheap["clarification"] is not None
    listed = client.get("/api/v1/tender-checks/?lot=lot 2").json()
    assert [row["uuid"] for row in listed["results"]] == [body["uuid"]]
    assert client.get(f"/api/v1/tender-checks/{body['uuid']}").json()["bids"][0]["line"] == 1


def test_bids_in_a_file_are_checked(procurement_a):
    upload = SimpleUploadedFile("bids.csv", ("Company,Bid value\n" + TYPED).encode())
    response = _api(procurement_a).post("/api/v1/tender-checks/", {"lot": "Lot 3", "file": upload})
    assert response.status_code == 201 and response.json()["bid_count"] == 4


def test_bids_that_cannot_be_read_answer_400_naming_the_line_and_save_nothing(procurement_a):
    client = _api(procurement_a)
    bad = client.post("/api/v1/tender-checks/", {"lot": "Lot 2", "typed": "Acme Ltd, lots"}, format="json")
    assert bad.status_code == 400 and any(line.startswith("Line 1") for line in bad.json()["typed"])
    neither = client.post("/api/v1/tender-checks/", {"lot": "Lot 2", "threshold": 0}, format="json")
    assert neither.status_code == 400 and set(neither.json()) == {"threshold"}
    nothing = client.post("/api/v1/tender-checks/", {"lot": "Lot 2"}, format="json")
    assert nothing.status_code == 400 and set(nothing.json()) == {"file"}
    assert not TenderCheck.objects.exists()


def test_a_clarification_is_listed_and_closed(procurement_a, council_a):
    task = make_records(council_a)["task"]
    client = _api(procurement_a)
    assert [row["bidder"] for row in client.get("/api/v1/clarifications/").json()["results"]] == ["Cheap Co"]
    empty = client.post(f"/api/v1/clarifications/{task.uuid}/close", {"outcome": ""}, format="json")
    assert empty.status_code == 400 and "outcome" in empty.json()
    closed = client.post(f"/api/v1/clarifications/{task.uuid}/close", {"outcome": "Wages checked"}, format="json")
    assert closed.status_code == 200 and closed.json()["closed_on"] is not None
    assert client.get("/api/v1/clarifications/").json()["count"] == 0
    assert client.get("/api/v1/clarifications/?state=closed").json()["results"][0]["outcome"] == "Wages checked"
    again = client.post(f"/api/v1/clarifications/{task.uuid}/close", {"outcome": "Again"}, format="json")
    assert again.status_code == 400 and "already closed" in again.json()["detail"]


def test_contract_managers_and_other_organisations_are_refused(contract_manager_a, lead_b, council_a):
    records = make_records(council_a)
    check, task = records["check"], records["task"]
    assert _api(contract_manager_a).get("/api/v1/tender-checks/").status_code == 403
    assert _api(contract_manager_a).get(f"/api/v1/tender-checks/{check.uuid}").status_code == 403
    posted = _api(contract_manager_a).post("/api/v1/tender-checks/", {"lot": "L", "typed": TYPED}, format="json")
    assert posted.status_code == 403
    assert _api(lead_b).get(f"/api/v1/tender-checks/{check.uuid}").status_code == 404
    close = _api(lead_b).post(f"/api/v1/clarifications/{task.uuid}/close", {"outcome": "x"}, format="json")
    assert close.status_code == 404
    assert TenderCheck.objects.count() == 1 and ClarificationTask.objects.get().closed_on is None


def test_a_token_reads_and_writes_only_as_its_scope_and_modules_say(procurement_a):
    reader = token_client(procurement_a, scope="read", modules=(Module.SUPPLIERS,))
    assert reader.get("/api/v1/tender-checks/").status_code == 200
    assert reader.post("/api/v1/tender-checks/", {"lot": "L", "typed": TYPED}, format="json").status_code == 403
    assert token_client(procurement_a, modules=(Module.STATEMENTS,)).get("/api/v1/clarifications/").status_code == 403
    writer = token_client(procurement_a, modules=(Module.SUPPLIERS,))
    assert writer.post("/api/v1/tender-checks/", {"lot": "L", "typed": TYPED}, format="json").status_code == 201


GUESSED = b"Tenderr,Tender prce,Net offer\nAcme,100000,100000\nBeta,96000,96000\nCheapo,90000,20000\n"


def test_a_guessed_column_is_named_in_the_400_and_the_columns_sent_are_used(procurement_a):
    client = _api(procurement_a)
    response = client.post("/api/v1/tender-checks/", {"lot": "L", "file": SimpleUploadedFile("b.csv", GUESSED)})
    assert response.status_code == 400 and "file" in response.json()
    bidder = next(choice for choice in response.json()["columns"] if choice["field"] == "bidder")
    assert (bidder["header"], bidder["samples"]) == ("Tenderr", ["Acme", "Beta", "Cheapo"])
    assert not TenderCheck.objects.exists()
    chosen = {"lot": "L", "file": SimpleUploadedFile("b.csv", GUESSED), "columns.bidder": "0", "columns.price": "2"}
    response = client.post("/api/v1/tender-checks/", chosen)
    assert response.status_code == 201, response.json()
    assert ClarificationTask.objects.get().bid.bidder == "Cheapo"
