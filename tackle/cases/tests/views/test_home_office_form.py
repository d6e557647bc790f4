"""The Home Office form's pages: the task list, one page per section, the lead's redaction."""

import pytest
from django.urls import reverse

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import HomeOfficeForm
from tackle.core.roles import Role


def _url(name, case, *extra):
    return reverse(f"cases:{name}", args=[case.uuid, *extra])


@pytest.fixture
def adult(frontline_a, record_concern):
    return record_concern(frontline_a, age=30, consent_to_nrm=True, person_name="Ana")


@pytest.fixture
def declined(frontline_a, record_concern):
    return record_concern(frontline_a, age=40, consent_to_nrm=False, refusal_reason="Scared")


def test_the_task_list_shows_each_section_and_what_is_missing(client_for, lead_a, adult):
    page = client_for(lead_a).get(_url("nrm-pack-form", adult)).content.decode()
    assert "govuk-task-list" in page and "Their background" in page and "Not yet started" in page
    assert "Where were they born?" in page  # listed as still missing


def test_a_section_saves_and_a_yes_asks_its_follow_up_on_the_same_page(client_for, lead_a, adult):
    client = client_for(lead_a)
    url = _url("nrm-pack-section-edit", adult, "exploitation")
    answers = {
        "more_than_one_situation": "no",
        "exploitation_dates": "March to June 2025",
        "how_it_started": "Offered a job on social media",
        "taken_somewhere": "yes",
    }
    response = client.post(url, answers)
    assert response.status_code == 302 and response["Location"] == url
    assert "Tell us about the journey" in client.get(url).content.decode()
    response = client.post(url, {**answers, "journey_details": "By van from Dover"})
    assert response["Location"] == _url("nrm-pack-form", adult)
    form = HomeOfficeForm.objects.get(case=adult)
    assert form.answers["journey_details"] == "By van from Dover"
    events = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(adult.uuid)).order_by("pk")
    assert events.last().changed_fields == ["journey_details"]


def test_a_missing_answer_is_a_govuk_error(client_for, lead_a, adult):
    response = client_for(lead_a).post(_url("nrm-pack-section-edit", adult, "background"), {"birthplace": "Tirana"})
    page = response.content.decode()
    assert "govuk-error-summary" in page and "Enter an answer to: What do you know about their family?" in page
    assert not HomeOfficeForm.objects.filter(case=adult, answers__has_key="birthplace").exists()


def test_held_facts_are_shown_not_asked(client_for, lead_a, adult):
    page = client_for(lead_a).get(_url("nrm-pack-section-edit", adult, "person")).content.decode()
    assert "Already held by Tackle" in page and "Ana" in page
    assert 'name="nationality"' not in page and 'name="has_children"' in page


def test_a_section_the_form_does_not_ask_is_not_found(client_for, lead_a, adult, declined):
    client = client_for(lead_a)
    assert client.get(_url("nrm-pack-section-edit", adult, "duty_to_notify")).status_code == 404
    assert client.get(_url("nrm-pack-section-edit", declined, "person")).status_code == 404
    assert client.get(_url("nrm-pack-section-edit", adult, "nothing")).status_code == 404


def test_the_lead_redacts_a_duty_to_notify_with_who_and_when(client_for, lead_a, declined):
    client = client_for(lead_a)
    form = client.get(_url("nrm-pack-redaction-edit", declined)).content.decode()
    assert "Four workers at a hand car wash" in form
    response = client.post(
        _url("nrm-pack-redaction-edit", declined), {"account": "Four workers at a car wash", "refusal_reason": ""}
    )
    assert response.status_code == 302
    row = HomeOfficeForm.objects.get(case=declined)
    assert row.redacted_by == lead_a and row.redacted_at is not None
    assert row.redacted_texts == {"account": "Four workers at a car wash", "refusal_reason": ""}
    declined.refresh_from_db()
    assert declined.what_was_seen.startswith("Four workers at a hand car wash")  # the original is kept
    assert client.get(_url("nrm-pack-json", declined)).status_code == 200


def test_an_nrm_case_needs_no_redaction(client_for, lead_a, adult):
    page = client_for(lead_a).get(_url("nrm-pack-redaction-edit", adult)).content.decode()
    assert "No redaction needed" in page


def test_only_the_lead_redacts(client_for, make_user, council_a, declined):
    manager = make_user(Role.SAFEGUARDING_MANAGER, council_a)
    assert client_for(manager).get(_url("nrm-pack-form", declined)).status_code == 200
    assert client_for(manager).get(_url("nrm-pack-redaction-edit", declined)).status_code == 403


@pytest.mark.parametrize(
    ("name", "extra"),
    [("nrm-pack-form", ()), ("nrm-pack-section-edit", ("background",)), ("nrm-pack-redaction-edit", ())],
)
def test_wrong_role_and_other_organisation(client_for, frontline_a, councillor_a, lead_b, declined, name, extra):
    assert client_for(frontline_a).get(_url(name, declined, *extra)).status_code == 403
    assert client_for(councillor_a).get(_url(name, declined, *extra)).status_code == 403
    assert client_for(lead_b).get(_url(name, declined, *extra)).status_code == 404
