"""The lead makes the statement bilingual (issue 21): chooses Welsh and English side by side,
writes a section in both languages, sees where a Welsh version is still missing, and previews the
web page, its Welsh column beside the English, each with its own language. Axe on every page."""

import pytest
from accessibility import assert_accessible
from playwright.sync_api import Page, expect

from tackle.accounts import demo as accounts_demo
from tackle.accounts.models import User
from tackle.statements import demo as statements_demo

pytestmark = pytest.mark.browser

ENGLISH = "Our policies tell staff and suppliers what to do about exploitation."
WELSH = "Mae ein polisïau yn dweud wrth staff a chyflenwyr beth i'w wneud am gamfanteisio."


def test_lead_builds_a_bilingual_statement_and_previews_it(page: Page, sign_in_browser) -> None:
    accounts_demo.load()
    statements_demo.load(scale="demo")
    sign_in_browser(User.objects.get(username="demo-modern_slavery_lead"))

    page.goto("/statements/statement/")
    # The first statement page of a run loads the statement reader's model: seconds on a busy machine.
    page.get_by_role("link", name="2025-2026 version 1").click(timeout=30_000)
    expect(page.get_by_test_id("statement-languages")).to_have_text("English")

    page.get_by_role("link", name="Change the languages").click()
    expect(page.get_by_label("English", exact=True)).to_be_checked()
    assert_accessible(page)
    page.get_by_label("Welsh and English, side by side").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("statement-languages")).to_have_text("Welsh and English, side by side")
    # The demo's sections are written in English only: each is flagged until its Welsh is written.
    expect(page.get_by_test_id("welsh-missing")).to_be_visible()

    page.get_by_role("link", name="Change Policies").click()
    page.get_by_label("In English").fill(ENGLISH)
    welsh = page.get_by_label("In Welsh (Cymraeg)")
    expect(welsh).to_have_attribute("lang", "cy")
    welsh.fill(WELSH)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("sections")).to_contain_text("Our policies tell staff and suppliers")

    html_url = page.get_by_role("link", name="Web page (HTML)").get_attribute("href")
    page.goto(str(html_url))
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    welsh_column = page.locator('.tackle-side-by-side > div[lang="cy"]')
    english_column = page.locator('.tackle-side-by-side > div[lang="en-GB"]')
    expect(welsh_column.filter(has_text=WELSH)).to_have_count(1)
    expect(english_column.filter(has_text=ENGLISH)).to_have_count(1)
    expect(welsh_column.filter(has_text=ENGLISH)).to_have_count(0)
    expect(page.locator('[data-missing-welsh="supply_chains"]')).to_be_visible()
    assert_accessible(page)
