"""POST /api/v1/pathway: same contract as the command, with the caller's organisation's settings."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.cases.services.pathway import pathway_settings_update

URL = "/api/v1/pathway"
SEEN = "2025-03-01T14:30:00+01:00"


def api_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def codes(response) -> list[str]:
    return [action["code"] for action in response.json()["actions"]]


def set_rules(lead, **changes):
    values = {"ictg_available": True, "nrm_deadline_hours": 48, "duty_to_notify_deadline_hours": 48}
    pathway_settings_update(organisation=lead.organisation, actor=lead, action_contacts={}, **{**values, **changes})


def test_route_has_the_api_name():
    assert reverse("api:pathway") == URL


def test_frontline_officer_gets_the_actions(frontline_a):
    response = api_as(frontline_a).post(URL, {"encountered_at": SEEN, "appears_under_18": True}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"treated_as_child", "actions"}
    assert body["treated_as_child"] is True
    assert codes(response) == ["children_safeguarding_referral", "nrm_referral", "ictg_referral", "age_assessment"]
    assert all(set(action) == {"code", "due_by", "reason"} for action in body["actions"])
    assert body["actions"][1]["due_by"] == "2025-03-03T14:30:00+01:00"


def test_a_token_works_as_well_as_a_session(lead_a):
    facts = {"encountered_at": SEEN, "age": 30, "consent_to_nrm": True}
    response = token_client(lead_a).post(URL, facts, format="json")
    assert response.status_code == 200
    assert codes(response) == ["nrm_referral"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"encountered_at": SEEN, "age": "17"}, "age"),
        ({"encountered_at": "2025-03-01T14:30:00"}, "encountered_at"),
        ({"age": 30}, "encountered_at"),
        ({"encountered_at": SEEN, "exploitation_types": ["begging"]}, "exploitation_types"),
        ({"encountered_at": SEEN, "consent_to_nrm": "yes"}, "consent_to_nrm"),
        ({"encountered_at": SEEN, "shoe_size": 9}, "shoe_size"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(lead_a, body, field):
    response = api_as(lead_a).post(URL, body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert field in response.json()[field][0]


def test_a_body_that_is_not_an_object_is_a_400(lead_a):
    response = api_as(lead_a).post(URL, [1, 2], format="json")
    assert response.status_code == 400
    assert "JSON object" in response.json()["detail"]


def test_malformed_json_is_a_400(lead_a):
    response = api_as(lead_a).post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400


def test_councillor_is_refused(councillor_a):
    response = api_as(councillor_a).post(URL, {"encountered_at": SEEN}, format="json")
    assert response.status_code == 403


def test_signed_out_caller_is_refused(db):
    assert APIClient().post(URL, {"encountered_at": SEEN}, format="json").status_code in {401, 403}


def test_get_is_not_allowed(lead_a):
    assert api_as(lead_a).get(URL).status_code == 405


def test_organisation_without_ictg_gets_no_ictg_referral(lead_a, frontline_a, lead_b):
    set_rules(lead_a, ictg_available=False)
    body = {"encountered_at": SEEN, "age": 14}
    assert "ictg_referral" not in codes(api_as(frontline_a).post(URL, body, format="json"))
    assert "ictg_referral" in codes(api_as(lead_b).post(URL, body, format="json"))  # council B keeps the default


def test_organisation_deadline_sets_the_due_time(lead_a):
    set_rules(lead_a, nrm_deadline_hours=24, duty_to_notify_deadline_hours=12)
    client = api_as(lead_a)
    consents = client.post(URL, {"encountered_at": SEEN, "age": 30, "consent_to_nrm": True}, format="json").json()
    refuses = client.post(URL, {"encountered_at": SEEN, "age": 30, "consent_to_nrm": False}, format="json").json()
    seen = datetime.fromisoformat(SEEN)
    assert datetime.fromisoformat(consents["actions"][0]["due_by"]) == seen + timedelta(hours=24)
    assert datetime.fromisoformat(refuses["actions"][0]["due_by"]) == seen + timedelta(hours=12)


def test_police_partner_uses_its_own_organisations_defaults(police_partner):
    response = api_as(police_partner).post(URL, {"encountered_at": SEEN, "age": 30}, format="json")
    assert response.status_code == 200
    assert codes(response) == ["seek_nrm_consent"]
