"""The lead allocates a case to a worker with a handover note; the daily reminders run; the worker
signs in, sees the notifications in the header and on their page, and follows one to the case."""

from datetime import timedelta

import pytest
from accessibility import assert_accessible
from django.core.management import call_command
from pages import CasePage, NotificationsPage
from playwright.sync_api import BrowserContext, Page, expect

from tackle.accounts.models import Notification
from tackle.cases.services.support import safety_plan_create
from tackle.core.periods import today_in_london
from tackle.core.roles import Role

pytestmark = pytest.mark.browser


def test_a_reminder_reaches_the_worker_the_lead_allocated(
    page: Page, context: BrowserContext, sign_in_browser, make_user, council_a, lead_a, frontline_a, record_concern
) -> None:
    worker = make_user(Role.SAFEGUARDING_MANAGER, council_a, first_name="Maya", last_name="Patel")
    case = record_concern(frontline_a, age=15)
    # A safety plan made a fortnight ago, reviewed every 14 days: its review falls due today.
    safety_plan_create(case=case, actor=lead_a, summary="Plan", created_on=today_in_london() - timedelta(days=14))

    sign_in_browser(lead_a)
    case_page = CasePage(page, str(case.uuid)).open()
    expect(case_page.reminders_reach).to_contain_text("because no worker is allocated")
    assert_accessible(page)
    allocation = case_page.allocate()
    assert_accessible(page)
    allocation.allocate(worker="Maya Patel", handover_note="Interpreter booked for Monday; plan review due today.")
    expect(case_page.allocated_to).to_contain_text("Allocated to Maya Patel")
    expect(case_page.reminders_reach).to_contain_text("Reminders go to Maya Patel.")
    assert_accessible(page)

    call_command("cases", "remind", "--now")  # what cron runs each morning

    context.clear_cookies()
    sign_in_browser(worker)
    notifications = NotificationsPage(page).open()
    told = Notification.objects.filter(user=worker).count()  # the allocation, the review, actions due today
    assert told >= 2
    expect(notifications.header_link).to_contain_text(f"{told} unread")
    expect(notifications.notifications).to_contain_text(f"Case {case.reference} is allocated to you")
    reminder = f"{case.reference}: The safety plan review is due today ({today_in_london():%-d %B %Y})"
    expect(notifications.notifications).to_contain_text(reminder)
    assert_accessible(page)

    notifications.follow(reminder)
    expect(page).to_have_url(f"{page.url.split('/cases/')[0]}/cases/{case.uuid}/")
    expect(case_page.heading).to_be_visible()
    assert_accessible(page)
    timeline = case_page.timeline()
    expect(timeline).to_contain_text("Allocated to Maya Patel, with the handover note: Interpreter booked")
    assert_accessible(page)
