"""After recording a concern the page says who was told, from the notifications actually made."""

from django.urls import reverse
from rest_framework.test import APIClient

from tackle.accounts.models import Notification
from tackle.cases.models import Case
from tackle.cases.services.share import case_share
from tackle.core.access import ShareScope
from tackle.core.models import LawfulBasis, ShareConsent


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


class TestPartners:
    """A partner agency sees only what councils share with it: it cannot record a concern (it could not
    open what it recorded), and is told whom to tell; a case shared with it opens its confirmation."""

    def _share(self, case, partner, lead, scope):
        case_share(
            case=case,
            organisation=partner.organisation,
            actor=lead,
            scope=scope,
            purpose="Joint visit",
            lawful_basis=LawfulBasis.CONSENT,
            consent=ShareConsent.GIVEN,
        )

    def test_a_partner_is_told_to_tell_the_council_and_nothing_is_saved(self, client_for, police_partner):
        client = client_for(police_partner)
        page = client.get(reverse("cases:concern-new"))
        assert page.status_code == 403 and "modern slavery lead: they record it" in page.content.decode()
        posted = client.post(reverse("cases:concern-new"), {"location": "Farm", "what_was_seen": "Workers in a barn"})
        assert posted.status_code == 403 and not Case.objects.exists()
        api = APIClient()
        api.force_authenticate(police_partner)
        answer = api.post("/api/v1/cases/", {"location": "Farm", "what_was_seen": "x"}, format="json")
        assert answer.status_code == 403 and "modern slavery lead" in answer.json()["detail"]
        assert not Case.objects.exists()

    def test_a_shared_case_shows_its_reference_and_what_happens_next_within_the_share(
        self, client_for, record_concern, frontline_a, lead_a, police_partner
    ):
        case = record_concern(frontline_a, age=30)
        self._share(case, police_partner, lead_a, ShareScope.SUMMARY)
        response = client_for(police_partner).get(reverse("cases:concern-recorded", args=[case.uuid]))
        page = response.content.decode()
        assert response.status_code == 200 and case.reference in page and "What happens next" in page
        assert "has shared this concern with your organisation" in page
        assert "Ask for consent" not in page and lead_a.display_name not in page  # no actions, nobody named
        assert reverse("cases:concern-new") not in page

    def test_a_share_for_the_referral_lists_the_actions(
        self, client_for, record_concern, frontline_a, lead_a, police_partner
    ):
        case = record_concern(frontline_a, age=30)
        self._share(case, police_partner, lead_a, ShareScope.REFERRAL)
        page = _recorded_page(client_for, police_partner, case)
        assert "Ask for consent to an NRM referral" in page

    def test_not_shared_or_another_council_is_404(
        self, client_for, record_concern, frontline_a, lead_b, police_partner
    ):
        case = record_concern(frontline_a, age=30)
        assert client_for(police_partner).get(reverse("cases:concern-recorded", args=[case.uuid])).status_code == 404
        assert client_for(lead_b).get(reverse("cases:concern-recorded", args=[case.uuid])).status_code == 404
