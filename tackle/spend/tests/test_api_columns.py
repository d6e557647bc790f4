"""/api/v1/spend-files/{uuid}/columns (issue 19, item 1): a spend import waiting on a file's guessed
columns (status 'columns', cd6c008) is read and corrected through the API as on the file's columns
page: the amount named by its header queues the screening with it; another council's file is not
found, a wrong role, a read token or a token for another module is refused, and a refused body
names its field and queues nothing."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tackle.accounts.tests.signing_in import token_client
from tackle.core.models import TaskRun
from tackle.core.roles import Role
from tackle.spend.models import ImportStatus, SpendImport, SpendTotal
from tackle.spend.tasks import screen_spend_import

MISSPELT = (
    "Supplier Name,Expense Type,Net Amuont,Paid With Tax,Payment Date\n"
    "Bright Care Homes Ltd,Residential Care,1000.00,1200.00,05/06/2024\n"
    "Secure Guarding Ltd,Security,500.00,600.00,06/06/2024\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a, username="procurement-a")


@pytest.fixture
def waiting(client_for, procurement_a):
    """An import uploaded on the page whose amount column was only guessed: it waits on its columns."""
    chosen = SimpleUploadedFile("june.csv", MISSPELT.encode(), content_type="text/csv")
    client_for(procurement_a).post(reverse("spend:import-new"), {"spend_files": [chosen]})
    spend_import = SpendImport.objects.get()
    assert spend_import.status == ImportStatus.COLUMNS
    return spend_import.files.get()


def test_the_guessed_columns_are_read_and_the_amount_corrected_queues_the_screening(procurement_a, waiting):
    client = token_client(procurement_a)
    path = f"/api/v1/spend-files/{waiting.uuid}/columns"
    read = client.get(path).json()
    amount = next(column for column in read["columns"] if column["field"] == "amount")
    assert read["import_status"] == "columns" and amount["samples"][:2] == ["1000.00", "500.00"]
    corrected = client.post(path, {"columns": {"amount": "Paid With Tax"}}, format="json")
    assert corrected.status_code == 202 and corrected.json()["status"] == "queued"
    spend_import = SpendImport.objects.get()
    assert spend_import.task_run is not None
    screen_spend_import.call(run_uuid=str(spend_import.task_run.uuid), import_uuid=str(spend_import.uuid))
    assert sum(total.amount for total in SpendTotal.objects.all()) == Decimal("1800.00")


def test_a_refused_correction_names_its_field_and_queues_nothing(
    procurement_a, make_user, council_b, councillor_a, waiting
):
    client = token_client(procurement_a)
    path = f"/api/v1/spend-files/{waiting.uuid}/columns"
    assert set(client.post(path, {"columns": {"amount": "Nope"}}, format="json").json()) == {"columns"}
    assert set(client.post(path, {"columns": {"colour": "Net Amuont"}}, format="json").json()) == {"columns"}
    assert set(client.post(path, {"columns": {"amount": None}}, format="json").json()) == {"amount"}
    assert set(client.post(path, {"columns": "amount"}, format="json").json()) == {"columns"}
    other_council = make_user(Role.PROCUREMENT_OFFICER, council_b)
    assert token_client(other_council).get(path).status_code == 404
    assert token_client(councillor_a).get(path).status_code == 403
    body = {"columns": {"amount": "Paid With Tax"}}
    assert token_client(procurement_a, scope="read").post(path, body, format="json").status_code == 403
    assert token_client(procurement_a, modules=("training",)).post(path, body, format="json").status_code == 403
    assert SpendImport.objects.get().status == ImportStatus.COLUMNS and not TaskRun.objects.exists()
