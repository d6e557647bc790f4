"""The axe check is a property of visiting a page (issue 18, item 8): a page a test reaches and leaves
without asking about it is still checked, and its violations fail the test, naming the address and rule."""

import pytest
from accessibility import AxeWatch
from playwright.sync_api import Page, Route, expect

pytestmark = pytest.mark.browser

# A button with no name (axe's button-name rule) and a link on to a real page.
UNNAMED_BUTTON = (
    '<!doctype html><html lang="en"><head><title>Made up</title></head>'
    '<body><main><h1>Made up</h1><button></button><a href="/account/sign-in">Sign in</a></main></body></html>'
)


def _made_up(route: Route) -> None:
    route.fulfill(content_type="text/html", body=UNNAMED_BUTTON)


def test_a_page_left_by_a_link_is_checked_though_the_test_never_asked(page: Page, axe_on_every_page: AxeWatch) -> None:
    page.route("**/made-up", _made_up)
    page.goto("/made-up")
    page.get_by_role("link", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Sign in to Tackle")

    with pytest.raises(AssertionError, match=r"(?s)on http://[^ ]+/made-up:.*button-name"):
        axe_on_every_page.finish()
    axe_on_every_page.problems.clear()  # found: the test's own end must now pass


def test_the_page_open_when_the_test_ends_is_checked(page: Page, axe_on_every_page: AxeWatch) -> None:
    page.route("**/made-up", _made_up)
    page.goto("/account/sign-in")
    page.goto("/made-up")
    assert not axe_on_every_page.problems, "the sign-in page passes"

    with pytest.raises(AssertionError, match=r"(?s)made-up.*button-name"):
        axe_on_every_page.finish()
    axe_on_every_page.problems.clear()


def test_a_page_in_one_state_is_checked_once(page: Page, axe_on_every_page: AxeWatch) -> None:
    for _ in range(3):
        page.goto("/account/sign-in")
    axe_on_every_page.finish()
    assert len(axe_on_every_page.checked) == 1
