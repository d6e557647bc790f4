"""Journeys 6 and 11: a councillor reads the figures by quarter, with small numbers withheld, and
the self-assessment with its evidence; a lead drafts the answer to the modern slavery FOI request,
and deletes a spending line entered twice.
At 1280 and 320 pixels wide: no page scrolls sideways; at 320 the menu opens from its "Menu" button."""

import re
from datetime import date
from decimal import Decimal

import pytest
from accessibility import assert_accessible
from pages import VisitedPage, fill_date
from playwright.sync_api import Page, expect

from tackle.scrutiny.models import LeadArrangement, Spend
from tackle.scrutiny.services import assessment_answer, assessment_create

pytestmark = pytest.mark.browser
WIDTHS = pytest.mark.parametrize("width", [1280, 320], ids=["wide", "narrow"])


def _checked(page: Page) -> None:
    """Axe passes and the page is no wider than the window (WCAG 2.2 reflow at 320 pixels)."""
    assert_accessible(page)
    width = VisitedPage(page, page.url).scroll_width()
    window = page.viewport_size["width"] if page.viewport_size else 0
    assert width <= window, f"{page.url} is {width} px wide in a {window} px window"


def _from_menu(page: Page, link: str) -> None:
    """Follow a link of the service navigation; on a narrow screen it sits behind the "Menu" button."""
    menu = page.get_by_role("navigation", name="Menu")
    toggle = menu.get_by_role("button", name="Menu")
    if toggle.is_visible():
        toggle.click()
    menu.get_by_role("link", name=link).click()


@WIDTHS
def test_councillor_reads_figures_and_self_assessment(
    page: Page, sign_in_browser, frontline_a, lead_a, councillor_a, record_concern, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    record_concern(frontline_a, age=30, nationality="Romanian", exploitation_types=["labour"])
    record_concern(frontline_a, age=15, exploitation_types=["criminal"])
    LeadArrangement.objects.create(
        organisation=lead_a.organisation, lead_name="Exploitation coordinator", team="Community safety",
        dedicated=True, since=date(2022, 4, 1),
    )  # fmt: skip
    assessment = assessment_create(actor=lead_a, year=2025)
    assessment_answer(
        assessment=assessment, actor=lead_a, answers={"strategy_lead": ("yes", "Coordinator in post since 2022")}
    )

    sign_in_browser(councillor_a)
    page.goto("/")
    _from_menu(page, "Figures")
    expect(page.locator("h1")).to_contain_text("Figures")
    expect(page.get_by_test_id("suppression-notice")).to_be_visible()
    concerns = page.get_by_test_id("table-concerns")
    expect(concerns).to_contain_text("Q1")
    expect(concerns).to_contain_text("fewer than 5")
    expect(page.get_by_test_id("chart-concerns")).to_be_attached()
    _checked(page)
    # "For publication" does what it says for a councillor too: the public's threshold, not theirs.
    page.get_by_label("For publication").check()
    page.get_by_role("button", name="Show the figures").click()
    expect(page.get_by_test_id("table-concerns")).to_contain_text("fewer than 10")
    _checked(page)

    _from_menu(page, "Scrutiny")
    _checked(page)
    page.get_by_role("link", name="Self-assessment 2025").click()
    # The guide asks about the lead under council structures.
    structures = page.get_by_test_id("theme-structures")
    expect(structures).to_contain_text("Coordinator in post since 2022")
    expect(structures).to_contain_text("Tackle holds: Exploitation coordinator leads on modern slavery")
    # The lead arrangements are officers' records: a councillor is not offered a link to a 403.
    expect(structures.get_by_role("link", name="Lead arrangements")).to_have_count(0)
    _checked(page)

    page.get_by_role("link", name="Answer the questions").click()
    _checked(page)
    page.get_by_label("Evidence (Awareness raising, question 1)").fill("Leaflets in two wards")
    page.get_by_role("group", name="Has the council told residents").get_by_label("Partly").check()
    page.get_by_role("button", name="Save answers").click()
    expect(page.get_by_test_id("theme-awareness")).to_contain_text("Leaflets in two wards")
    _checked(page)

    page.get_by_role("link", name="Scrutiny report").click()
    expect(page.locator("h1")).to_contain_text("Scrutiny report")
    _checked(page)
    page.goto("/scrutiny/assessments/compare")
    _checked(page)


@WIDTHS
def test_lead_drafts_the_foi_answer(
    page: Page, sign_in_browser, frontline_a, lead_a, record_concern, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    record_concern(frontline_a, age=40)
    Spend.objects.create(
        organisation=lead_a.organisation, financial_year="2025-26", category="posts", amount=Decimal("30000")
    )
    sign_in_browser(lead_a)
    page.goto("/scrutiny/")
    _checked(page)
    page.get_by_role("link", name="Posts and roles on modern slavery").click()
    _checked(page)
    page.get_by_label("Post title").fill("Modern slavery coordinator")
    page.get_by_label("Team").fill("Community safety")
    fill_date(page, "Held from", "2023-04-01")
    page.get_by_role("button", name="Add").click()
    expect(page.locator("main")).to_contain_text("Modern slavery coordinator")
    page.goto("/scrutiny/spending")
    expect(page.get_by_role("region", name="Spending")).to_contain_text("£30,000.00")  # as every page writes money
    _checked(page)
    # Filtered, with the filter form's fields apart from the add form's; the downloads carry the filters.
    filters = page.get_by_test_id("record-filters")
    filters.get_by_label("Financial year").select_option("2025-26")
    filters.get_by_role("button", name="Apply filters").click()
    csv = page.get_by_role("link", name="Download as CSV")
    expect(csv).to_have_attribute("href", re.compile("financial_year=2025-26"))
    _checked(page)

    page.goto("/scrutiny/")
    page.get_by_role("link", name="Draft the modern slavery FOI answer").click()
    answer = page.get_by_test_id("foi-answer")
    expect(answer).to_contain_text("Community safety")
    expect(answer).to_contain_text("£30,000.00")
    expect(answer).to_contain_text("fewer than 10")  # an FOI answer goes to the world: the public's threshold
    expect(page.get_by_test_id("foi-exemption")).to_contain_text("section 40(2)")
    _checked(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the draft to edit (Word document)").click()
    assert download.value.suggested_filename.endswith(".docx")


def test_lead_deletes_a_spending_line_entered_twice(page: Page, sign_in_browser, lead_a) -> None:
    for note in ("Coordinator's salary", "Entered twice by mistake"):
        Spend.objects.create(
            organisation=lead_a.organisation, financial_year="2025-26", category="posts", amount=Decimal("30000"),
            note=note,
        )  # fmt: skip
    sign_in_browser(lead_a)
    page.goto("/scrutiny/spending")
    region = page.get_by_role("region", name="Spending")
    region.get_by_role("row", name=re.compile("Entered twice")).get_by_role("link").click()
    _checked(page)
    page.get_by_role("link", name="Delete this record").click()
    expect(page.locator("h1")).to_contain_text("Delete 2025-26")
    expect(page.get_by_text("Deleting cannot be undone.")).to_be_visible()
    _checked(page)
    page.get_by_role("button", name=re.compile("^Delete")).click()
    expect(page.locator("h1")).to_have_text("Spending on modern slavery")
    expect(page.get_by_role("region", name="Spending")).not_to_contain_text("Entered twice")
    expect(page.get_by_role("region", name="Spending")).to_contain_text("Coordinator's salary")
    _checked(page)
    assert list(Spend.objects.values_list("note", flat=True)) == ["Coordinator's salary"]
