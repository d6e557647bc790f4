"""Page objects for daily casework: the concern form with several people, the encounter page, a
case's Change pages and its timeline. Each checks the page with axe when it is reached, so no
journey can forget to."""

from datetime import date, datetime

from accessibility import assert_accessible
from pages import fill_date
from playwright.sync_api import Locator, Page, expect


class ConcernFormPage:
    """The concern form. The first person's fields have plain names; person N's are prefixed personN-."""

    def __init__(self, page: Page) -> None:
        self.page = page
        expect(page.locator("h1")).to_have_text("Record a concern")
        assert_accessible(page)

    @classmethod
    def open(cls, page: Page) -> "ConcernFormPage":
        page.goto("/cases/concerns/new")
        return cls(page)

    def describe(self, *, seen_at: datetime, where: str, what: str, exploitation: str) -> None:
        fill_date(self.page, "When did you see this?", seen_at)
        self.page.get_by_label("Where?").fill(where)
        self.page.get_by_label("What did you see or hear?").fill(what)
        self.page.get_by_label(exploitation, exact=True).check()

    def person(self, number: int, *, name: str, age: int, consents: bool, refusal_reason: str = "") -> None:
        prefix = "" if number == 1 else f"person{number}-"
        self.page.locator(f"#id_{prefix}person_name").fill(name)
        self.page.locator(f"#id_{prefix}age").fill(str(age))
        answer = "yes" if consents else "no"
        self.page.locator(f"input[name='{prefix}consent_to_nrm'][value='{answer}']").check()
        if refusal_reason:
            self.page.locator(f"#id_{prefix}refusal_reason").fill(refusal_reason)

    def add_another_person(self, number: int) -> None:
        self.page.get_by_role("button", name="Add another person").click()
        expect(self.page.get_by_role("heading", name=f"Person {number}")).to_be_visible()
        assert_accessible(self.page)

    def send(self) -> "EncounterPage":
        self.page.get_by_role("button", name="Send to the modern slavery lead").click()
        return EncounterPage(self.page)


class EncounterPage:
    """The people met together, a row each with their case and path."""

    def __init__(self, page: Page) -> None:
        self.page = page
        expect(page.locator("h1")).to_have_text("People met together")
        assert_accessible(page)

    @property
    def rows(self) -> Locator:
        return self.page.get_by_test_id("encounter-cases").locator("tbody tr")

    def path_of(self, name: str) -> Locator:
        return self.rows.filter(has_text=name).get_by_test_id("path")


class CaseDetailPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)

    @classmethod
    def open(cls, page: Page, case_uuid: str) -> "CaseDetailPage":
        page.goto(f"/cases/{case_uuid}/")
        return cls(page)

    def summary_card(self, title: str) -> Locator:
        return self.page.locator(".govuk-summary-card", has=self.page.get_by_role("heading", name=title))

    def change(self, title: str) -> "ChangePage":
        self.page.get_by_role("link", name=f"Change {title.lower()}").click()
        return ChangePage(self.page, title)

    def timeline(self) -> "TimelinePage":
        self.page.get_by_test_id("timeline-link").click()
        return TimelinePage(self.page)


class ChangePage:
    """One group of a case's details, corrected with a reason."""

    def __init__(self, page: Page, title: str) -> None:
        self.page = page
        expect(page.locator("h1")).to_contain_text(title)
        assert_accessible(page)

    def correct_person(self, *, name: str, date_of_birth: date, reason: str) -> CaseDetailPage:
        self.page.get_by_label("Full name").fill(name)
        fill_date(self.page, "Date of birth", date_of_birth)
        self.page.get_by_label("Why are you making this change?").fill(reason)
        self.page.get_by_role("button", name="Save").click()
        return CaseDetailPage(self.page)


class TimelinePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        expect(page.locator("h1")).to_have_text("Timeline")
        assert_accessible(page)

    @property
    def entries(self) -> Locator:
        return self.page.get_by_test_id("timeline")
