"""The lead publishes the Figures page for the public and finds the release listed with what it
withheld; the publish page asks who the figures are for (issue 17)."""

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from tackle.core.periods import LONDON

pytestmark = pytest.mark.browser


def test_lead_publishes_the_figures_and_sees_the_release(
    page: Page, sign_in_browser, frontline_a, lead_a, record_concern
):
    when = datetime.now(LONDON) - timedelta(hours=1)
    for _ in range(3):
        record_concern(frontline_a, encountered_at=when, age=30)

    sign_in_browser(lead_a)
    page.goto("/figures/")
    page.get_by_role("link", name="Publish these figures").click()
    expect(page.locator("h1")).to_have_text("Publish these figures")
    expect(page.get_by_label("Published for")).to_have_value("public")
    page.get_by_role("button", name="Publish").click()

    expect(page.locator("h1")).to_contain_text("Figures released")
    releases = page.get_by_test_id("releases")
    expect(releases).to_contain_text("Figures page")
    expect(releases).to_contain_text("Public")
    expect(page.locator(".govuk-notification-banner, .govuk-panel").first).to_contain_text("Figures published")
