"""Spend pages in Welsh (issue 21): a screening run stores its sentences in English (records, and
what `tackle spend screen --json` prints); each page shows them in the reader's language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tackle.accounts.models import OrganisationSettings
from tackle.core.roles import Role
from tackle.spend.models import SpendImport
from tackle.spend.screening import wording
from tackle.spend.tasks import screen_spend_import

SPEND = (
    "Supplier Name,Expense Type,Net Amount,Payment Date\n"
    "Bright Care Homes Ltd,Residential Care,1000.00,05/06/2023\n"
    "Stationery Direct,Stationery,abc,07/06/2024\n"
)


@pytest.fixture(autouse=True)
def english_around(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def welsh_procurement(make_user, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    person = make_user(Role.PROCUREMENT_OFFICER, council_a, username="procurement-cy")
    person.language = "cy"
    person.save()
    return person


def test_an_import_screened_by_a_welsh_reader_stores_english_and_shows_welsh(client_for, welsh_procurement):
    client = client_for(welsh_procurement)
    files = [SimpleUploadedFile("june.csv", SPEND.encode(), content_type="text/csv")]
    client.post(reverse("spend:import-new"), {"spend_files": files})
    spend_import = SpendImport.objects.get()
    screen_spend_import.call(run_uuid=str(spend_import.task_run.uuid), import_uuid=str(spend_import.uuid))
    assert spend_import.rejects.get().reason == "amount is not a number: 'abc'"  # the record stays English

    detail = client.get(reverse("spend:import-detail", args=[spend_import.uuid])).content.decode()
    assert '<html lang="cy"' in detail
    assert "nid yw\u2019r swm yn rhif: &#x27;abc&#x27;" in detail  # the rejected row's reason
    assert "Enw\u2019r cyflenwr" in detail  # the field a column holds
    assert "enw hysbys" in detail  # how the column was chosen
    assert "amount is not a number" not in detail

    spend_file = spend_import.files.get()
    columns = client.get(reverse("spend:file-columns", args=[spend_file.uuid])).content.decode()
    assert "Enw\u2019r cyflenwr" in columns and "enw hysbys" in columns  # the correction page's fields
    assert "Supplier name" not in columns

    results = client.get(reverse("spend:import-results", args=[spend_import.uuid])).content.decode()
    assert "Canlyniadau sgrinio gwariant" in results
    assert "Spend screening results" not in results

    download = client.get(reverse("spend:import-results", args=[spend_import.uuid]), {"download": "csv"})
    lines = b"".join(download.streaming_content).decode().splitlines()
    assert lines[0] == "Sector,Risg,Taliadau,Swm"  # the download's headers in Welsh too
    assert any(line.startswith("Iechyd a gofal cymdeithasol,Risg uchel,1,") for line in lines[1:])


def test_stored_sentences_with_numbers_and_dates_read_in_welsh():
    ragged = wording.plural(wording.ROW_WIDTH_JOINED, 2, {"found": 2, "width": 5, "start": 4, "last": 6})
    gap = wording.NO_DATES_READ % {
        "header": "Date",
        "reason": wording.DATE_NOT_RECOGNISED % {"text": "'soon'"},
        "filled": wording.PERIOD_FROM_NAME % {"year": "2012-13", "period": "June 2012"},
    }
    with translation.override("cy"):
        assert wording.in_language(ragged) == (
            "mae gan y rhes 2 faes; mae gan y pennawd 5 (ymunodd dyfynnod crwydr linellau 4 i 6)"
        )
        assert "dyddiad heb ei adnabod: 'soon'" in wording.in_language(gap)
        period = "ym mlwyddyn ariannol 2012-13, o\u2019r cyfnod yn enw\u2019r ffeil (Mehefin 2012)"
        assert period in wording.in_language(gap)
        assert wording.in_language("a note no template made") == "a note no template made"
    assert wording.in_language(ragged) == ragged  # English reads the record as it is
