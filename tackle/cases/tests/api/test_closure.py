"""POST /api/v1/cases/{uuid}/close and /reopen (issue 19, item 1): as the case's Close and Reopen pages,
through the same form and services, audited; a write token with the cases module only."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case, CaseStatus
from tackle.cases.services.support import case_close
from tackle.cases.tests.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(lead_a, frontline_a):
    return make_case(lead_a.organisation, frontline_a)


def url(case: Case, what: str) -> str:
    return f"/api/v1/cases/{case.uuid}/{what}"


def status_of(case: Case) -> str:
    return Case.objects.get(pk=case.pk).status


def test_the_lead_closes_and_reopens_with_a_reason_audited(case, lead_a):
    client = token_client(lead_a, scope="write", modules=("cases",))
    closed = client.post(url(case, "close"), {"reason": "Moved on to long-term accommodation"}, format="json")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert Case.objects.get(pk=case.pk).closure_reason == "Moved on to long-term accommodation"
    reopened = client.post(url(case, "reopen"), {"reason": "Back in touch"}, format="json")
    assert reopened.status_code == 200 and reopened.json()["status"] == "open"
    assert "Case reopened: Back in touch" in case.notes.get().body
    notes = set(AuditEvent.objects.filter(action=AuditAction.UPDATE, actor=lead_a).values_list("note", flat=True))
    assert {"Closed", "Reopened"} <= notes


def test_a_missing_reason_or_a_change_already_made_is_refused(case, lead_a):
    client = token_client(lead_a)
    blank = client.post(url(case, "close"), {"reason": "  "}, format="json")
    assert blank.status_code == 400 and set(blank.json()) == {"reason"}
    assert set(client.post(url(case, "close"), {}, format="json").json()) == {"reason"}
    assert status_of(case) == CaseStatus.OPEN


def test_closing_a_closed_case_or_reopening_an_open_one_conflicts(case, lead_a):
    client = token_client(lead_a)
    again = client.post(url(case, "reopen"), {"reason": "Back"}, format="json")
    assert again.status_code == 409 and "already open" in again.json()["detail"]
    assert client.post(url(case, "close"), {"reason": "Moved on"}, format="json").status_code == 200
    twice = client.post(url(case, "close"), {"reason": "Moved on again"}, format="json")
    assert twice.status_code == 409 and "already closed" in twice.json()["detail"]
    assert Case.objects.get(pk=case.pk).closure_reason == "Moved on"


def test_the_case_answers_its_closure_reason(case, lead_a):
    client = token_client(lead_a, scope="write", modules=("cases",))
    client.post(url(case, "close"), {"reason": "Moved on to long-term accommodation"}, format="json")
    read = client.get(f"/api/v1/cases/{case.uuid}").json()
    assert read["closure_reason"] == "Moved on to long-term accommodation" and read["closed_at"]


def test_another_councils_case_is_not_found(case, lead_b):
    response = token_client(lead_b).post(url(case, "close"), {"reason": "Done"}, format="json")
    assert response.status_code == 404 and status_of(case) == CaseStatus.OPEN


def test_roles_and_tokens_that_may_not_change_the_case_are_refused(case, lead_a, frontline_a, councillor_a):
    body = {"reason": "Done"}
    assert token_client(frontline_a).post(url(case, "close"), body, format="json").status_code == 403
    assert token_client(councillor_a).post(url(case, "close"), body, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(url(case, "close"), body, format="json").status_code == 403
    refused = token_client(lead_a, modules=("reporting",)).post(url(case, "close"), body, format="json")
    assert refused.status_code == 403 and status_of(case) == CaseStatus.OPEN
    case_close(case=case, actor=lead_a, reason="No contact")
    assert token_client(frontline_a).post(url(case, "reopen"), body, format="json").status_code == 403
    assert status_of(case) == CaseStatus.CLOSED
