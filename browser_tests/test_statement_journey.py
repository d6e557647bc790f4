"""The lead reviews the action plan, adds a period written the usual way ("2027/28"), corrects and
deletes it, edits the statement, records Cabinet's approval in one step, checks and publishes it,
and downloads it (issue 18). At 1280 and 320 pixels wide: no page scrolls sideways."""

import pytest
from accessibility import assert_accessible
from pages import VisitedPage
from playwright.sync_api import Page, expect

from tackle.accounts import demo as accounts_demo
from tackle.accounts.models import User
from tackle.statements import demo as statements_demo

pytestmark = pytest.mark.browser


def _fill_date(page: Page, question: str, day_month_year: str) -> None:
    """The GOV.UK date input: day, month and year boxes in the question's fieldset."""
    group = page.get_by_role("group", name=question)
    for box, value in zip(("Day", "Month", "Year"), day_month_year.split(), strict=True):
        group.get_by_label(box).fill(value)


def _checked(page: Page) -> None:
    """Axe passes and the page is no wider than the window (WCAG 2.2 reflow at 320 pixels)."""
    assert_accessible(page)
    width = VisitedPage(page, page.url).scroll_width()
    window = page.viewport_size["width"] if page.viewport_size else 0
    assert width <= window, f"{page.url} is {width} px wide in a {window} px window"


def _periods_page(page: Page) -> None:
    page.goto("/statements/periods/")
    expect(page.locator("h1")).to_have_text("Periods")
    _checked(page)


@pytest.mark.parametrize("width", [1280, 320], ids=["wide", "narrow"])
def test_lead_corrects_periods_approves_publishes_and_downloads_the_statement(
    page: Page, sign_in_browser, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    accounts_demo.load()
    statements_demo.load(scale="demo")
    sign_in_browser(User.objects.get(username="demo-modern_slavery_lead"))

    _periods_page(page)
    page.get_by_role("link", name="2025-2026", exact=True).click()
    expect(page.locator("h1")).to_have_text("Modern slavery action plan")
    expect(page.locator("main")).to_contain_text("Joint visits with police to car washes and nail bars")
    _checked(page)
    page.get_by_role("link", name="By owner").click()
    _checked(page)
    page.get_by_role("link", name="Review of 2025-2026").click()
    expect(page.get_by_test_id("review")).to_contain_text("Four joint visits completed.")
    _checked(page)

    # A period of the council's own, labelled with a slash: it is added, shown and breaks no page.
    page.goto("/statements/periods/new")
    _checked(page)
    page.get_by_role("radio", name="Other dates").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the label")
    expect(page.locator(".govuk-error-summary")).not_to_contain_text("This field is required")
    _checked(page)
    page.get_by_label("Label").fill("2027/28")
    _fill_date(page, "Start date", "1 4 2027")
    _fill_date(page, "End date", "31 3 2028")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("Period 2027/28 added")
    expect(page.locator(".govuk-caption-l")).to_have_text("2027/28")
    _periods_page(page)
    page.get_by_role("link", name="Correct 2027/28").click()
    _fill_date(page, "End date", "1 3 2027")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The end date must be after the start date")
    _checked(page)
    page.get_by_label("Label").fill("2027-28")
    _fill_date(page, "End date", "31 3 2028")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("periods")).to_contain_text("2027-28")
    page.get_by_role("link", name="Delete 2027-28").click()
    _checked(page)
    page.get_by_role("button", name="Delete 2027-28").click()
    expect(page.locator("main")).to_contain_text("Period 2027-28 deleted")
    expect(page.get_by_test_id("periods")).not_to_contain_text("2027-28")
    page.get_by_role("link", name="Delete 2025-2026").click()
    expect(page.get_by_test_id("attached")).to_contain_text("cannot be deleted")
    _checked(page)
    page.get_by_role("link", name="Back to periods").click()

    tabs = page.get_by_role("navigation", name="Statement and action plan")
    tabs.get_by_role("link", name="Statement", exact=True).click()
    _checked(page)
    # The first statement page of a run loads the statement reader's model: seconds on a busy machine.
    page.get_by_role("link", name="2025-2026 version 1").click(timeout=30_000)
    expect(page.get_by_test_id("status")).to_have_text("Draft")
    _checked(page)

    page.get_by_role("link", name="Change Policies").click()
    _checked(page)
    page.get_by_label("Policies").fill("Our policies tell staff and suppliers what to do about exploitation.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("sections")).to_contain_text("Our policies tell staff and suppliers")
    page.get_by_role("link", name="Add a signatory").click()
    page.get_by_label("Name").fill("Ann Leader")
    page.get_by_label("Role").fill("Leader of the council")
    page.get_by_role("button", name="Save").click()
    _checked(page)

    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_test_id("status")).to_have_text("Submitted for approval")
    page.get_by_role("link", name="Record the approval").click()
    _checked(page)
    page.get_by_label("Cabinet").check()
    _fill_date(page, "Date of the decision", "1 5 2026")
    page.get_by_label("Minute or decision reference").fill("CAB 45/26")
    _fill_date(page, "Next review date", "1 4 2026")
    page.get_by_role("button", name="Record the approval").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The next review date must be after the date of the decision"
    )
    _checked(page)
    _fill_date(page, "Next review date", "1 5 2027")
    page.get_by_role("button", name="Record the approval").click()
    expect(page.get_by_test_id("status")).to_have_text("Approved")
    expect(page.get_by_test_id("approval")).to_contain_text("Approved by Cabinet on 1 May 2026 (minute CAB 45/26)")
    expect(page.get_by_test_id("checklist")).to_contain_text("Approval recorded")
    _checked(page)

    page.get_by_role("link", name="Publish", exact=True).click()
    page.get_by_label("Where is it published?").fill("https://example.gov.uk/modern-slavery-statement")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Check your answers before publishing")
    expect(page.get_by_test_id("check-answers")).to_contain_text("CAB 45/26")
    _checked(page)
    page.get_by_role("button", name="Publish the statement").click()
    expect(page.get_by_test_id("status")).to_have_text("Published")
    expect(page.get_by_role("link", name="Version 2")).to_have_count(0)  # publishing made no new draft

    html_url = page.get_by_role("link", name="Web page (HTML)").get_attribute("href")
    pdf_url = page.get_by_role("link", name="PDF").get_attribute("href")
    pdf = page.request.get(str(pdf_url))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")
    page.goto(str(html_url))
    expect(page.locator("h1")).to_contain_text("modern slavery statement 2025-2026")
    expect(page.locator("main")).to_contain_text("Our policies tell staff and suppliers")
    expect(page.locator("main")).to_contain_text("Approved by Cabinet on 1 May 2026")
    _checked(page)
