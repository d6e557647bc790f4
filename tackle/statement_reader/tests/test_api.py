import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tackle.statement_reader.models import StatementReading
from tackle.statement_reader.services import judgement_override
from tackle.statement_reader.tests.factories import local_server, statement_docx, statement_text


@pytest.fixture
def api_for():
    def make(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make


def test_a_statement_is_read_through_the_api_and_read_back_with_overrides(api_for, buyer_a, supplier_a, fake_labeller):
    client = api_for(buyer_a)
    upload = SimpleUploadedFile("widgets.docx", statement_docx())
    response = client.post("/api/v1/statement-readings", {"supplier": str(supplier_a.uuid), "file": upload})
    assert response.status_code == 201
    body = response.json()
    assert body["score"] == 6 and body["future_only"] == ["training"] and body["supplier"] == str(supplier_a.uuid)
    assert body["areas"]["policies"]["evidence"][0]["index"] == 5

    reading = StatementReading.objects.get()
    judgement_override(actor=buyer_a, reading=reading, judgement="training", covered=True, reason="Seen on site")
    body = client.get(f"/api/v1/statement-readings/{reading.uuid}").json()
    assert body["score"] == 7 and body["machine_score"] == 6
    assert body["areas"]["training"] == {
        "covered": True,
        "evidence": [{"sentence": "We will train all buyers in the coming year.", "index": 7}],
        "overridden": True,
    }
    assert body["future_only"] == []


def test_the_api_reads_from_a_web_address(api_for, buyer_a, fake_labeller, tmp_path, settings):
    settings.STATEMENT_FETCH_ALLOW_PRIVATE = True
    (tmp_path / "statement.html").write_text(f"<html><body><p>{statement_text()}</p></body></html>")
    with local_server(tmp_path) as base:
        response = api_for(buyer_a).post("/api/v1/statement-readings", {"url": f"{base}/statement.html"}, format="json")
    assert response.status_code == 201 and response.json()["supplier"] is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "not both or neither"),
        ({"file": SimpleUploadedFile("x.xlsx", b"PK\x03\x04")}, "must be a .txt, .html, .pdf or .docx"),
    ],
)
def test_bad_requests_get_400_and_save_nothing(api_for, buyer_a, fake_labeller, data, message):
    response = api_for(buyer_a).post("/api/v1/statement-readings", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not StatementReading.objects.exists()


def test_the_api_keeps_the_pages_rules(api_for, frontline_a, lead_b, buyer_a, supplier_b, fake_labeller):
    assert api_for(frontline_a).post("/api/v1/statement-readings", {}).status_code == 403
    upload = SimpleUploadedFile("s.txt", statement_text().encode())
    other_supplier = api_for(buyer_a).post(
        "/api/v1/statement-readings", {"supplier": str(supplier_b.uuid), "file": upload}
    )
    assert other_supplier.status_code == 404
    reading = (
        api_for(buyer_a)
        .post("/api/v1/statement-readings", {"file": SimpleUploadedFile("s.txt", statement_text().encode())})
        .json()
    )
    assert api_for(lead_b).get(f"/api/v1/statement-readings/{reading['uuid']}").status_code == 404
    assert api_for(frontline_a).get(f"/api/v1/statement-readings/{reading['uuid']}").status_code == 403
    assert APIClient().get(f"/api/v1/statement-readings/{reading['uuid']}").status_code in {401, 403}
