"""Core's upload errors are shown at once in the reader's language (issue 21)."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tackle.accounts.models import OrganisationSettings


def test_a_markup_file_is_refused_in_welsh_on_the_import_page(client_for, lead_a, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save()
    client = client_for(lead_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    upload = SimpleUploadedFile("people.csv", b"<html><body>Training</body></html>\n", content_type="text/csv")
    page = client.post(reverse("training:completion-import"), {"file": upload}).content.decode()
    assert '<html lang="cy"' in page
    assert "Mae\u2019r ffeil yn XML neu HTML, nid CSV: cadwch hi fel CSV neu XLSX" in page
    assert "The file is XML or HTML" not in page
