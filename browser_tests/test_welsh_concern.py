"""Issue 21: a frontline officer of a council with a Welsh language service switches to Cymraeg in
the header and records a concern from first question to the case page, every page in Welsh with
lang="cy" (and axe-clean, as every page: conftest). The Welsh is read from the catalogue, so the test
follows the translation rather than repeating it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pages import BasePage
from playwright.sync_api import Page, expect
from welsh import cy

from tackle.accounts.models import OrganisationSettings
from tackle.cases.models import Case

pytestmark = pytest.mark.browser


def _in_welsh(page: Page, english_heading: str) -> BasePage:
    here = BasePage(page)
    expect(here.heading).to_have_text(cy(english_heading))
    here.expect_language("cy")
    return here


def _step(page: Page, english_title: str, person: int = 0) -> None:
    title = (
        cy("{title}: person {number}").format(title=cy(english_title), number=person) if person else cy(english_title)
    )
    expect(BasePage(page).heading).to_have_text(title)
    expect(page.locator(".govuk-caption-l")).to_have_text(cy("Record a concern"))
    BasePage(page).expect_language("cy")


def _continue(page: Page) -> None:
    page.get_by_role("button", name=cy("Continue")).click()


def test_a_frontline_officer_records_a_concern_in_welsh(page: Page, sign_in_browser, frontline_a) -> None:
    OrganisationSettings.objects.create(organisation=frontline_a.organisation, welsh_language_service=True)
    sign_in_browser(frontline_a)
    page.goto("/")
    home = BasePage(page)
    home.expect_language("en-gb")
    home.choose_language("cy")
    home.expect_language("cy")
    page.get_by_role("button", name=cy("Record a concern")).click()

    _step(page, "When and where did you see this?")
    seen = timezone.localtime() - timedelta(hours=2)
    for part, code in {"day": "%d", "month": "%m", "year": "%Y", "hour": "%H", "minute": "%M"}.items():
        page.locator(f"[name='encountered_at-{part}']").fill(seen.strftime(code))
    _continue(page)  # no place given: the error is in Welsh, on this page
    expect(BasePage(page).error_summary).to_contain_text(cy("Enter where you saw this"))
    page.locator("[name='location']").fill("Golchfa Geir Sparkle, 2 Lôn y Felin")
    _continue(page)
    _step(page, "What did you see or hear?")
    page.locator("[name='what_was_seen']").fill("Dau weithiwr yn cysgu yn yr ystafell gefn.")
    _continue(page)
    _step(page, "What did you notice?")
    page.locator("input[name='indicators'][value='little_or_no_pay']").check()
    _continue(page)
    _step(page, "What kind of exploitation might it be?")
    page.locator("input[name='exploitation_types'][value='labour']").check()
    _continue(page)
    _step(page, "Who is the concern about?")
    _continue(page)
    _step(page, "About the person", person=1)
    page.locator("[name='person_name']").fill("Arben")
    page.locator("[name='age']").fill("34")
    for title in ("About the person", "Their nationality and language", "Their safety and needs"):
        _step(page, title, person=1)
        _continue(page)
    _step(page, "Referral and sharing", person=1)
    page.locator("input[name='consent_to_nrm'][value='yes']").check()
    _continue(page)
    _step(page, "Anyone else?")
    page.locator("input[name='another-1-another'][value='no']").check()
    _continue(page)

    _in_welsh(page, "Check your answers before sending")
    assert not Case.objects.exists()  # nothing is saved before it is sent
    page.get_by_role("button", name=cy("Send to the modern slavery lead")).click()

    _in_welsh(page, "Concern recorded")
    expect(page.get_by_role("heading", name=cy("What happens next"))).to_be_visible()
    page.get_by_role("link", name=cy("View the concern")).click()

    case = Case.objects.get()
    case_page = BasePage(page)
    expect(case_page.heading).to_contain_text("Arben")
    case_page.expect_language("cy")
    expect(page.locator(".govuk-back-link")).to_have_text(cy("All cases"))
    section_headings = [cy(english) for english in ("Actions", "NRM journey", "What was recorded")]
    for heading in section_headings:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.locator("h2", has_text="NRM journey")).to_have_count(0)  # the English heading is gone
    assert case.reference in page.locator(".govuk-caption-l").inner_text()
