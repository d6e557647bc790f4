"""Owners of statement follow-up actions past their due date are emailed once a week until done."""

import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from tackle.suppliers.models import StatementFollowUp
from tackle.suppliers.services import statement_follow_up_close, statement_follow_up_raise
from tackle.suppliers.tasks import send_follow_up_reminders
from tackle.suppliers.tests.factories import make_supplier


@pytest.fixture
def raise_due(procurement_a, council_a):  # type: ignore[no-untyped-def]
    supplier = make_supplier(council_a)

    def make(owner, description, days):  # type: ignore[no-untyped-def]
        today = timezone.localdate()
        follow_up = statement_follow_up_raise(
            actor=procurement_a,
            reading_uuid=uuid.uuid4(),
            supplier=supplier,
            description=description,
            owner=owner,
            due_on=today,
            today=today,
        )
        # Raising refuses a past date; an action falls overdue as days pass.
        StatementFollowUp.objects.filter(pk=follow_up.pk).update(due_on=today + timedelta(days=days))
        follow_up.refresh_from_db()
        return follow_up

    return make


def test_an_owner_is_told_of_their_overdue_follow_ups_once_a_week(raise_due, contract_manager_a, procurement_a):
    late = raise_due(contract_manager_a, "Ask how buyers are trained", -2)
    raise_due(contract_manager_a, "Check the promise was kept", 3)  # not yet due
    done = raise_due(contract_manager_a, "Chase the risk area", -5)
    statement_follow_up_close(actor=procurement_a, follow_up=done, outcome="Chased")
    assert send_follow_up_reminders.call() == 1
    [email] = mail.outbox
    assert email.to == ["cm@example.org"] and "overdue" in email.subject
    assert "Ask how buyers are trained" in email.body
    assert f"/statement-reader/{late.reading_uuid}/follow-up/{late.uuid}/done" in email.body
    assert "Check the promise was kept" not in email.body and "Chase the risk area" not in email.body
    assert send_follow_up_reminders.call() == 0  # not again within the week
    StatementFollowUp.objects.filter(pk=late.pk).update(last_reminded_on=timezone.localdate() - timedelta(days=7))
    assert send_follow_up_reminders.call() == 1


def test_an_owner_without_an_email_is_not_emailed(raise_due, procurement_a):
    procurement_a.email = ""
    procurement_a.save(update_fields=["email"])
    raise_due(procurement_a, "Ask how buyers are trained", -1)
    assert send_follow_up_reminders.call() == 0 and not mail.outbox


def test_an_owner_who_reads_welsh_is_reminded_in_welsh(raise_due, contract_manager_a):
    contract_manager_a.language = "cy"
    contract_manager_a.save(update_fields=["language"])
    raise_due(contract_manager_a, "Ask how buyers are trained", -1)
    assert send_follow_up_reminders.call() == 1
    email = mail.outbox[0]
    assert "yn hwyr" in email.subject and "overdue" not in email.subject
    assert translation.get_language() == settings.LANGUAGE_CODE


def test_the_remind_command_queues_the_follow_up_reminders_too(capsys, db):
    call_command("suppliers", "remind")
    assert "Queued the statement follow-up reminders" in capsys.readouterr().out
