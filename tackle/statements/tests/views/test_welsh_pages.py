"""The statement builder's own pages in Welsh (issue 21): a lead who reads Cymraeg sees the action
plan, the statement and its errors in Welsh, while what the council wrote stays as written."""

from html import unescape

import pytest
from django.urls import reverse

from tackle.accounts.models import OrganisationSettings


@pytest.fixture
def welsh_lead(council_a, lead_a):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    lead_a.language = "cy"
    lead_a.save(update_fields=["language"])
    return lead_a


def test_the_action_plan_is_in_welsh_with_the_councils_own_words_as_written(client_for, welsh_lead, action_a):
    page = unescape(client_for(welsh_lead).get(reverse("statements:index")).content.decode())
    assert '<html lang="cy"' in page
    assert "Cynllun gweithredu caethwasiaeth fodern" in page and "Ychwanegu cam gweithredu" in page
    assert "Modern slavery action plan" not in page and "Add an action" not in page
    assert action_a.title in page


def test_the_statement_page_and_its_checklist_are_in_welsh(client_for, welsh_lead, statement_a):
    url = reverse("statements:statement-detail", args=[statement_a.uuid])
    page = unescape(client_for(welsh_lead).get(url).content.decode())
    assert "Gwirio cyn cyhoeddi" in page and "Wedi\u2019i lofnodi gan o leiaf un person" in page
    assert "Check before publishing" not in page and "Signed by at least one person" not in page


def test_a_form_error_on_a_welsh_page_is_in_welsh(client_for, welsh_lead):
    page = unescape(client_for(welsh_lead).post(reverse("statements:period-new"), {}).content.decode())
    assert "Dewiswch flwyddyn ariannol, neu ddyddiadau eraill" in page
    assert "Select a financial year, or other dates" not in page
