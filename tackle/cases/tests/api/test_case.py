from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case


@pytest.fixture
def api_for():
    def make(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make


def _concern(**extra):
    return {
        "encountered_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        "what_was_seen": "Man sleeping in a shed behind a house in multiple occupation",
        "location": "3 Garden Row",
        **extra,
    }


def test_create_a_case_and_read_it_back(api_for, frontline_a):
    client = api_for(frontline_a)
    response = client.post("/api/v1/cases/", _concern(age=16, person_name="Sam"), format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["treated_as_child"] is True and body["stage"] == "concern"
    assert {r["code"] for r in body["referrals"]} >= {"children_safeguarding_referral", "nrm_referral"}
    assert body["recovery_period_ends_on"] is None and body["move_on_support_ends_on"] is None
    detail = client.get(f"/api/v1/cases/{body['uuid']}")
    assert detail.status_code == 200 and detail.json()["person_name"] == "Sam"


def test_bad_input_names_the_field_and_creates_nothing(api_for, frontline_a):
    response = api_for(frontline_a).post("/api/v1/cases/", _concern(exploitation_types=["farming"]), format="json")
    assert response.status_code == 400 and "exploitation_types" in response.json()
    response = api_for(frontline_a).post("/api/v1/cases/", {"location": "x"}, format="json")
    assert response.status_code == 400 and "encountered_at" in response.json()
    assert not Case.objects.exists()


def test_an_anonymous_duty_to_notify_has_no_identifying_keys(api_for, frontline_a):
    body = (
        api_for(frontline_a)
        .post(
            "/api/v1/cases/",
            _concern(age=40, person_name="Adam", consent_to_nrm=False, refusal_reason="Afraid"),
            format="json",
        )
        .json()
    )
    assert "person_name" not in body and "person_contact" not in body
    assert Case.objects.get().person_name == ""


def test_nrm_events_through_the_api_give_the_periods(api_for, frontline_a, lead_a):
    case_uuid = (
        api_for(frontline_a)
        .post(
            "/api/v1/cases/",
            _concern(age=30, consent_to_nrm=True, encountered_at=(timezone.now() - timedelta(days=100)).isoformat()),
            format="json",
        )
        .json()["uuid"]
    )
    lead = api_for(lead_a)
    today = timezone.localdate()
    steps = [
        {"kind": "referral_sent", "occurred_on": (today - timedelta(days=99)).isoformat()},
        {"kind": "rg_decision", "occurred_on": (today - timedelta(days=90)).isoformat(), "outcome": "positive"},
        {"kind": "cg_decision", "occurred_on": (today - timedelta(days=10)).isoformat(), "outcome": "slavery"},
    ]
    for step in steps:
        assert lead.post(f"/api/v1/cases/{case_uuid}/nrm-events", step, format="json").status_code == 201
    body = lead.get(f"/api/v1/cases/{case_uuid}").json()
    assert body["stage"] == "positive_cg"
    assert body["recovery_period_ends_on"] == (today - timedelta(days=10)).isoformat()
    assert body["move_on_support_ends_on"] == (today + timedelta(days=35)).isoformat()


def test_a_rule_broken_through_the_api_is_a_400(api_for, frontline_a, lead_a):
    case_uuid = api_for(frontline_a).post("/api/v1/cases/", _concern(age=30), format="json").json()["uuid"]
    response = api_for(lead_a).post(
        f"/api/v1/cases/{case_uuid}/nrm-events",
        {"kind": "rg_decision", "occurred_on": timezone.localdate().isoformat(), "outcome": "positive"},
        format="json",
    )
    assert response.status_code == 400 and "NRM referral" in response.json()["detail"]


def test_scope_and_roles(api_for, frontline_a, lead_a, lead_b, councillor_a, make_user, council_a):
    case_uuid = api_for(frontline_a).post("/api/v1/cases/", _concern(), format="json").json()["uuid"]
    assert api_for(lead_b).get(f"/api/v1/cases/{case_uuid}").status_code == 404
    assert api_for(councillor_a).get("/api/v1/cases/").status_code == 403
    colleague = make_user("frontline_officer", council_a)
    assert api_for(colleague).get("/api/v1/cases/").json()["count"] == 0
    assert api_for(lead_a).get("/api/v1/cases/").json()["count"] == 1
    assert (
        api_for(frontline_a)
        .post(
            f"/api/v1/cases/{case_uuid}/nrm-events",
            {"kind": "referral_sent", "occurred_on": "2026-01-01"},
            format="json",
        )
        .status_code
        == 403
    )
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="cases.case").exists()
