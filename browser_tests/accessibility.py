"""Run axe-core in a page and fail the test on any violation."""

from functools import cache
from pathlib import Path

from django.conf import settings
from playwright.sync_api import Page

AXE_PATH = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA (the public sector accessibility regulations' bar) plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"


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


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n{describe(violations)}"
