"""Recording a Duty to Notify never answers 500: a case with consent, or one still holding the
person's details, is refused with what to do instead (regression: IntegrityError on
case_duty_to_notify_is_anonymous), on the page and through the API."""

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tackle.cases.models import NrmEvent, Stage


def _step():
    return {"kind": "duty_to_notify_sent", "occurred_on": timezone.localdate().isoformat()}


@pytest.fixture
def consented(frontline_a, record_concern):
    return record_concern(frontline_a, age=30, consent_to_nrm=True, consent_to_share=False, person_name="Ana")


@pytest.fixture
def not_asked_yet(frontline_a, record_concern):
    return record_concern(frontline_a, age=30, person_name="Ana", person_address="Shed behind 4 Orchard Lane")


def test_the_page_refuses_a_duty_to_notify_for_someone_who_consented(client_for, lead_a, consented):
    response = client_for(lead_a).post(reverse("cases:nrm-event-new", args=[consented.uuid]), _step())
    assert response.status_code == 200
    assert "record the NRM referral sent, not a Duty to Notify" in response.content.decode()
    consented.refresh_from_db()
    assert consented.stage == Stage.CONCERN and not NrmEvent.objects.exists()


def test_the_page_refuses_while_the_case_holds_the_persons_details(client_for, lead_a, not_asked_yet):
    response = client_for(lead_a).post(reverse("cases:nrm-event-new", args=[not_asked_yet.uuid]), _step())
    assert response.status_code == 200 and "Record their answer on the consent page first" in response.content.decode()
    not_asked_yet.refresh_from_db()
    assert not_asked_yet.person_name == "Ana" and not NrmEvent.objects.exists()


def test_the_api_answers_400_with_the_message(lead_a, consented, not_asked_yet):
    client = APIClient()
    client.force_authenticate(lead_a)
    for case, words in ((consented, "not a Duty to Notify"), (not_asked_yet, "consent page first")):
        response = client.post(f"/api/v1/cases/{case.uuid}/nrm-events", _step(), format="json")
        assert response.status_code == 400 and words in str(response.json())
    assert not NrmEvent.objects.exists()


def test_a_declined_adult_who_agreed_to_share_is_recorded(lead_a, frontline_a, record_concern):
    case = record_concern(
        frontline_a, age=30, consent_to_nrm=False, consent_to_share=True, refusal_reason="Scared", person_name="Ana"
    )
    client = APIClient()
    client.force_authenticate(lead_a)
    assert client.post(f"/api/v1/cases/{case.uuid}/nrm-events", _step(), format="json").status_code == 201
    case.refresh_from_db()
    assert case.stage == Stage.DUTY_TO_NOTIFY and case.person_name == "Ana"
