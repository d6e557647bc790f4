"""Figures in Welsh (issue 21): a release keeps its tables' English names, by which later releases
find what it withheld, and every page shows them in the reader's language."""

from datetime import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tackle.accounts.models import OrganisationSettings
from tackle.core.periods import LONDON
from tackle.reporting.models import Release
from tackle.training.figures import DEFINITIONS as TRAINING_DEFINITIONS

pytestmark = pytest.mark.django_db
YEAR = {"first_year": 2025, "last_year": 2025}


@pytest.fixture(autouse=True)
def english_around():
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_a_welsh_lead_publishes_english_keys_and_reads_welsh(record_concern, frontline_a, lead_a, client_for):
    for _ in range(12):
        record_concern(frontline_a, encountered_at=datetime(2025, 5, 2, 10, tzinfo=LONDON), age=30)
    OrganisationSettings.objects.create(organisation=lead_a.organisation, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save()
    client = client_for(lead_a)

    page = client.get(reverse("reporting:figures"), {**YEAR, "by": "year", "publication": "on"}).content.decode()
    assert '<html lang="cy"' in page
    assert "Pryderon a gofnodwyd a dioddefwyr posibl a nodwyd" in page  # a table's title
    assert "Dioddefwyr posibl a nodwyd (pobl)" in page  # a row
    assert ">Concerns recorded</th>" not in page
    assert "Pryderon a gofnodwyd: pob pryder" in page  # its definition, two of the cases app's joined
    assert "Mae unrhyw gyfrif o 1 i 9 yn dangos \u201cllai na 10\u201d" in page  # the note on small numbers

    client.post(reverse("reporting:release-new"), {**YEAR, "by": "year", "audience": "public"})
    cells = {(table, row, column) for table, row, column, *_ in Release.objects.get().cells}
    assert ("concerns", "Concerns recorded", "2025-26") in cells  # the keys stay English
    assert ("concerns", "Concerns recorded", "Total (2025-26 to 2025-26)") in cells

    releases = client.get(reverse("reporting:releases")).content.decode()
    assert "Pryderon a gofnodwyd" in releases
    assert "Cyfanswm (2025-26 i 2025-26)" in releases
    assert "2025-26 i 2025-26 fesul blwyddyn" in releases and "Y cyhoedd" in releases  # period and readers


def test_the_figures_csv_reads_in_welsh(record_concern, frontline_a, lead_a, client_for):
    record_concern(frontline_a, encountered_at=datetime(2025, 5, 2, 10, tzinfo=LONDON), age=30)
    OrganisationSettings.objects.create(organisation=lead_a.organisation, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save()
    download = client_for(lead_a).get(reverse("reporting:figures-csv"), {**YEAR, "by": "year"})
    text = b"".join(download.streaming_content if download.streaming else [download.content]).decode()
    assert "Pryderon a gofnodwyd,2025-26,1," in text  # the table's row, by its Welsh name
    assert ",Concerns recorded," not in text
    # Training's rows say how they are counted in Welsh too (the definition is marked where it is kept).
    with translation.override("cy"):
        sessions_held_welsh = translation.gettext(TRAINING_DEFINITIONS["sessions_held"])
    assert sessions_held_welsh != TRAINING_DEFINITIONS["sessions_held"] and sessions_held_welsh in text
    assert TRAINING_DEFINITIONS["sessions_held"] not in text
