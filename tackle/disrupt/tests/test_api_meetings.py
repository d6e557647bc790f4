"""/api/v1/ an operation's reception centre and the cases it opens, the meeting's actions and the
briefing held (issue 19, item 1): coordinators write through the pages' forms and services, another
council's records are not found, a wrong role, a read token or a token for another module is
refused, and a refused body names its field and changes nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.disrupt.models import Action, Briefing, OperationCase, ReceptionCentrePlan
from tackle.disrupt.tests.factories import make_operation, make_outcome

PLAN = {"venue": "Town hall annex", "capacity": 20, "nights": 1}
ACTION = {"title": "Revisit the car wash", "owner": "PC Jones, Police", "due_on": "2026-01-31"}


@pytest.fixture
def writer(safety_a):
    return token_client(safety_a, scope="write")


@pytest.fixture
def operation(safety_a):
    return make_operation(safety_a, on=timezone.localdate() - timedelta(days=1))


# Reception centre ---------------------------------------------------------------------------------


def test_a_coordinator_plans_and_corrects_the_reception_centre(writer, operation):
    path = f"/api/v1/operations/{operation.uuid}/reception-centre"
    assert writer.get(path).status_code == 404
    planned = writer.put(path, PLAN, format="json")
    assert planned.status_code == 200 and planned.json()["capacity"] == 20
    assert writer.put(path, {**PLAN, "capacity": 35}, format="json").json()["capacity"] == 35
    assert writer.get(path).json()["venue"] == "Town hall annex"
    assert ReceptionCentrePlan.objects.get().capacity == 35


def test_a_refused_plan_names_its_field_and_saves_nothing(writer, safety_a, safety_b, councillor_a, operation):
    path = f"/api/v1/operations/{operation.uuid}/reception-centre"
    assert set(writer.put(path, {**PLAN, "venue": ""}, format="json").json()) == {"venue"}
    assert set(writer.put(path, {**PLAN, "capacity": -1}, format="json").json()) == {"capacity"}
    assert token_client(safety_b).put(path, PLAN, format="json").status_code == 404
    assert token_client(councillor_a).put(path, PLAN, format="json").status_code == 403
    assert token_client(safety_a, scope="read").put(path, PLAN, format="json").status_code == 403
    assert token_client(safety_a, modules=("reporting",)).get(path).status_code == 403
    assert not ReceptionCentrePlan.objects.exists()


# Cases from an operation --------------------------------------------------------------------------


def test_a_coordinator_opens_a_case_for_each_potential_victim_once(writer, safety_a, operation):
    make_outcome(operation, safety_a, victims_adult=2, victims_child=1)
    path = f"/api/v1/operations/{operation.uuid}/cases"
    opened = writer.post(path, {"what_was_seen": "Workers sleeping on site"}, format="json")
    assert opened.status_code == 201 and len(opened.json()) == 3
    assert OperationCase.objects.filter(operation=operation).count() == 3
    again = writer.post(path, {"what_was_seen": "Workers sleeping on site"}, format="json")
    assert again.status_code == 400 and "already has a case" in again.json()["detail"]


def test_opening_cases_is_refused_naming_the_field_and_opens_none(writer, safety_a, safety_b, councillor_a, operation):
    path = f"/api/v1/operations/{operation.uuid}/cases"
    before_outcome = writer.post(path, {"what_was_seen": "Seen"}, format="json")
    assert before_outcome.status_code == 400 and "outcomes first" in before_outcome.json()["detail"]
    make_outcome(operation, safety_a)
    assert set(writer.post(path, {"what_was_seen": ""}, format="json").json()) == {"what_was_seen"}
    bad_type = writer.post(path, {"what_was_seen": "Seen", "exploitation_types": ["nonsense"]}, format="json")
    assert set(bad_type.json()) == {"exploitation_types"}
    assert token_client(safety_b).post(path, {"what_was_seen": "Seen"}, format="json").status_code == 404
    assert token_client(councillor_a).post(path, {"what_was_seen": "Seen"}, format="json").status_code == 403
    assert token_client(safety_a, scope="read").post(path, {"what_was_seen": "Seen"}).status_code == 403
    assert token_client(safety_a, modules=("reporting",)).post(path, {"what_was_seen": "Seen"}).status_code == 403
    assert not OperationCase.objects.exists()


# The meeting's actions and briefing ---------------------------------------------------------------


def test_a_coordinator_records_lists_and_closes_an_action_audited(writer, operation):
    added = writer.post("/api/v1/meeting-actions/", {**ACTION, "operation": str(operation.uuid)}, format="json")
    assert added.status_code == 201 and added.json()["operation"] == str(operation.uuid)
    listed = writer.get("/api/v1/meeting-actions/?closed=false").json()
    assert [row["title"] for row in listed["results"]] == [ACTION["title"]]
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="disrupt.action").exists()
    path = f"/api/v1/meeting-actions/{added.json()['uuid']}/close"
    closed = writer.post(path, {"closing_note": "Visited with the GLAA"}, format="json")
    assert closed.status_code == 200 and closed.json()["closed_at"] is not None
    assert writer.post(path, {"closing_note": "Again"}, format="json").status_code == 400
    assert writer.get("/api/v1/meeting-actions/?closed=false").json()["count"] == 0


def test_actions_are_refused_naming_the_field_and_change_nothing(writer, safety_a, safety_b, councillor_a):
    assert set(writer.post("/api/v1/meeting-actions/", {**ACTION, "title": ""}, format="json").json()) == {"title"}
    foreign = make_operation(safety_b)
    other = writer.post("/api/v1/meeting-actions/", {**ACTION, "operation": str(foreign.uuid)}, format="json")
    assert set(other.json()) == {"operation"}
    assert token_client(councillor_a).get("/api/v1/meeting-actions/").status_code == 403
    assert token_client(safety_a, scope="read").post("/api/v1/meeting-actions/", ACTION).status_code == 403
    assert token_client(safety_a, modules=("reporting",)).get("/api/v1/meeting-actions/").status_code == 403
    assert not Action.objects.exists()
    action = Action.objects.create(organisation=safety_a.organisation, created_by=safety_a, **ACTION)
    path = f"/api/v1/meeting-actions/{action.uuid}/close"
    assert set(writer.post(path, {"closing_note": ""}, format="json").json()) == {"closing_note"}
    assert token_client(safety_b).post(path, {"closing_note": "Done"}, format="json").status_code == 404
    action.refresh_from_db()
    assert action.closed_at is None


def test_a_coordinator_records_the_meeting_held_and_others_cannot(writer, safety_a, councillor_a):
    held = writer.post("/api/v1/briefings/held")
    assert held.status_code == 201 and Briefing.objects.get().held_by == safety_a
    assert token_client(councillor_a).post("/api/v1/briefings/held").status_code == 403
    assert token_client(safety_a, scope="read").post("/api/v1/briefings/held").status_code == 403
    assert token_client(safety_a, modules=("reporting",)).post("/api/v1/briefings/held").status_code == 403
    assert Briefing.objects.count() == 1
