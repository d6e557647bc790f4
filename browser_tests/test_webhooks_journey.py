"""The administrator registers a webhook endpoint, then changes its name and events on the endpoint's
Change page; a refused change names its field. axe checks every page visited (conftest)."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_the_administrator_changes_a_webhook_endpoint(page: Page, sign_in_browser, admin_a, settings) -> None:
    settings.STATEMENT_FETCH_ALLOW_PRIVATE = True  # a loopback address, to which nothing is posted here
    sign_in_browser(admin_a)
    page.goto("/account/organisation/webhooks/")
    page.get_by_label("Name").fill("Case management system")
    page.get_by_label("Address (URL)").fill("http://127.0.0.1:9/tackle-events")
    page.get_by_label("A new concern is recorded").check()
    page.get_by_role("button", name="Register the endpoint").click()
    expect(page.get_by_test_id("new-secret")).to_be_visible()

    page.get_by_role("link", name="Change Case management system").click()
    expect(page.locator("h1")).to_have_text("Change this webhook endpoint")
    expect(page.get_by_label("Name")).to_have_value("Case management system")

    # No events: the GOV.UK error summary names the field, and what was typed stays.
    page.get_by_label("Name").fill("Data warehouse")
    page.get_by_label("A new concern is recorded").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one event")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_label("Name")).to_have_value("Data warehouse")

    page.get_by_label("An NRM decision is recorded").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "The endpoint 'Data warehouse' was changed"
    )
    expect(page.get_by_role("row", name=re.compile("Data warehouse"))).to_contain_text("Live")
