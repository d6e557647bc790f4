"""The auditor finds who opened a person's record without ever seeing the person (issue 18): the log
names the case, a search by its reference gives every entry, the access report says who, when and
from which organisation, the CSV carries the same; then the chain's check is run, its result stays
on the page after "Continue" and prints as a dated certificate. At 1280 and 320 pixels wide."""

from collections.abc import Iterator

import pytest
from audit_pages import AuditLogPage
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.cases.services.case import ConcernDetails, case_record_concern
from tackle.core.roles import Role

pytestmark = pytest.mark.browser


@pytest.fixture(params=[1280, 320], ids=["wide", "narrow"])
def screen(request, browser: Browser, live_server) -> Iterator[tuple[BrowserContext, int]]:
    width = request.param
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 800})
    context.set_default_timeout(10_000)
    yield context, width
    context.close()


@pytest.fixture
def checks_run_at_once(settings, tmp_path) -> None:
    # The check runs in the request instead of waiting for a worker; its checkpoints are this test's.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.TACKLE_AUDIT_CHECKPOINT_FILE = tmp_path / "audit-checkpoints.log"


def _signed_in(context: BrowserContext, live_server, client_for, user) -> Page:
    from django.conf import settings

    cookie = client_for(user).cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url, "httpOnly": True}])
    return context.new_page()


def test_the_auditor_follows_a_case_and_certifies_the_log(
    screen, live_server, client_for, make_user, council_a, police_partner, checks_run_at_once
):
    context, width = screen
    lead = make_user(Role.MODERN_SLAVERY_LEAD, council_a, username="lead-priya")
    auditor = make_user(Role.AUDITOR, council_a, username="auditor-sam")
    details = ConcernDetails(
        encountered_at=timezone.now(),
        what_was_seen="Workers sleeping at the car wash",
        location="1 Mill Lane",
        person_name="Ana Popescu",
    )
    case = case_record_concern(organisation=council_a, recorded_by=lead, details=details)
    audit_record(action=AuditAction.VIEW, actor=lead, obj=case)
    audit_record(action=AuditAction.VIEW, actor=police_partner, obj=case)  # a partner through a share

    page = _signed_in(context, live_server, client_for, auditor)
    log = AuditLogPage.open(page)
    expect(log.row_link(case.reference)).to_be_visible()
    assert log.width() <= width

    found = log.find_case(case.reference.removeprefix("C-").lower())
    expect(found.subject).to_contain_text(case.reference)
    report = found.access_report(case.reference)
    expect(report.rows.filter(has_text="lead-priya").first).to_contain_text("Council A")
    expect(report.rows.filter(has_text=police_partner.username)).to_contain_text("Test Police")
    expect(page.locator("main")).not_to_contain_text("Ana Popescu")
    assert report.width() <= width
    spreadsheet = report.download_csv()
    assert case.reference in spreadsheet and "Ana Popescu" not in spreadsheet

    check = AuditLogPage.open(page).check_page()
    expect(check.last_check).to_contain_text("has not been checked yet")
    checked = check.start()
    expect(checked.last_check).to_contain_text("Intact")
    expect(checked.last_check).to_contain_text("auditor-sam")
    assert checked.width() <= width
    certificate = checked.certificate()
    expect(certificate.statement).to_contain_text("No entry had been changed, removed or added outside Tackle")
    expect(page.locator("main")).to_contain_text(f"Issued {timezone.localtime():%-d %B %Y}")
    assert certificate.width() <= width
