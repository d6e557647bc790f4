"""Journey 5: a children's social worker reviews a trafficked boy's safety plan and sees the last
review, what changed, the missing episodes and the outcome scores over time."""

from datetime import timedelta

import pytest
from accessibility import assert_accessible
from django.utils import timezone
from pages import fill_date
from playwright.sync_api import Page, expect

from tackle.cases.services.support import missing_episode_record, outcome_scores_record, safety_plan_create
from tackle.core.roles import Role

pytestmark = pytest.mark.browser


def test_fortnightly_safety_plan_review(page: Page, sign_in_browser, make_user, council_a, frontline_a, record_concern):
    social_worker = make_user(Role.SAFEGUARDING_MANAGER, council_a)
    boy = record_concern(frontline_a, age=15, person_name="Kai", exploitation_types=["criminal"])
    today = timezone.localdate()
    safety_plan_create(
        case=boy,
        actor=social_worker,
        summary="Stays with foster carers; no contact with the older group.",
        created_on=today - timedelta(days=20),
        review_every_days=14,
    )
    missing_episode_record(
        case=boy,
        actor=social_worker,
        went_missing_at=timezone.now() - timedelta(days=9),
        returned_at=timezone.now() - timedelta(days=8),
        reported_to_police=True,
        notes="Found at a train station",
    )
    outcome_scores_record(
        case=boy,
        actor=social_worker,
        assessed_on=today - timedelta(days=20),
        scores={"risk_of_harm": 2, "trusting_relationships": 1},
    )

    sign_in_browser(social_worker)
    page.goto(f"/cases/{boy.uuid}/support")
    expect(page.get_by_test_id("next-review")).to_contain_text("Overdue")
    assert_accessible(page)

    page.get_by_role("link", name="Record a review").click()
    fill_date(page, "Date of the review", today)
    page.get_by_label("What changed?").fill("Went missing once; now has a key worker he trusts.")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_test_id("safety-plan")).to_contain_text("now has a key worker he trusts")
    expect(page.get_by_test_id("next-review")).not_to_contain_text("Overdue")
    expect(page.locator("main")).to_contain_text("Found at a train station")

    page.goto(f"/cases/{boy.uuid}/support/outcome-scores/add")
    fill_date(page, "Date of the assessment", today)
    page.get_by_label("Risk of harm").select_option("3")
    page.get_by_label("Trusting relationships").select_option("3")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    scores = page.get_by_test_id("outcome-scores")
    expect(scores).to_contain_text(f"{today - timedelta(days=20):%-d %b %Y}")
    expect(scores).to_contain_text(f"{today:%-d %b %Y}")
    assert_accessible(page)
