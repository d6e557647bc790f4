"""/api/v1/regulator-lists and /api/v1/targeting-outcomes (issue 19, item 1): the organisation's own
lists and classified outcomes, as the targeting pages show them; another council's list is 404 (and
left out of the list), roles without disruption and tokens for other modules 403."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.targeting.models import OutcomeWording
from tackle.targeting.services import Upload, outcome_wordings_classify, regulator_lists_import
from tackle.targeting.tests.factories import LISTS


@pytest.fixture
def imported(lead_a):
    uploads = [Upload(name, text.encode()) for name, text in LISTS.items()]
    return {
        item.source: item
        for item in regulator_lists_import(organisation=lead_a.organisation, actor=lead_a, uploads=uploads)
    }


def test_lists_are_listed_filtered_sorted_and_audited(lead_a, lead_b, imported):
    client = token_client(lead_a, scope="read", modules=("disruption",))
    listed = client.get("/api/v1/regulator-lists/")
    assert listed.status_code == 200
    assert [row["source"] for row in listed.json()["results"]] == ["environmental_health", "fire", "trading_standards"]
    assert listed.json()["results"][1]["record_count"] == 3
    last_first = client.get("/api/v1/regulator-lists/?sort=-source").json()["results"]
    assert last_first[0]["source"] == "trading_standards"
    assert [row["source"] for row in client.get("/api/v1/regulator-lists/?source=FIRE").json()["results"]] == ["fire"]
    assert AuditEvent.objects.filter(
        action=AuditAction.LIST, object_type="targeting.regulatorlist", actor=lead_a
    ).exists()
    assert token_client(lead_b).get("/api/v1/regulator-lists/").json()["count"] == 0


def test_a_bad_filter_is_refused_naming_it(lead_a, imported):
    client = token_client(lead_a)
    assert set(client.get("/api/v1/regulator-lists/?colour=red").json()) == {"colour"}
    assert set(client.get("/api/v1/regulator-lists/?sort=colour").json()) == {"sort"}
    assert set(client.get("/api/v1/targeting-outcomes/?adverse=perhaps").json()) == {"adverse"}


def test_a_list_is_read_with_its_records_a_page_at_a_time_and_audited(lead_a, imported):
    regulator_list = imported["trading_standards"]
    response = token_client(lead_a, scope="read").get(f"/api/v1/regulator-lists/{regulator_list.uuid}")
    assert response.status_code == 200
    body = response.json()
    assert body["header"][0] == "Trader Name" and body["mapping"]["postcode"] == "Post Code"
    assert body["records"]["count"] == 2
    first = body["records"]["results"][0]
    assert (first["name"], first["postcode"], first["non_compliant"]) == ("Sparkle Hand Car Wash Ltd", "B70 6AB", True)
    assert [reject["line"] for reject in body["rejects"]] == [4]
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(regulator_list.uuid), actor=lead_a).exists()
    beyond = token_client(lead_a).get(f"/api/v1/regulator-lists/{regulator_list.uuid}?page=9")
    assert beyond.status_code == 404


def test_another_councils_list_is_not_found(lead_b, imported):
    response = token_client(lead_b).get(f"/api/v1/regulator-lists/{imported['fire'].uuid}")
    assert response.status_code == 404


def test_outcomes_are_listed_filtered_and_classified(lead_a, lead_b):
    outcome_wordings_classify(
        organisation=lead_a.organisation, actor=lead_a, decisions={"Licence revoked": True, "Advice given": False}
    )
    outcome_wordings_classify(organisation=lead_b.organisation, actor=lead_b, decisions={"Closed": False})
    client = token_client(lead_a)
    listed = client.get("/api/v1/targeting-outcomes/").json()
    assert [row["wording"] for row in listed["results"]] == ["advice given", "licence revoked"]
    adverse = client.get("/api/v1/targeting-outcomes/?adverse=true").json()["results"]
    assert [row["wording"] for row in adverse] == ["licence revoked"]
    created = client.post("/api/v1/targeting-outcomes/", {"wording": "Advice given", "adverse": True}, format="json")
    assert created.status_code == 201 and created.json()["wording"] == "advice given" and created.json()["adverse"]
    assert OutcomeWording.objects.get(organisation=lead_a.organisation, wording="advice given").adverse
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, actor=lead_a).exists()


def test_a_bad_outcome_names_its_field_and_saves_nothing(lead_a):
    client = token_client(lead_a)
    assert set(client.post("/api/v1/targeting-outcomes/", {"adverse": True}, format="json").json()) == {"wording"}
    blank = client.post("/api/v1/targeting-outcomes/", {"wording": "!!", "adverse": True}, format="json")
    assert blank.status_code == 400 and set(blank.json()) == {"wording"}
    assert not OutcomeWording.objects.exists()


def test_wrong_roles_and_tokens_are_refused(lead_a, councillor_a, frontline_a, imported):
    detail = f"/api/v1/regulator-lists/{imported['fire'].uuid}"
    body = {"wording": "Closed", "adverse": False}
    for user in (councillor_a, frontline_a):
        client = token_client(user)
        assert client.get("/api/v1/regulator-lists/").status_code == 403
        assert client.get(detail).status_code == 403
        assert client.post("/api/v1/targeting-outcomes/", body, format="json").status_code == 403
    other_module = token_client(lead_a, modules=("cases",))
    assert other_module.get("/api/v1/regulator-lists/").status_code == 403
    assert other_module.get("/api/v1/targeting-outcomes/").status_code == 403
    reader = token_client(lead_a, scope="read")
    assert reader.post("/api/v1/targeting-outcomes/", body, format="json").status_code == 403
    assert not OutcomeWording.objects.exists()
