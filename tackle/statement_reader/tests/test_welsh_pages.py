"""The statement reader's pages in Welsh (issue 21): a person who chose Cymraeg, in a council that
offers it, reads the reading's page, its warnings and a failed reading's reason in Welsh, while the
stored reason stays English (a record)."""

from datetime import date

import pytest

from tackle.accounts.models import OrganisationSettings
from tackle.statement_reader import wording
from tackle.statement_reader.models import ReadingRequest
from tackle.statement_reader.services import statement_read
from tackle.statement_reader.tests.factories import statement_text


@pytest.fixture
def welsh_buyer_a(buyer_a, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    buyer_a.language = "cy"
    buyer_a.save()
    return buyer_a


def test_a_reading_is_shown_in_welsh_with_its_warning_worded_in_welsh(
    client_for, welsh_buyer_a, supplier_a, fake_labeller
):
    reading = statement_read(
        actor=welsh_buyer_a, supplier=supplier_a, data=statement_text().encode(), file_name="widgets.txt"
    )
    reading.period_start, reading.period_end = date(2019, 4, 1), date(2020, 3, 31)
    reading.save()
    page = client_for(welsh_buyer_a).get(reading.get_absolute_url()).content.decode()
    assert '<html lang="cy"' in page
    assert "Y chwe maes" in page and "Strwythur, busnes a chadwyni cyflenwi" in page  # The six areas
    assert "Y datganiad, fesul brawddeg" in page and "The six areas" not in page
    # The out-of-date warning, its dates with Welsh month names.
    assert "Mae\u2019r datganiad yn cwmpasu 1 Ebrill 2019 i 31 Mawrth 2020: mae wedi dyddio." in page


def test_a_failed_readings_stored_reason_is_english_and_shown_in_welsh(client_for, welsh_buyer_a):
    reason = wording.PDF_UNREADABLE % {"error": "EOF marker not found"}
    pending = ReadingRequest.objects.create(
        organisation=welsh_buyer_a.organisation, file_name="broken.pdf", error=reason, created_by=welsh_buyer_a
    )
    page = client_for(welsh_buyer_a).get(pending.get_absolute_url()).content.decode()
    assert "Nid oedd modd darllen y datganiad" in page  # The statement could not be read
    assert "Nid oedd modd darllen y PDF (EOF marker not found)." in page
    pending.refresh_from_db()
    assert pending.error == "The PDF could not be read (EOF marker not found)."
