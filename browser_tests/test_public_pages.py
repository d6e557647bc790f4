"""Pages outside the signed-in menu, and the page's own health under the real CSP."""

import pytest
from accessibility import assert_accessible
from pages import BasePage, HomePage, SignInPage
from playwright.sync_api import ConsoleMessage, Page, Response, expect

pytestmark = pytest.mark.browser


def test_api_docs_are_accessible(page: Page) -> None:
    response = page.goto("/api/docs/")
    assert response is not None and response.status == 200
    expect(page.locator("h1")).to_contain_text("Tackle API")
    expect(page.get_by_role("table")).to_contain_text("/api/v1/health")
    assert_accessible(page)


def test_not_found_page_is_accessible(page: Page) -> None:
    response = page.goto("/no-such-page/")
    assert response is not None and response.status == 404
    expect(BasePage(page).heading).to_have_text("Page not found")
    assert_accessible(page)


def test_pages_load_without_console_errors_or_csp_violations(page: Page, sign_in_browser, frontline_a) -> None:
    # The context does not bypass the CSP: any inline script or style, or blocked asset, shows here.
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # Chromium words CSP blocks as "Refused to ..." or "... violates the following Content Security Policy".
        if message.type == "error" or "Refused to" in message.text or "Content Security Policy" in message.text:
            problems.append(f"console {message.type}: {message.text} ({message.location.get('url')})")

    def on_response(response: Response) -> None:
        # A missing stylesheet or script shows as an HTTP error before it shows as a console error.
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url} {request.failure}"))

    SignInPage(page).open().expect_here()
    _expect_styles_and_scripts_ran(page)

    sign_in_browser(frontline_a)
    HomePage(page).open().expect_here()
    _expect_styles_and_scripts_ran(page)
    # GOV.UK Frontend marks each component it starts: the module script ran under the CSP.
    expect(page.locator("[data-module=govuk-service-navigation]")).to_have_attribute(
        "data-govuk-service-navigation-init", ""
    )

    assert not problems, "\n".join(problems)


def _expect_styles_and_scripts_ran(page: Page) -> None:
    # js-enabled.js adds these classes; tackle.css gives the skip link its GOV.UK off-screen position.
    expect(page.locator("body")).to_have_class("govuk-template__body js-enabled govuk-frontend-supported")
    assert page.locator(".govuk-skip-link").evaluate("link => getComputedStyle(link).position") == "absolute"
