"""/api/v1/regulator-lists and /api/v1/targeting-outcomes (issue 19, item 1): the organisation's own
lists and classified outcomes, as the targeting pages show them; another council's list is 404 (and
left out of the list), roles without disruption and tokens for other modules 403."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.targeting.models import OutcomeWording, RegulatorList
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


def _file(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_lists_are_imported_with_their_rejected_lines_and_a_bad_file_saves_nothing(lead_a):
    client = token_client(lead_a, modules=("disruption",))
    files = [_file(name, text) for name, text in LISTS.items()]
    response = client.post("/api/v1/regulator-lists/", {"lists": files}, format="multipart")
    assert response.status_code == 201, response.json()
    by_source = {row["source"]: row for row in response.json()}
    assert set(by_source) == {"trading_standards", "environmental_health", "fire"}
    assert by_source["trading_standards"]["rejects"][0]["line"] == 4  # a postcode that is not one
    assert "postcode" in by_source["trading_standards"]["rejects"][0]["reason"].lower()
    broken = [_file("fire.csv", LISTS["fire.csv"]), _file("housing.csv", "Notes\nno name column here\n")]
    refused = client.post("/api/v1/regulator-lists/", {"lists": broken}, format="multipart")
    assert refused.status_code == 400 and refused.json()["lists"][0].startswith("housing.csv")
    assert RegulatorList.objects.count() == 3
    empty = client.post("/api/v1/regulator-lists/", {}, format="multipart")
    assert empty.status_code == 400 and set(empty.json()) == {"lists"}


GUESSED = "Licensed operator,Shop,Postcod\nAcme Holdings,Acme Nails,B70 6AB\nBee Group,Bee Bar,B70 7AA\n"


def test_a_guessed_column_is_named_in_the_400_and_the_columns_sent_are_used(lead_a):
    client = token_client(lead_a)
    asked = client.post("/api/v1/regulator-lists/", {"lists": [_file("licensing.csv", GUESSED)]}, format="multipart")
    assert asked.status_code == 400 and asked.json()["lists"][0].startswith("licensing.csv: Check the columns")
    postcode = next(choice for choice in asked.json()["columns"] if choice["field"] == "postcode")
    assert (postcode["column"], postcode["samples"]) == (2, ["B70 6AB", "B70 7AA"])
    assert not RegulatorList.objects.exists()
    answer = json.dumps([{"header": asked.json()["header"], "columns": {"business_name": 1, "postcode": 2}}])
    bad = client.post("/api/v1/regulator-lists/", {"lists": [_file("l.csv", GUESSED)], "columns": "[{}]"})
    assert bad.status_code == 400 and set(bad.json()) == {"columns"}
    files = {"lists": [_file("licensing.csv", GUESSED)], "columns": answer}
    imported = client.post("/api/v1/regulator-lists/", files, format="multipart")
    assert imported.status_code == 201, imported.json()
    assert RegulatorList.objects.get().mapping == {"business_name": "Shop", "postcode": "Postcod"}


def test_a_list_is_removed_by_its_own_council_only(lead_a, lead_b, frontline_a, imported):
    fire = imported["fire"]
    assert token_client(lead_b).delete(f"/api/v1/regulator-lists/{fire.uuid}").status_code == 404
    assert token_client(lead_a, scope="read").delete(f"/api/v1/regulator-lists/{fire.uuid}").status_code == 403
    assert token_client(lead_a, modules=("cases",)).delete(f"/api/v1/regulator-lists/{fire.uuid}").status_code == 403
    assert token_client(frontline_a).delete(f"/api/v1/regulator-lists/{fire.uuid}").status_code == 403
    assert token_client(frontline_a).post("/api/v1/regulator-lists/", {"lists": []}).status_code == 403
    assert token_client(lead_a).delete(f"/api/v1/regulator-lists/{fire.uuid}").status_code == 204
    assert not RegulatorList.objects.filter(pk=fire.pk).exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, object_id=str(fire.uuid), actor=lead_a).exists()


def test_premises_are_ranked_as_the_page_ranks_them_filtered_and_audited(lead_a, lead_b, client_for, imported):
    client = token_client(lead_a, scope="read", modules=("disruption",))
    body = client.get("/api/v1/targeting-premises/").json()
    page = client_for(lead_a).get("/targeting/").context["ranking"].ranked
    assert [row["entity_id"] for row in body["results"]] == [entity.entity_id for entity in page]
    first = body["results"][0]
    assert (first["rank"], first["postcode"], first["premises_type"]) == (1, "B70 6AB", "hand_car_wash")
    assert len(first["sources"]) == 3 and {record["source"] for record in first["records"]} == set(first["sources"])
    assert first["reasons"] == [str(reason) for reason in page[0].reasons]
    dragon = client.get("/api/v1/targeting-premises/?q=dragon&postcode=b70 9").json()["results"]
    wanted = [(n, e.name) for n, e in enumerate(page, 1) if "dragon" in e.name.lower() and e.postcode[:5] == "B70 9"]
    assert [(row["rank"], row["name"]) for row in dragon] == wanted and len(wanted) == 1
    assert client.get("/api/v1/targeting-premises/?premises_type=farm").json()["count"] == 1
    assert client.get("/api/v1/targeting-premises/?source=trading_standards").json()["count"] == 2
    high = client.get(f"/api/v1/targeting-premises/?min_score={first['score']}").json()["results"]
    assert [row["rank"] for row in high] == [1]
    lowest_first = client.get("/api/v1/targeting-premises/?sort=score").json()["results"]
    assert lowest_first[-1]["rank"] == 1
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="targeting.ranking", actor=lead_a).exists()
    assert token_client(lead_b).get("/api/v1/targeting-premises/").json()["count"] == 0


def test_the_ranking_refuses_a_bad_filter_other_roles_and_tokens(lead_a, frontline_a, imported):
    bad = token_client(lead_a).get("/api/v1/targeting-premises/?premises_type=castle&min_score=-1&colour=red")
    assert bad.status_code == 400 and set(bad.json()) == {"colour"}  # an unknown filter first, as the lists
    bad = token_client(lead_a).get("/api/v1/targeting-premises/?premises_type=castle&min_score=-1")
    assert bad.status_code == 400 and set(bad.json()) == {"premises_type", "min_score"}
    assert token_client(frontline_a).get("/api/v1/targeting-premises/").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get("/api/v1/targeting-premises/").status_code == 403
