"""Run axe-core in a page and fail the test on any violation.

AxeWatch makes the check a property of visiting a page (issue 18, item 8): every document a test's
pages show is checked before it is left and at the end of the test, whether or not the test asks.
"""

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Browser, BrowserContext, Error, Locator, Page

AXE_PATH = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA (the public sector accessibility regulations' bar) plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
# What a document shows, so one already checked in this state is not checked again: its address and a
# hash of its title and text (an error summary, a revealed question or a new row is a new state).
# Anything but a web page (a download, JSON, about:blank) is not checked.
_STATE = """() => {
  if (!/^https?:$/.test(location.protocol) || document.contentType !== 'text/html' || !document.body) return null;
  const text = document.title + '\\n' + document.body.innerText;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return `${location.href} ${text.length}:${(hash >>> 0).toString(16)}`;
}"""
# What a person does that may leave the page (a link, a button, Enter in a form, an address): the
# document is checked just before. Typing, ticking and choosing stay on it; the next of these checks
# the state they left it in.
_LEAVING_LOCATOR = ("click", "dblclick", "tap", "press", "dispatch_event")
_LEAVING_PAGE = ("goto", "reload", "go_back", "go_forward", "close", *_LEAVING_LOCATOR)
# The document went away while it was being checked: whatever replaced it is checked in its turn.
_GONE = ("Execution context was destroyed", "Target page, context or browser has been closed", "has been closed")


@cache
def axe_source() -> str:
    if not AXE_PATH.exists():
        raise FileNotFoundError(f"{AXE_PATH} not found: run `npm ci`")
    return AXE_PATH.read_text()


def axe_violations(page: Page) -> list[dict]:
    # page.evaluate goes through the DevTools protocol, which the page's CSP (script-src 'self')
    # does not govern, so axe runs with the CSP still on: no bypass_csp context is needed.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    return page.evaluate(_RUN_AXE, AXE_TAGS)["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    at {' '.join(map(str, node['target']))}" for node in violation["nodes"])
    return "\n".join(lines)


def _report(url: str, violations: list[dict]) -> str:
    return f"axe found {len(violations)} violation(s) on {url}:\n{describe(violations)}"


class AxeWatch:
    """Checks every document a test's pages show, once per address and state, whether the test asks or not.

    install() puts the check in front of everything that may leave a page: clicking, pressing a key,
    goto, reload, back, forward, closing a page or a context. Playwright's click waits for the
    navigation it starts, so the next of these finds the new page. What each page shows when the test
    ends is checked by finish(), which fails the test with every violation found, each naming the
    address and the rules. A document already gone (a script navigated) is skipped.
    """

    def __init__(self) -> None:
        self.checked: dict[str, list[dict]] = {}
        self.problems: list[str] = []
        self.contexts: list[BrowserContext] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every context the test makes is watched; every way of leaving a page checks it first."""
        new_context, close_context = Browser.new_context, BrowserContext.close

        def watched_context(browser: Browser, *args: Any, **kwargs: Any) -> BrowserContext:
            made = new_context(browser, *args, **kwargs)
            self.contexts.append(made)
            return made

        def closed_after_checking(context: BrowserContext, *args: Any, **kwargs: Any) -> None:
            for page in context.pages:
                self.check_quietly(page)
            close_context(context, *args, **kwargs)

        monkeypatch.setattr(Browser, "new_context", watched_context)
        monkeypatch.setattr(BrowserContext, "close", closed_after_checking)
        for name in _LEAVING_PAGE:
            monkeypatch.setattr(Page, name, self._checked_first(getattr(Page, name), lambda page: page))
        for name in _LEAVING_LOCATOR:
            monkeypatch.setattr(Locator, name, self._checked_first(getattr(Locator, name), lambda loc: loc.page))

    def _checked_first(self, method: Callable[..., Any], page_of: Callable[[Any], Page]) -> Callable[..., Any]:
        def checked(target: Any, *args: Any, **kwargs: Any) -> Any:
            self.check_quietly(page_of(target))
            return method(target, *args, **kwargs)

        return checked

    def check(self, page: Page) -> list[dict]:
        """The violations on the page's document as it is now (kept from before if it was checked)."""
        page.wait_for_load_state("load")
        state = page.evaluate(_STATE)
        if state is None:
            return []
        if state not in self.checked:
            violations = axe_violations(page)
            self.checked[state] = violations
            if violations:
                self.problems.append(_report(page.url, violations))
        return self.checked[state]

    def check_quietly(self, page: Page) -> None:
        """Check on the way out, keeping what is found for finish(); a document already gone is skipped."""
        if page.is_closed():
            return
        try:
            self.check(page)
        except Error as error:
            if not any(gone in error.message for gone in _GONE):
                self.problems.append(f"axe could not check {page.url}: {error.message}")

    def finish(self) -> None:
        for context in self.contexts:
            for page in context.pages:
                self.check_quietly(page)
        assert not self.problems, "\n\n".join(self.problems)


_current: AxeWatch | None = None


def watching(watch: AxeWatch | None) -> None:
    """Make the test's watch the one assert_accessible shares its results with (None after the test)."""
    global _current
    _current = watch


def assert_accessible(page: Page) -> None:
    """Check the page now, for a state no navigation leads to (a menu opened); shares the watch's results."""
    violations = _current.check(page) if _current else axe_violations(page)
    assert not violations, _report(page.url, violations)
