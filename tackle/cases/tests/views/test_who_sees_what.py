"""Who sees what of a case: the frontline officer who recorded it follows the concern, not the
support record; a partner sees what its share's scope opens (summary, referral or support)."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tackle.cases.models import CaseDocument
from tackle.cases.services.share import case_share
from tackle.cases.tests.factories import make_case
from tackle.core.access import ShareScope
from tackle.core.models import LawfulBasis, ShareConsent


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def case(frontline_a):
    return make_case(frontline_a.organisation, frontline_a, person_name="Sam Example", exploitation_types=["labour"])


@pytest.fixture
def document(case, lead_a):
    document = CaseDocument(case=case, title="Letter", content_type="application/pdf", size=8, uploaded_by=lead_a)
    document.file.save("letter.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return document


def _share(case, lead, partner, scope: ShareScope) -> None:
    case_share(
        case=case,
        organisation=partner.organisation,
        actor=lead,
        scope=scope,
        purpose="Joint visit",
        lawful_basis=LawfulBasis.PUBLIC_TASK,
        consent=ShareConsent.NOT_ASKED,
        consent_note="Police need to act before she can be asked",
    )


def _urls(case, document) -> dict[str, str]:
    return {
        "case": reverse("cases:case-detail", args=[case.uuid]),
        "pack": reverse("cases:nrm-pack", args=[case.uuid]),
        "support": reverse("cases:support", args=[case.uuid]),
        "download": reverse("cases:document-download", args=[case.uuid, document.uuid]),
    }


def _answers(client, urls: dict[str, str]) -> dict[str, int]:
    return {name: client.get(url).status_code for name, url in urls.items()}


class TestTheOfficerWhoRecordedTheConcern:
    def test_sees_the_case_but_not_its_support_record_or_documents(self, case, document, frontline_a, client_for):
        answers = _answers(client_for(frontline_a), _urls(case, document))
        assert answers == {"case": 200, "pack": 403, "support": 403, "download": 403}

    def test_sees_where_the_concern_stands_and_no_link_to_support(self, case, frontline_a, client_for):
        html = client_for(frontline_a).get(reverse("cases:case-detail", args=[case.uuid])).content.decode()
        assert case.get_stage_display() in html
        assert 'data-testid="allocated-to"' in html
        assert reverse("cases:support", args=[case.uuid]) not in html

    def test_another_organisations_case_is_not_found(self, frontline_a, lead_b, client_for):
        other = make_case(lead_b.organisation, lead_b)
        assert client_for(frontline_a).get(reverse("cases:case-detail", args=[other.uuid])).status_code == 404
        assert client_for(frontline_a).get(reverse("cases:support", args=[other.uuid])).status_code == 404


class TestAPartnerSeesWhatTheShareOpens:
    @pytest.mark.parametrize(
        ("scope", "want"),
        [
            (ShareScope.SUMMARY, {"case": 200, "pack": 403, "support": 403, "download": 403}),
            (ShareScope.REFERRAL, {"case": 200, "pack": 200, "support": 403, "download": 403}),
            (ShareScope.SUPPORT, {"case": 200, "pack": 200, "support": 200, "download": 200}),
        ],
    )
    def test_each_scope_opens_its_parts_only(self, case, document, lead_a, police_partner, client_for, scope, want):
        _share(case, lead_a, police_partner, scope)
        assert _answers(client_for(police_partner), _urls(case, document)) == want

    def test_a_case_not_shared_with_them_is_not_found(self, case, document, police_partner, client_for):
        answers = _answers(client_for(police_partner), _urls(case, document))
        assert answers == {"case": 404, "pack": 404, "support": 404, "download": 404}

    def test_a_summary_shows_the_summary_and_not_the_person(self, case, lead_a, police_partner, client_for):
        _share(case, lead_a, police_partner, ShareScope.SUMMARY)
        html = client_for(police_partner).get(reverse("cases:case-detail", args=[case.uuid])).content.decode()
        assert case.reference in html
        assert case.get_stage_display() in html
        assert case.get_age_group_display() in html
        assert "Labour" in html
        assert 'data-testid="case-summary"' in html
        assert "Sam Example" not in html
        assert case.what_was_seen not in html
        assert reverse("cases:nrm-pack", args=[case.uuid]) not in html
        assert reverse("cases:support", args=[case.uuid]) not in html

    def test_a_support_share_links_to_the_pack_and_the_support_record(self, case, lead_a, police_partner, client_for):
        _share(case, lead_a, police_partner, ShareScope.SUPPORT)
        html = client_for(police_partner).get(reverse("cases:case-detail", args=[case.uuid])).content.decode()
        assert reverse("cases:nrm-pack", args=[case.uuid]) in html
        assert reverse("cases:support", args=[case.uuid]) in html
        assert "Sam Example" not in html  # the case page stays a summary; the pack names the person
