"""Browser test fixtures: one Debian chromium per session, a fresh context per test, a live server.

Run with `.venv/bin/pytest -q browser_tests`. The browser is Debian's chromium package (installed by
tools/ensure-chromium), never a browser downloaded by Playwright.
"""

import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from accessibility import AxeWatch, watching
from django.conf import settings as django_settings
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tackle.accounts.models import User

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Long enough for a slow CI runner, short enough that a wrong selector fails fast.
TIMEOUT_MS = 10_000


def _missing(message: str) -> None:
    """Skip on a developer's machine, fail in CI: a missing browser must not pass CI silently."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        _missing(f"{CHROMIUM} not found (run tools/ensure-chromium)")
    if not (Path(django_settings.BASE_DIR) / "static" / "tackle" / "tackle.css").exists():
        _missing("static/tackle/tackle.css not built (run `npm run build`)")
    # Playwright's sync API runs an asyncio loop in the test thread, so Django would refuse ORM calls
    # from test code ("You cannot call this from an async context"). Relaxed only while the browser
    # is open: the tests under tackle/ run before this fixture starts and keep Django's check.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(autouse=True)
def _media_of_every_journey(media_outside_the_checkout) -> None:
    """Files a journey uploads, and the demo data's spend files, stay out of the checkout."""


@pytest.fixture(autouse=True)
def _static_files_from_source(settings) -> None:
    """Serve static files straight from static/, without collectstatic.

    The live server's StaticFilesHandler finds files in STATICFILES_DIRS by their plain names, but
    the manifest storage makes {% static %} write hashed names (and fails outright when staticfiles/
    holds no manifest), so CSS and JS would 404. Plain storage writes the names the handler finds.
    """
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def axe_on_every_page(monkeypatch) -> Iterator[AxeWatch]:
    """Every page a test visits is checked with axe (issue 18, item 8), not only those it asks about.

    Each page is checked before anything that may leave it (accessibility.AxeWatch.install), in every
    context the test makes, the context fixture's or its own. What is open at the end is checked by
    pytest_pyfunc_call below, so a violation fails the test rather than its teardown.
    """
    watch = AxeWatch()
    watch.install(monkeypatch)
    watching(watch)
    yield watch
    watching(None)


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> Generator[None, Any, Any]:
    """After a test passes, the pages still open are checked and every violation found fails it."""
    result = yield
    watch = pyfuncitem.funcargs.get("axe_on_every_page")
    if isinstance(watch, AxeWatch):
        watch.finish()
    return result


@pytest.fixture
def context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    """A fresh context per test: no cookies or storage leak from one test to the next."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def sign_in_browser(context: BrowserContext, live_server, client_for) -> Callable[[User], None]:
    """Sign the browser in as a user, two-factor included, without going through the forms.

    For tests about something other than signing in: the sign-in and two-factor pages have tests of
    their own. The session is made by the shared client_for fixture and handed to the browser as a cookie.
    """

    def sign_in_as(user: User) -> None:
        client = client_for(user)
        session_cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": session_cookie.key, "value": session_cookie.value, "url": live_server.url, "httpOnly": True}]
        )

    return sign_in_as
