"""/api/v1/ closing a contract action, annual supplier assessments and selection questionnaire
responses (issue 19, item 1): the supply roles write through the pages' forms and services, another
council's records are not found, a wrong role, a read token or a token for another module is
refused, and a refused body names its field and changes nothing."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.suppliers.models import SelectionResponse
from tackle.suppliers.tests.factories import make_records

ANSWER = {"procurement": "Cleaning lot 2", "answered_on": "2026-01-05", "is_relevant_organisation": False}


@pytest.fixture
def records(council_a):
    return make_records(council_a)


def test_an_action_is_closed_once_with_what_was_done(procurement_a, records):
    path = f"/api/v1/contract-actions/{records['action'].uuid}/close"
    client = token_client(procurement_a)
    closed = client.post(path, {"closed_on": "2026-01-12", "note": "Statement published"}, format="json")
    assert closed.status_code == 200 and closed.json()["closed_on"] == "2026-01-12"
    again = client.post(path, {"note": "Again"}, format="json")
    assert again.status_code == 400 and "already closed" in again.json()["detail"]


def test_closing_an_action_is_refused_naming_the_field_and_changes_nothing(
    procurement_a, lead_b, councillor_a, records
):
    path = f"/api/v1/contract-actions/{records['action'].uuid}/close"
    assert set(token_client(procurement_a).post(path, {"closed_on": "2999-01-01"}, format="json").json()) == {
        "closed_on"
    }
    assert token_client(lead_b).post(path, {}, format="json").status_code == 404
    assert token_client(councillor_a).post(path, {}, format="json").status_code == 403
    assert token_client(procurement_a, scope="read").post(path, {}, format="json").status_code == 403
    assert token_client(procurement_a, modules=("training",)).post(path, {}, format="json").status_code == 403
    records["action"].refresh_from_db()
    assert records["action"].closed_on is None


def test_an_assessment_due_is_listed_and_recorded_done(procurement_a, records):
    client = token_client(procurement_a)
    due = client.get("/api/v1/supplier-assessments/?done=false").json()["results"]
    assert [row["uuid"] for row in due] == [str(records["assessment"].uuid)]
    path = f"/api/v1/supplier-assessments/{records['assessment'].uuid}/complete"
    body = {"completed_on": "2026-01-12", "outcome": "satisfactory", "findings": "Payslips seen"}
    done = client.post(path, body, format="json")
    assert done.status_code == 200 and done.json()["outcome"] == "satisfactory"
    done_list = client.get("/api/v1/supplier-assessments/?done=true").json()["results"]
    assert [row["uuid"] for row in done_list] == [str(records["assessment"].uuid)]
    # The next year's assessment is scheduled by the service, as on the page.
    assert str(records["assessment"].uuid) not in str(client.get("/api/v1/supplier-assessments/?done=false").json())
    assert client.post(path, body, format="json").status_code == 404  # done: no longer open to record


def test_an_assessment_is_refused_naming_the_field_and_changes_nothing(procurement_a, lead_b, councillor_a, records):
    path = f"/api/v1/supplier-assessments/{records['assessment'].uuid}/complete"
    body = {"outcome": "satisfactory", "findings": "Payslips seen"}
    client = token_client(procurement_a)
    assert set(client.post(path, {**body, "outcome": "great"}, format="json").json()) == {"outcome"}
    assert set(client.post(path, {**body, "findings": ""}, format="json").json()) == {"findings"}
    assert token_client(lead_b).post(path, body, format="json").status_code == 404
    assert token_client(councillor_a).post(path, body, format="json").status_code == 403
    assert token_client(procurement_a, scope="read").post(path, body, format="json").status_code == 403
    assert token_client(procurement_a, modules=("training",)).get("/api/v1/supplier-assessments/").status_code == 403
    records["assessment"].refresh_from_db()
    assert records["assessment"].completed_on is None


def test_a_selection_response_is_recorded_and_listed(procurement_a, records):
    client = token_client(procurement_a)
    body = {**ANSWER, "supplier": str(records["supplier"].uuid)}
    added = client.post("/api/v1/selection-responses/", body, format="json")
    assert added.status_code == 201 and added.json()["outcome"] == "not_relevant"
    listed = client.get("/api/v1/selection-responses/?outcome=not_relevant").json()["results"]
    assert [row["procurement"] for row in listed] == ["Cleaning lot 2"]


def test_a_refused_selection_response_names_its_field_and_adds_nothing(procurement_a, lead_b, councillor_a, records):
    body = {**ANSWER, "supplier": str(records["supplier"].uuid)}
    client = token_client(procurement_a)
    path = "/api/v1/selection-responses/"
    compliant_without_url = {**body, "is_relevant_organisation": True, "is_compliant": True}
    assert set(client.post(path, compliant_without_url, format="json").json()) == {"statement_url"}
    assert set(client.post(path, {**body, "procurement": ""}, format="json").json()) == {"procurement"}
    assert set(token_client(lead_b).post(path, body, format="json").json()) == {"supplier"}
    assert token_client(councillor_a).post(path, body, format="json").status_code == 403
    assert token_client(procurement_a, scope="read").post(path, body, format="json").status_code == 403
    assert token_client(procurement_a, modules=("training",)).get(path).status_code == 403
    assert not SelectionResponse.objects.exists()
