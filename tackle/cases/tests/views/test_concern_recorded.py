"""After recording a concern the page says who was told, from the notifications actually made."""

from django.urls import reverse

from tackle.accounts.models import Notification


def _recorded_page(client_for, officer, case):
    return client_for(officer).get(reverse("cases:concern-recorded", args=[case.uuid])).content.decode()


def test_the_lead_is_told_in_tackle_and_the_page_names_them(client_for, record_concern, frontline_a, lead_a):
    case = record_concern(frontline_a)
    assert Notification.objects.get(user=lead_a).url == f"/cases/{case.uuid}/"
    page = _recorded_page(client_for, frontline_a, case)
    assert f"{lead_a.display_name}, the modern slavery lead, has been told in Tackle," in page
    assert f"{lead_a.display_name} has no email address" in page


def test_a_lead_with_an_address_is_told_by_email_too(
    client_for, record_concern, frontline_a, lead_a, django_capture_on_commit_callbacks, mailoutbox
):
    lead_a.email = "lead@example.org"
    lead_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        case = record_concern(frontline_a)
    assert [m.to for m in mailoutbox] == [["lead@example.org"]]
    assert case.reference in mailoutbox[0].subject and "High Street" not in mailoutbox[0].body
    assert "has been told in Tackle and by email" in _recorded_page(client_for, frontline_a, case)


def test_with_no_lead_the_page_says_nobody_could_be_told(client_for, record_concern, frontline_a):
    page = _recorded_page(client_for, frontline_a, record_concern(frontline_a))
    assert "Nobody could be told" in page
    assert "has been told" not in page
