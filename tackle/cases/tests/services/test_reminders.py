from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from tackle.accounts.models import Notification
from tackle.cases.models import Referral, ReferralStatus
from tackle.cases.services.allocation import case_allocate
from tackle.cases.services.reminders import cases_remind
from tackle.cases.services.support import safety_plan_create
from tackle.cases.tests.factories import make_case
from tackle.core.periods import today_in_london
from tackle.core.roles import Role


@pytest.fixture
def worker_a(make_user, council_a):
    return make_user(Role.SAFEGUARDING_MANAGER, council_a, email="worker@example.org")


@pytest.fixture
def case(lead_a, frontline_a):
    case = make_case(lead_a.organisation, frontline_a)
    # A plan reviewed every 14 days, made 14 days ago: its review falls due today.
    safety_plan_create(case=case, actor=lead_a, summary="Plan", created_on=today_in_london() - timedelta(days=14))
    return case


def test_the_allocated_worker_is_told_once_however_often_the_command_runs(
    lead_a, worker_a, case, django_capture_on_commit_callbacks
):
    case_allocate(case=case, actor=lead_a, worker=worker_a)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("cases", "remind", "--now")
        call_command("cases", "remind", "--now")
    reminders = Notification.objects.filter(user=worker_a, key__contains="safety-plan-review")
    assert reminders.count() == 1
    reminder = reminders.get()
    assert reminder.subject == f"{case.reference}: The safety plan review is due today ({today_in_london():%-d %B %Y})"
    assert reminder.url == f"/cases/{case.uuid}/"
    assert [m.subject for m in mail.outbox] == [reminder.subject]
    assert not Notification.objects.filter(user=lead_a).exists()


def test_without_a_worker_the_lead_is_told_and_the_reminder_says_why(lead_a, case):
    assert cases_remind() == 1
    reminder = Notification.objects.get(user=lead_a)
    assert "no worker is allocated" in reminder.body
    assert cases_remind() == 0


def test_an_overdue_referral_action_is_reminded_and_a_closed_case_is_not(lead_a, worker_a, frontline_a):
    case = make_case(lead_a.organisation, frontline_a, allocated_to=worker_a)
    Referral.objects.create(case=case, code="nrm_referral", due_by=_days_ago(5))
    closed = make_case(lead_a.organisation, frontline_a, allocated_to=worker_a, status="closed", closed_at=_days_ago(1))
    Referral.objects.create(case=closed, code="nrm_referral", due_by=_days_ago(5))
    assert cases_remind() == 1
    [reminder] = Notification.objects.filter(user=worker_a)
    assert case.reference in reminder.subject and "overdue" in reminder.subject


def test_a_done_action_is_not_reminded(lead_a, worker_a, frontline_a):
    case = make_case(lead_a.organisation, frontline_a, allocated_to=worker_a)
    Referral.objects.create(
        case=case, code="nrm_referral", due_by=_days_ago(5), status=ReferralStatus.SENT, sent_at=_days_ago(6)
    )
    assert cases_remind() == 0


def test_with_no_worker_and_no_lead_nobody_is_told_and_the_case_page_says_so(
    client_for, frontline_a, lead_a, case, make_user, council_a
):
    manager = make_user(Role.SAFEGUARDING_MANAGER, council_a)
    lead_a.is_active = False
    lead_a.save()
    assert cases_remind() == 0
    page = client_for(manager).get(f"/cases/{case.uuid}/").content.decode()
    assert "Nobody can be reminded about this case" in page


def test_the_case_page_says_who_reminders_reach_and_who_has_no_email(client_for, lead_a, worker_a, case):
    page = client_for(lead_a).get(f"/cases/{case.uuid}/").content.decode()
    assert "the modern slavery lead, because no worker is allocated" in page
    assert f"{lead_a.display_name} has no email address" in page
    case_allocate(case=case, actor=lead_a, worker=worker_a)
    page = client_for(lead_a).get(f"/cases/{case.uuid}/").content.decode()
    assert f"Reminders go to {worker_a.display_name}." in page


def test_the_old_referrals_command_queues_the_same_reminders(lead_a, case):
    call_command("referrals", "remind")
    call_command("cases", "remind")
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(task_path="tackle.cases.tasks.remind_cases").count() == 2


def _days_ago(days):
    from django.utils import timezone

    return timezone.now() - timedelta(days=days)
