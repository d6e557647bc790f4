"""Journeys 1, 2 and 4: an officer records a concern on her phone, the lead triages and refers it,
the decisions arrive, move-on support is counted, and the case is closed."""

from datetime import timedelta

import pytest
from accessibility import assert_accessible
from django.utils import timezone
from pages import fill_date
from playwright.sync_api import Page, expect

from tackle.cases.models import Case, Stage

pytestmark = pytest.mark.browser


def _fill_datetime(page: Page, label: str, value) -> None:  # type: ignore[no-untyped-def]
    fill_date(page, label, value)


def test_concern_to_referral_to_decisions_to_closure(page: Page, context, sign_in_browser, frontline_a, lead_a) -> None:
    # Journey 1: the environmental health officer, on a phone, records what she saw.
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in_browser(frontline_a)
    page.goto("/cases/concerns/new")
    assert_accessible(page)
    seen_at = timezone.localtime() - timedelta(days=60)
    _fill_datetime(page, "When did you see this?", seen_at)
    page.get_by_label("Where?").fill("Sparkle Hand Car Wash, 2 Mill Lane")
    page.get_by_label("What did you see or hear?").fill(
        "Four workers, no gloves, sleeping on site. One looks 16. A man collects their pay."
    )
    page.get_by_label("Yes", exact=True).first.check()  # looks under 18
    page.get_by_label("Little or no pay, or someone else controls their money").check()
    page.get_by_label("Labour").check()
    page.get_by_role("button", name="Send to the modern slavery lead").click()
    expect(page.locator("h1")).to_have_text("Concern recorded")
    expect(page.locator("main")).to_contain_text("08000 121 700")
    expect(page.locator("main")).to_contain_text("Children's safeguarding referral")
    assert_accessible(page)
    case = Case.objects.get()

    # Journey 2: the lead opens the queue; the new concern is first.
    context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in_browser(lead_a)
    page.goto("/cases/")
    assert_accessible(page)
    page.get_by_role("link", name=case.reference).click()
    expect(page.get_by_test_id("actions")).to_contain_text("Children's safeguarding referral")
    assert_accessible(page)

    # The MASH referral went, then the NRM referral.
    for action, sent in (("Children's safeguarding referral (MASH)", 59), ("NRM referral", 59)):
        page.get_by_role("link", name=f"Update {action}").click()
        page.get_by_label("Sent", exact=True).check()
        _fill_datetime(page, "When was it sent or done?", timezone.localtime() - timedelta(days=sent))
        assert_accessible(page)
        page.get_by_role("button", name="Save").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("updated")
    expect(page.locator(".govuk-caption-l")).to_contain_text("Referred to the NRM")

    # Journey 4: the decisions arrive.
    today = timezone.localdate()
    for kind, days_ago, outcome in (
        ("Reasonable grounds decision", 50, "Positive"),
        ("Conclusive grounds decision", 5, "Victim of human trafficking"),
    ):
        page.get_by_role("link", name="Record an NRM step").click()
        page.get_by_label(kind).check()
        fill_date(page, "Date", today - timedelta(days=days_ago))
        page.get_by_label(outcome, exact=True).check()
        assert_accessible(page)
        page.get_by_role("button", name="Save").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("NRM step recorded")
    expect(page.get_by_test_id("move-on-ends")).to_contain_text(
        f"{(today - timedelta(days=5) + timedelta(days=45)):%-d %B %Y}"
    )
    assert_accessible(page)

    # The referral pack for transcription.
    page.get_by_role("link", name="Open the NRM referral pack").click()
    expect(page.locator("h1")).to_have_text("NRM referral pack")
    assert_accessible(page)
    page.go_back()

    # Move-on support ends; the case is closed with a reason.
    page.goto(f"/cases/{case.uuid}/close")
    assert_accessible(page)
    page.locator("textarea").first.fill("Move-on support completed; settled in own tenancy.")
    page.get_by_role("button", name="Close case").click()
    case.refresh_from_db()
    assert case.status == "closed" and case.stage == Stage.POSITIVE_CG
