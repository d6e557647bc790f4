"""/api/v1/self-assessments (issue 19, item 1): listed, started, read, answered, reported and
compared as the Scrutiny pages do, for councillors and officers of the council, audited."""

from datetime import date

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.periods import financial_year_of, today_in_london
from tackle.scrutiny.models import Answer, Assessment, LeadArrangement
from tackle.scrutiny.services import assessment_answer, assessment_create

LATEST = financial_year_of(today_in_london())
URL = "/api/v1/self-assessments"


@pytest.fixture
def answered(lead_a):
    """Council A: last year's assessment with one answer, and this year's with another."""
    earlier = assessment_create(actor=lead_a, year=LATEST - 1)
    assessment_answer(assessment=earlier, actor=lead_a, answers={"knowledge_staff_trained": ("no", "None yet")})
    latest = assessment_create(actor=lead_a, year=LATEST)
    assessment_answer(assessment=latest, actor=lead_a, answers={"knowledge_staff_trained": ("partly", "Half")})
    return earlier, latest


def test_a_councillor_lists_the_councils_assessments_newest_first_audited(answered, councillor_a):
    body = token_client(councillor_a, scope="read", modules=("scrutiny",)).get(URL).json()
    assert [row["year"] for row in body["results"]] == [LATEST, LATEST - 1]
    assert body["results"][0]["answered"] == 1
    assert body["results"][0]["financial_year"] == f"{LATEST}-{(LATEST + 1) % 100:02d}"
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="scrutiny.assessment").exists()
    only = token_client(councillor_a).get(URL, {"year_to": LATEST - 1, "sort": "year"}).json()
    assert [row["year"] for row in only["results"]] == [LATEST - 1]


def test_a_bad_filter_is_refused_by_name(councillor_a):
    refused = token_client(councillor_a).get(URL, {"sort": "colour", "year_from": "soon"})
    assert refused.status_code == 400 and set(refused.json()) == {"sort", "year_from"}


def test_reading_one_shows_every_question_its_answer_and_what_tackle_proposes(answered, lead_a):
    LeadArrangement.objects.create(
        organisation=lead_a.organisation, lead_name="Lead officer", team="Community safety", dedicated=True,
        since=date(2024, 4, 1),
    )  # fmt: skip
    _, latest = answered
    response = token_client(lead_a, scope="read").get(f"{URL}/{latest.uuid}")
    assert response.status_code == 200
    questions = {q["key"]: q for theme in response.json()["themes"] for q in theme["questions"]}
    assert questions["knowledge_staff_trained"]["answer"] == "partly"
    assert questions["knowledge_staff_trained"]["evidence"] == "Half"
    assert questions["strategy_lead"]["answer"] is None
    assert questions["strategy_lead"]["proposal"]["answer"] == "yes"
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(latest.uuid)).exists()


def test_starting_one_is_checked_as_the_page_and_refuses_a_year_started(answered, councillor_a):
    client = token_client(councillor_a, modules=("scrutiny",))
    created = client.post(URL, {"year": LATEST - 2}, format="json")
    assert created.status_code == 201
    assert Assessment.objects.get(uuid=created.json()["uuid"]).created_by == councillor_a
    assert client.post(URL, {"year": LATEST}, format="json").json() == {
        "year": [f"There is already a self-assessment for {LATEST}"]
    }
    assert set(client.post(URL, {"year": LATEST - 30}, format="json").json()) == {"year"}
    assert set(client.post(URL, {}, format="json").json()) == {"year"}


def test_saving_answers_changes_only_what_was_sent(answered, councillor_a):
    _, latest = answered
    client = token_client(councillor_a)
    sent = {
        "answers": [
            {"question": "knowledge_staff_trained", "answer": "partly", "evidence": "Half"},
            {"question": "strategy_lead", "answer": "yes", "evidence": "The lead since 2024"},
        ]
    }
    response = client.post(f"{URL}/{latest.uuid}/answers", sent, format="json")
    assert response.status_code == 200
    assert response.json()["changed"] == ["strategy_lead"]
    saved = Answer.objects.get(assessment=latest, question="strategy_lead")
    assert (saved.answer, saved.updated_by) == ("yes", councillor_a)
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(latest.uuid), actor=councillor_a).exists()


def test_bad_answers_are_refused_by_name_and_nothing_is_saved(answered, councillor_a):
    _, latest = answered
    client = token_client(councillor_a)
    answers = f"{URL}/{latest.uuid}/answers"
    twice = {"answers": [{"question": "strategy_lead", "answer": "yes"}, {"question": "strategy_lead", "answer": "no"}]}
    assert set(client.post(answers, twice, format="json").json()) == {"answers"}
    wrong = client.post(answers, {"answers": [{"question": "colour", "answer": "maybe"}]}, format="json")
    assert wrong.status_code == 400 and set(wrong.json()["answers"]["0"]) == {"question", "answer"}
    assert set(client.post(answers, {"answers": []}, format="json").json()) == {"answers"}
    assert not Answer.objects.filter(assessment=latest, question="strategy_lead").exists()


def test_the_report_and_the_comparison_read_as_their_pages(answered, councillor_a):
    _, latest = answered
    client = token_client(councillor_a, scope="read")
    report = client.get(f"{URL}/{latest.uuid}/report").json()
    assert report["organisation"] == "Council A" and report["commitments"] == []
    assert "fewer than 5" in report["figures_note"]
    first = report["themes"][0]["questions"][0]
    assert (first["key"], first["answer_label"]) == ("knowledge_staff_trained", "Partly")
    compared = client.get(f"{URL}/comparison").json()
    assert compared["years"] == [LATEST - 1, LATEST]
    assert compared["themes"][0]["questions"][0]["answers"] == ["no", "partly"]
    notes = set(AuditEvent.objects.filter(actor=councillor_a).values_list("note", flat=True))
    assert {"Scrutiny report (API)", "Comparison by year (API)"} <= notes


def test_another_council_sees_none_of_them(answered, lead_b):
    _, latest = answered
    client = token_client(lead_b)
    assert client.get(URL).json()["count"] == 0
    assert client.get(f"{URL}/{latest.uuid}").status_code == 404
    assert client.get(f"{URL}/{latest.uuid}/report").status_code == 404
    sent = {"answers": [{"question": "strategy_lead", "answer": "yes"}]}
    assert client.post(f"{URL}/{latest.uuid}/answers", sent, format="json").status_code == 404
    assert client.get(f"{URL}/comparison").json()["years"] == []


def test_other_roles_tokens_and_read_tokens_are_refused(answered, frontline_a, councillor_a, lead_a):
    _, latest = answered
    assert token_client(frontline_a).get(URL).status_code == 403
    assert token_client(frontline_a).get(f"{URL}/{latest.uuid}").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(f"{URL}/comparison").status_code == 403
    read = token_client(councillor_a, scope="read")
    assert read.post(URL, {"year": LATEST - 2}, format="json").status_code == 403
    sent = {"answers": [{"question": "strategy_lead", "answer": "yes"}]}
    assert read.post(f"{URL}/{latest.uuid}/answers", sent, format="json").status_code == 403
    assert Assessment.objects.count() == 2 and not Answer.objects.filter(question="strategy_lead").exists()


def test_the_report_downloads_as_the_pages_pdf_audited(answered, councillor_a, lead_b, frontline_a):
    _, latest = answered
    response = token_client(councillor_a, scope="read").get(f"{URL}/{latest.uuid}/report.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_id=str(latest.uuid)).exists()
    assert token_client(lead_b).get(f"{URL}/{latest.uuid}/report.pdf").status_code == 404
    assert token_client(frontline_a).get(f"{URL}/{latest.uuid}/report.pdf").status_code == 403
