"""/api/v1/statement-readings: a statement is queued, never read in the web request (issue 15,
defect 2); the answer is 202 with an address to poll until the worker has read it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.statement_reader.models import ReadingRequest, StatementReading
from tackle.statement_reader.services import judgement_override
from tackle.statement_reader.tasks import read_statement
from tackle.statement_reader.tests.factories import local_server, statement_docx, statement_text


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def api_for():
    def make(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make


def _work(body: dict) -> None:
    """What the task worker does with the queued reading."""
    pending = ReadingRequest.objects.get(uuid=body["uuid"])
    assert pending.task_run is not None
    read_statement.call(run_uuid=str(pending.task_run.uuid), request_uuid=str(pending.uuid))


def test_a_statement_is_queued_then_read_back_with_overrides(api_for, buyer_a, supplier_a, fake_labeller):
    client = api_for(buyer_a)
    upload = SimpleUploadedFile("widgets.docx", statement_docx())
    response = client.post("/api/v1/statement-readings", {"supplier": str(supplier_a.uuid), "file": upload})
    assert response.status_code == 202
    queued = response.json()
    assert queued["status"] == "queued" and queued["reading"] is None and queued["error"] == ""
    assert response["Location"] == queued["status_url"] == f"/api/v1/statement-reading-requests/{queued['uuid']}"
    assert not StatementReading.objects.exists()  # nothing was read in the request

    _work(queued)
    done = client.get(queued["status_url"]).json()
    assert done["status"] == "succeeded"
    body = client.get(done["reading_url"]).json()
    assert body["score"] == 6 and body["future_only"] == ["training"] and body["supplier"] == str(supplier_a.uuid)
    assert body["areas"]["policies"]["evidence"][0]["index"] == 5
    assert body["promise_or_action"]["training"]["state"] == "promised"
    assert body["promise_or_action"]["due_diligence"]["state"] == "done"
    assert body["sign_off"]["signatory"] == {"name": "Jane Doe", "title": "Director", "date": None}
    assert body["sign_off"]["approved_on"] == "2025-06-30"

    reading = StatementReading.objects.get()
    assert done["reading"] == str(reading.uuid)
    judgement_override(actor=buyer_a, reading=reading, judgement="training", covered=True, reason="Seen on site")
    body = client.get(f"/api/v1/statement-readings/{reading.uuid}").json()
    assert body["score"] == 7 and body["machine_score"] == 6
    assert body["areas"]["training"] == {
        "covered": True,
        "evidence": [{"sentence": "We will train all buyers in the coming year.", "index": 7}],
        "overridden": True,
    }
    assert body["future_only"] == []


def test_the_api_queues_a_web_address_for_the_worker_to_fetch(api_for, buyer_a, fake_labeller, tmp_path, settings):
    settings.STATEMENT_FETCH_ALLOW_PRIVATE = True
    (tmp_path / "statement.html").write_text(f"<html><body><p>{statement_text()}</p></body></html>")
    client = api_for(buyer_a)
    with local_server(tmp_path) as base:
        response = client.post("/api/v1/statement-readings", {"url": f"{base}/statement.html"}, format="json")
        assert response.status_code == 202
        _work(response.json())
    done = client.get(response["Location"]).json()
    assert done["status"] == "succeeded"
    assert client.get(done["reading_url"]).json()["supplier"] is None


def test_a_statement_that_cannot_be_read_fails_with_a_reason(api_for, buyer_a, fake_labeller):
    client = api_for(buyer_a)
    response = client.post("/api/v1/statement-readings", {"file": SimpleUploadedFile("s.txt", b"\x00" * 4000)})
    assert response.status_code == 202
    _work(response.json())
    failed = client.get(response["Location"]).json()
    assert failed["status"] == "failed" and failed["error"] and failed["reading_url"] is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "not both or neither"),
        ({"file": SimpleUploadedFile("x.xlsx", b"PK\x03\x04")}, "must be a .txt, .html, .pdf or .docx"),
    ],
)
def test_bad_requests_get_400_and_queue_nothing(api_for, buyer_a, fake_labeller, data, message):
    response = api_for(buyer_a).post("/api/v1/statement-readings", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not ReadingRequest.objects.exists() and not StatementReading.objects.exists()


def test_the_api_keeps_the_pages_rules(api_for, frontline_a, lead_b, buyer_a, supplier_b, fake_labeller):
    assert api_for(frontline_a).post("/api/v1/statement-readings", {}).status_code == 403
    upload = SimpleUploadedFile("s.txt", statement_text().encode())
    other_supplier = api_for(buyer_a).post(
        "/api/v1/statement-readings", {"supplier": str(supplier_b.uuid), "file": upload}
    )
    assert other_supplier.status_code == 404
    queued = (
        api_for(buyer_a)
        .post("/api/v1/statement-readings", {"file": SimpleUploadedFile("s.txt", statement_text().encode())})
        .json()
    )
    assert api_for(lead_b).get(queued["status_url"]).status_code == 404
    assert api_for(frontline_a).get(queued["status_url"]).status_code == 403
    assert APIClient().get(queued["status_url"]).status_code in {401, 403}
    _work(queued)
    reading_url = api_for(buyer_a).get(queued["status_url"]).json()["reading_url"]
    assert api_for(lead_b).get(reading_url).status_code == 404
    assert api_for(frontline_a).get(reading_url).status_code == 403
    assert APIClient().get(reading_url).status_code in {401, 403}


def _reading(organisation, user, supplier=None, *, name="statement.pdf", score=4):
    return StatementReading.objects.create(
        organisation=organisation, supplier=supplier, file_name=name, sha256="0" * 64,
        machine_score=score, score=score, created_by=user,
    )  # fmt: skip


def test_the_list_is_the_pages_readings_filtered_and_sorted(buyer_a, supplier_a, lead_b):
    own = _reading(buyer_a.organisation, buyer_a, name="our-statement.pdf", score=7)
    widgets = _reading(buyer_a.organisation, buyer_a, supplier_a, name="widgets.pdf", score=3)
    _reading(lead_b.organisation, lead_b, name="other-council.pdf")
    client = token_client(buyer_a, scope="read", modules=("statements",))

    body = client.get("/api/v1/statement-readings", {"sort": "score"}).json()
    assert body["count"] == 2
    assert [row["title"] for row in body["results"]] == ["widgets.pdf", "our-statement.pdf"]
    assert body["results"][0]["supplier"] == str(supplier_a.uuid) and body["results"][1]["supplier"] is None
    assert body["results"][0]["reading_url"] == f"/api/v1/statement-readings/{widgets.uuid}"
    only_supplier = client.get("/api/v1/statement-readings", {"supplier": str(supplier_a.uuid)}).json()
    assert [row["uuid"] for row in only_supplier["results"]] == [str(widgets.uuid)]
    councils_own = client.get("/api/v1/statement-readings", {"councils_own": "true"}).json()
    assert [row["uuid"] for row in councils_own["results"]] == [str(own.uuid)]


@pytest.mark.parametrize(("query", "field"), [({"sort": "name"}, "sort"), ({"suplier": "x"}, "suplier")])
def test_a_bad_filter_is_refused_by_name(buyer_a, query, field):
    response = token_client(buyer_a, scope="read").get("/api/v1/statement-readings", query)
    assert response.status_code == 400 and field in response.json()


def test_the_list_keeps_the_pages_rules_and_the_tokens_scope(buyer_a, frontline_a, lead_b):
    _reading(buyer_a.organisation, buyer_a)
    assert token_client(lead_b).get("/api/v1/statement-readings").json()["count"] == 0  # another council's
    assert token_client(frontline_a).get("/api/v1/statement-readings").status_code == 403
    assert token_client(buyer_a, modules=("suppliers",)).get("/api/v1/statement-readings").status_code == 403
    assert token_client(buyer_a, scope="read").post("/api/v1/statement-readings", {}).status_code == 403
    assert APIClient().get("/api/v1/statement-readings").status_code in {401, 403}


@pytest.fixture
def read_statement_of(buyer_a, fake_labeller):
    """A statement read by the worker, as the reviewer's decisions need (its sentences and judgements)."""
    upload = SimpleUploadedFile("widgets.docx", statement_docx())
    queued = token_client(buyer_a).post("/api/v1/statement-readings", {"file": upload}).json()
    _work(queued)
    return StatementReading.objects.get()


def test_a_reviewers_decision_is_recorded_and_the_score_follows(buyer_a, read_statement_of):
    path = f"/api/v1/statement-readings/{read_statement_of.uuid}/overrides"
    decision = {"judgement": "training", "covered": "yes", "reason": "Seen on site", "evidence_added": [7]}

    response = token_client(buyer_a, scope="write", modules=("statements",)).post(path, decision, format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["score"] == 7 and body["machine_score"] == 6
    assert body["areas"]["training"]["covered"] is True and body["areas"]["training"]["overridden"] is True
    assert read_statement_of.overrides.get().reason == "Seen on site"


@pytest.mark.parametrize(
    ("decision", "field"),
    [
        ({"judgement": "training", "covered": "maybe", "reason": "x"}, "covered"),
        ({"judgement": "training", "covered": "yes"}, "reason"),
        ({"judgement": "approval", "covered": "promised", "reason": "x"}, "covered"),  # the service's rule
        ({"judgement": "training", "covered": "yes", "reason": "x", "evidence_added": [9999]}, "evidence_added"),
    ],
)
def test_a_bad_decision_is_refused_naming_the_field(buyer_a, read_statement_of, decision, field):
    path = f"/api/v1/statement-readings/{read_statement_of.uuid}/overrides"
    response = token_client(buyer_a).post(path, decision, format="json")
    assert response.status_code == 400 and field in response.json()
    assert not read_statement_of.overrides.exists()


def test_a_decision_keeps_the_pages_rules_and_the_tokens_scope(buyer_a, frontline_a, lead_b, read_statement_of):
    path = f"/api/v1/statement-readings/{read_statement_of.uuid}/overrides"
    decision = {"judgement": "training", "covered": "yes", "reason": "Seen on site"}
    assert token_client(lead_b).post(path, decision, format="json").status_code == 404
    assert token_client(frontline_a).post(path, decision, format="json").status_code == 403
    assert token_client(buyer_a, scope="read").post(path, decision, format="json").status_code == 403
    assert token_client(buyer_a, modules=("suppliers",)).post(path, decision, format="json").status_code == 403
    assert not read_statement_of.overrides.exists()
