"""Every page: works for the right person, 404 for another organisation's import, 403 for a role
that may not use supply chains. Then the journey: upload, screen in the background, correct a
mapping, see the results."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tackle.core.models import TaskRun, TaskStatus
from tackle.core.roles import Role
from tackle.spend.models import ImportStatus, SpendFile, SpendImport, SpendReject, SpendTotal
from tackle.spend.tasks import screen_spend_import
from tackle.suppliers.models import Supplier, TurnoverBand

SPEND = (
    "Spend over £500\n"
    "Supplier Name,Expense Type,Net Amount,Gross Amount,Payment Date\n"
    "Bright Care Homes Ltd,Residential Care,1000.00,1200.00,05/06/2023\n"
    "Secure Guarding Ltd,Security,500.00,600.00,06/06/2024\n"
    "Stationery Direct,Stationery,abc,1,07/06/2024\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a, username="procurement-a")


def upload(client, *files: tuple[str, str], django_capture_on_commit_callbacks=None):  # type: ignore[no-untyped-def]
    chosen = [SimpleUploadedFile(name, text.encode(), content_type="text/csv") for name, text in files]
    return client.post(reverse("spend:import-new"), {"spend_files": chosen})


def run_screening(spend_import: SpendImport) -> None:
    spend_import.refresh_from_db()
    assert spend_import.task_run is not None
    screen_spend_import.call(run_uuid=str(spend_import.task_run.uuid), import_uuid=str(spend_import.uuid))
    spend_import.refresh_from_db()


@pytest.fixture
def screened(client_for, procurement_a) -> SpendImport:
    upload(client_for(procurement_a), ("june.csv", SPEND))
    spend_import = SpendImport.objects.get()
    run_screening(spend_import)
    return spend_import


def _pages(spend_import: SpendImport) -> list[str]:
    spend_file = spend_import.files.get()
    return [
        reverse("spend:index"),
        reverse("spend:import-new"),
        reverse("spend:import-detail", args=[spend_import.uuid]),
        reverse("spend:import-results", args=[spend_import.uuid]),
        reverse("spend:file-columns", args=[spend_file.uuid]),
    ]


def test_every_page_opens_for_procurement_and_the_lead(client_for, screened, procurement_a, lead_a):
    for user in (procurement_a, lead_a):
        client = client_for(user)
        for url in _pages(screened):
            assert client.get(url).status_code == 200, url


def test_every_page_is_forbidden_to_roles_without_supply_chains(client_for, screened, frontline_a, councillor_a):
    for user in (frontline_a, councillor_a):
        client = client_for(user)
        for url in _pages(screened):
            assert client.get(url).status_code == 403, url


def test_another_councils_import_does_not_exist_for_you(client_for, screened, lead_b):
    client = client_for(lead_b)
    for url in _pages(screened)[2:]:
        assert client.get(url).status_code == 404, url
    assert "june.csv" not in client.get(reverse("spend:index")).content.decode()


def test_uploading_queues_a_background_run_and_shows_its_progress(client_for, procurement_a):
    response = upload(client_for(procurement_a), ("june.csv", SPEND), ("june.csv", SPEND))
    spend_import = SpendImport.objects.get()
    assert spend_import.status == ImportStatus.QUEUED
    assert response.status_code == 302
    assert response["Location"] == reverse("home:task-run-detail", args=[spend_import.task_run.uuid])  # type: ignore[union-attr]
    assert [f.name for f in spend_import.files.order_by("position")] == ["june.csv", "june (2).csv"]


def test_a_background_run_stores_figures_mapping_and_rejects(screened):
    assert screened.status == ImportStatus.DONE
    assert (screened.rows_read, screened.rows_accepted, screened.rows_rejected) == (3, 2, 1)
    assert screened.total_amount == Decimal("1500")
    reject = SpendReject.objects.get(spend_import=screened)
    assert (reject.file_name, reject.line, reject.reason) == ("june.csv", 5, "amount is not a number: 'abc'")
    spend_file = screened.files.get()
    assert spend_file.mapping["header_line"] == 2
    assert {line["field"]: line["column"] for line in spend_file.mapping["columns"]}["amount"] == 3
    years = sorted(SpendTotal.objects.filter(spend_import=screened).values_list("financial_year", "sector"))
    assert years == [(2023, "care"), (2024, "security")]
    run = TaskRun.objects.get(pk=screened.task_run_id)
    assert run.status == TaskStatus.SUCCEEDED
    assert run.result_url == reverse("spend:import-detail", args=[screened.uuid])


def test_the_import_page_shows_the_mapping_and_each_reject(client_for, screened, procurement_a):
    page = client_for(procurement_a).get(reverse("spend:import-detail", args=[screened.uuid])).content.decode()
    assert "3: Net Amount" in page
    assert "amount is not a number: &#x27;abc&#x27;" in page
    assert "Correct the columns" in page


def test_a_file_whose_dates_lost_their_day_keeps_its_money_and_the_page_says_why_once(client_for, procurement_a):
    lost = SPEND.replace("05/06/2023", "09:15:00").replace("06/06/2024", "10:40:00").replace("07/06/2024", "11:05:00")
    client = client_for(procurement_a)
    upload(client, ("Q1 2024-25.csv", lost))
    spend_import = SpendImport.objects.get()
    run_screening(spend_import)
    assert (spend_import.rows_accepted, spend_import.total_amount) == (2, Decimal("1500.00"))
    page = client.get(reverse("spend:import-detail", args=[spend_import.uuid])).content.decode()
    assert page.count('data-testid="file-gap"') == 1
    assert "in financial year 2024-25, from the period in the file&#x27;s name (April 2024)" in page


def test_correcting_a_mapping_screens_again_with_the_chosen_column(client_for, screened, procurement_a):
    spend_file = screened.files.get()
    client = client_for(procurement_a)
    response = client.post(
        reverse("spend:file-columns", args=[spend_file.uuid]),
        {"supplier": "0", "category": "1", "amount": "3", "date": "4"},
    )
    assert response.status_code == 302
    spend_file.refresh_from_db()
    assert spend_file.overrides["amount"] == 3
    run_screening(screened)
    assert screened.status == ImportStatus.DONE
    assert screened.total_amount == Decimal("1801")  # the gross column, as chosen
    assert screened.rows_rejected == 0


def test_a_mapping_using_one_column_twice_is_refused_and_changes_nothing(client_for, screened, procurement_a):
    spend_file = screened.files.get()
    response = client_for(procurement_a).post(
        reverse("spend:file-columns", args=[spend_file.uuid]), {"supplier": "2", "amount": "2"}
    )
    assert response.status_code == 200
    assert "Use each column for one field only" in response.content.decode()
    spend_file.refresh_from_db()
    assert spend_file.overrides == {}


def test_a_failed_run_leaves_the_last_good_results_untouched(client_for, screened, procurement_a):
    spend_file = screened.files.get()
    before = list(SpendTotal.objects.filter(spend_import=screened).values_list("payee_name", "amount"))
    client_for(procurement_a).post(
        reverse("spend:file-columns", args=[spend_file.uuid]), {"supplier": "0", "amount": "3"}
    )
    spend_file.file.open("wb")
    spend_file.file.write(b"\xd0\xcf\x11\xe0 an old Excel file now")
    spend_file.file.close()
    run_screening(screened)
    assert screened.status == ImportStatus.FAILED
    assert "old Excel" in screened.error
    after = list(SpendTotal.objects.filter(spend_import=screened).values_list("payee_name", "amount"))
    assert after == before
    assert TaskRun.objects.get(pk=screened.task_run_id).status == TaskStatus.FAILED


def test_bad_uploads_get_a_clear_error_and_save_nothing(client_for, procurement_a):
    client = client_for(procurement_a)
    response = client.post(reverse("spend:import-new"), {})
    assert "Select at least one spend file" in response.content.decode()
    response = upload(client, ("notes.pdf", "hello"))
    assert "notes.pdf must be a CSV, XLSX or ODS file" in response.content.decode()
    assert not SpendImport.objects.exists() and not SpendFile.objects.exists()


def test_results_show_sectors_top_suppliers_statements_and_years(client_for, procurement_a, council_a):
    Supplier.objects.create(
        organisation=council_a, name="Bright Care Homes Limited", turnover_band=TurnoverBand.FROM_36M_TO_100M
    )
    upload(client_for(procurement_a), ("june.csv", SPEND))
    spend_import = SpendImport.objects.get()
    run_screening(spend_import)
    page = client_for(procurement_a).get(reverse("spend:import-results", args=[spend_import.uuid])).content.decode()
    assert 'data-testid="chart-sector"' in page and 'data-testid="chart-risk"' in page
    assert "Health and social care" in page and "Security" in page
    no_statement = page.split('data-testid="no-statement"')[1].split("</table>")[0]
    assert "Bright Care Homes Limited" in no_statement and "Must publish" in no_statement
    assert "Secure Guarding" not in no_statement  # not in the register: whether it has one is not known
    assert "2023-24" in page and "2024-25" in page


def test_a_file_over_the_size_limit_is_refused_with_the_limit(client_for, procurement_a, settings):
    settings.TACKLE_SPEND_MAX_FILE_BYTES = 1024 * 1024  # 500 MB a file were accepted before
    response = upload(client_for(procurement_a), ("year.csv", SPEND + "x" * 1024 * 1024))
    assert "year.csv must be smaller than 1 MB" in response.content.decode()
    assert not SpendImport.objects.exists() and not SpendFile.objects.exists()


def test_an_upload_past_the_organisations_storage_quota_is_refused(client_for, procurement_a, lead_b, settings):
    settings.TACKLE_SPEND_QUOTA_BYTES = 3 * len(SPEND.encode())
    upload(client_for(lead_b), ("theirs.csv", SPEND), ("theirs2.csv", SPEND))  # another council's do not count
    client = client_for(procurement_a)
    upload(client, ("june.csv", SPEND), ("july.csv", SPEND))
    response = upload(client, ("august.csv", SPEND), ("september.csv", SPEND))
    page = response.content.decode()
    assert "would take the spend files your organisation stores past its storage quota of" in page
    assert SpendImport.objects.filter(organisation=procurement_a.organisation).count() == 1
    upload(client, ("august.csv", SPEND))
    assert SpendImport.objects.filter(organisation=procurement_a.organisation).count() == 2


def test_the_columns_page_shows_each_choice_with_how_sure_and_its_first_values(client_for, screened, procurement_a):
    spend_file = screened.files.get()
    response = client_for(procurement_a).get(reverse("spend:file-columns", args=[spend_file.uuid]))
    choices = {choice.field: choice for choice in response.context["choices"]}
    assert choices["supplier"].samples == ("Bright Care Homes Ltd", "Secure Guarding Ltd", "Stationery Direct")
    assert (choices["amount"].header, choices["amount"].confidence) == ("Net Amount", 1.0)
    assert choices["amount"].samples == ("1000.00", "500.00", "abc")
    assert choices["department"].column is None
    assert 'data-testid="column-choices"' in response.content.decode()


def test_spend_by_sector_downloads_for_the_councils_own_import_only(
    client_for, screened, procurement_a, make_user, council_b, frontline_a
):
    url = reverse("spend:import-results", args=[screened.uuid])
    client = client_for(procurement_a)
    assert "download=csv" in client.get(url).content.decode()

    response = client.get(url, {"download": "csv"})

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Sector,Risk,Payments,Amount"
    assert any(line.startswith("Health and social care,High risk,1,") for line in lines[1:])
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    other_council = client_for(make_user(Role.PROCUREMENT_OFFICER, council_b, username="procurement-b"))
    assert other_council.get(url, {"download": "csv"}).status_code == 404
    assert client_for(frontline_a).get(url, {"download": "csv"}).status_code == 403


def test_the_payee_tables_download_each_by_its_own_table_name(client_for, procurement_a, frontline_a):
    upload(client_for(procurement_a), ("june.csv", SPEND.replace("Bright Care Homes Ltd", "=Bright Care Homes Ltd")))
    spend_import = SpendImport.objects.get()
    run_screening(spend_import)
    url = reverse("spend:import-results", args=[spend_import.uuid])
    client = client_for(procurement_a)
    page = client.get(url).content.decode()
    assert "table=top-payees&amp;download=csv" in page
    assert "table=no-statement" not in page  # no register supplier went unpaid a statement: nothing to download

    response = client.get(url, {"table": "top-payees", "download": "csv"})

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Supplier,Sectors,Payments,Amount,In register"
    assert [line.split(",")[0] for line in lines[1:]] == ["'=Bright Care Homes Ltd", "Secure Guarding Ltd"]
    assert response["Content-Disposition"].startswith('attachment; filename="spend-top-payees-')
    empty = b"".join(client.get(url, {"table": "no-statement", "download": "csv"}).streaming_content).decode()
    assert empty.splitlines() == ["Supplier,Sectors,Payments,Amount,Must publish"]
    assert client.get(url, {"table": "top-payees", "download": "xlsx"})["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    assert client_for(frontline_a).get(url, {"table": "top-payees", "download": "csv"}).status_code == 403
