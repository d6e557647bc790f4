"""Page objects: what a person can do on each page, so tests read as journeys, not selectors.

Every page they reach is checked with axe by the browser tests' conftest (AxeWatch), so they do not
call it themselves; assert_accessible is for a state no navigation leads to.
"""

from datetime import date, datetime
from typing import Self

from playwright.sync_api import Locator, Page, expect


def fill_date(page: Page, label: str, value: "date | str") -> None:
    """Type a date (a datetime: and its time) into the GOV.UK date input whose legend is `label`."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    group = page.get_by_role("group", name=label, exact=True)
    parts = {"Day": value.day, "Month": value.month, "Year": value.year}
    if isinstance(value, datetime):
        parts |= {"Hour": value.hour, "Minute": value.minute}
    for box, number in parts.items():
        group.get_by_label(box, exact=True).fill(str(number))


class BasePage:
    path = "/"

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self) -> Self:
        self.page.goto(self.path)
        return self

    @property
    def heading(self) -> Locator:
        return self.page.locator("h1")

    @property
    def error_summary(self) -> Locator:
        return self.page.locator(".govuk-error-summary")

    @property
    def organisation_name(self) -> Locator:
        return self.page.get_by_test_id("organisation-name")

    @property
    def demo_banner(self) -> Locator:
        return self.page.get_by_test_id("demo-banner")

    def nav_labels(self) -> list[str]:
        return [text.strip() for text in self.page.locator("#navigation a").all_inner_texts()]

    def nav_paths(self) -> list[str]:
        return [link.get_attribute("href") or "" for link in self.page.locator("#navigation a").all()]

    def choose_language(self, code: str) -> None:
        """The header's English | Cymraeg switch (issue 21). A screen reader hears "Change the language
        to English" or "Newid yr iaith i'r Gymraeg", so the link is found by its hreflang; the click goes
        to the word a person sees (the link's first box is the empty start of its hidden words)."""
        self.page.get_by_test_id("language-switch").locator(f'a[hreflang="{code}"] [aria-hidden="true"]').click()

    def expect_language(self, code: str) -> None:
        expect(self.page.locator("html")).to_have_attribute("lang", code)

    def sign_out(self) -> "SignInPage":
        self.page.get_by_role("button", name="Sign out").click()
        return SignInPage(self.page)


class SignInPage(BasePage):
    path = "/account/sign-in"

    def sign_in(self, username: str, password: str) -> None:
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()

    def expect_here(self) -> None:
        expect(self.heading).to_have_text("Sign in to Tackle")


class TwoFactorSetupPage(BasePage):
    path = "/account/two-factor/setup"

    def secret(self) -> str:
        return self.page.get_by_test_id("totp-secret").inner_text().strip()

    def enter_code(self, code: str) -> None:
        self.page.get_by_label("Code from your authenticator app").fill(code)
        self.page.get_by_role("button", name="Continue").click()


class HomePage(BasePage):
    path = "/"

    def expect_here(self) -> None:
        expect(self.heading).to_contain_text("Welcome,")


class TokensPage(BasePage):
    path = "/account/tokens/"

    @property
    def new_token(self) -> Locator:
        return self.page.get_by_test_id("new-token")

    def create(
        self, name: str, *, scope: str = "Read only", modules: tuple[str, ...] = (), expires_on: str = ""
    ) -> None:
        self.page.get_by_label("Token name").fill(name)
        self.page.get_by_label(scope, exact=True).check()
        for module in modules:
            self.page.get_by_label(module, exact=True).check()
        if expires_on:
            fill_date(self.page, "Expires on", expires_on)
        self.page.get_by_role("button", name="Create token").click()

    def row(self, name: str) -> Locator:
        return self.page.locator("tbody tr").filter(has=self.page.get_by_role("cell", name=name, exact=True))

    def revoke(self, name: str) -> None:
        # The link's accessible name carries the token name, so a screen reader user knows which.
        self.page.get_by_role("link", name=f"Revoke {name}").click()
        _confirm_token_revoke(self.page, name)


class OrganisationTokensPage(BasePage):
    """The administrator's list of everyone's tokens in the organisation."""

    path = "/account/organisation/tokens/"

    def row(self, owner: str, name: str) -> Locator:
        return self.page.locator("tbody tr").filter(has_text=owner).filter(has_text=name)

    def revoke(self, owner: str, name: str) -> None:
        self.page.get_by_role("link", name=f"Revoke {owner}'s token {name}").click()
        _confirm_token_revoke(self.page, name, owner)


def _confirm_token_revoke(page: Page, name: str, owner: str = "") -> None:
    """The check page (issue 18): it names the token (and its owner) before the revoke, axe-clean."""
    expect(page.locator("h1")).to_have_text("Revoke this API token")
    summary = page.get_by_test_id("revoke-summary")
    expect(summary).to_contain_text(name)
    if owner:
        expect(summary).to_contain_text(owner)
    page.get_by_role("button", name="Revoke token").click()


class UsersPage(BasePage):
    path = "/account/users/"

    def invite(self) -> "InviteUserPage":
        self.page.get_by_role("button", name="Invite a user").click()
        return InviteUserPage(self.page)


class InviteUserPage(BasePage):
    path = "/account/users/invite"

    def send(self, *, first_name: str, last_name: str, email: str, username: str, role: str) -> "UserPage":
        self.page.get_by_label("First name").fill(first_name)
        self.page.get_by_label("Last name").fill(last_name)
        self.page.get_by_label("Email address").fill(email)
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label(role, exact=True).check()
        self.page.get_by_role("button", name="Send invitation").click()
        return UserPage(self.page)


class UserPage(BasePage):
    """One user's page for the administrator: a summary list and what can be done to the account."""

    @property
    def role(self) -> Locator:
        return self.page.get_by_test_id("user-role")

    @property
    def status(self) -> Locator:
        return self.page.get_by_test_id("user-status")

    def change_role(self, role: str) -> None:
        self.page.get_by_role("link", name="Change role").click()
        self.page.get_by_label(role, exact=True).check()
        self.page.get_by_role("button", name="Save").click()

    def open_deactivate(self) -> None:
        self.page.get_by_role("button", name="Deactivate user").click()

    def confirm(self, button: str) -> None:
        self.page.get_by_role("button", name=button).click()


class SetPasswordPage(BasePage):
    path = "/account/invitation/"

    def set_password(self, password: str) -> None:
        self.page.get_by_label("Create a password").fill(password)
        self.page.get_by_label("Confirm your password").fill(password)
        self.page.get_by_role("button", name="Set password").click()


class CasePage(BasePage):
    def __init__(self, page: Page, case_uuid: str) -> None:
        super().__init__(page)
        self.path = f"/cases/{case_uuid}/"

    @property
    def allocated_to(self) -> Locator:
        return self.page.get_by_test_id("allocated-to")

    @property
    def reminders_reach(self) -> Locator:
        return self.page.get_by_test_id("reminders-reach")

    def allocate(self) -> "AllocationPage":
        self.page.get_by_role("link", name="Allocate the case").click()
        return AllocationPage(self.page)

    def timeline(self) -> Locator:
        self.page.get_by_test_id("timeline-link").click()
        return self.page.get_by_test_id("timeline")


class AllocationPage(BasePage):
    def allocate(self, *, worker: str, handover_note: str) -> None:
        self.page.get_by_label("Who should have the case?").select_option(label=worker)
        self.page.get_by_label("Handover note").fill(handover_note)
        self.page.get_by_role("button", name="Allocate").click()


class NotificationsPage(BasePage):
    path = "/account/notifications/"

    @property
    def header_link(self) -> Locator:
        return self.page.get_by_test_id("notifications-link")

    @property
    def notifications(self) -> Locator:
        return self.page.get_by_test_id("notifications")

    def follow(self, subject: str) -> None:
        self.notifications.get_by_role("link", name=subject).click()


class VisitedPage(BasePage):
    """Any page by its address: it must answer 200 (axe checks it, as every page)."""

    def __init__(self, page: Page, path: str) -> None:
        super().__init__(page)
        self.path = path

    def open(self) -> Self:
        response = self.page.goto(self.path)
        assert response is not None and response.status == 200, f"{self.path} answered {response and response.status}"
        return self

    def scroll_width(self) -> int:
        """How wide the document is: more than the window means the page scrolls sideways."""
        return self.page.evaluate("document.documentElement.scrollWidth")

    def more_paths(self) -> list[str]:
        """The pages grouped under "More", read from the More page (empty when the menu has no More)."""
        more = self.page.locator("#navigation a", has_text="More")
        if not more.count():
            return []
        self.page.goto(more.get_attribute("href") or "")
        return [
            link.get_attribute("href") or "" for link in self.page.get_by_test_id("more-entries").locator("a").all()
        ]


class HomeCountersPage(HomePage):
    """The home page's counters, each a link to the list it counts."""

    def counter(self, label: str) -> Locator:
        return self.page.get_by_test_id("counters").get_by_role("link", name=label)

    @property
    def start_button(self) -> Locator:
        return self.page.get_by_role("button", name="Record a concern")


class ServicePage(VisitedPage):
    """The accessibility statement, privacy notice, cookies or contact page, reached from the footer."""

    @classmethod
    def from_footer(cls, page: Page, link: str) -> "ServicePage":
        page.get_by_test_id("footer-links").get_by_role("link", name=link).click()
        return cls(page, page.url)

    @property
    def text(self) -> Locator:
        return self.page.get_by_test_id("service-page")


def _fits_the_window(page: Page, title: str) -> None:
    """WCAG 2.2 reflow: nothing scrolls sideways, however narrow the phone."""
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{title}: {width} px wider than the window"


class ConcernStepPage(BasePage):
    """One question of a concern recorded step by step (issue 18): no wider than the window (and
    axe-checked, as every page). Answers are typed by the one-page form's field names (`person2-age`)."""

    path = "/cases/concerns/record"

    def __init__(self, page: Page, title: str) -> None:
        super().__init__(page)
        expect(self.heading).to_have_text(title)
        expect(page.locator(".govuk-caption-l")).to_have_text("Record a concern")
        _fits_the_window(page, title)

    def fill(self, name: str, value: str) -> None:
        self.page.locator(f"[name='{name}']").fill(value)

    def choose(self, name: str, value: str) -> None:
        self.page.locator(f"input[name='{name}'][value='{value}']").check()

    def seen_at(self, when: datetime) -> None:
        """The date and time seen, in the GOV.UK date input's boxes or the one box it replaced."""
        boxes = self.page.locator("[name='encountered_at-day']")
        if boxes.count():
            parts = {"day": "%d", "month": "%m", "year": "%Y", "hour": "%H", "minute": "%M"}
            for part, code in parts.items():
                self.fill(f"encountered_at-{part}", when.strftime(code))
        else:
            self.fill("encountered_at", when.strftime("%Y-%m-%dT%H:%M"))

    def next(self, title: str) -> "ConcernStepPage":
        self.page.get_by_role("button", name="Continue").click()
        return ConcernStepPage(self.page, title)

    def back(self, title: str) -> "ConcernStepPage":
        self.page.get_by_role("link", name="Back").click()
        return ConcernStepPage(self.page, title)

    def to_check(self) -> "CheckConcernPage":
        self.page.get_by_role("button", name="Continue").click()
        return CheckConcernPage(self.page)


class CheckConcernPage(BasePage):
    """Check your answers before a concern is sent: a summary list for the concern and each person,
    no wider than the window."""

    def __init__(self, page: Page) -> None:
        super().__init__(page)
        expect(self.heading).to_have_text("Check your answers before sending")
        _fits_the_window(page, "Check your answers")

    def answer(self, section: str, key: str) -> Locator:
        rows = self.page.locator("h2", has_text=section).locator("xpath=following-sibling::dl[1]")
        return rows.locator(".govuk-summary-list__row", has=self.page.locator("dt", has_text=key)).locator("dd").first

    def change(self, section: str, key: str, title: str) -> ConcernStepPage:
        self.page.get_by_role("link", name=f"Change {key.lower()} ({section.lower()})").click()
        return ConcernStepPage(self.page, title)

    def send(self) -> None:
        self.page.get_by_role("button", name="Send to the modern slavery lead").click()
