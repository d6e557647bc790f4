"""Issue 21: a person of a council with a Welsh language service reads Tackle's shell in Welsh.
Every page reached is checked with axe (conftest); each says lang="cy" on its <html>."""

import pytest
from pages import BasePage, HomePage, SignInPage
from playwright.sync_api import Page, expect

from tackle.accounts.models import OrganisationSettings

pytestmark = pytest.mark.browser


def test_sign_in_switch_to_cymraeg_and_read_the_dashboard_and_account_pages_in_welsh(page: Page, councillor_a) -> None:
    OrganisationSettings.objects.create(organisation=councillor_a.organisation, welsh_language_service=True)
    sign_in = SignInPage(page).open()
    sign_in.expect_here()
    sign_in.expect_language("en-gb")
    sign_in.choose_language("cy")
    sign_in.expect_language("cy")
    expect(sign_in.heading).to_have_text("Mewngofnodi i Tackle")

    page.get_by_label("Enw defnyddiwr").fill(councillor_a.username)
    page.get_by_label("Cyfrinair").fill("correct-horse-battery")
    page.get_by_role("button", name="Mewngofnodi").click()
    home = HomePage(page)
    expect(home.heading).to_have_text(f"Croeso, {councillor_a.display_name}")
    home.expect_language("cy")
    expect(page.get_by_test_id("language-switch").locator('[aria-current="true"]')).to_have_text("Cymraeg")

    account_pages = [
        ("/account/notifications/", "Hysbysiadau"),
        ("/account/two-factor/setup", "Gosod mewngofnodi dau gam"),
    ]
    for path, heading in account_pages:
        page.goto(path)
        expect(BasePage(page).heading).to_have_text(heading)
        BasePage(page).expect_language("cy")

    page.get_by_role("button", name="Allgofnodi").click()
    signed_out = SignInPage(page)
    expect(signed_out.heading).to_have_text("Mewngofnodi i Tackle")
    signed_out.expect_language("cy")
    signed_out.choose_language("en-gb")
    signed_out.expect_here()
    signed_out.expect_language("en-gb")
