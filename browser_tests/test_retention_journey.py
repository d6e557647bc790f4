"""The lead keeps the council's data protection duties (issue 15, item 5): opens the list of records
past their retention date, puts one case on legal hold (it leaves the list), anonymises another that
is due (it leaves the list, the person's name is gone and the figures keep it), and downloads the
subject access archive of a third. At 1280 and 320 pixels wide; axe checks every page on the way."""

import io
import zipfile
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.utils import timezone
from pages import BasePage
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tackle.cases.models import Case
from tackle.cases.tests.factories import make_case
from tackle.core.roles import Role

pytestmark = pytest.mark.browser


class RetentionReviewPage(BasePage):
    path = "/cases/retention/"

    @property
    def due(self):
        return self.page.get_by_test_id("retention-due")

    def put_on_hold(self, reference: str, reason: str) -> "RetentionReviewPage":
        self.page.get_by_role("link", name="Put a case on legal hold").click()
        self.page.get_by_label("Case reference").fill(reference)
        self.page.get_by_label("Why must the case be kept?").fill(reason)
        self.page.get_by_role("button", name="Put on legal hold").click()
        return self

    def anonymise(self, reference: str, reason: str) -> "RetentionReviewPage":
        self.due.get_by_role("row").filter(has_text=reference).get_by_role("link", name="Decide").click()
        self.page.get_by_label("Anonymise it", exact=False).check()
        self.page.get_by_label("Reason for the decision").fill(reason)
        self.page.get_by_role("button", name="Record the decision").click()
        return self

    def subject_access_archive(self, reference: str) -> zipfile.ZipFile:
        self.page.get_by_role("link", name="Answer a subject access request").click()
        self.page.get_by_label("Case reference").fill(reference)
        self.page.get_by_role("button", name="Continue").click()
        expect(self.heading).to_have_text("Subject access request")
        with self.page.expect_download() as download:
            self.page.get_by_role("button", name="Download the archive").click()
        with open(download.value.path(), "rb") as archive:
            return zipfile.ZipFile(io.BytesIO(archive.read()))


@pytest.fixture(params=[1280, 320], ids=["wide", "narrow"])
def screen(request, browser: Browser, live_server) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": request.param, "height": 800})
    context.set_default_timeout(10_000)
    yield context
    context.close()


def _signed_in(context: BrowserContext, live_server, client_for, user) -> Page:
    from django.conf import settings

    cookie = client_for(user).cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url, "httpOnly": True}])
    return context.new_page()


def test_the_lead_holds_anonymises_and_answers_a_subject_access_request(
    screen, live_server, client_for, make_user, council_a
) -> None:
    lead = make_user(Role.MODERN_SLAVERY_LEAD, council_a, username="lead-priya")
    closed_long_ago = timezone.now() - timedelta(days=365 * 30)
    held, due, asked = (
        make_case(council_a, lead, person_name=name, status="closed", closed_at=closed_long_ago)
        for name in ("Ana Petrova", "Ion Rusu", "Mara Ilie")
    )

    review = RetentionReviewPage(_signed_in(screen, live_server, client_for, lead)).open()
    expect(review.heading).to_have_text("Records past their retention date")
    for case in (held, due):
        expect(review.due).to_contain_text(case.reference)

    review.put_on_hold(held.reference, "Employment tribunal claim")
    expect(review.page.get_by_test_id("legal-holds")).to_contain_text(held.reference)
    expect(review.due).not_to_contain_text(held.reference)

    review.anonymise(due.reference, "Past its period; nothing further needed")
    expect(review.page.locator(".govuk-notification-banner")).to_contain_text(f"Decision on {due.reference}")
    expect(review.due).not_to_contain_text(due.reference)
    anonymised = Case.objects.get(pk=due.pk)
    assert anonymised.person_name == "" and anonymised.status == "closed"

    archive = review.subject_access_archive(asked.reference)
    assert "index.txt" in archive.namelist()
    assert "Mara Ilie" in "".join(archive.read(name).decode(errors="replace") for name in archive.namelist())
