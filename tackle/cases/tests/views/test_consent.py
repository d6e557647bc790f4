"""The consent page: how the NRM was explained, and a withdrawal."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.cases.services.case import ConsentExplained, case_record_consent
from tackle.core.tests.dates import date_answer


def _url(case):
    return reverse("cases:consent-edit", args=[case.uuid])


@pytest.fixture
def consented(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30, person_name="Ana")
    return case_record_consent(case=case, actor=lead_a, consent_to_nrm=True, consent_to_share=True)


def test_the_lead_records_how_consent_was_explained(client_for, lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=30)
    client = client_for(lead_a)
    assert "Language the NRM was explained in" in client.get(_url(case)).content.decode()
    response = client.post(
        _url(case),
        {
            "consent_to_nrm": "yes",
            "consent_language": "Polish",
            "consent_interpreter": "in_person",
            "consent_interpreter_agency": "Lingua Ltd",
            "consent_leaflet": "NRM leaflet in Polish",
            "version": case.version,
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.consent_to_nrm, case.consent_language, case.consent_interpreter) == (True, "Polish", "in_person")


def test_the_lead_records_a_withdrawal(client_for, lead_a, consented):
    response = client_for(lead_a).post(
        _url(consented),
        {
            "consent_to_nrm": "no",
            "refusal_reason": "Afraid",
            **date_answer("withdrawn_on", timezone.localdate()),
            "version": consented.version,
        },
    )
    assert response.status_code == 302
    consented.refresh_from_db()
    assert consented.consent_withdrawn_on == timezone.localdate() and consented.person_name == ""


def test_a_childs_withdrawal_is_refused_with_a_clear_message(client_for, lead_a, frontline_a, record_concern):
    child = record_concern(frontline_a, age=15, appears_under_18=True, person_name="Sam")
    response = client_for(lead_a).post(
        _url(child),
        {
            "consent_to_nrm": "no",
            "refusal_reason": "Scared",
            **date_answer("withdrawn_on", timezone.localdate()),
            "version": child.version,
        },
    )
    assert response.status_code == 200
    assert "A child cannot withdraw consent" in response.content.decode()
    child.refresh_from_db()
    assert child.person_name == "Sam"


def test_wrong_role_403_and_other_organisation_404(client_for, frontline_a, lead_b, consented):
    assert client_for(frontline_a).get(_url(consented)).status_code == 403
    assert client_for(lead_b).get(_url(consented)).status_code == 404
    assert client_for(lead_b).post(_url(consented), {"consent_to_nrm": "no"}).status_code == 404


def test_the_case_page_shows_how_consent_was_explained_and_offers_withdrawal(
    client_for, lead_a, frontline_a, record_concern
):
    case = record_concern(frontline_a, age=30)
    case = case_record_consent(
        case=case,
        actor=lead_a,
        consent_to_nrm=True,
        consent_to_share=False,
        explained=ConsentExplained(language="Polish", interpreter="phone", interpreter_agency="Lingua Ltd"),
    )
    page = client_for(lead_a).get(reverse("cases:case-detail", args=[case.uuid])).content.decode()
    assert "In Polish" in page and "Interpreter: by phone, Lingua Ltd" in page
    assert "Record how consent was explained, or its withdrawal" in page
