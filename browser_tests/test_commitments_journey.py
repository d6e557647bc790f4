"""The lead adopts the Co-operative Party charter in one click, links actions to a commitment,
records evidence (typed, and proposed by Tackle), judges it met and sees it in the statement;
a councillor finds the commitments in the scrutiny report."""

from datetime import date

import pytest
from accessibility import assert_accessible
from playwright.sync_api import Page, expect

from tackle.accounts import demo as accounts_demo
from tackle.accounts.models import User
from tackle.scrutiny.services import assessment_create
from tackle.statements import demo as statements_demo
from tackle.statements.models import Statement
from tackle.statements.services.commitments import charter_adopt
from tackle.statements.services.statement import (
    action_create,
    period_create,
    signatory_add,
    statement_approve,
    statement_submit,
)

pytestmark = pytest.mark.browser


def test_lead_adopts_the_charter_links_evidences_and_judges(page: Page, sign_in_browser, lead_a) -> None:
    period = period_create(
        organisation=lead_a.organisation,
        label="2025-2026",
        starts_on=date(2025, 4, 1),
        ends_on=date(2026, 3, 31),
        actor=lead_a,
    )
    action_create(
        period=period, actor=lead_a, area="prevention", title="Add clauses to contracts", due_on=date(2026, 3, 1)
    )
    sign_in_browser(lead_a)
    page.goto("/statements/commitments/")
    expect(page.locator("h1")).to_have_text("Commitments")
    expect(page.locator("main")).to_contain_text("No commitments recorded yet.")
    assert_accessible(page)

    page.get_by_label("Adopted by").fill("")
    page.get_by_role("button", name="Adopt the Co-operative Party charter").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter who adopted the charter")
    assert_accessible(page)
    page.get_by_label("Adopted by").fill("Full Council")
    page.get_by_role("button", name="Adopt the Co-operative Party charter").click()
    expect(page.locator("main")).to_contain_text("Charter adopted: 10 commitments added")
    table = page.get_by_test_id("commitments")
    expect(table.locator("tbody tr")).to_have_count(10)
    expect(table).to_contain_text("Require whistleblowing of contractors")
    assert_accessible(page)

    page.get_by_role("link", name="Require contractors to comply").click()
    expect(page.get_by_test_id("status")).to_have_text("Not started")
    assert_accessible(page)
    page.get_by_role("link", name="Link actions to this commitment").click()
    assert_accessible(page)
    page.get_by_label("2025-2026: Add clauses to contracts (planned)").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("actions")).to_contain_text("Add clauses to contracts")

    page.get_by_role("link", name="Add evidence for this commitment").click()
    assert_accessible(page)
    page.get_by_label("What shows the commitment is being kept?").fill("Standard terms now require compliance.")
    page.get_by_label("Link (optional)").fill("https://example.gov.uk/terms")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("evidence")).to_contain_text("Standard terms now require compliance.")
    expect(page.get_by_test_id("status")).to_have_text("In progress")

    page.get_by_role("link", name="Record whether it is met").click()
    assert_accessible(page)
    page.get_by_label("Yes, the evidence shows it is met").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why the evidence shows")
    assert_accessible(page)
    page.get_by_label("Why?").fill("Every new contract carries the terms.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("status")).to_have_text("Met")
    assert_accessible(page)


def test_demo_lead_records_proposed_evidence_and_sees_the_statement_table(page: Page, sign_in_browser) -> None:
    accounts_demo.load()
    statements_demo.load(scale="demo")
    lead = User.objects.get(username="demo-modern_slavery_lead")
    statement = Statement.objects.get(organisation=lead.organisation, period__label="2025-2026")
    signatory_add(statement=statement, name="Ann Leader", role="Leader of the council", actor=lead)
    statement_submit(statement=statement, actor=lead)
    statement_approve(
        statement=statement,
        actor=lead,
        decision_maker="cabinet",
        approval_date=date(2026, 5, 1),
        minute_reference="CAB 45/26",
        review_date=date(2027, 5, 1),
    )
    sign_in_browser(lead)

    page.goto("/statements/commitments/")
    expect(page.get_by_test_id("counts")).to_contain_text("Met: 2")
    assert_accessible(page)
    page.get_by_role("link", name="Report annually").click()
    proposals = page.get_by_test_id("proposals")
    expect(proposals).to_contain_text("The modern slavery statement for 2025-2026 (version 1) was approved")
    assert_accessible(page)
    proposals.get_by_role("button").first.click()
    expect(page.get_by_test_id("evidence")).to_contain_text("The modern slavery statement for 2025-2026")
    expect(page.get_by_test_id("proposals")).to_have_count(0)

    page.goto(f"/statements/statement/{statement.uuid}/")
    expect(page.get_by_role("heading", name="The text against section 54(5)")).to_be_visible()
    commitments = page.get_by_test_id("statement-commitments")
    expect(commitments).to_contain_text("Review spend for risk")
    expect(commitments).to_contain_text("The procurement board agreed a risk map of 14 spend categories.")
    assert_accessible(page)


def test_councillor_reads_commitments_in_the_scrutiny_report(page: Page, sign_in_browser, lead_a, councillor_a) -> None:
    charter_adopt(organisation=lead_a.organisation, actor=lead_a, adopted_on=date(2024, 7, 18), adopted_by="Council")
    assessment = assessment_create(actor=lead_a, year=2025)
    sign_in_browser(councillor_a)
    page.goto(f"/scrutiny/assessments/{assessment.uuid}/report")
    report = page.get_by_test_id("report-commitments")
    expect(report).to_contain_text("Highlight risks to suppliers")
    expect(report).to_contain_text("Not started. No actions linked.")
    assert_accessible(page)
