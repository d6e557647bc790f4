"""GET /api/v1/caseloads (issue 19): the lead's caseloads as the Caseloads page counts them, audited."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.services.allocation import case_allocate

pytestmark = pytest.mark.django_db


def test_the_lead_reads_each_workers_open_cases_and_those_nobody_has(lead_a, frontline_a, record_concern):
    allocated = record_concern(frontline_a)
    record_concern(frontline_a)
    case_allocate(case=allocated, actor=lead_a, worker=lead_a, handover_note="")
    answer = token_client(lead_a, scope="read", modules=("cases",)).get("/api/v1/caseloads")
    assert answer.status_code == 200
    rows = {row["worker"]: row for row in answer.json()["results"]}
    assert rows[lead_a.username]["open"] == 1 and rows[None]["open"] == 1
    assert rows[lead_a.username]["left"] is False and rows[None]["worker_name"] is None
    assert AuditEvent.objects.filter(actor=lead_a, action=AuditAction.LIST, note="Caseloads listed by API").exists()


def test_caseloads_are_the_councils_own(lead_a, lead_b, frontline_a, record_concern):
    record_concern(frontline_a)
    rows = token_client(lead_b).get("/api/v1/caseloads").json()["results"]
    assert [row["open"] for row in rows if row["worker"] is None] == [0]


def test_other_roles_and_tokens_without_cases_are_refused(lead_a, frontline_a, councillor_a):
    assert token_client(frontline_a).get("/api/v1/caseloads").status_code == 403
    assert token_client(councillor_a).get("/api/v1/caseloads").status_code == 403
    assert token_client(lead_a, modules=("reporting",)).get("/api/v1/caseloads").status_code == 403
