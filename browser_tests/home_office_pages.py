"""Page objects for the Home Office form: the task list, a section's question page and the pack.
Each checks the page with axe when it is reached, so no journey can forget to."""

from accessibility import assert_accessible
from playwright.sync_api import Download, Locator, Page, expect


class HomeOfficeFormPage:
    """The task list: each section with its status, and what is still missing."""

    def __init__(self, page: Page) -> None:
        self.page = page
        expect(page.locator(".govuk-task-list")).to_be_visible()
        assert_accessible(page)

    @classmethod
    def from_case_page(cls, page: Page) -> "HomeOfficeFormPage":
        page.get_by_role("link", name="Fill in the Home Office form").click()
        return cls(page)

    @property
    def missing(self) -> Locator:
        return self.page.locator("#missing")

    def section_titles(self) -> list[str]:
        return [text.strip() for text in self.page.locator(".govuk-task-list__link").all_inner_texts()]

    def status_of(self, title: str) -> Locator:
        return self.page.locator(".govuk-task-list__item", has_text=title).locator(".govuk-task-list__status")

    def open_section(self, title: str) -> "SectionPage":
        self.page.get_by_role("link", name=title, exact=True).click()
        return SectionPage(self.page)

    def open_pack(self) -> "PackPage":
        self.page.get_by_role("link", name="Open the referral pack").click()
        return PackPage(self.page)


class SectionPage:
    """One section's questions. `answer_everything` answers what is asked, then what its answers open."""

    def __init__(self, page: Page) -> None:
        self.page = page
        assert_accessible(page)

    def _answer_what_is_shown(self) -> None:
        page = self.page
        for name in {radio.get_attribute("name") for radio in page.locator("input[type=radio]").all()}:
            group = page.locator(f'input[type=radio][name="{name}"]')
            if not any(each.is_checked() for each in group.all()):
                group.first.check()
        for name in {box.get_attribute("name") for box in page.locator("input[type=checkbox]").all()}:
            group = page.locator(f'input[type=checkbox][name="{name}"]')
            if not any(each.is_checked() for each in group.all()):
                group.first.check()
        for kind, text in (("textarea", "Told to the officer at the first meeting"), ("input[type=text]", "Leeds")):
            for field in page.locator(f"main {kind}").all():
                if not field.input_value():
                    field.fill(text)
        for field in page.locator("main select").all():  # a long list: its first real option
            if not field.input_value():
                field.select_option(index=1)
        for field in page.locator("main input[type=email]").all():
            field.fill(field.input_value() or "contact@example.org")
        for field in page.locator("main input[type=number]").all():
            field.fill(field.input_value() or "1")

    def answer_everything(self) -> HomeOfficeFormPage:
        for _ in range(4):  # a yes may open a follow-up question on the same page
            self._answer_what_is_shown()
            self.page.get_by_role("button", name="Save and continue").click()
            if self.page.locator(".govuk-task-list").count():
                return HomeOfficeFormPage(self.page)
            assert_accessible(self.page)
        raise AssertionError("The section kept asking after four rounds of answers")


class PackPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        expect(page.locator("h1")).to_contain_text("pack")
        assert_accessible(page)

    def download_pdf(self) -> Download:
        with self.page.expect_download() as download:
            self.page.get_by_role("link", name="Download as PDF").click()
        return download.value
