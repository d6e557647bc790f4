"""Page objects for the audit log as an auditor uses it: the log and its search, a case's access
report, the chain's check and the integrity certificate. Each checks the page with axe when it is
reached, so no journey can forget to."""

from accessibility import assert_accessible
from playwright.sync_api import Locator, Page, expect


class _AuditPage:
    heading_text = ""

    def __init__(self, page: Page) -> None:
        self.page = page
        expect(page.locator("h1")).to_contain_text(self.heading_text)
        assert_accessible(page)

    def width(self) -> int:
        """How wide the document is: more than the window means the page scrolls sideways."""
        return self.page.evaluate("document.documentElement.scrollWidth")


class AuditLogPage(_AuditPage):
    heading_text = "Audit log"

    @classmethod
    def open(cls, page: Page) -> "AuditLogPage":
        page.goto("/audit/")
        return cls(page)

    def row_link(self, reference: str) -> Locator:
        return self.page.get_by_role("link", name=f"Case {reference}").first

    def find_case(self, reference: str) -> "AuditLogPage":
        self.page.locator("summary", has_text="Find entries").click()
        self.page.get_by_label("Case reference").fill(reference)
        self.page.get_by_role("button", name="Find entries").click()
        return AuditLogPage(self.page)

    @property
    def subject(self) -> Locator:
        return self.page.get_by_test_id("subject")

    def access_report(self, reference: str) -> "AccessReportPage":
        self.page.get_by_role("link", name=f"See the access report for {reference}").click()
        return AccessReportPage(self.page)

    def check_page(self) -> "VerifyPage":
        self.page.get_by_role("link", name="Check the log has not been altered").click()
        return VerifyPage(self.page)


class AccessReportPage(_AuditPage):
    heading_text = "Who opened or changed case"

    @property
    def rows(self) -> Locator:
        return self.page.get_by_test_id("access-report").locator("tbody tr")

    def download_csv(self) -> str:
        with self.page.expect_download() as download:
            self.page.get_by_role("link", name="Download these entries as a spreadsheet (CSV)").click()
        path = download.value.path()
        with open(path, encoding="utf-8") as stream:
            return stream.read()


class VerifyPage(_AuditPage):
    heading_text = "Check the audit log has not been altered"

    @property
    def last_check(self) -> Locator:
        return self.page.get_by_test_id("last-check")

    def start(self) -> "VerifyPage":
        """Start the check, follow the task's page to its end and come back here with the result."""
        self.page.get_by_role("button", name="Start the check").click()
        self.page.get_by_role("link", name="Continue").click()
        return VerifyPage(self.page)

    def certificate(self) -> "CertificatePage":
        self.page.get_by_role("link", name="Print the integrity certificate for this check").click()
        return CertificatePage(self.page)


class CertificatePage(_AuditPage):
    heading_text = "Audit log integrity certificate"

    @property
    def statement(self) -> Locator:
        return self.page.get_by_test_id("certificate-statement")
