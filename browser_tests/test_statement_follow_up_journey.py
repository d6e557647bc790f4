"""A procurement officer reviews a supplier's statement already read: says an area is only
promised, raises a follow-up action with an owner and a due date, and finds it on the reading and
on the supplier's page (issue 16, section 6). The keyword labeller reads it, so the journey does
not wait for the shipped model."""

from datetime import timedelta

import pytest
from accessibility import assert_accessible
from playwright.sync_api import Page, expect

from tackle.core.periods import today_in_london
from tackle.core.roles import Role
from tackle.statement_reader.services import statement_read
from tackle.statement_reader.tests.factories import keyword_labeller, statement_text
from tackle.suppliers.models import Supplier

pytestmark = pytest.mark.browser


def test_buyer_marks_an_area_only_promised_and_raises_a_follow_up(
    page: Page, sign_in_browser, make_user, council_a
) -> None:
    buyer = make_user(Role.PROCUREMENT_OFFICER, council_a)
    lead = make_user(Role.MODERN_SLAVERY_LEAD, council_a)
    supplier = Supplier.objects.create(organisation=council_a, name="Example Widgets Ltd")
    reading = statement_read(
        actor=buyer,
        supplier=supplier,
        data=statement_text().encode(),
        file_name="widgets.txt",
        labeller=keyword_labeller,
    )

    sign_in_browser(buyer)
    page.goto(reading.get_absolute_url())
    expect(page.get_by_test_id("judgement-due_diligence")).to_contain_text("Covered")
    page.get_by_role("link", name="Change the decision on due diligence").click()
    page.get_by_label("Only promised").check()
    page.get_by_label("Why").fill("The audit is only planned.")
    assert_accessible(page)
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_test_id("judgement-due_diligence")).to_contain_text("Only promised")
    expect(page.get_by_test_id("override-history")).to_contain_text("Only promised")
    assert_accessible(page)

    page.get_by_role("link", name="Raise a follow-up action").click()
    assert_accessible(page)
    page.get_by_role("button", name="Raise action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what needs to be done")
    assert_accessible(page)
    due = today_in_london() + timedelta(days=30)
    page.get_by_label("What needs to be done").fill("Ask for the audit report")
    page.get_by_label("Who owns it").select_option(label=lead.display_name)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Raise action").click()
    expect(page.get_by_test_id("follow-ups")).to_contain_text("Ask for the audit report")
    expect(page.get_by_test_id("follow-ups")).to_contain_text(lead.display_name)
    assert_accessible(page)

    page.goto(f"/suppliers/register/{supplier.uuid}")
    expect(page.get_by_test_id("statement-follow-ups")).to_contain_text("Ask for the audit report")
    assert_accessible(page)
