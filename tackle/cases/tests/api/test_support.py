"""The support record through the API (issue 19): read as the Support page (audited), its notes and
documents listed and added as the add pages do; who reaches it is the policy table's SUPPORT row, so a
frontline officer and a partner whose share is narrower than support are refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import CaseDocument, CaseNote
from tackle.cases.services import support as services
from tackle.cases.tests.factories import make_case
from tackle.cases.tests.views.test_who_sees_what import _share  # the same share as the pages' tests
from tackle.core.access import ShareScope

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def case(frontline_a):
    """Recorded by the frontline officer, who follows it on the case page but not its support record."""
    return make_case(frontline_a.organisation, frontline_a, person_name="Sam Example")


def support(case, what: str = "") -> str:
    return f"/api/v1/cases/{case.uuid}/support{what}"


def _upload(client, case, name: str = "letter.pdf", content: bytes = PDF, title: str = "Housing letter"):
    file = SimpleUploadedFile(name, content)
    return client.post(support(case, "/documents"), {"title": title, "file": file}, format="multipart")


def test_the_lead_reads_the_whole_support_record_with_a_read_token_audited(case, lead_a):
    services.case_note_add(case=case, actor=lead_a, body="First contact made")
    plan = services.safety_plan_create(case=case, actor=lead_a, summary="Stay away", created_on=case.created_at.date())
    services.safety_plan_review(plan=plan, actor=lead_a, reviewed_on=plan.created_on, what_changed="Nothing")
    response = token_client(lead_a, scope="read", modules=("cases",)).get(support(case))
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == case.reference and body["can_change"] is True
    assert [note["body"] for note in body["notes"]] == ["First contact made"]
    assert [review["what_changed"] for review in body["safety_plans"][0]["reviews"]] == ["Nothing"]
    viewed = AuditEvent.objects.filter(action=AuditAction.VIEW, actor=lead_a, object_id=str(case.uuid))
    assert viewed.filter(note="Support record read by API").exists()


def test_frontline_councillor_and_a_token_without_cases_are_refused(case, lead_a, frontline_a, councillor_a):
    assert token_client(frontline_a).get(support(case)).status_code == 403
    assert token_client(frontline_a).get(support(case, "/notes")).status_code == 403
    assert token_client(councillor_a).get(support(case)).status_code == 403
    assert token_client(lead_a, modules=("reporting",)).get(support(case)).status_code == 403


def test_another_councils_case_is_not_found(case, lead_b):
    client = token_client(lead_b)
    assert client.get(support(case)).status_code == 404
    assert client.get(support(case, "/documents")).status_code == 404
    assert client.post(support(case, "/notes"), {"body": "Hello"}, format="json").status_code == 404
    assert not CaseNote.objects.exists()


@pytest.mark.parametrize("scope", [ShareScope.SUMMARY, ShareScope.REFERRAL])
def test_a_partner_whose_share_is_narrower_than_support_is_refused(case, lead_a, police_partner, scope):
    _share(case, lead_a, police_partner, scope)
    document = services.case_document_upload(
        case=case, actor=lead_a, title="Letter", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    client = token_client(police_partner)
    assert client.get(f"/api/v1/cases/{case.uuid}").status_code == 200  # the case itself, as shared
    for what in ("", "/notes", "/documents", "/phases", "/safety-plans", f"/documents/{document.uuid}"):
        assert client.get(support(case, what)).status_code == 403, what


def test_a_partner_not_shared_with_is_not_found(case, police_partner):
    assert token_client(police_partner).get(support(case)).status_code == 404


def test_a_partner_with_a_support_share_reads_it_but_may_not_add(case, lead_a, police_partner):
    _share(case, lead_a, police_partner, ShareScope.SUPPORT)
    client = token_client(police_partner)
    read = client.get(support(case))
    assert read.status_code == 200 and read.json()["can_change"] is False
    assert client.post(support(case, "/notes"), {"body": "Seen her"}, format="json").status_code == 403
    assert _upload(client, case).status_code == 403
    assert not CaseNote.objects.exists() and not CaseDocument.objects.exists()


def test_the_lead_adds_notes_and_lists_them_filtered_sorted_and_audited(case, lead_a, police_partner):
    client = token_client(lead_a, scope="write", modules=("cases",))
    added = client.post(support(case, "/notes"), {"body": "  Phoned her  "}, format="json")
    assert added.status_code == 201 and added.json()["body"] == "Phoned her"
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, actor=lead_a, note="Note added").exists()
    client.post(support(case, "/notes"), {"body": "Visited"}, format="json")
    listed = client.get(support(case, "/notes"), {"sort": "created_at"}).json()
    assert listed["count"] == 2 and [row["body"] for row in listed["results"]] == ["Phoned her", "Visited"]
    assert client.get(support(case, "/notes"), {"author": "someone.else"}).json()["count"] == 0
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, note="Support record read by API: notes").exists()


def test_a_bad_note_or_filter_is_refused_naming_the_field(case, lead_a):
    client = token_client(lead_a)
    blank = client.post(support(case, "/notes"), {"body": "  "}, format="json")
    assert blank.status_code == 400 and set(blank.json()) == {"body"}
    assert set(client.post(support(case, "/notes"), {}, format="json").json()) == {"body"}
    sort = client.get(support(case, "/notes"), {"sort": "body"})
    assert sort.status_code == 400 and set(sort.json()) == {"sort"}
    assert not CaseNote.objects.exists()


def test_a_read_token_may_not_add(case, lead_a):
    response = token_client(lead_a, scope="read").post(support(case, "/notes"), {"body": "Hi"}, format="json")
    assert response.status_code == 403 and not CaseNote.objects.exists()


def test_a_closed_case_still_takes_notes_as_the_page_allows(case, lead_a):
    services.case_close(case=case, actor=lead_a, reason="Moved on")
    response = token_client(lead_a).post(support(case, "/notes"), {"body": "Closure letter sent"}, format="json")
    assert response.status_code == 201


def test_a_document_is_uploaded_with_the_pages_checks_and_downloaded_audited(case, lead_a):
    client = token_client(lead_a)
    uploaded = _upload(client, case, name="Letter FROM sam.PDF")
    assert uploaded.status_code == 201
    assert uploaded.json()["content_type"] == "application/pdf" and uploaded.json()["size"] == len(PDF)
    document = CaseDocument.objects.get()
    listed = client.get(support(case, "/documents"), {"content_type": "application/pdf"}).json()
    assert [row["uuid"] for row in listed["results"]] == [str(document.uuid)]
    download = client.get(support(case, f"/documents/{document.uuid}"))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf" and download["Cache-Control"] == "private, no-store"
    assert "Housing letter.pdf" in download["Content-Disposition"]
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, note="Document downloaded by API").count() == 1


def test_a_file_that_is_not_what_it_claims_or_a_missing_title_is_refused(case, lead_a):
    client = token_client(lead_a)
    disguised = _upload(client, case, name="letter.pdf", content=b"just some text")
    assert disguised.status_code == 400 and set(disguised.json()) == {"file"}
    assert set(_upload(client, case, name="empty.txt", content=b"").json()) == {"file"}
    untitled = _upload(client, case, title="")
    assert untitled.status_code == 400 and set(untitled.json()) == {"title"}
    assert not CaseDocument.objects.exists()


def test_a_document_of_another_case_is_not_found_through_this_one(case, lead_a, frontline_a):
    other = make_case(lead_a.organisation, frontline_a)
    document = services.case_document_upload(
        case=other, actor=lead_a, title="Letter", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    assert token_client(lead_a).get(support(case, f"/documents/{document.uuid}")).status_code == 404


def test_the_frontline_officer_who_recorded_the_case_reaches_no_document_or_plan(case, lead_a, frontline_a):
    document = services.case_document_upload(
        case=case, actor=lead_a, title="Letter", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    plan = services.safety_plan_create(case=case, actor=lead_a, summary="Stay away", created_on=case.created_at.date())
    client = token_client(frontline_a)
    assert client.get(support(case, f"/documents/{document.uuid}")).status_code == 403
    assert client.get(support(case, f"/safety-plans/{plan.uuid}")).status_code == 403
    review = {"reviewed_on": plan.created_on.isoformat(), "what_changed": "Nothing"}
    assert client.post(support(case, f"/safety-plans/{plan.uuid}/reviews"), review, format="json").status_code == 403
    assert not plan.reviews.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(document.uuid)).exists()


def test_a_partner_with_a_support_share_downloads_a_document_audited(case, lead_a, police_partner):
    _share(case, lead_a, police_partner, ShareScope.SUPPORT)
    document = services.case_document_upload(
        case=case, actor=lead_a, title="Letter", upload=SimpleUploadedFile("a.pdf", PDF)
    )
    download = token_client(police_partner).get(support(case, f"/documents/{document.uuid}"))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    viewed = AuditEvent.objects.filter(action=AuditAction.VIEW, actor=police_partner, object_id=str(document.uuid))
    assert viewed.filter(note="Document downloaded by API").count() == 1
