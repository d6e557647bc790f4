import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tackle.accounts.models import Organisation
from tackle.core.roles import OrganisationKind, Role
from tackle.statements.models import Action, ActionStatus, StatementPeriod


@pytest.mark.django_db(transaction=True)
def test_owners_are_reminded_a_week_before_and_when_overdue(make_user) -> None:
    council = Organisation.objects.create(name="Council A", code="E09000001", kind=OrganisationKind.COUNCIL)
    owner = make_user(Role.PROCUREMENT_OFFICER, council, email="owner@example.org")
    today = timezone.localdate()
    period = StatementPeriod.objects.create(
        organisation=council, label="now", starts_on=today - timedelta(days=100), ends_on=today + timedelta(days=200)
    )
    for title, due, status in [
        ("Due next week", today + timedelta(days=7), ActionStatus.PLANNED),
        ("Already late", today - timedelta(days=1), ActionStatus.IN_PROGRESS),
        ("Late but done", today - timedelta(days=1), ActionStatus.DONE),
        ("Due in three weeks", today + timedelta(days=21), ActionStatus.PLANNED),
    ]:
        Action.objects.create(
            organisation=council, period=period, area="prevention", title=title, due_on=due, status=status, owner=owner
        )
    mail.outbox.clear()

    call_command("statements", "remind", stdout=io.StringIO())
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    subjects = sorted(message.subject for message in mail.outbox)
    assert len(subjects) == 2
    assert "Already late is overdue" in subjects[0]
    assert "Due next week is due on" in subjects[1]
    assert all(message.to == ["owner@example.org"] for message in mail.outbox)
