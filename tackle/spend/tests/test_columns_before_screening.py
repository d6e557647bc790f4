"""The upload page asks before screening when a file's supplier, amount or date column was only
guessed (issue 16, section 2): the person sees each column's first values, corrects it, and only
then is the file screened, with their columns; exactly named columns go straight to the screening."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tackle.core.models import TaskRun
from tackle.core.roles import Role
from tackle.spend.models import ImportStatus, SpendImport, SpendTotal
from tackle.spend.tasks import screen_spend_import

MISSPELT = (
    "Supplier Name,Expense Type,Net Amuont,Paid With Tax,Payment Date\n"
    "Bright Care Homes Ltd,Residential Care,1000.00,1200.00,05/06/2024\n"
    "Secure Guarding Ltd,Security,500.00,600.00,06/06/2024\n"
)
EXACT = MISSPELT.replace("Net Amuont", "Net Amount")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a, username="procurement-a")


def upload(client, text: str):  # type: ignore[no-untyped-def]
    chosen = SimpleUploadedFile("june.csv", text.encode(), content_type="text/csv")
    return client.post(reverse("spend:import-new"), {"spend_files": [chosen]})


def screen(spend_import: SpendImport) -> None:
    spend_import.refresh_from_db()
    assert spend_import.task_run is not None
    screen_spend_import.call(run_uuid=str(spend_import.task_run.uuid), import_uuid=str(spend_import.uuid))
    spend_import.refresh_from_db()


def test_a_misspelt_amount_header_asks_with_first_values_and_screens_nothing(client_for, procurement_a):
    client = client_for(procurement_a)
    response = upload(client, MISSPELT)
    spend_import = SpendImport.objects.get()
    spend_file = spend_import.files.get()
    assert response["Location"] == reverse("spend:file-columns", args=[spend_file.uuid])
    assert spend_import.status == ImportStatus.COLUMNS
    assert spend_import.task_run is None and not TaskRun.objects.exists()
    assert not SpendTotal.objects.exists() and spend_import.rows_accepted == 0
    assert spend_file.file.storage.exists(spend_file.file.name)  # kept for the confirmed run

    page = client.get(response["Location"])
    choices = {choice.field: choice for choice in page.context["choices"]}
    assert (choices["amount"].header, choices["amount"].guessed) == ("Net Amuont", True)
    assert choices["amount"].samples == ("1000.00", "500.00")
    assert "Check the columns" in page.content.decode()


def test_confirming_a_corrected_column_screens_the_kept_file_with_it(client_for, procurement_a):
    client = client_for(procurement_a)
    upload(client, MISSPELT)
    spend_import = SpendImport.objects.get()
    spend_file = spend_import.files.get()
    response = client.post(
        reverse("spend:file-columns", args=[spend_file.uuid]),
        {"supplier": "0", "category": "1", "amount": "3", "date": "4"},
    )
    assert response.status_code == 302
    spend_import.refresh_from_db()
    assert spend_import.status == ImportStatus.QUEUED
    screen(spend_import)
    assert spend_import.status == ImportStatus.DONE
    assert spend_import.total_amount == Decimal("1800.00")  # the column chosen, not the guess


@pytest.mark.parametrize(
    ("header", "field", "how"),
    [
        ("Suplier Nme", "supplier", "close to 'supplier name'"),
        ("Paymnet Dte", "date", "close to 'payment date'"),
    ],
)
def test_a_guessed_supplier_or_date_column_asks_too_with_first_values(client_for, procurement_a, header, field, how):
    exact_name = {"supplier": "Supplier Name", "date": "Payment Date"}[field]
    response = upload(client_for(procurement_a), EXACT.replace(exact_name, header))
    spend_import = SpendImport.objects.get()
    assert response["Location"] == reverse("spend:file-columns", args=[spend_import.files.get().uuid])
    assert spend_import.status == ImportStatus.COLUMNS and not TaskRun.objects.exists()
    page = client_for(procurement_a).get(response["Location"])
    choices = {choice.field: choice for choice in page.context["choices"]}
    assert (choices[field].header, choices[field].how, choices[field].guessed) == (header, how, True)
    expected = {"supplier": ("Bright Care Homes Ltd", "Secure Guarding Ltd"), "date": ("05/06/2024", "06/06/2024")}
    assert choices[field].samples == expected[field]
    assert not choices["amount"].guessed


def test_exactly_named_supplier_amount_and_date_go_straight_to_the_screening(client_for, procurement_a):
    response = upload(client_for(procurement_a), EXACT)
    spend_import = SpendImport.objects.get()
    assert spend_import.status == ImportStatus.QUEUED
    assert response["Location"] == reverse("home:task-run-detail", args=[spend_import.task_run.uuid])  # type: ignore[union-attr]
    screen(spend_import)
    assert spend_import.total_amount == Decimal("1500.00")


def test_the_waiting_files_columns_are_404_to_another_council_and_403_to_other_roles(
    client_for, procurement_a, lead_b, frontline_a, councillor_a
):
    upload(client_for(procurement_a), MISSPELT)
    url = reverse("spend:file-columns", args=[SpendImport.objects.get().files.get().uuid])
    assert client_for(lead_b).get(url).status_code == 404
    assert client_for(lead_b).post(url, {"amount": "3"}).status_code == 404
    for user in (frontline_a, councillor_a):
        assert client_for(user).get(url).status_code == 403
        assert client_for(user).post(url, {"amount": "3"}).status_code == 403
    assert SpendImport.objects.get().status == ImportStatus.COLUMNS


def test_two_guessed_files_are_each_checked_before_one_screening(client_for, procurement_a):
    client = client_for(procurement_a)
    files = [SimpleUploadedFile(name, MISSPELT.encode(), content_type="text/csv") for name in ("a.csv", "b.csv")]
    client.post(reverse("spend:import-new"), {"spend_files": files})
    spend_import = SpendImport.objects.get()
    first, second = spend_import.files.order_by("position")
    chosen = {"supplier": "0", "category": "1", "amount": "3", "date": "4"}
    response = client.post(reverse("spend:file-columns", args=[first.uuid]), chosen)
    assert response["Location"] == reverse("spend:file-columns", args=[second.uuid])
    spend_import.refresh_from_db()
    assert spend_import.status == ImportStatus.COLUMNS and spend_import.task_run is None
    client.post(reverse("spend:file-columns", args=[second.uuid]), chosen)
    screen(spend_import)
    assert spend_import.total_amount == Decimal("3600.00")
