"""/api/v1/statements/ and /api/v1/action-plan/ (issue 19, item 1): the supply roles read, the
modern slavery lead writes, another council's records are not found, a read token or a token for
another module is refused, and a refused body names its field and changes nothing."""

import pytest
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Role
from tackle.statements.models import Action, ActionStatus, ActionUpdate, Signatory, Statement, StatementPeriod

NEW_ACTION = {"area": "prevention", "title": "Train buyers", "due_on": "2026-01-31"}


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a)


# Statements ---------------------------------------------------------------------------------------


def test_a_procurement_officer_reads_the_statement_and_the_opening_is_audited(procurement_a, statement_a):
    client = token_client(procurement_a, scope="read")
    listed = client.get("/api/v1/statements/").json()
    assert [row["uuid"] for row in listed["results"]] == [str(statement_a.uuid)]
    body = client.get(f"/api/v1/statements/{statement_a.uuid}").json()
    policies = next(section for section in body["sections"] if section["key"] == "policies")
    assert policies["text"] == "Our policies say what to do." and body["status"] == "draft"
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(statement_a.uuid)).exists()


def test_the_lead_starts_a_statement_once_a_period(lead_a, period_a):
    client = token_client(lead_a)
    started = client.post("/api/v1/statements/", {"period": str(period_a.uuid)}, format="json")
    assert started.status_code == 201 and started.json()["period_label"] == "2025-2026"
    again = client.post("/api/v1/statements/", {"period": str(period_a.uuid)}, format="json")
    assert again.status_code == 400 and "already has a statement" in str(again.json())
    assert Statement.objects.count() == 1


def test_the_lead_writes_sections_and_an_approved_version_becomes_a_new_draft(lead_a, statement_a, approve):
    approve(statement_a, lead_a)
    client = token_client(lead_a)
    response = client.patch(
        f"/api/v1/statements/{statement_a.uuid}", {"sections": {"policies": "Revised."}}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 2 and body["uuid"] != str(statement_a.uuid) and body["status"] == "draft"
    assert statement_a.sections.get(key="policies").text == "Our policies say what to do."


def test_an_unknown_section_or_a_review_date_before_the_decision_changes_nothing(lead_a, statement_a, approve):
    approve(statement_a, lead_a)
    client = token_client(lead_a)
    unknown = client.patch(f"/api/v1/statements/{statement_a.uuid}", {"sections": {"colour": "x"}}, format="json")
    assert unknown.status_code == 400 and "sections" in unknown.json()
    early = {"sections": {"policies": "Revised."}, "review_date": "2025-06-01"}
    refused = client.patch(f"/api/v1/statements/{statement_a.uuid}", early, format="json")
    assert refused.status_code == 400 and "review_date" in refused.json()
    assert Statement.objects.count() == 1  # no new draft made by the section written before the refusal
    assert statement_a.sections.get(key="policies").text == "Our policies say what to do."


def test_the_lead_adds_a_signatory_naming_refused_fields(lead_a, statement_a):
    client = token_client(lead_a)
    missing = client.post(f"/api/v1/statements/{statement_a.uuid}/signatories", {"name": "Ann"}, format="json")
    assert missing.status_code == 400 and set(missing.json()) == {"role"}
    added = client.post(
        f"/api/v1/statements/{statement_a.uuid}/signatories", {"name": "Ann", "role": "Leader"}, format="json"
    )
    assert added.status_code == 201 and added.json()["signatories"] == [{"name": "Ann", "role": "Leader"}]


def test_statements_refuse_wrong_roles_other_councils_and_read_tokens(
    statement_a, procurement_a, lead_b, councillor_a, lead_a
):
    path = f"/api/v1/statements/{statement_a.uuid}"
    assert token_client(lead_b).get(path).status_code == 404
    assert token_client(lead_b).patch(path, {"sections": {"policies": "x"}}, format="json").status_code == 404
    assert token_client(councillor_a).get("/api/v1/statements/").status_code == 403
    writer = token_client(procurement_a)
    assert writer.patch(path, {"sections": {"policies": "x"}}, format="json").status_code == 403
    assert writer.post(f"{path}/signatories", {"name": "A", "role": "B"}, format="json").status_code == 403
    assert token_client(lead_a, scope="read").patch(path, {"sections": {}}, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(path).status_code == 403
    assert statement_a.sections.get(key="policies").text == "Our policies say what to do."
    assert not Signatory.objects.exists()


# Action plan --------------------------------------------------------------------------------------


def test_the_plan_is_listed_and_filtered_as_the_page_shows_it(procurement_a, action_a, period_a, lead_a):
    client = token_client(procurement_a, scope="read")
    assert client.get("/api/v1/action-plan/periods").json()["results"][0]["uuid"] == str(period_a.uuid)
    listed = client.get(f"/api/v1/action-plan/actions/?period={period_a.uuid}&overdue=true").json()
    assert [row["title"] for row in listed["results"]] == ["Add clauses to contracts"]  # due 31 December 2025
    assert client.get("/api/v1/action-plan/actions/?status=done").json()["count"] == 0
    assert set(client.get("/api/v1/action-plan/actions/?area=north").json()) == {"area"}


def test_the_lead_adds_an_action_owned_by_a_colleague(lead_a, period_a, procurement_a):
    added = token_client(lead_a).post(
        "/api/v1/action-plan/actions/",
        {**NEW_ACTION, "period": str(period_a.uuid), "owner": procurement_a.username},
        format="json",
    )
    assert added.status_code == 201 and added.json()["owner"] == procurement_a.username
    assert Action.objects.get(uuid=added.json()["uuid"]).period == period_a


def test_a_refused_action_names_its_field_and_adds_nothing(lead_a, period_a, lead_b):
    client = token_client(lead_a)
    body = {**NEW_ACTION, "period": str(period_a.uuid), "owner": lead_b.username}  # another council's user
    response = client.post("/api/v1/action-plan/actions/", body, format="json")
    assert response.status_code == 400 and set(response.json()) == {"owner"}
    missing = client.post("/api/v1/action-plan/actions/", {"period": str(period_a.uuid)}, format="json")
    assert {"area", "title", "due_on"} <= set(missing.json())
    assert not Action.objects.exists()


def test_the_lead_sets_status_and_records_progress(lead_a, action_a):
    client = token_client(lead_a)
    path = f"/api/v1/action-plan/actions/{action_a.uuid}"
    progress = client.post(f"{path}/progress", {"what_was_done": "Drafted clauses"}, format="json")
    assert progress.status_code == 201 and progress.json()["status"] == "in_progress"
    assert progress.json()["progress"][0]["what_was_done"] == "Drafted clauses"
    assert client.patch(path, {"status": "done"}, format="json").json()["status"] == "done"
    carried = client.patch(path, {"status": "carried_over"}, format="json")
    assert carried.status_code == 400 and "status" in carried.json()
    action_a.refresh_from_db()
    assert action_a.status == ActionStatus.DONE


def test_the_plan_refuses_wrong_roles_other_councils_and_read_tokens(action_a, period_a, procurement_a, lead_b, lead_a):
    path = f"/api/v1/action-plan/actions/{action_a.uuid}"
    assert token_client(lead_b).get(path).status_code == 404
    assert token_client(lead_b).patch(path, {"status": "done"}, format="json").status_code == 404
    writer = token_client(procurement_a)
    assert writer.get(path).status_code == 200
    assert writer.patch(path, {"status": "done"}, format="json").status_code == 403
    assert writer.post(f"{path}/progress", {"what_was_done": "x"}, format="json").status_code == 403
    new = {**NEW_ACTION, "period": str(period_a.uuid)}
    assert writer.post("/api/v1/action-plan/actions/", new, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post("/api/v1/action-plan/actions/", new).status_code == 403
    assert token_client(lead_a, modules=("cases",)).get("/api/v1/action-plan/actions/").status_code == 403
    assert Action.objects.count() == 1 and not ActionUpdate.objects.exists()
    action_a.refresh_from_db()
    assert action_a.status == ActionStatus.PLANNED


def test_the_lead_deletes_an_empty_period_and_the_deletion_is_audited(lead_a, next_period_a):
    response = token_client(lead_a).delete(f"/api/v1/action-plan/periods/{next_period_a.uuid}")
    assert response.status_code == 204
    assert not StatementPeriod.objects.filter(pk=next_period_a.pk).exists()
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, note="Period 2026-2027 deleted").exists()


def test_a_period_holding_actions_or_a_statement_is_kept_with_409_saying_why(lead_a, action_a, statement_a):
    response = token_client(lead_a).delete(f"/api/v1/action-plan/periods/{action_a.period.uuid}")
    assert response.status_code == 409
    assert response.json() == {
        "detail": "This period has 1 action and 1 statement version, so it cannot be deleted. "
        "Correct its label or dates instead."
    }
    assert StatementPeriod.objects.filter(pk=action_a.period.pk).exists()


def test_deleting_a_period_refuses_wrong_roles_other_councils_and_tokens(lead_a, lead_b, procurement_a, next_period_a):
    path = f"/api/v1/action-plan/periods/{next_period_a.uuid}"
    assert token_client(lead_b).delete(path).status_code == 404
    assert token_client(procurement_a).delete(path).status_code == 403
    assert token_client(lead_a, scope="read").delete(path).status_code == 403
    assert token_client(lead_a, modules=("cases",)).delete(path).status_code == 403
    assert StatementPeriod.objects.filter(pk=next_period_a.pk).exists()


# The statement's languages and Welsh text (issue 21) ------------------------------------------------


def test_the_api_shows_the_languages_and_the_welsh_text_where_the_page_does(procurement_a, statement_a, lead_a):
    client = token_client(procurement_a, scope="read")
    english_only = client.get(f"/api/v1/statements/{statement_a.uuid}").json()
    assert english_only["languages"] == "en"
    assert all(section["text_cy"] is None for section in english_only["sections"])

    lead = token_client(lead_a)
    welsh = {"languages": "both", "sections_cy": {"policies": "Mae ein polisïau yn dweud beth i'w wneud."}}
    changed = lead.patch(f"/api/v1/statements/{statement_a.uuid}", welsh, format="json")
    assert changed.status_code == 200
    body = client.get(f"/api/v1/statements/{statement_a.uuid}").json()
    sections = {section["key"]: section for section in body["sections"]}
    assert body["languages"] == "both"
    assert sections["policies"]["text_cy"] == "Mae ein polisïau yn dweud beth i'w wneud."
    assert sections["policies"]["text"] == "Our policies say what to do."  # the English is kept
    assert sections["supply_chains"]["text_cy"] == ""  # no Welsh yet: empty, as the page says it is missing


def test_welsh_text_for_a_statement_in_english_only_is_refused_and_changes_nothing(lead_a, statement_a):
    client = token_client(lead_a)
    refused = client.patch(
        f"/api/v1/statements/{statement_a.uuid}",
        {"sections": {"policies": "Revised."}, "sections_cy": {"policies": "Diwygiwyd."}},
        format="json",
    )
    assert refused.status_code == 400 and "sections_cy" in refused.json()
    assert statement_a.sections.get(key="policies").text == "Our policies say what to do."
    unknown = client.patch(f"/api/v1/statements/{statement_a.uuid}", {"languages": "fr"}, format="json")
    assert unknown.status_code == 400 and "languages" in unknown.json()


def test_the_schema_documents_the_languages_and_the_welsh_text(db):
    schema = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    components = schema["components"]["schemas"]
    assert "languages" in components["Statement"]["properties"]
    assert components["Section"]["properties"]["text_cy"]["nullable"] is True
    assert {"languages", "sections_cy"} <= set(components["PatchedStatementChangeRequest"]["properties"])
