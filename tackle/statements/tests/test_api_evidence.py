"""/api/v1/ submitting a statement, the charter, and a commitment's evidence and linked actions (issue
19, item 1): the modern slavery lead writes through the pages' forms and services, the supply roles
read, another council's records are not found, a read token or a token for another module is
refused, and a refused body names its field and changes nothing."""

from datetime import date

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Role
from tackle.statements.charter import COOP_CHARTER
from tackle.statements.models import Commitment, CommitmentEvidence, StatementStatus
from tackle.statements.services.commitments import charter_adopt, commitment_create
from tackle.statements.services.statement import signatory_add

EVIDENCE = {
    "text": "Procurement policy updated",
    "url": "https://www.example.gov.uk/policy",
    "recorded_on": "2026-01-05",
}


@pytest.fixture
def procurement_a(make_user, council_a):
    return make_user(Role.PROCUREMENT_OFFICER, council_a)


@pytest.fixture
def commitment_a(council_a, lead_a):
    return commitment_create(organisation=council_a, actor=lead_a, source="Council motion", title="Train buyers")


# Submitting ---------------------------------------------------------------------------------------


def test_the_lead_submits_a_signed_draft(lead_a, statement_a):
    signatory_add(statement=statement_a, name="Ann Leader", role="Leader of the council", actor=lead_a)
    answer = token_client(lead_a).post(f"/api/v1/statements/{statement_a.uuid}/submission")
    assert answer.status_code == 200 and answer.json()["status"] == "submitted"
    statement_a.refresh_from_db()
    assert statement_a.status == StatementStatus.SUBMITTED


def test_an_unsigned_draft_is_refused_and_stays_a_draft(lead_a, statement_a):
    answer = token_client(lead_a).post(f"/api/v1/statements/{statement_a.uuid}/submission")
    assert answer.status_code == 400 and "signatory" in answer.json()["detail"]
    statement_a.refresh_from_db()
    assert statement_a.status == StatementStatus.DRAFT


def test_submitting_refuses_other_roles_councils_and_tokens(lead_a, lead_b, procurement_a, statement_a):
    signatory_add(statement=statement_a, name="Ann Leader", role="Leader of the council", actor=lead_a)
    path = f"/api/v1/statements/{statement_a.uuid}/submission"
    assert token_client(lead_b).post(path).status_code == 404
    assert token_client(procurement_a).post(path).status_code == 403
    assert token_client(lead_a, scope="read").post(path).status_code == 403
    assert token_client(lead_a, modules=("cases",)).post(path).status_code == 403
    statement_a.refresh_from_db()
    assert statement_a.status == StatementStatus.DRAFT


# The charter --------------------------------------------------------------------------------------


def test_the_charter_is_read_and_adopted_once(lead_a, procurement_a):
    read = token_client(procurement_a).get("/api/v1/commitments/charter")
    assert read.status_code == 200 and len(read.json()["commitments"]) == len(COOP_CHARTER)
    assert not any(item["adopted"] for item in read.json()["commitments"])
    client = token_client(lead_a)
    body = {"adopted_on": "2026-03-12", "adopted_by": "Full Council"}
    adopted = client.post("/api/v1/commitments/charter", body, format="json")
    assert adopted.status_code == 201 and len(adopted.json()["added"]) == len(COOP_CHARTER)
    assert adopted.json()["added"][0]["adopted_by"] == "Full Council"
    again = client.post("/api/v1/commitments/charter", body, format="json")
    assert again.status_code == 201 and again.json()["added"] == []
    assert all(item["adopted"] for item in client.get("/api/v1/commitments/charter").json()["commitments"])
    assert Commitment.objects.count() == len(COOP_CHARTER)


def test_adopting_the_charter_refuses_bad_bodies_roles_and_tokens(lead_a, procurement_a):
    path = "/api/v1/commitments/charter"
    blank = token_client(lead_a).post(path, {"adopted_on": "2026-03-12", "adopted_by": ""}, format="json")
    assert blank.status_code == 400 and set(blank.json()) == {"adopted_by"}
    future = token_client(lead_a).post(path, {"adopted_on": "2999-01-01", "adopted_by": "Cabinet"}, format="json")
    assert future.status_code == 400 and set(future.json()) == {"adopted_on"}
    body = {"adopted_on": "2026-03-12", "adopted_by": "Cabinet"}
    assert token_client(procurement_a).post(path, body, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(path, body, format="json").status_code == 403
    assert token_client(lead_a, modules=("training",)).get(path).status_code == 403
    assert not Commitment.objects.exists()


# Evidence and linked actions -----------------------------------------------------------------------


def test_the_lead_records_evidence_and_a_supply_role_reads_it_audited(lead_a, procurement_a, commitment_a):
    path = f"/api/v1/commitments/{commitment_a.uuid}/evidence"
    added = token_client(lead_a).post(path, EVIDENCE, format="json")
    assert added.status_code == 201
    assert added.json()["recorded"] == [{"text": EVIDENCE["text"], "url": EVIDENCE["url"], "recorded_on": "2026-01-05"}]
    read = token_client(procurement_a).get(path)
    assert read.status_code == 200 and len(read.json()["recorded"]) == 1
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, actor=procurement_a).exists()


def test_refused_evidence_names_its_field_and_adds_nothing(lead_a, lead_b, procurement_a, commitment_a):
    path = f"/api/v1/commitments/{commitment_a.uuid}/evidence"
    client = token_client(lead_a)
    assert set(client.post(path, {**EVIDENCE, "text": ""}, format="json").json()) == {"text"}
    assert set(client.post(path, {**EVIDENCE, "url": "not a link"}, format="json").json()) == {"url"}
    assert set(client.post(path, {**EVIDENCE, "recorded_on": "2999-01-01"}, format="json").json()) == {"recorded_on"}
    assert token_client(lead_b).post(path, EVIDENCE, format="json").status_code == 404
    assert token_client(lead_b).get(path).status_code == 404
    assert token_client(procurement_a).post(path, EVIDENCE, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(path, EVIDENCE, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(path).status_code == 403
    assert not CommitmentEvidence.objects.exists()


def test_the_lead_accepts_a_proposal_from_tackles_records(lead_a, council_a, statement_a, approve):
    adopted = charter_adopt(organisation=council_a, actor=lead_a, adopted_on=date(2025, 4, 1), adopted_by="Cabinet")
    (report,) = [commitment for commitment in adopted if commitment.charter_key == "coop_report_annually"]
    approve(statement_a, lead_a)
    path = f"/api/v1/commitments/{report.uuid}/evidence"
    client = token_client(lead_a)
    (proposal,) = client.get(path).json()["proposals"]
    unknown = client.post(f"{path}/accept", {"key": "no_such_proposal"}, format="json")
    assert unknown.status_code == 400 and not report.evidence.exists()
    accepted = client.post(f"{path}/accept", {"key": proposal["key"]}, format="json")
    assert accepted.status_code == 201 and accepted.json()["recorded"][0]["text"] == proposal["text"]
    assert accepted.json()["proposals"] == []
    assert token_client(lead_a, scope="read").post(f"{path}/accept", {"key": "x"}, format="json").status_code == 403


def test_the_lead_links_actions_and_a_foreign_action_is_refused(lead_a, lead_b, commitment_a, action_a):
    path = f"/api/v1/commitments/{commitment_a.uuid}/actions"
    client = token_client(lead_a)
    linked = client.post(path, {"actions": [str(action_a.uuid)]}, format="json")
    assert linked.status_code == 200 and linked.json()["actions"] == [str(action_a.uuid)]
    unknown = client.post(path, {"actions": ["0b8e6a52-7c1d-4f3e-9a2b-5d6c7e8f9a01"]}, format="json")
    assert unknown.status_code == 400 and set(unknown.json()) == {"actions"}
    assert token_client(lead_b).post(path, {"actions": []}, format="json").status_code == 404
    assert token_client(lead_a, scope="read").post(path, {"actions": []}, format="json").status_code == 403
    assert list(commitment_a.actions.all()) == [action_a]
    unlinked = client.post(path, {"actions": []}, format="json")
    assert unlinked.status_code == 200 and not commitment_a.actions.exists()
