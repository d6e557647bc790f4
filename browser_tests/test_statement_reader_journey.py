"""A procurement officer assesses a supplier's statement in the browser: uploads it, sees the six
areas with their evidence, overrides one decision with a reason, and compares the supplier's
registry claims with our reading. The task worker reads the statement with the shipped model, as
it would for them, while the page says it is being read."""

import re

import pytest
from accessibility import assert_accessible
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tackle.core.roles import Role
from tackle.statement_reader.registry import registry_import
from tackle.statement_reader.tests.factories import statement_pdf
from tackle.suppliers.models import Supplier

pytestmark = pytest.mark.browser

REGISTRY_CSV = (
    "StatementYear,OrganisationName,CompanyNumber,StatementIncludesOrgStructure,StatementIncludesPolicies,"
    "StatementIncludesRisksAssessment,StatementIncludesDueDiligence,StatementIncludesTraining,StatementIncludesGoals\n"
    "2024,Example Widgets Limited,1234567,Yes,Yes,Yes,,Yes,Yes\n"
)


def test_buyer_assesses_a_statement_and_overrides_a_decision(
    page: Page, sign_in_browser, make_user, council_a, tmp_path, settings
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    buyer = make_user(Role.PROCUREMENT_OFFICER, council_a)
    supplier = Supplier.objects.create(organisation=council_a, name="Example Widgets Ltd", company_number="01234567")
    registry_import(data=REGISTRY_CSV.encode())
    statement = tmp_path / "widgets-statement.pdf"
    statement.write_bytes(statement_pdf())

    sign_in_browser(buyer)
    page.goto("/statement-reader/")
    assert_accessible(page)
    page.get_by_role("link", name="Assess a statement").click()
    assert_accessible(page)
    page.get_by_label("Whose statement is it?").select_option(label="Example Widgets Ltd")
    page.get_by_label("Upload the statement").set_input_files(str(statement))
    page.get_by_role("button", name="Read the statement").click()
    expect(page.locator("h1")).to_have_text("Reading the statement")
    expect(page.locator("[data-task-status]")).to_have_text("Waiting to start")
    assert_accessible(page)

    # The page's script may reload it once the worker is done; following the button's address
    # after the worker has run is what a reader without the script does.
    check_again = page.get_by_role("link", name="Check again").get_attribute("href")
    assert check_again is not None
    # Leave the page first: its script polls and reloads it, which could abort the goto below.
    page.goto("about:blank")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    page.goto(check_again)
    expect(page.get_by_test_id("reading-score")).to_contain_text(re.compile(r"\d of 8"))
    shown = re.search(r"(\d) of 8", page.get_by_test_id("reading-score").inner_text())
    assert shown is not None
    score = int(shown[1])
    # The statement names its supplier code of conduct and whistleblowing policy outright.
    expect(page.get_by_test_id("judgement-policies")).to_contain_text("Covered")
    expect(page.get_by_test_id("statement-text").locator("mark").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change the decision on policies").click()
    assert_accessible(page)
    page.get_by_label("Not covered").check()
    page.get_by_role("checkbox").first.uncheck()
    page.get_by_label("Why").fill("It names a policy but says nothing of what it requires.")
    page.get_by_role("button", name="Save decision").click()

    expect(page.get_by_test_id("reading-score")).to_contain_text(f"{score - 1} of 8")
    expect(page.get_by_test_id("judgement-policies")).to_contain_text("Not found")
    expect(page.get_by_test_id("override-history")).to_contain_text("says nothing of what it requires")
    assert_accessible(page)

    page.get_by_role("link", name="What Example Widgets Ltd told the Home Office registry").click()
    expect(page.get_by_test_id("registry-2024")).to_contain_text("Disagrees")
    assert_accessible(page)

    page.goto(f"/statement-reader/{supplier.statement_readings.get().uuid}/override/policies")
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reason for your decision")
    assert_accessible(page)
    page.goto("/statement-reader/")
    expect(page.get_by_test_id("readings")).to_contain_text("widgets-statement.pdf")
    assert_accessible(page)
