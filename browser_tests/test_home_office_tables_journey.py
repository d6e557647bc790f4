"""A councillor downloads this year's Home Office tables from the Figures page, as the public would
see them, and an address with a period that is not one says which field is wrong."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from accessibility import assert_accessible
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tackle.core.periods import LONDON, financial_year_label, financial_year_of, today_in_london

pytestmark = pytest.mark.browser


def test_councillor_downloads_the_home_office_tables(
    page: Page, sign_in_browser, frontline_a, councillor_a, record_concern
) -> None:
    when = datetime.now(LONDON) - timedelta(hours=1)
    for _ in range(3):
        record_concern(frontline_a, encountered_at=when, age=30, gender="female", nationality="Romanian")
    year = financial_year_label(financial_year_of(today_in_london()))

    sign_in_browser(councillor_a)
    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Figures").click()
    tables = page.get_by_test_id("home-office-tables")
    expect(tables).to_contain_text(year)
    assert_accessible(page)

    with page.expect_download() as xlsx:
        tables.get_by_role("link", name=f"Home Office tables {year} (Excel spreadsheet)").click()
    assert xlsx.value.suggested_filename == f"home-office-tables-{year}.xlsx"
    workbook = load_workbook(io.BytesIO(xlsx.value.path().read_bytes()))
    assert "Nationality" in workbook.sheetnames
    nationality = {row[0]: row[1] for row in workbook["Nationality"].iter_rows(values_only=True) if row and row[0]}
    assert nationality["Romanian"] == "fewer than 10"  # the public's threshold, whoever downloads

    with page.expect_download() as download:
        tables.get_by_role("link", name=f"Home Office tables {year} (CSV)").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text())))
    assert ["Gender", "Female", year, "fewer than 10"] == rows[[r[1] for r in rows].index("Female")][:4]

    page.goto("/figures/home-office-tables.csv?period=last-year")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Period")
    assert_accessible(page)
