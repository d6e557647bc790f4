"""GET /api/v1/cases/{uuid}/nrm-form: the form, its sections in words, and what is missing."""

import pytest
from rest_framework.test import APIClient

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.services.correction import case_correct
from tackle.cases.services.home_office_form import home_office_section_save


def _get(user, case):
    client = APIClient()
    client.force_authenticate(user)
    return client.get(f"/api/v1/cases/{case.uuid}/nrm-form")


@pytest.fixture
def adult(frontline_a, record_concern):
    return record_concern(frontline_a, age=30, consent_to_nrm=True, indicators=["spoken_for"], nationality="Polish")


def test_the_lead_gets_exactly_form_sections_and_missing_in_words(lead_a, adult):
    home_office_section_save(
        case=adult, section_key="situation_now", answers={"last_contact": "within_week"}, actor=lead_a
    )
    response = _get(lead_a, adult)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"form", "sections", "missing"} and body["form"] == "nrm"
    assert list(body["sections"])[:3] == ["referral", "background", "exploitation"]
    assert body["sections"]["situation_now"]["last_contact"] == "In the last week"
    assert body["sections"]["reporting"]["indicators"] == "Someone else speaks for them or coaches their answers"
    assert body["sections"]["background"]["family"] is None and "family" in body["missing"]
    assert "last_contact" not in body["missing"] and "under_18_during_exploitation" in body["missing"]
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(adult.uuid)).exists()


def test_a_duty_to_notify_gives_no_identity_and_no_unredacted_text(lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=40, consent_to_nrm=False, refusal_reason="Scared of Besnik")
    body = _get(lead_a, case).json()
    assert body["form"] == "duty_to_notify" and "person" not in body["sections"]
    assert body["sections"]["consent"]["refusal_reason"] is None and "Besnik" not in str(body)
    assert "name" not in body["sections"]["duty_to_notify"]


def test_wrong_role_is_403_and_another_organisation_404(frontline_a, councillor_a, lead_b, adult):
    assert _get(frontline_a, adult).status_code == 403
    assert _get(councillor_a, adult).status_code == 403
    assert _get(lead_b, adult).status_code == 404


def test_the_schema_documents_the_endpoint(client):
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/cases/{case_uuid}/nrm-form" in schema and "missing" in schema


def test_where_they_are_now_comes_from_the_record(lead_a, adult, frontline_a, record_concern):
    assert _get(lead_a, adult).json()["sections"]["places"]["current_town"] is None
    case_correct(
        case=adult, actor=lead_a, changes={"current_town": "Leeds", "current_county": "West Yorkshire"}, reason="Moved"
    )
    body = _get(lead_a, adult).json()
    assert {"current_town": "Leeds", "current_county": "West Yorkshire"}.items() <= body["sections"]["places"].items()
    assert not {"current_town", "current_county"} & set(body["missing"])
    declined = record_concern(frontline_a, age=40, consent_to_nrm=False)
    case_correct(case=declined, actor=lead_a, changes={"current_town": "Exeter"}, reason="Moved")
    places = _get(lead_a, declined).json()["sections"]["places"]
    assert places["current_town"] == "Exeter" and places["current_county"] is None
