"""/api/v1/spend-imports (issue 19, item 1): spend screening through the API with the page's service
and selectors."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.core.roles import Module, Role
from tackle.spend.models import ImportStatus, SpendImport
from tackle.spend.tasks import screen_spend_import

SPEND = (
    "Supplier Name,Expense Type,Net Amount,Payment Date\n"
    "Bright Care Homes Ltd,Residential Care,1000.00,05/06/2023\n"
    "Secure Guarding Ltd,Security,500.00,06/06/2024\n"
    "Stationery Direct,Stationery,abc,07/06/2024\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a)


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _upload(client: APIClient, *names: str):
    files = [SimpleUploadedFile(name, SPEND.encode(), content_type="text/csv") for name in names]
    return client.post("/api/v1/spend-imports/", {"spend_files": files})


@pytest.fixture
def screened(procurement_a) -> SpendImport:
    response = _upload(_api(procurement_a), "june.csv")
    assert response.status_code == 202, response.json()
    spend_import = SpendImport.objects.get(uuid=response.json()["uuid"])
    assert spend_import.task_run is not None and response.json()["task_run"] == str(spend_import.task_run.uuid)
    screen_spend_import.call(run_uuid=str(spend_import.task_run.uuid), import_uuid=str(spend_import.uuid))
    return spend_import


def test_an_upload_is_screened_and_its_findings_read(procurement_a, screened):
    client = _api(procurement_a)
    body = client.get(f"/api/v1/spend-imports/{screened.uuid}").json()
    assert body["status"] == ImportStatus.DONE and (body["rows_accepted"], body["rows_rejected"]) == (2, 1)
    assert [file["name"] for file in body["files"]] == ["june.csv"]
    assert {line["sector"] for line in body["sectors"]} >= {"care"}
    assert sum(float(year["amount"]) for year in body["years"]) == 1500.0
    rejects = client.get(f"/api/v1/spend-imports/{screened.uuid}/rejects").json()
    assert rejects["count"] == 1 and rejects["results"][0]["line"] == 4
    listed = client.get("/api/v1/spend-imports/?status=done&sort=-total_amount").json()
    assert [row["uuid"] for row in listed["results"]] == [str(screened.uuid)]
    assert client.get("/api/v1/spend-imports/?status=queued").json()["count"] == 0


def test_a_refused_upload_answers_400_naming_the_field_and_saves_nothing(procurement_a):
    client = _api(procurement_a)
    response = _upload(client, "payments.pdf")
    assert response.status_code == 400 and "spend_files" in response.json()
    assert client.post("/api/v1/spend-imports/", {}).status_code == 400
    bad_filter = client.get("/api/v1/spend-imports/?status=lost")
    assert bad_filter.status_code == 400 and list(bad_filter.json()) == ["status"]
    assert not SpendImport.objects.exists()


def test_other_organisations_and_other_roles_are_refused(screened, lead_b, frontline_a):
    assert _api(lead_b).get(f"/api/v1/spend-imports/{screened.uuid}").status_code == 404
    assert _api(lead_b).get(f"/api/v1/spend-imports/{screened.uuid}/rejects").status_code == 404
    assert _api(lead_b).get("/api/v1/spend-imports/").json()["count"] == 0
    assert _api(frontline_a).get("/api/v1/spend-imports/").status_code == 403
    assert _upload(_api(frontline_a), "june.csv").status_code == 403
    assert SpendImport.objects.count() == 1


def test_a_token_reads_and_writes_only_as_its_scope_and_modules_say(procurement_a, screened):
    reader = token_client(procurement_a, scope="read", modules=(Module.SUPPLIERS,))
    assert reader.get(f"/api/v1/spend-imports/{screened.uuid}").status_code == 200
    assert _upload(reader, "july.csv").status_code == 403
    assert token_client(procurement_a, modules=(Module.STATEMENTS,)).get("/api/v1/spend-imports/").status_code == 403
    assert _upload(token_client(procurement_a, modules=(Module.SUPPLIERS,)), "july.csv").status_code == 202
    assert SpendImport.objects.count() == 2
