"""Explanations in the person's language (issue 21, item 4): the lead edits and approves the Welsh
text on agreeing to a referral; an officer asks a Welsh speaker, shows them the Welsh explanation
(marked lang="cy") and records consent; the case names the text, its version, the language and the
interpreter who read it."""

import pytest
from casework_pages import CaseDetailPage
from playwright.sync_api import Locator, Page, expect

from tackle.core.roles import Role

pytestmark = pytest.mark.browser

NEW_WELSH = "Chi sy'n dewis. Gallwch ddweud na."


class ExplanationTextsPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        expect(page.locator("h1")).to_have_text("Explanation texts")

    @classmethod
    def open(cls, page: Page) -> "ExplanationTextsPage":
        page.goto("/cases/settings/explanations")
        return cls(page)

    def table(self, language: str) -> Locator:
        return self.page.get_by_test_id(f"explanations-{language.lower()}")

    def edit(self, explanation: str, language: str, *, body: str) -> None:
        row = self.table(language).get_by_role("row").filter(has=self.page.get_by_role("rowheader", name=explanation))
        row.get_by_role("link", name="Edit").click()
        self.page.get_by_label("Text", exact=True).fill(body)
        self.page.get_by_role("button", name="Save").click()

    def approve(self, number: int) -> None:
        self.page.get_by_role("link", name=f"Approve version {number}").click()
        self.page.get_by_role("button", name="Approve and offer").click()


class ConsentPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        expect(page.locator("h1")).to_have_text("Record their answer about the NRM")

    @classmethod
    def open(cls, page: Page, case_uuid: str) -> "ConsentPage":
        page.goto(f"/cases/{case_uuid}/consent")
        return cls(page)

    def show_explanation_in(self, language: str) -> Locator:
        self.page.get_by_label("The person's language").select_option(language)
        self.page.get_by_role("button", name="Show the explanation").click()
        return self.page.locator("#explanation-text")

    def record_yes_read_by_interpreter(self, *, agency: str) -> CaseDetailPage:
        self.page.get_by_role("group", name="Do they agree to be referred to the NRM?").get_by_label("Yes").check()
        self.page.get_by_role("group", name="Interpreter").get_by_label("In person").check()
        self.page.get_by_label("Interpreting agency").fill(agency)
        self.page.get_by_label("An interpreter read the explanation to them").check()
        self.page.get_by_role("button", name="Save").click()
        return CaseDetailPage(self.page)


def test_the_officer_reads_the_approved_welsh_text_and_the_case_names_it(
    page: Page, sign_in_browser, make_user, council_a, frontline_a, lead_a, record_concern
) -> None:
    case = record_concern(frontline_a, person_name="Gwen", appears_under_18=False)

    sign_in_browser(lead_a)
    texts = ExplanationTextsPage.open(page)
    expect(texts.table("Welsh")).to_contain_text("Version 1")
    texts.edit("Agreeing to a referral", "Welsh", body=NEW_WELSH)
    expect(page.get_by_text("Waiting for approval")).to_be_visible()
    texts.approve(2)
    expect(page.locator(".govuk-tag--green").first).to_have_text("Offered")

    sign_in_browser(make_user(Role.SAFEGUARDING_MANAGER, council_a))
    consent = ConsentPage.open(page, str(case.uuid))
    explanation = consent.show_explanation_in("Welsh")
    expect(explanation).to_have_attribute("lang", "cy")
    expect(explanation).to_contain_text("Gallwch ddweud na.")
    expect(explanation).to_contain_text("Beth yw'r NRM")
    case_page = consent.record_yes_read_by_interpreter(agency="Iaith Cyf")

    encounter = case_page.summary_card("When and where they were seen")
    expect(encounter).to_contain_text("Agreeing to a referral (version 2)")
    expect(encounter).to_contain_text("in Welsh, read by an interpreter")
    expect(encounter).to_contain_text("Interpreter: in person, Iaith Cyf")

    case.refresh_from_db()
    assert case.consent_to_nrm is True
    assert sorted(case.consent_explanations.values_list("kind", "number")) == [
        ("consent", 2),
        ("duty-to-notify", 1),
        ("nrm", 1),
        ("rights", 1),
    ]
