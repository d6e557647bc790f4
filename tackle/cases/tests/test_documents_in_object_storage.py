"""Case documents in a shared bucket (issue 15, item 7): uploaded through the page, kept only in
the bucket, and back out only through the permission-checked, audited download."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import CaseDocument
from tackle.cases.tests.factories import make_case

PDF = b"%PDF-1.4\n%%EOF\n"


def test_a_document_uploaded_on_the_page_is_downloaded_from_the_bucket(object_storage, lead_a, lead_b, client_for):
    case = make_case(lead_a.organisation, lead_a)
    response = client_for(lead_a).post(
        reverse("cases:document-add", args=[case.uuid]),
        {"title": "Housing letter", "file": SimpleUploadedFile("letter.pdf", PDF)},
    )
    assert response.status_code == 302
    document = CaseDocument.objects.get(case=case)
    assert object_storage.object_keys() == [document.file.name]

    url = reverse("cases:document-download", args=[case.uuid, document.uuid])
    download = client_for(lead_a).get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "no-store" in download["Cache-Control"]
    assert AuditEvent.objects.filter(object_id=str(document.uuid), action=AuditAction.VIEW).count() == 1
    # Another council's lead is still refused: the bucket changes where, not who.
    assert client_for(lead_b).get(url).status_code == 404


def test_a_document_gone_from_the_bucket_is_a_404_not_a_500(object_storage, lead_a, client_for):
    case = make_case(lead_a.organisation, lead_a)
    client_for(lead_a).post(
        reverse("cases:document-add", args=[case.uuid]),
        {"title": "Housing letter", "file": SimpleUploadedFile("letter.pdf", PDF)},
    )
    document = CaseDocument.objects.get(case=case)
    object_storage.client().delete_object(Bucket=object_storage.bucket, Key=document.file.name)
    url = reverse("cases:document-download", args=[case.uuid, document.uuid])
    assert client_for(lead_a).get(url).status_code == 404
