"""GET /api/v1/foi-answer (issue 19, item 1): the FOI page's draft through a token: the request's
questions and periods in its order, counts as the public sees them, the user's own council only,
officers only, refused requests named field by field and never drafted (nor audited)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditEvent
from tackle.cases.models import NrmEventKind
from tackle.cases.services.nrm import nrm_event_record

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def referred(lead_a, frontline_a, record_concern):
    """Council A: one adult referred to the NRM in May 2025."""
    case = record_concern(frontline_a, encountered_at=datetime(2025, 5, 1, 10, tzinfo=LONDON), age=33)
    nrm_event_record(case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=date(2025, 5, 2))


def test_the_lead_drafts_a_request_in_its_order_with_the_publics_counts(referred, lead_a):
    query = {"kind": "financial", "first_year": 2025, "last_year": 2024, "questions": ["nrm_referrals", "lead"]}
    response = token_client(lead_a, scope="read").get("/api/v1/foi-answer", query)
    assert response.status_code == 200
    body = response.json()
    assert body["periods"] == ["2025-26", "2024-25"]
    assert [item["number"] for item in body["questions"]] == [1, 2]
    assert body["questions"][1]["answer"] == ["No, not at present."]
    assert "2025-26: fewer than 10 adults, 0 children." in body["questions"][0]["answer"]
    assert any("section 40(2)" in text for text in body["exemptions"])
    assert AuditEvent.objects.filter(object_type="scrutiny.foi", actor=lead_a).exists()


def test_with_no_request_every_question_is_drafted_for_three_years(lead_a):
    body = token_client(lead_a).get("/api/v1/foi-answer").json()
    assert len(body["periods"]) == 3 and len(body["questions"]) > 8


def test_another_council_answers_from_its_own_records(referred, lead_b):
    query = {"kind": "financial", "first_year": 2025, "last_year": 2025, "questions": ["nrm_referrals"]}
    body = token_client(lead_b).get("/api/v1/foi-answer", query).json()
    assert body["questions"][0]["answer"][0] == "2025-26: 0 adults, 0 children."


def test_a_refused_request_names_its_fields_and_is_not_drafted(lead_a):
    client = token_client(lead_a)
    query = {"kind": "calendar", "first_year": 2023, "questions": ["lead", "lead"]}
    refused = client.get("/api/v1/foi-answer", query)
    assert refused.status_code == 400
    errors = refused.json()
    assert errors["last_year"] == ["Enter the last year asked about, like 2023"]
    assert errors["questions"] == ["Question 2 is the same as question 1: choose it once"]
    assert set(client.get("/api/v1/foi-answer", {"questions": ["colour"]}).json()) == {"questions"}
    assert not AuditEvent.objects.filter(object_type="scrutiny.foi").exists()


def test_councillors_and_tokens_for_other_modules_are_refused(councillor_a, lead_a):
    assert token_client(councillor_a).get("/api/v1/foi-answer").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get("/api/v1/foi-answer").status_code == 403
    assert token_client(lead_a, modules=("scrutiny",)).get("/api/v1/foi-answer").status_code == 200
