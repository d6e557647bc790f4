"""The community safety manager runs the whole loop: intelligence, an operation planned from a
ranked premises link, agencies, outcomes, cases for the victims in one step, and the year's
figures. Then the police partner sees only what the sharing agreement allows."""

import re

import pytest
from accessibility import assert_accessible
from django.utils import timezone
from pages import fill_date
from playwright.sync_api import Page, expect

from tackle.core.roles import Role
from tackle.disrupt.choices import HandlingCode, SharingCategory
from tackle.disrupt.tests.factories import make_action, make_agreement, make_intelligence, make_premises

pytestmark = pytest.mark.browser


def test_intelligence_to_operation_to_cases_to_annual_figures(
    page: Page, sign_in_browser, make_user, council_a, police, police_partner
):
    manager = make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a, username="safety")
    premises = make_premises(manager)
    make_action(manager, title="Chase the licensing check")
    make_agreement(manager, police, [SharingCategory.INTELLIGENCE_SUMMARIES, SharingCategory.OPERATIONS])
    today = timezone.localdate().isoformat()

    sign_in_browser(manager)
    page.goto("/disrupt/")
    assert_accessible(page)
    page.goto("/disrupt/intelligence/new")
    assert_accessible(page)
    fill_date(page, "Date received", today)
    page.get_by_label("What is reported").fill("Staff at the Golden Wok sleep above the shop and are never paid")
    page.get_by_label("Where", exact=True).fill("Golden Wok, Market Street")
    page.get_by_label("Labour").check()
    page.get_by_label("2: Untested").check()
    page.get_by_label("B: Known indirectly to the source but corroborated").check()
    page.get_by_label("C: Lawful sharing permitted with conditions").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the conditions for handling code C")
    assert_accessible(page)
    page.get_by_label("P: Lawful sharing permitted", exact=True).check()
    page.get_by_label("Sanitised summary").fill("Possible labour exploitation at a takeaway")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("intelligence-record")).to_contain_text("2: Untested")
    assert_accessible(page)

    # Risk targeting links a ranked premises to the create page with its details.
    page.goto("/disrupt/operations/new?name=Golden+Wok&address=9+Market+St&postcode=dy47aa&premises_type=takeaway")
    expect(page.get_by_label("Address")).to_have_value("9 Market St")
    expect(page.get_by_label("Postcode")).to_have_value("DY4 7AA")
    assert_accessible(page)
    page.get_by_label("Planned", exact=True).check()
    page.get_by_label("Objective").fill("Welfare checks on the takeaway's staff")
    fill_date(page, "Date of the operation", today)
    page.get_by_label("Lead agency").fill("Test Police")
    # The tick box names the record by its reference and summary, not only by grade and date.
    tick_box = re.compile(r"^INT-[0-9A-F]{8}: Possible labour exploitation at a takeaway \(2B P, received")
    page.get_by_label(tick_box).check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("h1")).to_have_text("Visit to Golden Wok")
    expect(page.get_by_test_id("operation-plan")).to_contain_text("9 Market St, DY4 7AA")
    assert_accessible(page)

    page.get_by_role("link", name="Add an agency").click()
    assert_accessible(page)
    page.get_by_label("Agency", exact=True).fill("GLAA")
    page.get_by_label("Present").check()
    page.get_by_label("Interventions").fill("3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("agency-table")).to_contain_text("GLAA")

    page.get_by_role("link", name="Plan a reception centre").click()
    assert_accessible(page)
    page.get_by_label("Venue").fill("Market Street Community Hall")
    page.get_by_label("Capacity").fill("15")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("reception-centre")).to_contain_text("15 people")

    page.get_by_role("link", name="Record outcomes").click()
    assert_accessible(page)
    page.get_by_label("People encountered").fill("11")
    page.get_by_label("Potential victims: adults").fill("6")
    page.get_by_label("Arrests: modern slavery offences").fill("3")
    page.get_by_label("Labour").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("outcomes")).to_contain_text("6 (6 adults, 0 children)")
    assert_accessible(page)

    page.get_by_role("link", name="Open cases for the potential victims").click()
    assert_accessible(page)
    page.get_by_label("What the team saw").fill("Six workers sleeping on mattresses above the kitchen")
    page.get_by_role("button", name="Open cases").click()
    expect(page.get_by_test_id("operation-cases").locator("li")).to_have_count(6)
    assert_accessible(page)

    page.goto("/disrupt/report/")
    expect(page.get_by_test_id("figure-operations")).to_contain_text("1 (1 planned, 0 dynamic)")
    # The report is written to be published: counts of people under 10 are withheld (issue 17).
    expect(page.get_by_test_id("figure-arrests")).to_have_text("fewer than 10")
    expect(page.get_by_test_id("figure-cases")).to_have_text("fewer than 10")
    expect(page.get_by_test_id("table-agencies")).to_contain_text("GLAA")
    assert_accessible(page)

    page.goto("/disrupt/briefing/")
    expect(page.get_by_test_id("briefing-intelligence")).to_contain_text("Golden Wok")
    expect(page.get_by_test_id("briefing-concerns").locator("li")).to_have_count(6)
    assert_accessible(page)

    page.goto("/disrupt/actions/")
    assert_accessible(page)
    page.get_by_role("link", name="Close Chase the licensing check").click()
    assert_accessible(page)
    page.get_by_label("What was done").fill("Licence checked: conditions breached, notice served")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("closed-actions")).to_contain_text("Chase the licensing check")

    for path in [
        "/disrupt/premises/",
        f"/disrupt/premises/{premises.uuid}",
        f"/disrupt/premises/{premises.uuid}/flags/new",
        "/disrupt/premises/new",
        "/disrupt/businesses/",
        "/disrupt/businesses/new",
        "/disrupt/intelligence/",
        "/disrupt/operations/",
        "/disrupt/agreements/",
        "/disrupt/agreements/new",
        "/disrupt/actions/new",
    ]:
        page.goto(path)
        assert_accessible(page)

    # The partner sees the summary and the operation, never the full record.
    conditional = make_intelligence(
        manager, handling_code=HandlingCode.CONDITIONS, handling_conditions="Council only", where="Victoria Terrace"
    )
    sign_in_browser(police_partner)
    page.goto("/disrupt/intelligence/")
    expect(page.get_by_test_id("summary-table")).to_contain_text("Possible labour exploitation at a takeaway")
    expect(page.locator("main")).not_to_contain_text("Victoria Terrace")
    assert_accessible(page)
    page.get_by_test_id("summary-table").get_by_role("link").first.click()
    expect(page.get_by_test_id("summary-only")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("never paid")
    assert_accessible(page)
    page.goto("/disrupt/operations/")
    expect(page.get_by_test_id("operation-table")).to_contain_text("Visit to Golden Wok")
    assert_accessible(page)
    page.goto("/disrupt/agreements/")
    assert_accessible(page)
    assert page.goto(f"/disrupt/intelligence/{conditional.uuid}").status == 404
