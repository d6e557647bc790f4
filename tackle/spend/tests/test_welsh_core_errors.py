"""A file the kernel cannot read fails the screening run with core's sentence, stored in English and
read in Welsh (issue 21)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tackle.accounts.models import OrganisationSettings
from tackle.core.roles import Role
from tackle.spend.models import SpendImport
from tackle.spend.tasks import screen_spend_import


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_markup_file_fails_in_english_and_reads_in_welsh(client_for, make_user, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    person = make_user(Role.PROCUREMENT_OFFICER, council_a, username="procurement-cy", language="cy")
    client = client_for(person)
    files = [SimpleUploadedFile("june.csv", b"<html><body>Payments</body></html>\n", content_type="text/csv")]
    client.post(reverse("spend:import-new"), {"spend_files": files})
    spend_import = SpendImport.objects.get()
    screen_spend_import.call(run_uuid=str(spend_import.task_run.uuid), import_uuid=str(spend_import.uuid))
    translation.activate("en-gb")

    spend_import.refresh_from_db()
    assert "june.csv: The file is XML or HTML, not CSV" in spend_import.error  # the record stays English

    detail = client.get(reverse("spend:import-detail", args=[spend_import.uuid])).content.decode()
    assert "june.csv: Mae\u2019r ffeil yn XML neu HTML, nid CSV" in detail
    assert "The file is XML or HTML" not in detail
