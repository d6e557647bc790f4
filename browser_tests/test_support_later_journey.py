"""A case worker comes back to a support record weeks later: the Care Act assessment asked for then
has an outcome, and the safe house placement has ended; both are recorded from the Support page."""

from datetime import timedelta

import pytest
from accessibility import assert_accessible
from django.utils import timezone
from pages import fill_date
from playwright.sync_api import Page, expect

from tackle.cases.services.support import accommodation_placement_record, needs_assessment_record
from tackle.core.roles import Role

pytestmark = pytest.mark.browser


def test_an_assessments_outcome_and_a_placements_end_recorded_later(
    page: Page, sign_in_browser, make_user, council_a, frontline_a, record_concern
):
    worker = make_user(Role.SAFEGUARDING_MANAGER, council_a)
    woman = record_concern(frontline_a, age=34, person_name="Ana", exploitation_types=["labour"])
    today = timezone.localdate()
    needs_assessment_record(case=woman, actor=worker, kind="care_act", requested_on=today - timedelta(days=21))
    accommodation_placement_record(
        case=woman, actor=worker, accommodation_type="safe_house", provider="Haven Trust",
        start_on=today - timedelta(days=40),
    )  # fmt: skip

    sign_in_browser(worker)
    page.goto(f"/cases/{woman.uuid}/support")
    expect(page.locator("main")).to_contain_text("Waiting")
    assert_accessible(page)

    page.get_by_role("link", name="Record the outcome").click()
    expect(page.locator("main")).to_contain_text("Care Act needs assessment")
    page.get_by_role("button", name="Save").click()  # nothing entered: both fields say what they need
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date the assessment was completed")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what the assessment found or decided")
    assert_accessible(page)
    fill_date(page, "Date completed", today - timedelta(days=2))
    page.get_by_label("Outcome").fill("Eligible: support with daily living agreed")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("Eligible: support with daily living agreed")
    expect(page.get_by_role("link", name="Record the outcome")).to_have_count(0)

    page.get_by_role("link", name="Record the end").click()
    expect(page.locator("main")).to_contain_text("Haven Trust")
    assert_accessible(page)
    fill_date(page, "End date", today)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Placement end recorded")
    expect(page.get_by_role("region", name="Accommodation placements")).to_contain_text(f"{today:%-d %b %Y}")
    expect(page.get_by_role("link", name="Record the end")).to_have_count(0)
    assert_accessible(page)
