"""Risk targeting in Welsh (issue 21): a lead who reads Cymraeg sees the ranking and the columns
page in Welsh, while what the regulators' lists hold (names, addresses) stays as written."""

from html import unescape

import pytest
from django.urls import reverse

from tackle.accounts.models import OrganisationSettings
from tackle.targeting.services import Upload, regulator_lists_import
from tackle.targeting.tests.factories import LISTS


@pytest.fixture
def welsh_lead(council_a, lead_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save(update_fields=["language"])
    return lead_a


@pytest.fixture
def imported(welsh_lead):
    uploads = [Upload(name, text.encode()) for name, text in LISTS.items()]
    return regulator_lists_import(organisation=welsh_lead.organisation, actor=welsh_lead, uploads=uploads)


def test_the_ranking_is_in_welsh_with_the_lists_own_words_as_written(client_for, welsh_lead, imported):
    page = unescape(client_for(welsh_lead).get(reverse("targeting:index")).content.decode())
    assert '<html lang="cy"' in page
    assert "Targedu risg" in page and "Mewnforio rhestrau" in page and "Sgôr" in page
    assert "Risk targeting" not in page and "Import regulators' lists" not in page
    assert imported[0].source in page


def test_the_columns_page_names_each_field_in_welsh(client_for, welsh_lead, imported):
    url = reverse("targeting:list-detail", args=[imported[0].uuid])
    page = unescape(client_for(welsh_lead).get(url).content.decode())
    assert "Enw masnachu" in page and "Llinell 1 y cyfeiriad" in page
    assert "Save columns" not in page and "Trading name" not in page


def test_importing_nothing_is_answered_in_welsh(client_for, welsh_lead):
    page = unescape(client_for(welsh_lead).post(reverse("targeting:list-import"), {}).content.decode())
    assert "Dewiswch o leiaf un ffeil CSV" in page
    assert "Select at least one CSV file" not in page
