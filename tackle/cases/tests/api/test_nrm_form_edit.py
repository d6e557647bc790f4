"""PATCH /api/v1/cases/{uuid}/nrm-form/{section} and /nrm-form/redaction (issue 19): the Home Office
form answered and a Duty to Notify's account redacted as the pages do, through their forms and
services, audited; scoped write tokens only."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import HomeOfficeForm
from tackle.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def adult(frontline_a, record_concern):
    return record_concern(frontline_a, age=30, consent_to_nrm=True, person_name="Ana")


@pytest.fixture
def declined(frontline_a, record_concern):
    return record_concern(frontline_a, age=40, consent_to_nrm=False, refusal_reason="Scared of Besnik")


def _section(case, section="exploitation"):
    return f"/api/v1/cases/{case.uuid}/nrm-form/{section}"


def _redaction(case):
    return f"/api/v1/cases/{case.uuid}/nrm-form/redaction"


ANSWERS = {
    "more_than_one_situation": "no",
    "exploitation_dates": "March to June 2025",
    "how_it_started": "Offered a job on social media",
    "taken_somewhere": "yes",
}


def test_a_section_is_answered_and_its_follow_up_asked_as_the_page_does(lead_a, adult):
    client = token_client(lead_a, scope="write", modules=("cases",))
    response = client.patch(_section(adult), {"answers": ANSWERS}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"form", "sections", "missing", "version"}
    assert body["sections"]["exploitation"]["taken_somewhere"] == "Yes" and "journey_details" in body["missing"]
    follow_up = client.patch(
        _section(adult), {"answers": {"journey_details": "By van"}, "version": body["version"]}, format="json"
    )
    assert follow_up.status_code == 200 and "journey_details" not in follow_up.json()["missing"]
    row = HomeOfficeForm.objects.get(case=adult)
    assert row.answers["journey_details"] == "By van" and row.answers["how_it_started"].startswith("Offered")
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(adult.uuid)).order_by("pk").last()
    assert event.changed_fields == ["journey_details"] and event.actor == lead_a


def test_bad_answers_are_refused_naming_the_question_and_nothing_is_saved(lead_a, adult):
    client = token_client(lead_a)
    missing = client.patch(_section(adult, "background"), {"answers": {"birthplace": "Tirana"}}, format="json")
    assert missing.status_code == 400 and "family" in missing.json()
    wrong = client.patch(_section(adult), {"answers": {"taken_somewhere": "maybe"}}, format="json")
    assert wrong.status_code == 400 and "taken_somewhere" in wrong.json()
    held = client.patch(_section(adult, "person"), {"answers": {"nationality": "French"}}, format="json")
    assert held.status_code == 400 and "case record" in held.json()["nationality"][0]
    assert client.patch(_section(adult), {"answer": {}}, format="json").json().keys() == {"answers"}
    stale = client.patch(_section(adult), {"answers": ANSWERS, "version": 99}, format="json")
    assert stale.status_code == 409 and "Someone else changed" in stale.json()["detail"]
    assert not HomeOfficeForm.objects.filter(case=adult, answers__has_key="birthplace").exists()


def test_a_section_the_case_is_not_asked_is_not_found(lead_a, adult, declined):
    client = token_client(lead_a)
    assert client.patch(_section(adult, "duty_to_notify"), {"answers": {}}, format="json").status_code == 404
    assert client.patch(_section(declined, "person"), {"answers": {}}, format="json").status_code == 404


def test_the_lead_redacts_the_account_and_reads_it_back(lead_a, declined):
    client = token_client(lead_a)
    before = client.get(_redaction(declined)).json()
    assert before["form"] == "duty_to_notify" and before["reviewed"] is False
    written = {text["key"]: text["written"] for text in before["texts"]}
    assert set(written) == {"account", "refusal_reason"} and "Besnik" in written["refusal_reason"]
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, note="Duty to Notify account by API").exists()
    texts = {"account": "Four workers at a car wash", "refusal_reason": ""}
    after = client.put(_redaction(declined), {"texts": texts}, format="json")
    assert after.status_code == 200 and after.json()["reviewed"] is True
    row = HomeOfficeForm.objects.get(case=declined)
    assert row.redacted_texts == texts and row.redacted_by == lead_a
    form = client.get(f"/api/v1/cases/{declined.uuid}/nrm-form").json()
    assert "Besnik" not in str(form) and form["sections"]["consent"]["refusal_reason"].startswith("Withheld")


def test_every_text_must_be_given_and_an_nrm_referral_has_none(lead_a, declined, adult):
    client = token_client(lead_a)
    partial = client.put(_redaction(declined), {"texts": {"account": "Car wash"}}, format="json")
    assert partial.status_code == 400 and set(partial.json()) == {"refusal_reason"}
    extra = client.put(_redaction(declined), {"texts": {"account": "", "refusal_reason": "", "x": ""}}, format="json")
    assert extra.status_code == 400 and set(extra.json()) == {"x"}
    assert client.get(_redaction(adult)).json() == {"form": "nrm", "reviewed": True, "texts": []}
    nrm = client.put(_redaction(adult), {"texts": {}}, format="json")
    assert nrm.status_code == 400 and "Only a Duty to Notify" in nrm.json()["detail"]
    assert not HomeOfficeForm.objects.filter(case=declined, redacted_by__isnull=False).exists()


def test_roles_organisations_and_tokens_that_may_not_are_refused(
    lead_a, frontline_a, lead_b, make_user, council_a, adult, declined
):
    body = {"answers": ANSWERS}
    assert token_client(frontline_a).patch(_section(adult), body, format="json").status_code == 403
    assert token_client(lead_b).patch(_section(adult), body, format="json").status_code == 404
    assert token_client(lead_a, scope="read").patch(_section(adult), body, format="json").status_code == 403
    assert token_client(lead_a, modules=("reporting",)).patch(_section(adult), body, format="json").status_code == 403
    manager = token_client(make_user(Role.SAFEGUARDING_MANAGER, council_a))
    texts = {"texts": {"account": "", "refusal_reason": ""}}
    assert manager.patch(_section(adult), body, format="json").status_code == 200  # may answer, not redact
    assert manager.put(_redaction(declined), texts, format="json").status_code == 403
    assert token_client(lead_b).get(_redaction(declined)).status_code == 404
    assert token_client(lead_a, scope="read").put(_redaction(declined), texts, format="json").status_code == 403
    assert token_client(lead_a, modules=("training",)).get(_redaction(declined)).status_code == 403


def test_a_section_reads_with_its_codes_and_version(lead_a, adult, frontline_a):
    client = token_client(lead_a, scope="read", modules=("cases",))
    body = client.get(_section(adult, "person")).json()
    questions = {question["key"]: question for question in body["questions"]}
    assert body["section"] == "person" and body["version"] == 1
    assert questions["nationality"]["held"] is True and questions["has_children"]["choices"] == ["yes", "no"]
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, note="Home Office form by API").exists()
    saved = token_client(lead_a).patch(_section(adult), {"answers": ANSWERS, "version": 1}, format="json")
    assert saved.status_code == 200 and saved.json()["version"] == 2
    assert token_client(frontline_a).get(_section(adult, "person")).status_code == 403
