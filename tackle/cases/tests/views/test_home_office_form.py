"""The Home Office form's pages: the task list, one page per section, the lead's redaction."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import HomeOfficeForm
from tackle.cases.nrm_pack import api_form
from tackle.cases.services.home_office_form import home_office_section_save
from tackle.cases.services.support import case_document_upload
from tackle.core.errors import ApplicationError
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
    assert client.get(_url("nrm-pack-json", declined)).status_code == 302  # redacted: on to its check page


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


class TestEvidence:
    """The evidence section offers the case's own documents; the pack and the API name them by title."""

    @pytest.fixture
    def documents(self, settings, tmp_path, lead_a, adult):
        settings.MEDIA_ROOT = tmp_path
        return [
            case_document_upload(
                case=adult, actor=lead_a, title=title, upload=SimpleUploadedFile(name, b"%PDF-1.4 evidence")
            )
            for title, name in (("Payslips March to June", "payslips.pdf"), ("Tenancy letter", "ana-tenancy.pdf"))
        ]

    def test_attached_documents_are_recorded_and_read_by_title_never_by_file(
        self, client_for, lead_a, adult, documents
    ):
        payslips, _letter = documents
        client = client_for(lead_a)
        url = _url("nrm-pack-section-edit", adult, "evidence")
        page = client.get(url).content.decode()
        assert "Payslips March to June" in page and "Tenancy letter" in page
        refused = client.post(url, {"evidence_documents": [str(payslips.uuid)]})
        assert "Enter an answer to: What evidence will you send with the referral?" in refused.content.decode()
        response = client.post(url, {"evidence_documents": [str(payslips.uuid)], "evidence": "Payslips"})
        assert response.status_code == 302
        assert HomeOfficeForm.objects.get(case=adult).answers["evidence_documents"] == [str(payslips.uuid)]
        items = {
            item["key"]: item["answer"]
            for section in client.get(_url("nrm-pack-json", adult)).json()["sections"]
            for item in section["items"]
        }
        assert items["evidence_documents"] == "Payslips March to June"
        api = APIClient()
        api.force_authenticate(lead_a)
        form = api.get(f"/api/v1/cases/{adult.uuid}/nrm-form").json()
        assert form["sections"]["evidence"]["evidence_documents"] == "Payslips March to June"
        assert "payslips.pdf" not in str(form) and "Tenancy" not in str(form)

    def test_only_the_cases_own_documents_can_be_attached(self, lead_a, frontline_a, record_concern, adult, documents):
        other = record_concern(frontline_a, age=30, consent_to_nrm=True)
        other_document = case_document_upload(
            case=other, actor=lead_a, title="Other's letter", upload=SimpleUploadedFile("o.pdf", b"%PDF-1.4 x")
        )
        with pytest.raises(ApplicationError) as refused:
            home_office_section_save(
                case=adult,
                section_key="evidence",
                answers={"evidence_documents": [str(other_document.uuid)], "evidence": "A letter"},
                actor=lead_a,
            )
        assert refused.value.field == "evidence_documents"

    def test_with_no_documents_the_page_says_where_to_add_them(self, client_for, lead_a, adult):
        page = client_for(lead_a).get(_url("nrm-pack-section-edit", adult, "evidence")).content.decode()
        assert 'data-testid="no-documents"' in page and reverse("cases:support", args=[adult.uuid]) in page

    def test_a_duty_to_notify_lists_no_evidence(self, settings, tmp_path, lead_a, declined):
        settings.MEDIA_ROOT = tmp_path
        case_document_upload(
            case=declined, actor=lead_a, title="Passport of Besnik", upload=SimpleUploadedFile("p.pdf", b"%PDF-1.4 x")
        )
        body = api_form(declined)
        assert "evidence" not in body["sections"] and "Besnik" not in str(body)

    def test_wrong_role_and_other_organisation(self, client_for, frontline_a, lead_b, adult):
        url = _url("nrm-pack-section-edit", adult, "evidence")
        assert client_for(frontline_a).get(url).status_code == 403
        assert client_for(lead_b).get(url).status_code == 404
