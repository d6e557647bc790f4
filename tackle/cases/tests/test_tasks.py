from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tackle.cases.models import Referral


@pytest.mark.django_db(transaction=True)
def test_the_daily_sweep_emails_leads_a_count_of_overdue_referrals(frontline_a, lead_a, lead_b, record_concern):
    for lead in (lead_a, lead_b):
        lead.email = f"{lead.username}@example.org"
        lead.save()
    case = record_concern(frontline_a, age=16, encountered_at=timezone.now() - timedelta(days=3))
    overdue = Referral.objects.filter(case=case, due_by__lt=timezone.now()).count()
    assert overdue > 0
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")  # the new-concern alert
    mail.outbox.clear()

    call_command("referrals", "remind")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    assert len(mail.outbox) == 1  # council B has nothing overdue
    message = mail.outbox[0]
    assert message.to == [lead_a.email]
    assert message.subject.startswith(f"{overdue} overdue")
