"""/api/v1/premises, /intelligence and /operations (issue 19, item 1): the pages' rules through a
token: the right role works, another organisation's record is not found, a wrong role, a read token
or a token for another module is refused, and a refused body names its field and changes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.models import RecordShare
from tackle.core.roles import Role
from tackle.disrupt.choices import FlagKind, SharingCategory
from tackle.disrupt.models import AddressFlag, Intelligence, Operation, OperationOutcome, Premises
from tackle.disrupt.tests.factories import add_agency, make_agreement, make_intelligence, make_operation, make_premises

NEW_PREMISES = {"address": "4 Canal Street", "postcode": "b66 2bb", "premises_type": "nail_bar"}
NEW_INTELLIGENCE = {
    "received_on": "2026-01-05",
    "what": "Young women driven to the nail bar each morning",
    "source_evaluation": "2",
    "intelligence_assessment": "B",
    "handling_code": "P",
    "exploitation_types": ["labour"],
}


@pytest.fixture
def writer(safety_a):
    return token_client(safety_a, scope="write")


# Premises -----------------------------------------------------------------------------------------


def test_a_coordinator_lists_filters_and_sorts_premises_and_the_listing_is_audited(safety_a, writer):
    make_premises(safety_a, name="Zed Wash", postcode="B66 1AA")
    make_premises(safety_a, name="Alpha Nails", postcode="B70 9ZZ", premises_type="nail_bar")
    body = writer.get("/api/v1/premises/?sort=-name").json()
    assert [row["name"] for row in body["results"]] == ["Zed Wash", "Alpha Nails"]
    nails = writer.get("/api/v1/premises/?premises_type=nail_bar").json()
    assert nails["count"] == 1 and nails["results"][0]["postcode"] == "B70 9ZZ"
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="disrupt.premises", actor=safety_a).exists()


def test_an_unknown_filter_or_sort_is_refused_by_name(writer):
    assert set(writer.get("/api/v1/premises/?colour=red&sort=height").json()) == {"colour"}
    assert set(writer.get("/api/v1/premises/?sort=height").json()) == {"sort"}


def test_a_coordinator_adds_premises_as_the_page_would(safety_a, writer):
    response = writer.post("/api/v1/premises/", NEW_PREMISES, format="json")
    assert response.status_code == 201
    assert response.json()["postcode"] == "B66 2BB"  # normalised by the page's form
    premises = Premises.objects.get(uuid=response.json()["uuid"])
    assert premises.organisation == safety_a.organisation and premises.created_by == safety_a
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(premises.uuid)).exists()


def test_a_bad_postcode_is_refused_naming_the_field_and_nothing_is_added(writer):
    response = writer.post("/api/v1/premises/", {**NEW_PREMISES, "postcode": "12345"}, format="json")
    assert response.status_code == 400
    assert "UK postcode" in response.json()["postcode"][0]
    missing = writer.post("/api/v1/premises/", {"postcode": "B66 1AA"}, format="json")
    assert set(missing.json()) == {"address", "premises_type"}
    assert not Premises.objects.exists()


def test_a_coordinator_changes_premises_and_reads_them_with_their_flags(safety_a, writer):
    premises = make_premises(safety_a)
    AddressFlag.objects.create(premises=premises, kind=FlagKind.OFFICER_SAFETY, raised_by=safety_a)
    changed = writer.patch(f"/api/v1/premises/{premises.uuid}", {"name": "Shine Wash"}, format="json")
    assert changed.status_code == 200 and changed.json()["name"] == "Shine Wash"
    premises.refresh_from_db()
    assert premises.name == "Shine Wash" and premises.postcode == "B66 1AA"
    body = writer.get(f"/api/v1/premises/{premises.uuid}").json()
    assert [flag["kind"] for flag in body["flags"]] == [FlagKind.OFFICER_SAFETY]
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(premises.uuid)).exists()


def test_a_refused_change_changes_nothing(safety_a, writer):
    premises = make_premises(safety_a)
    response = writer.patch(f"/api/v1/premises/{premises.uuid}", {"uprn": "not-a-uprn"}, format="json")
    assert response.status_code == 400 and "uprn" in response.json()
    premises.refresh_from_db()
    assert premises.uprn == ""


def test_another_councils_premises_are_not_found(safety_a, safety_b):
    premises = make_premises(safety_a)
    other = token_client(safety_b)
    assert other.get(f"/api/v1/premises/{premises.uuid}").status_code == 404
    assert other.patch(f"/api/v1/premises/{premises.uuid}", {"name": "X"}, format="json").status_code == 404
    assert other.get("/api/v1/premises/").json()["count"] == 0


def test_flags_are_for_the_owning_councils_coordinators_only(safety_a, police_partner, police):
    premises = make_premises(safety_a)
    AddressFlag.objects.create(premises=premises, kind=FlagKind.OFFICER_SAFETY, raised_by=safety_a)
    make_agreement(safety_a, police, [SharingCategory.PREMISES])
    body = token_client(police_partner).get(f"/api/v1/premises/{premises.uuid}").json()
    assert body["address"] == "12 Mill Lane" and body["flags"] == []


def test_wrong_roles_and_tokens_are_refused_premises(safety_a, councillor_a, police_partner):
    premises = make_premises(safety_a)
    assert token_client(councillor_a).get("/api/v1/premises/").status_code == 403
    assert token_client(police_partner).post("/api/v1/premises/", NEW_PREMISES, format="json").status_code == 403
    reader = token_client(safety_a, scope="read")
    assert reader.get(f"/api/v1/premises/{premises.uuid}").status_code == 200
    assert reader.post("/api/v1/premises/", NEW_PREMISES, format="json").status_code == 403
    assert reader.patch(f"/api/v1/premises/{premises.uuid}", {"name": "X"}, format="json").status_code == 403
    cases_only = token_client(safety_a, modules=("reporting",))
    assert cases_only.get("/api/v1/premises/").status_code == 403
    assert Premises.objects.count() == 1


# Intelligence -------------------------------------------------------------------------------------


def test_anyone_in_the_partnership_records_intelligence(police_partner):
    response = token_client(police_partner).post("/api/v1/intelligence/", NEW_INTELLIGENCE, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["full"] is True and body["what"].startswith("Young women") and body["grade"] == "2B P"
    assert Intelligence.objects.get(uuid=body["uuid"]).organisation == police_partner.organisation


def test_handling_code_c_without_conditions_is_refused_naming_the_field(writer):
    response = writer.post("/api/v1/intelligence/", {**NEW_INTELLIGENCE, "handling_code": "C"}, format="json")
    assert response.status_code == 400
    assert response.json()["handling_conditions"] == ["Enter the conditions for handling code C"]
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    assert "received_on" in writer.post("/api/v1/intelligence/", {**NEW_INTELLIGENCE, "received_on": future}).json()
    assert not Intelligence.objects.exists()


def test_another_councils_premises_cannot_be_linked(safety_a, safety_b, writer):
    theirs = make_premises(safety_b)
    linked = {**NEW_INTELLIGENCE, "premises": [str(theirs.uuid)]}
    response = writer.post("/api/v1/intelligence/", linked, format="json")
    assert response.status_code == 400 and "premises" in response.json()


def test_a_partner_with_a_summaries_agreement_sees_the_summary_only(safety_a, police_partner, police):
    record = make_intelligence(safety_a)
    make_agreement(safety_a, police, [SharingCategory.INTELLIGENCE_SUMMARIES])
    client = token_client(police_partner)
    body = client.get(f"/api/v1/intelligence/{record.uuid}").json()
    assert body["full"] is False and body["sanitised_summary"].startswith("Possible labour")
    assert body["people"] is None and body["vehicles"] is None and body["what"] is None
    listed = client.get("/api/v1/intelligence/").json()["results"]
    assert [(row["uuid"], row["full"], row["people"]) for row in listed] == [(str(record.uuid), False, None)]
    assert client.get("/api/v1/intelligence/?summaries=false").json()["count"] == 0
    note = AuditEvent.objects.get(action=AuditAction.VIEW, object_id=str(record.uuid)).note
    assert "Sanitised summary only" in note


def test_intelligence_with_conditions_is_not_passed_on_by_an_agreement(safety_a, police_partner, police):
    record = make_intelligence(safety_a, handling_code="C", handling_conditions="Police only")
    make_agreement(safety_a, police, [SharingCategory.INTELLIGENCE])
    assert token_client(police_partner).get(f"/api/v1/intelligence/{record.uuid}").status_code == 404


def test_intelligence_is_shared_with_an_organisation_by_its_owner_only(safety_a, safety_b, police, police_partner):
    record = make_intelligence(safety_a)
    share = {"organisation": police.code, "reason": "Operation Lantern"}
    assert token_client(safety_b).post(f"/api/v1/intelligence/{record.uuid}/shares", share).status_code == 404
    assert (
        token_client(safety_a, scope="read").post(f"/api/v1/intelligence/{record.uuid}/shares", share).status_code
        == 403
    )
    unknown = token_client(safety_a).post(f"/api/v1/intelligence/{record.uuid}/shares", {**share, "organisation": "X"})
    assert unknown.status_code == 400 and "organisation" in unknown.json()
    assert not RecordShare.objects.exists()
    response = token_client(safety_a).post(f"/api/v1/intelligence/{record.uuid}/shares", share, format="json")
    assert response.status_code == 201 and response.json()["organisation"] == police.code
    assert token_client(police_partner).get(f"/api/v1/intelligence/{record.uuid}").json()["full"] is True


def test_wrong_roles_are_refused_intelligence(safety_a, councillor_a, make_user, council_a):
    record = make_intelligence(safety_a)
    assert token_client(councillor_a).get(f"/api/v1/intelligence/{record.uuid}").status_code == 403
    procurement = make_user(Role.PROCUREMENT_OFFICER, council_a)
    assert token_client(procurement).post("/api/v1/intelligence/", NEW_INTELLIGENCE).status_code == 403


# Operations ---------------------------------------------------------------------------------------

NEW_OPERATION = {
    "name": "Operation Kestrel",
    "kind": "planned",
    "objective": "Welfare checks",
    "operation_date": "2026-05-01",
    "lead_agency": "Test Police",
}


def test_a_coordinator_plans_an_operation_at_an_address_already_held(safety_a, writer):
    held = make_premises(safety_a)
    planned = {**NEW_OPERATION, "new_premises_address": "12  mill lane", "new_premises_postcode": "b66 1aa"}
    response = writer.post("/api/v1/operations/", planned, format="json")
    assert response.status_code == 201
    assert response.json()["premises"] == [str(held.uuid)]
    assert Premises.objects.count() == 1


def test_an_operation_is_listed_filtered_changed_and_read(safety_a, writer):
    operation = make_operation(safety_a)
    make_operation(safety_a, name="Operation Owl", kind="dynamic")
    assert writer.get("/api/v1/operations/?kind=dynamic").json()["count"] == 1
    assert writer.get("/api/v1/operations/?outcome_recorded=true").json()["count"] == 0
    changed = writer.patch(f"/api/v1/operations/{operation.uuid}", {"lead_agency": "Trading standards"}, format="json")
    assert changed.status_code == 200 and changed.json()["lead_agency"] == "Trading standards"
    assert writer.get(f"/api/v1/operations/{operation.uuid}").json()["objective"] == operation.objective
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(operation.uuid)).exists()


def test_a_refused_plan_names_its_field_and_changes_nothing(safety_a, writer):
    operation = make_operation(safety_a)
    response = writer.patch(f"/api/v1/operations/{operation.uuid}", {"name": ""}, format="json")
    assert response.status_code == 400 and "name" in response.json()
    bad = writer.post("/api/v1/operations/", {**NEW_OPERATION, "new_premises_address": "1 Road"}, format="json")
    assert bad.status_code == 400 and "new_premises_postcode" in bad.json()
    assert Operation.objects.count() == 1 and Operation.objects.get().name == operation.name


def test_an_agency_taking_part_reads_the_operation_but_cannot_change_it(safety_a, police_partner, police, safety_b):
    operation = make_operation(safety_a)
    add_agency(operation, "Test Police", organisation=police)
    partner = token_client(police_partner)
    assert partner.get(f"/api/v1/operations/{operation.uuid}").json()["agencies"][0]["name"] == "Test Police"
    assert partner.patch(f"/api/v1/operations/{operation.uuid}", {"name": "X"}, format="json").status_code == 403
    assert partner.post("/api/v1/operations/", NEW_OPERATION, format="json").status_code == 403
    other = token_client(safety_b)
    assert other.get(f"/api/v1/operations/{operation.uuid}").status_code == 404
    assert other.patch(f"/api/v1/operations/{operation.uuid}", {"name": "X"}, format="json").status_code == 404
    assert token_client(safety_a, scope="read").post("/api/v1/operations/", NEW_OPERATION).status_code == 403
    assert Operation.objects.count() == 1


# Address flags, agencies and outcomes -------------------------------------------------------------


def test_a_coordinator_flags_an_address_once_and_clears_it(safety_a, writer):
    premises = make_premises(safety_a)
    path = f"/api/v1/premises/{premises.uuid}/flags"
    raised = writer.post(path, {"kind": "officer_safety", "note": "Dogs"}, format="json")
    assert raised.status_code == 201 and raised.json()["cleared_at"] is None
    again = writer.post(path, {"kind": "officer_safety"}, format="json")
    assert again.status_code == 400 and "kind" in again.json()
    assert AddressFlag.objects.count() == 1
    cleared = writer.post(f"{path}/{raised.json()['uuid']}/clear")
    assert cleared.status_code == 200 and cleared.json()["cleared_at"] is not None
    assert writer.get(f"/api/v1/premises/{premises.uuid}").json()["flags"] == []


def test_flags_are_refused_to_partners_other_councils_and_read_tokens(safety_a, safety_b, police_partner, police):
    premises = make_premises(safety_a)
    make_agreement(safety_a, police, [SharingCategory.PREMISES])
    flag = {"kind": "officer_safety"}
    path = f"/api/v1/premises/{premises.uuid}/flags"
    assert token_client(police_partner).post(path, flag, format="json").status_code == 403
    assert token_client(safety_b).post(path, flag, format="json").status_code == 404
    assert token_client(safety_a, scope="read").post(path, flag, format="json").status_code == 403
    assert not AddressFlag.objects.exists()


def test_a_coordinator_adds_an_agency_that_then_sees_the_operation(safety_a, writer, police, police_partner):
    operation = make_operation(safety_a)
    path = f"/api/v1/operations/{operation.uuid}/agencies"
    added = writer.post(path, {"name": "Test Police", "attendance": "present", "organisation": police.code})
    assert added.status_code == 201 and added.json()["agencies"][0]["name"] == "Test Police"
    assert token_client(police_partner).get(f"/api/v1/operations/{operation.uuid}").status_code == 200
    twice = writer.post(path, {"name": "test police", "attendance": "on_call"}, format="json")
    assert twice.status_code == 400 and "name" in twice.json()
    unknown = writer.post(path, {"name": "HMRC", "attendance": "present", "organisation": "NOPE"}, format="json")
    assert unknown.status_code == 400 and "organisation" in unknown.json()
    assert operation.agencies.count() == 1


def test_outcomes_are_recorded_and_refused_when_victims_outnumber_people(safety_a, writer):
    operation = make_operation(safety_a, on=timezone.localdate() - timedelta(days=1))
    path = f"/api/v1/operations/{operation.uuid}/outcome"
    refused = writer.post(path, {"people_encountered": 2, "victims_adult": 3}, format="json")
    assert refused.status_code == 400 and "people_encountered" in refused.json()
    assert not OperationOutcome.objects.exists()
    recorded = writer.post(path, {"people_encountered": 11, "victims_adult": 5, "exploitation_types": ["labour"]})
    assert recorded.status_code == 200 and recorded.json()["outcome"]["victims_adult"] == 5
    assert writer.get("/api/v1/operations/?outcome_recorded=true").json()["count"] == 1


def test_outcomes_are_refused_to_partners_other_councils_and_before_the_day(safety_a, safety_b, police_partner, police):
    operation = make_operation(safety_a, on=timezone.localdate() + timedelta(days=3))
    add_agency(operation, "Test Police", organisation=police)
    path = f"/api/v1/operations/{operation.uuid}/outcome"
    body = {"people_encountered": 1}
    assert token_client(police_partner).post(path, body, format="json").status_code == 403
    assert token_client(safety_b).post(path, body, format="json").status_code == 404
    assert token_client(safety_b).post(f"/api/v1/operations/{operation.uuid}/agencies", {}).status_code == 404
    early = token_client(safety_a).post(path, body, format="json")
    assert early.status_code == 400 and "on or after the day" in str(early.json())
    assert not OperationOutcome.objects.exists()
