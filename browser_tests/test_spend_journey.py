"""A procurement officer uploads two quarters of spend files, watches them screened in the
background, reads how each file's columns were mapped and why rows were rejected, corrects one
file's amount column, and reads the results: spend by sector and risk, the suppliers paid most in
high-risk sectors, those with no statement, and year on year."""

import pytest
from accessibility import assert_accessible
from playwright.sync_api import Page, expect

from tackle.core.roles import Role
from tackle.spend.models import SpendImport
from tackle.spend.tasks import screen_spend_import
from tackle.suppliers.models import Supplier, TurnoverBand

pytestmark = pytest.mark.browser

FIRST = (
    "Payments over £500\n"
    "Supplier Name,Expense Type,Amount,Payment Date\n"
    'Northgate Care Ltd,Home Care,"£12,000.00",05/06/2024\n'
    "Apex Guarding Ltd,Security,(500.00),06/06/2024\n"
    "\n"
    "Civic Print Ltd,Stationery,n/a,07/06/2024\n"
)
SECOND = (
    "Vendor,Expenditure Category,Net,Gross,Date Paid\n"
    "NORTHGATE CARE LIMITED,Home Care,10000,12000,2025-06-05\n"
    "Harbour Builders,Repairs and maintenance,3000,3600,2025-06-09\n"
)


def _screen_latest() -> None:
    spend_import = SpendImport.objects.get()
    screen_spend_import.call(run_uuid=str(spend_import.task_run.uuid), import_uuid=str(spend_import.uuid))


def _follow_continue_once_the_page_sees_it_finished(page: Page) -> None:
    # The task page polls its status and reloads itself when the run has finished; only the
    # reloaded page has the Continue link. Navigating away before that reload races with it.
    expect(page.get_by_role("link", name="Continue")).to_be_visible(timeout=15_000)
    expect(page.locator("[data-task-status]")).to_have_text("Finished")
    page.get_by_role("link", name="Continue").click()


def test_officer_screens_spend_corrects_a_column_and_reads_the_results(
    page: Page, sign_in_browser, make_user, council_a, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    officer = make_user(Role.PROCUREMENT_OFFICER, council_a, username="buyer")
    Supplier.objects.create(
        organisation=council_a, name="Northgate Care Limited", turnover_band=TurnoverBand.FROM_36M_TO_100M
    )
    first, second = tmp_path / "2024-q1.csv", tmp_path / "2025-q1.csv"
    first.write_text(FIRST)
    second.write_text(SECOND)

    sign_in_browser(officer)
    page.goto("/spend/")
    expect(page.locator("h1")).to_have_text("Spend screening")
    assert_accessible(page)
    page.get_by_role("button", name="Upload spend files").click()
    assert_accessible(page)
    page.get_by_role("button", name="Screen the files").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one spend file")
    assert_accessible(page)
    page.get_by_label("Spend files").set_input_files([str(first), str(second)])
    page.get_by_role("button", name="Screen the files").click()
    expect(page.locator("h1")).to_have_text("Screen spend files")
    assert_accessible(page)

    _screen_latest()
    _follow_continue_once_the_page_sees_it_finished(page)
    expect(page.get_by_test_id("import-figures")).to_contain_text("Rows read")
    expect(page.get_by_test_id("mapping-2")).to_contain_text("3: Net")
    rejects = page.get_by_test_id("rejects")
    expect(rejects.get_by_role("row", name="2024-q1.csv 6")).to_contain_text("amount is not a number: 'n/a'")
    assert_accessible(page)

    page.get_by_role("link", name="Correct the columns of 2025-q1.csv").click()
    assert_accessible(page)
    page.get_by_label("Amount").select_option(label="Column 4: Gross")
    page.get_by_role("button", name="Screen again").click()
    expect(page.locator("h1")).to_have_text("Screen spend files")
    _screen_latest()
    _follow_continue_once_the_page_sees_it_finished(page)
    expect(page.get_by_test_id("mapping-2")).to_contain_text("chosen by you")
    page.get_by_role("button", name="See the results").click()
    expect(page.locator("h1")).to_have_text("Spend screening results")
    expect(page.get_by_test_id("chart-sector")).to_be_visible()
    expect(page.get_by_test_id("sector-table")).to_contain_text("Health and social care")
    expect(page.get_by_test_id("top-payees")).to_contain_text("Northgate Care Limited")
    expect(page.get_by_test_id("no-statement")).to_contain_text("Must publish")
    expect(page.get_by_test_id("year-table")).to_contain_text("2025-26")
    assert_accessible(page)
    page.goto("/spend/")
    expect(page.get_by_test_id("import-list")).to_contain_text("Screened")
    assert_accessible(page)
