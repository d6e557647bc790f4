import pytest
from django.core import mail

from tackle.accounts.models import Notification
from tackle.accounts.services import notifications_mark_read, notify


def _notify(user, key="case:1:event"):
    return notify(user=user, subject="C-1: something is due", body="Case C-1.", url="/cases/x/", key=key)


def test_a_notification_is_kept_and_emailed_once_per_key(lead_a, django_capture_on_commit_callbacks):
    lead_a.email = "lead@example.org"
    lead_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        first = _notify(lead_a)
        again = _notify(lead_a)
    assert first is not None and again is None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lead@example.org"]
    assert mail.outbox[0].body.startswith("Case C-1.") and "/cases/x/" in mail.outbox[0].body
    first.refresh_from_db()
    assert first.emailed_at is not None


def test_without_an_email_address_the_notification_is_in_tackle_only(lead_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(lead_a) is not None
    assert mail.outbox == []
    assert Notification.objects.get(user=lead_a).emailed_at is None


def test_someone_who_has_left_is_not_told(lead_a):
    lead_a.is_active = False
    lead_a.save()
    assert _notify(lead_a) is None


@pytest.mark.django_db
def test_marking_read_touches_only_the_users_own(lead_a, frontline_a):
    mine, theirs = _notify(lead_a), _notify(frontline_a)
    assert notifications_mark_read(user=lead_a, notification=theirs) == 0
    assert notifications_mark_read(user=lead_a) == 1
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None and theirs.read_at is None
