"""A procurement officer adds a supplier and a high-risk contract, records the bidder's Modern Slavery
Act answers (fixing an inconsistent one), checks a lot's bids for abnormally low prices and closes the
clarification; a contract manager then works the risk register. Axe runs on every page visited."""

from datetime import timedelta

import pytest
from accessibility import assert_accessible
from django.utils import timezone
from pages import fill_date
from playwright.sync_api import Page, expect

from tackle.core.roles import Role
from tackle.suppliers.models import Contract, Supplier
from tackle.suppliers.tests.factories import make_records

pytestmark = pytest.mark.browser

BIDS = "bidder,price,labour_hours,year\nAcme,100000,,\nBeta,98000,,\nRock Bottom Ltd,40000,4000,2025\n"


class SupplierFormPage:
    def __init__(self, page: Page) -> None:
        self.page = page

    def add(self, *, name: str, number: str, band: str, sectors: list[str]) -> None:
        self.page.goto("/suppliers/register/new")
        assert_accessible(self.page)
        self.page.get_by_label("Name", exact=True).fill(name)
        self.page.get_by_label("Company number").fill(number)
        self.page.get_by_label("Turnover band").select_option(label=band)
        for sector in sectors:
            self.page.get_by_label(sector, exact=True).check()
        self.page.get_by_role("button", name="Save").click()


def test_procurement_officer_and_contract_manager_journey(page: Page, sign_in_browser, make_user, council_a, tmp_path):
    buyer = make_user(Role.PROCUREMENT_OFFICER, council_a, username="buyer", first_name="Bea", last_name="Cole")
    manager = make_user(Role.CONTRACT_MANAGER, council_a, username="cm", first_name="Cam", last_name="Reed")
    sign_in_browser(buyer)
    page.goto("/suppliers/")
    expect(page.locator("h1")).to_have_text("Supply chains")
    assert_accessible(page)

    SupplierFormPage(page).add(
        name="Brightwash Ltd", number="12345678", band="£36 million to under £100 million", sectors=["Cleaning"]
    )
    expect(page.locator("h1")).to_have_text("Brightwash Ltd")
    expect(page.get_by_test_id("statement-missing")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a contract").click()
    assert_accessible(page)
    start = timezone.localdate() - timedelta(days=30)
    page.get_by_label("Title").fill("Office cleaning")
    page.get_by_label("Category").select_option(label="Cleaning")
    page.get_by_label("Total value (£)").fill("1200000")
    fill_date(page, "Start date", start)
    fill_date(page, "End date", start + timedelta(days=1000))
    page.get_by_label("Contract manager").select_option(label="Cam Reed")
    page.get_by_label("High risk").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("risk-score")).to_contain_text("High")
    expect(page.get_by_test_id("risk-reasons")).to_contain_text("High-risk sector: cleaning")
    expect(page.get_by_test_id("assessments")).to_contain_text(f"{start.replace(year=start.year + 1):%-d %b %Y}")
    assert_accessible(page)

    page.goto("/suppliers/selection/new")
    page.get_by_label("Bidder", exact=True).select_option(label="Brightwash Ltd")
    page.get_by_label("Procurement or lot").fill("Cleaning 2027")
    page.get_by_role("group", name="Is the bidder a relevant").get_by_label("Yes").check()
    page.get_by_role("group", name="If yes, is it compliant").get_by_label("Yes").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the web address of the bidder")
    assert_accessible(page)
    page.get_by_label("If compliant, the web address").fill("https://brightwash.example/statement")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("responses")).to_contain_text("Compliant")
    assert_accessible(page)

    bids = tmp_path / "bids.csv"
    bids.write_text("bidder,price\nAcme,100\nBeta,free\n")
    page.goto("/suppliers/tenders/")
    assert_accessible(page)
    page.get_by_label("Procurement or lot").fill("Cleaning 2027")
    page.get_by_label("Bids (CSV, XLSX or OCDS file)").set_input_files(str(bids))
    page.get_by_role("button", name="Check the bids").click()
    expect(page.get_by_test_id("bid-problems")).to_contain_text("price 'free' is not a number")
    assert_accessible(page)
    page.get_by_label("Or type the bids").fill("Acme Ltd, 100\nBeta 90\n")
    page.get_by_role("button", name="Check the bids").click()
    expect(page.get_by_test_id("bid-problems")).to_contain_text("write the bidder's name, a comma, then the price")
    expect(page.get_by_label("Or type the bids")).to_have_value("Acme Ltd, 100\nBeta 90\n")
    assert_accessible(page)
    page.get_by_label("Or type the bids").fill("")
    bids.write_text(BIDS)
    page.get_by_label("Procurement or lot").fill("Cleaning 2027")
    page.get_by_label("Bids (CSV, XLSX or OCDS file)").set_input_files(str(bids))
    page.get_by_role("button", name="Check the bids").click()
    expect(page.get_by_test_id("tender-summary")).to_contain_text("1 of 3 bids flagged")
    expect(page.get_by_test_id("bids").get_by_role("row", name="Rock Bottom Ltd")).to_contain_text(
        "Below the wage floor"
    )
    assert_accessible(page)
    page.get_by_role("link", name="See the clarifications to ask").click()
    expect(page.get_by_test_id("open-clarifications")).to_contain_text("Rock Bottom Ltd")
    assert_accessible(page)
    page.get_by_role("link", name="Close the clarification for Rock Bottom Ltd").click()
    assert_accessible(page)
    page.get_by_label("What the bidder said and what was decided").fill("Bidder withdrew")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("closed-clarifications")).to_contain_text("Bidder withdrew")

    # The contract manager: risk register, action plan, and the other pages, each checked by axe.
    page.context.clear_cookies()
    sign_in_browser(manager)
    contract = Contract.objects.get(title="Office cleaning")
    page.goto("/suppliers/contracts/risk-register")
    expect(page.get_by_test_id("risk-register")).to_contain_text("Office cleaning")
    assert_accessible(page)
    page.goto(f"/suppliers/contracts/{contract.uuid}/actions/new")
    page.get_by_label("Description").fill("Show pay slips for agency staff")
    fill_date(page, "Due date", timezone.localdate() + timedelta(days=30))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("actions")).to_contain_text("Show pay slips for agency staff")

    records = make_records(council_a)
    supplier = Supplier.objects.get(name="Brightwash Ltd")
    for path in [
        "/suppliers/register/",
        "/suppliers/register/missing-statements",
        f"/suppliers/register/{supplier.uuid}/edit",
        f"/suppliers/register/{supplier.uuid}/contacts/new",
        "/suppliers/contracts/",
        f"/suppliers/contracts/{contract.uuid}/edit",
        f"/suppliers/contracts/{contract.uuid}/risks/new",
        f"/suppliers/contracts/{contract.uuid}/sanctions/new",
        f"/suppliers/contracts/{contract.uuid}/terminate",
        f"/suppliers/actions/{records['action'].uuid}/close",
        "/suppliers/assessments/",
        f"/suppliers/assessments/{records['assessment'].uuid}/complete",
        "/suppliers/selection/",
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)
