"""A fetch refused in Welsh is shown in Welsh at once and stored in English, and the stored reason
reads Welsh on the waiting page (issue 21)."""

import pytest
from django.utils import translation

from tackle.accounts.models import OrganisationSettings
from tackle.statement_reader.fetch import FetchError, fetch
from tackle.statement_reader.models import ReadingRequest


def test_a_refused_address_is_welsh_on_the_spot_english_when_stored_and_welsh_when_read(client_for, buyer_a, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    buyer_a.language = "cy"
    buyer_a.save()
    with translation.override("cy"), pytest.raises(FetchError) as refused:
        fetch("ftp://example.org/statement.pdf", max_bytes=1024, timeout=1)
    assert refused.value.message == "Rhaid i\u2019r cyfeiriad ddechrau gyda http:// neu https://."
    assert refused.value.english == "The address must start with http:// or https://."

    pending = ReadingRequest.objects.create(
        organisation=council_a, source_url="ftp://example.org/", error=refused.value.english, created_by=buyer_a
    )
    page = client_for(buyer_a).get(pending.get_absolute_url()).content.decode()
    assert "Rhaid i\u2019r cyfeiriad ddechrau gyda http:// neu https://." in page
    assert "The address must start" not in page
