from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditEvent
from tackle.cases.models import Case, Encounter


@pytest.fixture
def api_for():
    def make(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return make


def _encounter(*people):
    return {
        "encountered_at": (timezone.now() - timedelta(hours=2)).isoformat(),
        "location": "Sparkle Hand Car Wash, 2 Mill Lane",
        "what_was_seen": "Four men washing cars in the rain without gloves; a van collects them at night",
        "people": list(people),
    }


def test_an_encounter_opens_a_case_for_each_person_in_the_order_given(api_for, frontline_a):
    people = [
        {"person_name": "Andrei", "age": 24, "consent_to_nrm": True},
        {"age": 41, "consent_to_nrm": False, "refusal_reason": "Afraid of the gang master"},
        {"appears_under_18": True, "person_name": "Luca"},
        {},
    ]
    response = api_for(frontline_a).post("/api/v1/encounters", _encounter(*people), format="json")
    assert response.status_code == 201
    body = response.json()
    encounter = Encounter.objects.get(uuid=body["uuid"])
    cases = [Case.objects.get(uuid=row["uuid"]) for row in body["cases"]]
    assert [case.reference for case in cases] == [row["reference"] for row in body["cases"]]
    assert all(case.encounter == encounter for case in cases) and encounter.cases.count() == 4
    assert cases[0].person_name == "Andrei" and cases[0].location == encounter.location
    assert cases[1].is_anonymous and cases[1].refusal_reason
    assert cases[2].treated_as_child and not cases[3].treated_as_child


def test_a_bad_person_rejects_the_whole_encounter_naming_the_index_and_field(api_for, frontline_a):
    people = [{"age": 30}, {"age": 200}]
    response = api_for(frontline_a).post("/api/v1/encounters", _encounter(*people), format="json")
    assert response.status_code == 400 and "people[1].age" in response.json()
    assert not Case.objects.exists() and not Encounter.objects.exists()


def test_a_refusal_without_a_reason_rejects_the_whole_encounter(api_for, frontline_a):
    people = [{"age": 30}, {"age": 30, "consent_to_nrm": False}]
    response = api_for(frontline_a).post("/api/v1/encounters", _encounter(*people), format="json")
    assert response.status_code == 400 and "people[1].refusal_reason" in response.json()
    assert not Case.objects.exists() and not Encounter.objects.exists()


def test_an_encounter_needs_someone(api_for, frontline_a):
    response = api_for(frontline_a).post("/api/v1/encounters", _encounter(), format="json")
    assert response.status_code == 400 and "people" in response.json()


def test_a_partner_may_not_record_an_encounter(api_for, police_partner, councillor_a):
    for user in (police_partner, councillor_a):
        response = api_for(user).post("/api/v1/encounters", _encounter({"age": 30}), format="json")
        assert response.status_code == 403
    assert not Encounter.objects.exists()


def _case(api_for, officer, **person):
    body = api_for(officer).post("/api/v1/encounters", _encounter(person), format="json").json()
    return body["cases"][0]["uuid"]


def test_the_lead_corrects_a_case_with_a_reason_and_reads_it_in_the_history(api_for, frontline_a, lead_a):
    uuid = _case(api_for, frontline_a, person_name="Ion", age=30)
    client = api_for(lead_a)
    response = client.patch(
        f"/api/v1/cases/{uuid}",
        {"person_name": "Ion Popescu", "aliases": ["Johnny"], "county_lines": True, "reason": "Passport seen"},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["person_name"], body["aliases"], body["county_lines"], body["version"]) == (
        "Ion Popescu",
        ["Johnny"],
        True,
        2,
    )
    history = client.get(f"/api/v1/cases/{uuid}/history").json()
    correction = next(entry for entry in history if entry["action"] == "correction")
    assert correction["fields"] == ["aliases", "county_lines", "person_name"]
    assert correction["by"] == lead_a.display_name and correction["at"]
    assert "Popescu" not in str(list(AuditEvent.objects.values()))


def test_a_correction_without_a_reason_or_with_a_stale_version_is_refused(api_for, frontline_a, lead_a):
    uuid = _case(api_for, frontline_a, age=30)
    client = api_for(lead_a)
    response = client.patch(f"/api/v1/cases/{uuid}", {"nationality": "Polish"}, format="json")
    assert response.status_code == 400 and "reason" in response.json()
    response = client.patch(f"/api/v1/cases/{uuid}", {"stage": "positive_cg", "reason": "x"}, format="json")
    assert response.status_code == 400 and "stage" in response.json()
    response = client.patch(f"/api/v1/cases/{uuid}", {"age": 31, "reason": "x", "version": 7}, format="json")
    assert response.status_code == 409 and "Someone else changed this case" in response.json()["detail"]
    assert Case.objects.get(uuid=uuid).age == 30


def test_who_may_correct_and_read_the_history(api_for, frontline_a, lead_a, lead_b, councillor_a):
    uuid = _case(api_for, frontline_a, age=30)
    change = {"nationality": "Polish", "reason": "Said so"}
    assert api_for(frontline_a).patch(f"/api/v1/cases/{uuid}", change, format="json").status_code == 403
    assert api_for(lead_b).patch(f"/api/v1/cases/{uuid}", change, format="json").status_code == 404
    assert api_for(councillor_a).patch(f"/api/v1/cases/{uuid}", change, format="json").status_code == 403
    assert api_for(lead_b).get(f"/api/v1/cases/{uuid}/history").status_code == 404
    assert api_for(councillor_a).get(f"/api/v1/cases/{uuid}/history").status_code == 403
    assert api_for(frontline_a).get(f"/api/v1/cases/{uuid}/history").status_code == 200
    assert api_for(lead_a).get(f"/api/v1/cases/{uuid}/history").status_code == 200
    assert Case.objects.get(uuid=uuid).nationality == ""


def test_the_schema_documents_the_new_endpoints(api_for, lead_a):
    schema = api_for(lead_a).get("/api/schema/?format=json").json()
    assert "post" in schema["paths"]["/api/v1/encounters"]
    assert "patch" in schema["paths"]["/api/v1/cases/{case_uuid}"]
    assert "get" in schema["paths"]["/api/v1/cases/{case_uuid}/history"]


def test_an_encounter_is_read_back_with_the_cases_the_reader_may_see(
    api_for, frontline_a, lead_a, lead_b, councillor_a
):
    created = api_for(frontline_a).post("/api/v1/encounters", _encounter({"age": 30}, {"age": 19}), format="json")
    path = f"/api/v1/encounters/{created.json()['uuid']}"

    response = token_client(lead_a, scope="read", modules=("cases",)).get(path)

    assert response.status_code == 200
    body = response.json()
    assert body["location"] == "Sparkle Hand Car Wash, 2 Mill Lane"
    assert body["cases"] == created.json()["cases"]
    assert AuditEvent.objects.filter(action="view", object_id=body["uuid"], actor=lead_a).exists()
    assert token_client(lead_b).get(path).status_code == 404
    assert token_client(councillor_a).get(path).status_code == 403
    assert token_client(lead_a, modules=("reporting",)).get(path).status_code == 403
    assert (
        "get" in api_for(lead_a).get("/api/schema/?format=json").json()["paths"]["/api/v1/encounters/{encounter_uuid}"]
    )
