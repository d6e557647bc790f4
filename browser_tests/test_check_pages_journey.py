"""Check pages before what cannot be undone (issue 18, item 1), at 375 px, axe-clean (as every page):
a Duty to Notify pack downloads only once its check is ticked; revoking an agreement, a case's share
with a partner or a share of intelligence, and deactivating a user, each show what will happen
before their button."""

from pathlib import Path

import pytest
from pages import VisitedPage
from playwright.sync_api import Page, expect

from tackle.accounts.models import User
from tackle.cases.services.home_office_form import duty_to_notify_redact
from tackle.cases.services.share import case_share, shares_of
from tackle.core.roles import Role
from tackle.disrupt import selectors, services
from tackle.disrupt.selectors import AgreementStatus
from tackle.disrupt.tests.factories import make_agreement, make_intelligence

pytestmark = pytest.mark.browser


def test_each_check_page_says_what_will_happen_before_its_button(
    page: Page, context, sign_in_browser, make_user, council_a, council_b, frontline_a, lead_a, admin_a, record_concern
) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    case = record_concern(frontline_a, age=40, consent_to_nrm=False, refusal_reason="Scared", location="4 Orchard Lane")
    duty_to_notify_redact(case=case, actor=lead_a, texts={"account": "A man in an outbuilding", "refusal_reason": ""})
    sign_in_browser(lead_a)
    VisitedPage(page, f"/cases/{case.uuid}/pack").open()
    page.get_by_role("link", name="Check and download as PDF").click()
    check = VisitedPage(page, page.url).open()
    expect(page.get_by_test_id("pack-going")).to_contain_text("A man in an outbuilding")
    expect(page.locator("main")).not_to_contain_text("Orchard Lane")
    page.get_by_role("button", name="Download the pack").click()  # not ticked: an error, no download
    expect(check.error_summary).to_contain_text("Confirm that you have checked")
    page.get_by_label("I have checked that nothing in this pack could identify the person").check()
    with page.expect_download(timeout=60_000) as download:  # the PDF is drawn on the server
        page.get_by_role("button", name="Download the pack").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

    context.clear_cookies()
    safety = make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a)
    agreement = make_agreement(safety, council_b, ["intelligence"], accepted=True)
    sign_in_browser(safety)
    VisitedPage(page, f"/disrupt/agreements/{agreement.uuid}").open()
    page.get_by_role("link", name="Revoke this agreement").click()
    VisitedPage(page, page.url).open()
    expect(page.locator(".govuk-warning-text")).to_contain_text("You cannot undo this")
    page.get_by_role("button", name="Revoke this agreement").click()
    agreement.refresh_from_db()
    assert selectors.agreement_status(agreement) == AgreementStatus.REVOKED

    context.clear_cookies()
    sign_in_browser(admin_a)
    VisitedPage(page, f"/account/users/{frontline_a.uuid}/deactivate").open()
    expect(page.get_by_test_id("deactivate-summary")).to_contain_text("Stops now")
    page.get_by_role("button", name="Deactivate user").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("was deactivated")
    assert not User.objects.get(pk=frontline_a.pk).is_active


def test_a_partner_stops_seeing_a_case_and_intelligence_from_their_check_pages(
    page: Page,
    context,
    sign_in_browser,
    make_user,
    council_a,
    frontline_a,
    lead_a,
    police,
    police_partner,
    record_concern,
) -> None:
    page.set_viewport_size({"width": 375, "height": 812})
    case = record_concern(frontline_a, age=40)
    case_share(
        case=case,
        organisation=police,
        actor=lead_a,
        scope="summary",
        purpose="Joint visit",
        lawful_basis="public_task",
        consent="not_asked",
        consent_note="The police must know before the visit",
    )
    sign_in_browser(lead_a)
    VisitedPage(page, f"/cases/{case.uuid}/").open()
    page.get_by_role("link", name=f"Revoke sharing with {police.name}").click()
    expect(page.locator("h1")).to_have_text("Revoke sharing with a partner")
    summary = page.get_by_test_id("revoke-summary")
    expect(summary).to_contain_text(case.reference)
    expect(summary).to_contain_text("Joint visit")
    expect(page.locator(".govuk-warning-text")).to_contain_text("You cannot undo this")
    page.get_by_role("button", name="Revoke sharing").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"Sharing with {police.name} revoked")
    assert shares_of(case).get().revoked_at is not None

    context.clear_cookies()
    safety = make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a)
    record = make_intelligence(safety)
    services.record_share(actor=safety, record=record, organisation=police, reason="Joint operation", expires_on=None)
    sign_in_browser(safety)
    VisitedPage(page, f"/disrupt/intelligence/{record.uuid}").open()
    page.get_by_role("link", name=f"Revoke the share with {police.name}").click()
    expect(page.locator("h1")).to_have_text("Revoke the share of this intelligence")
    expect(page.get_by_test_id("revoke-summary")).to_contain_text(record.reference)
    page.get_by_role("button", name="Revoke the share").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"Share with {police.name} revoked")
    expect(page.get_by_role("link", name=f"Revoke the share with {police.name}")).to_have_count(0)
