"""The notifications page: each user sees and marks only their own; every role has one."""

from django.urls import reverse

from tackle.accounts.models import Notification
from tackle.accounts.services import notify

URL = reverse("accounts:notification-list")


def _notify(user, subject):
    return notify(user=user, subject=subject, url="/cases/", key=subject)


def test_the_header_counts_unread_and_the_page_lists_only_the_users_own(client_for, lead_a, frontline_a):
    _notify(lead_a, "For the lead")
    _notify(frontline_a, "For the officer")
    client = client_for(lead_a)
    page = client.get(URL).content.decode()
    assert "For the lead" in page and "For the officer" not in page
    assert 'Notifications <strong class="govuk-tag govuk-tag--red">1<' in page


def test_a_user_marks_one_read_then_all(client_for, lead_a):
    first, second = _notify(lead_a, "First"), _notify(lead_a, "Second")
    client = client_for(lead_a)
    assert client.post(URL, {"notification": str(first.uuid)}).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None and second.read_at is None
    client.post(URL)
    assert not Notification.objects.filter(user=lead_a, read_at__isnull=True).exists()
    assert "govuk-tag--red" not in client.get(URL).content.decode()


def test_another_users_notification_cannot_be_marked_read(client_for, lead_a, lead_b):
    theirs = _notify(lead_b, "Council B's")
    assert client_for(lead_a).post(URL, {"notification": str(theirs.uuid)}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_every_role_has_the_page_and_a_visitor_is_sent_to_sign_in(client, client_for, councillor_a, police_partner):
    assert client_for(councillor_a).get(URL).status_code == 200
    assert client_for(police_partner).get(URL).status_code == 200
    assert client.get(URL).status_code == 302
