from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tackle.core.roles import Role
from tackle.training.services import completion_record
from tackle.training.tests.factories import make_course, make_requirement


@pytest.mark.django_db(transaction=True)
def test_reminders_email_people_due_overdue_or_not_done_through_the_worker(make_user, council_a):
    course = make_course(council_a, title="Safeguarding with modern slavery content")
    make_requirement(course, role=Role.FRONTLINE_OFFICER, every_months=12)
    today = timezone.localdate()
    people = {
        name: make_user(Role.FRONTLINE_OFFICER, council_a, username=name, email=f"{name}@example.org")
        for name in ("fresh", "due", "overdue", "never")
    }
    no_email = make_user(Role.FRONTLINE_OFFICER, council_a, username="no-email")
    make_user(Role.COUNCILLOR, council_a, username="councillor", email="councillor@example.org")
    for name, days in [("fresh", 10), ("due", 350), ("overdue", 400)]:
        completion_record(actor=None, user=people[name], course=course, completed_on=today - timedelta(days=days))
    assert no_email.email == ""
    mail.outbox.clear()

    call_command("training", "remind")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["due@example.org", "never@example.org", "overdue@example.org"]
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert "Safeguarding with modern slavery content: overdue" in by_recipient["overdue@example.org"]
    assert "Safeguarding with modern slavery content: due" in by_recipient["due@example.org"]
    assert "not done" in by_recipient["never@example.org"]


@pytest.mark.django_db(transaction=True)
def test_a_reminder_is_written_in_the_language_the_person_chose(make_user, council_a):
    """Issue 21: the email reads in the reader's language, the course's own title as written."""
    course = make_course(council_a, title="Safeguarding with modern slavery content")
    make_requirement(course, role=Role.FRONTLINE_OFFICER, every_months=12)
    reader = make_user(Role.FRONTLINE_OFFICER, council_a, username="cymraeg", email="cymraeg@example.org")
    reader.language = "cy"
    reader.save()
    mail.outbox.clear()

    call_command("training", "remind")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    [message] = mail.outbox
    assert message.subject == "Mae angen sylw ar eich hyfforddiant caethwasiaeth fodern"
    assert "- Safeguarding with modern slavery content: heb ei wneud" in message.body
