"""An operation's pages as the lead uses them (issue 18's findings on operations): the intelligence
tick boxes say which record is which, outcomes are not offered before the day, one adult and one
child are written so, and the cases opened link to the case page. At 1280 and 320 pixels wide."""

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from accessibility import assert_accessible
from django.conf import settings
from django.utils import timezone
from pages import VisitedPage
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tackle.core.roles import Role
from tackle.disrupt.tests.factories import make_intelligence, make_operation

pytestmark = pytest.mark.browser


@pytest.fixture(params=[1280, 320], ids=["wide", "narrow"])
def screen(request, browser: Browser, live_server) -> Iterator[tuple[BrowserContext, int]]:
    width = request.param
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 800})
    context.set_default_timeout(10_000)
    yield context, width
    context.close()


def _signed_in(context: BrowserContext, live_server, client_for, user) -> Page:
    cookie = client_for(user).cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url, "httpOnly": True}])
    return context.new_page()


def test_the_lead_plans_records_outcomes_and_opens_the_cases(screen, live_server, client_for, make_user, council_a):
    context, width = screen
    lead = make_user(Role.MODERN_SLAVERY_LEAD, council_a)
    first = make_intelligence(lead)
    make_intelligence(lead, sanitised_summary="Two men collect workers from a hostel at dawn")
    later = make_operation(lead, name="Operation Harbour", on=timezone.localdate() + timedelta(days=2))
    page = _signed_in(context, live_server, client_for, lead)

    # Two records graded alike on one day: each tick box says which is which.
    plan = VisitedPage(page, "/disrupt/operations/new").open()
    expect(page.get_by_label(re.compile(rf"^{first.reference}: Possible labour exploitation"))).to_be_visible()
    expect(page.get_by_label(re.compile(r"^INT-[0-9A-F]{8}: Two men collect workers"))).to_be_visible()
    assert plan.scroll_width() <= width

    # Before the day: no outcomes offered, and the page says from when.
    VisitedPage(page, f"/disrupt/operations/{later.uuid}").open()
    expect(page.get_by_role("link", name="Record outcomes")).to_have_count(0)
    expect(page.get_by_test_id("outcomes-from")).to_contain_text(f"{later.operation_date:%-d %B %Y}")

    # On the day: one adult and one child, then a case each, each linked to its page.
    today = make_operation(lead, name="Operation Lantern")
    VisitedPage(page, f"/disrupt/operations/{today.uuid}").open()
    page.get_by_role("link", name="Record outcomes").click()
    assert_accessible(page)
    for label, value in [
        ("People encountered", "2"),
        ("Potential victims: adults", "1"),
        ("Potential victims: children", "1"),
    ]:
        page.get_by_label(label).fill(value)
    for field in page.locator("input[type=number]").all():
        if not field.input_value():
            field.fill("0")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("outcomes")).to_contain_text("2 (1 adult, 1 child)")
    assert_accessible(page)
    page.get_by_role("link", name="Open cases for the potential victims").click()
    expect(page.locator("main")).to_contain_text("2 potential victims from this operation have no case yet")
    assert_accessible(page)
    page.get_by_label("What the team saw").fill("Both sleeping in the back room")
    page.get_by_role("button", name="Open cases").click()
    case_link = page.get_by_test_id("operation-cases").get_by_role("link").first
    expect(case_link).to_have_text(re.compile(r"^C-[0-9A-F]{8}$"))
    assert VisitedPage(page, page.url).open().scroll_width() <= width
    reference = case_link.inner_text()
    case_link.click()
    expect(page.locator("main")).to_contain_text(reference)
    assert_accessible(page)
