"""Every role's main pages at 320 pixels wide (WCAG 2.2 reflow): nothing scrolls sideways, tables
scroll inside their own region, axe passes and the Content Security Policy refuses nothing. Also the
home page's counters and start button, and the service's own pages from the footer."""

import io
import re
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from pages import HomeCountersPage, ServicePage, SignInPage, VisitedPage
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect

from tackle.accounts import demo
from tackle.accounts.models import User
from tackle.cases.models import Case
from tackle.cases.services.support import case_note_add
from tackle.core.roles import Role
from tackle.spend.models import SpendImport

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}
# A note pasted without a space (a link, a reference) once made a page 253,617 pixels wide.
UNBROKEN_NOTE = "x" * 20_000


@pytest.fixture
def demo_data(settings) -> None:
    # Demo users sign in without two-factor only in demo mode; the whole demo gives every page rows.
    settings.TACKLE_DEMO = True
    call_command("demo", "load", stdout=io.StringIO())


@pytest.fixture
def narrow(browser: Browser, live_server) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=live_server.url, viewport=NARROW)
    context.set_default_timeout(10_000)
    yield context
    context.close()


def _sign_in(context: BrowserContext, role: str) -> tuple[Page, list[str]]:
    """A page signed in as the role's demo user, and the CSP refusals it reports from then on."""
    context.clear_cookies()  # the role before signs out
    page = context.new_page()
    refused: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # Chromium reports a CSP block as "Refused to ..." or "... violates the following Content Security Policy".
        if "Refused to" in message.text or "Content Security Policy" in message.text:
            refused.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    SignInPage(page).open().sign_in(demo.demo_username(role), demo.demo_password())
    HomeCountersPage(page).expect_here()
    return page, refused


def _too_wide(page: Page, paths: list[str]) -> list[str]:
    problems = []
    for path in paths:
        visited = VisitedPage(page, path).open()
        if visited.scroll_width() > NARROW["width"]:
            problems.append(f"{path} is {visited.scroll_width()} px wide")
    return problems


def test_every_roles_main_pages_fit_320_pixels_without_csp_refusals(demo_data, narrow: BrowserContext) -> None:
    lead = User.objects.get(username=demo.demo_username(Role.MODERN_SLAVERY_LEAD))
    case = Case.objects.filter(organisation=lead.organisation).order_by("created_at").first()
    assert case is not None
    case_note_add(case=case, actor=lead, body=UNBROKEN_NOTE)
    spend_import = SpendImport.objects.filter(organisation=lead.organisation).first()
    assert spend_import is not None
    extra = {
        Role.MODERN_SLAVERY_LEAD: [
            f"/cases/{case.uuid}/",
            f"/cases/{case.uuid}/support",
            f"/cases/{case.uuid}/timeline",
            "/statements/statement/",
            f"/spend/imports/{spend_import.uuid}/results",
            "/account/notifications/",
        ]
    }
    problems: list[str] = []
    for role in Role.values:
        page, refused = _sign_in(narrow, role)
        home = VisitedPage(page, "/").open()
        top = [path for path in home.nav_paths() if path]
        grouped = home.more_paths()
        problems += [f"{role}: {found}" for found in _too_wide(page, top + grouped + extra.get(role, []))]
        problems += [f"{role}: CSP refused {found}" for found in refused]
        page.close()
    assert not problems, "\n".join(problems)


def test_a_wide_table_scrolls_inside_a_named_focusable_region(demo_data, narrow: BrowserContext) -> None:
    page, _ = _sign_in(narrow, Role.MODERN_SLAVERY_LEAD)
    VisitedPage(page, "/cases/").open()
    region = page.get_by_role("region", name="Cases")
    expect(region).to_have_attribute("tabindex", "0")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "the case list is wider than the screen"
    region.focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator(".tackle-table-region:focus")).to_have_count(1)


def test_the_statement_menu_is_laid_out_by_the_stylesheet(demo_data, narrow: BrowserContext) -> None:
    # The sub-menu once carried an inline style the CSP refused, and showed as a plain list.
    page, refused = _sign_in(narrow, Role.MODERN_SLAVERY_LEAD)
    VisitedPage(page, "/statements/").open()
    menu = page.get_by_role("navigation", name="Statement and action plan").locator("ul")
    assert menu.evaluate("el => getComputedStyle(el).display") == "flex"
    assert not refused


def test_home_page_counters_open_the_lists_they_count(demo_data, narrow: BrowserContext) -> None:
    page, _ = _sign_in(narrow, Role.MODERN_SLAVERY_LEAD)
    home = HomeCountersPage(page)
    home.counter("Overdue actions").click()
    expect(page).to_have_url(re.compile(r"/cases/\?overdue=true$"))
    expect(page.get_by_label("With an overdue action")).to_be_checked()
    VisitedPage(page, page.url).open()
    page.go_back()
    home.counter("Open cases").click()
    expect(page).to_have_url(re.compile(r"/cases/\?status=open$"))


def test_the_frontline_officer_starts_a_concern_from_the_home_page(demo_data, narrow: BrowserContext) -> None:
    page, _ = _sign_in(narrow, Role.FRONTLINE_OFFICER)
    HomeCountersPage(page).start_button.click()
    # The concern one question per page (issue 18, item 1): the first question, under its caption.
    expect(page.locator(".govuk-caption-l")).to_have_text("Record a concern")
    expect(page.locator("h1")).to_have_text("When and where did you see this?")
    VisitedPage(page, page.url).open()


@pytest.mark.parametrize(
    ("link", "says"),
    [
        ("Accessibility statement", "Enforcement procedure"),
        ("Privacy notice", "Special category and criminal offence data"),
        ("Cookies", "csrftoken"),
        ("Contact", "08000 121 700"),
    ],
)
def test_the_service_pages_are_public_and_reached_from_the_footer(page: Page, db, link: str, says: str) -> None:
    SignInPage(page).open().expect_here()
    service_page = ServicePage.from_footer(page, link)
    expect(service_page.heading).to_contain_text(link.split()[0])
    expect(service_page.text).to_contain_text(says)


def test_the_administrator_writes_the_contact_page_that_visitors_read(
    page: Page, sign_in_browser, admin_a, browser: Browser, live_server
) -> None:
    sign_in_browser(admin_a)
    VisitedPage(page, "/").open()
    page.get_by_role("link", name="Accessibility statement, privacy notice, cookies and contact pages").click()
    VisitedPage(page, page.url).open()
    page.get_by_role("link", name="Change the contact").click()
    page.get_by_label("Text of the page").fill("## Help\n\nRing <b>{organisation}</b> on 020 7946 0000.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("service-page")).to_contain_text("Ring <b>Council A</b> on 020 7946 0000.")
    VisitedPage(page, page.url).open()

    visitor = browser.new_context(base_url=live_server.url, viewport=NARROW)
    try:
        signed_out = visitor.new_page()
        contact = VisitedPage(signed_out, "/contact").open()
        expect(signed_out.get_by_role("heading", name="Help")).to_be_visible()
        expect(signed_out.get_by_test_id("service-page")).to_contain_text("Ring <b>Council A</b>")
        assert contact.scroll_width() <= NARROW["width"]
    finally:
        visitor.close()
