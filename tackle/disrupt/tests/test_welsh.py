"""Disrupt pages in Welsh (issue 21) for someone who chose Cymraeg in a council with the Welsh service."""

import pytest
from django.urls import reverse

from tackle.accounts.models import OrganisationSettings
from tackle.disrupt.tests.factories import make_intelligence, make_operation, make_outcome


@pytest.fixture
def welsh_safety_a(safety_a, council_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    safety_a.language = "cy"
    safety_a.save()
    return safety_a


def test_an_operation_page_reads_in_welsh_with_its_counts_in_welsh_plural_forms(client_for, welsh_safety_a):
    operation = make_operation(welsh_safety_a)
    make_outcome(operation, welsh_safety_a, people_encountered=11, victims_adult=5, victims_child=1)
    page = client_for(welsh_safety_a).get(reverse("disrupt:operation-detail", args=[operation.uuid]))
    text = page.content.decode()
    assert '<html lang="cy"' in text
    assert "Asiantaeth arweiniol" in text  # Lead agency
    assert "Ymgyrch (Wedi\u2019i chynllunio)" in text  # a planned operation: the adjective agrees
    assert "6 (5 oedolyn, 1 plentyn)" in text  # potential victims, adults and children
    assert "Lead agency" not in text and "adults" not in text


def test_a_refused_outcome_names_the_field_in_welsh(client_for, welsh_safety_a):
    operation = make_operation(welsh_safety_a)
    response = client_for(welsh_safety_a).post(
        reverse("disrupt:outcome-edit", args=[operation.uuid]), {"people_encountered": "", "victims_adult": "x"}
    )
    text = response.content.decode()
    assert response.status_code == 200
    # A label fitted into a sentence is quoted as it stands in Welsh (docs/i18n.md).
    assert "Rhowch y nifer ar gyfer \u2018Pobl y daethpwyd ar eu traws\u2019 (0 os nad oes dim)" in text
    assert "Rhaid i\u2019r nifer ar gyfer \u2018Dioddefwyr posibl: oedolion\u2019 fod yn rhif cyfan" in text


def test_the_intelligence_download_has_welsh_headers_and_exploitation_types(client_for, welsh_safety_a):
    make_intelligence(welsh_safety_a, exploitation_types=["labour", "criminal"])
    response = client_for(welsh_safety_a).get(reverse("disrupt:intelligence-list"), {"download": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "Derbyniwyd,Gradd,Ble,Camfanteisio,O" in text  # Received, Grade, Where, Exploitation, From
    assert '"Llafur, Troseddol"' in text  # Labour, Criminal
