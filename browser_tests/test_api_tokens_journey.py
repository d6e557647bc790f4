"""An officer creates an API token, sees it once, and revokes it."""

import re

import pytest
from accessibility import assert_accessible
from pages import TokensPage
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

TOKEN_NAME = "Monthly figures script"


def test_officer_creates_sees_once_and_revokes_a_token(page: Page, sign_in_browser, frontline_a) -> None:
    sign_in_browser(frontline_a)
    tokens = TokensPage(page).open()
    expect(tokens.heading).to_have_text("API tokens")
    expect(page.get_by_text("You have no tokens.")).to_be_visible()
    assert_accessible(page)

    # An empty name: GOV.UK error summary, linked to the field, and "Error:" in the title.
    tokens.create("")
    expect(tokens.error_summary).to_contain_text("Enter a name for the token")
    expect(tokens.error_summary.get_by_role("link")).to_have_attribute("href", "#id_name")
    expect(page).to_have_title(re.compile(r"^Error: API tokens"))
    assert_accessible(page)

    tokens.create(TOKEN_NAME)
    expect(tokens.new_token).to_have_text(re.compile(r"^\s*tk_\S+\s*$"))
    expect(tokens.row(TOKEN_NAME)).to_have_count(1)
    assert_accessible(page)

    # Shown once: the next visit lists the token but never shows it again.
    tokens.open()
    expect(tokens.new_token).to_have_count(0)
    expect(tokens.row(TOKEN_NAME)).to_have_count(1)

    tokens.revoke(TOKEN_NAME)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"Token '{TOKEN_NAME}' was revoked")
    expect(tokens.row(TOKEN_NAME)).to_contain_text("Revoked")
    expect(page.get_by_role("button", name=f"Revoke {TOKEN_NAME}")).to_have_count(0)
    assert_accessible(page)
