"""An officer creates a read-only API token for one part of Tackle, sees it once and revokes it;
the administrator sees a colleague's token, with what it may do, when it expires and when it was
last used, and revokes it."""

import re
from datetime import timedelta

import pytest
from accessibility import assert_accessible
from pages import OrganisationTokensPage, TokensPage
from playwright.sync_api import Page, expect

from tackle.core.periods import today_in_london

pytestmark = pytest.mark.browser

TOKEN_NAME = "Monthly figures script"
CASES_FEED = "Cases feed"


def test_officer_creates_sees_once_and_revokes_a_token(page: Page, sign_in_browser, frontline_a) -> None:
    sign_in_browser(frontline_a)
    tokens = TokensPage(page).open()
    expect(tokens.heading).to_have_text("API tokens")
    expect(page.get_by_text("You have no tokens.")).to_be_visible()
    assert_accessible(page)

    # An empty name: GOV.UK error summary, linked to the field, and "Error:" in the title.
    tokens.create("")
    expect(tokens.error_summary).to_contain_text("Enter a name for the token")
    expect(tokens.error_summary.get_by_role("link").first).to_have_attribute("href", "#id_name")
    expect(page).to_have_title(re.compile(r"^Error: API tokens"))
    assert_accessible(page)

    # An expiry more than a year away is refused, naming the field.
    tokens.create(TOKEN_NAME, expires_on=(today_in_london() + timedelta(days=400)).isoformat())
    expect(tokens.error_summary).to_contain_text("The expiry date must be within a year from today")

    in_30_days = today_in_london() + timedelta(days=30)
    tokens.create(TOKEN_NAME, modules=("Concerns and cases",), expires_on=in_30_days.isoformat())
    expect(tokens.new_token).to_have_text(re.compile(r"^\s*tk_\S+\s*$"))
    row = tokens.row(TOKEN_NAME)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Read only: Concerns and cases")
    expect(row).to_contain_text(f"{in_30_days.day} {in_30_days:%b %Y}")
    expect(row).to_contain_text("Never")
    assert_accessible(page)

    # Shown once: the next visit lists the token but never shows it again.
    tokens.open()
    expect(tokens.new_token).to_have_count(0)
    expect(tokens.row(TOKEN_NAME)).to_have_count(1)

    tokens.revoke(TOKEN_NAME)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"Token '{TOKEN_NAME}' was revoked")
    expect(tokens.row(TOKEN_NAME)).to_contain_text("Revoked")
    expect(page.get_by_role("link", name=f"Revoke {TOKEN_NAME}")).to_have_count(0)
    assert_accessible(page)


def test_the_administrator_sees_and_revokes_a_colleagues_token(
    page: Page, sign_in_browser, frontline_a, admin_a
) -> None:
    sign_in_browser(frontline_a)
    TokensPage(page).open().create(CASES_FEED, scope="Read and write")

    sign_in_browser(admin_a)
    tokens = OrganisationTokensPage(page).open()
    expect(tokens.heading).to_contain_text("API tokens in")
    row = tokens.row(frontline_a.display_name, CASES_FEED)
    expect(row).to_contain_text("Read and write, everything the owner's role uses")
    expect(row).to_contain_text("Active")
    assert_accessible(page)

    tokens.revoke(frontline_a.display_name, CASES_FEED)
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"token '{CASES_FEED}' was revoked")
    expect(tokens.row(frontline_a.display_name, CASES_FEED)).to_contain_text("Revoked")
    assert_accessible(page)
