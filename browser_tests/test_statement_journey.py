"""The lead reviews the action plan, edits the statement, takes it through approval and downloads it."""

import pytest
from accessibility import assert_accessible
from playwright.sync_api import Page, expect

from tackle.accounts import demo as accounts_demo
from tackle.accounts.models import User
from tackle.statements import demo as statements_demo

pytestmark = pytest.mark.browser


def test_lead_edits_approves_and_downloads_the_statement(page: Page, sign_in_browser) -> None:
    accounts_demo.load()
    statements_demo.load(scale="demo")
    sign_in_browser(User.objects.get(username="demo-modern_slavery_lead"))

    page.goto("/statements/?period=2025-2026")
    expect(page.locator("h1")).to_have_text("Modern slavery action plan")
    expect(page.locator("main")).to_contain_text("Joint visits with police to car washes and nail bars")
    assert_accessible(page)
    page.get_by_role("link", name="By owner").click()
    assert_accessible(page)
    page.get_by_role("link", name="Review of 2025-2026").click()
    expect(page.get_by_test_id("review")).to_contain_text("Four joint visits completed.")
    assert_accessible(page)

    tabs = page.get_by_role("navigation", name="Statement and action plan")
    tabs.get_by_role("link", name="Statement", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="2025-2026 version 1").click()
    expect(page.get_by_test_id("status")).to_have_text("Draft")
    assert_accessible(page)

    page.get_by_role("link", name="Change Policies").click()
    assert_accessible(page)
    page.get_by_label("Policies").fill("Our policies tell staff and suppliers what to do about exploitation.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("sections")).to_contain_text("Our policies tell staff and suppliers")
    assert_accessible(page)

    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_test_id("status")).to_have_text("Submitted for approval")
    page.get_by_role("button", name="Record approval").click()
    expect(page.get_by_test_id("status")).to_have_text("Approved")
    expect(page.get_by_test_id("checklist")).to_contain_text("Signed by at least one person")
    assert_accessible(page)

    html_url = page.get_by_role("link", name="Web page (HTML)").get_attribute("href")
    pdf_url = page.get_by_role("link", name="PDF").get_attribute("href")
    pdf = page.request.get(str(pdf_url))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")
    page.goto(str(html_url))
    expect(page.locator("h1")).to_contain_text("modern slavery statement 2025-2026")
    expect(page.locator("main")).to_contain_text("Our policies tell staff and suppliers")
    assert_accessible(page)
