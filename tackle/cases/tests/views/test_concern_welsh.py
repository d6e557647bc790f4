"""Recording a concern in Welsh (issue 21): an officer who reads Cymraeg sees the form, its
choices and its errors in Welsh."""

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


def test_the_concern_form_is_in_welsh(client_for, welsh_lead):
    page = unescape(client_for(welsh_lead).get(reverse("cases:concern-new")).content.decode())
    assert '<html lang="cy"' in page
    assert "Cofnodi pryder" in page and "Beth welsoch chi neu beth glywsoch chi?" in page
    assert "Mae rhywun arall yn cadw eu pasbort neu eu dogfen adnabod" in page  # a sign's label
    assert "Record a concern" not in page


def test_a_missing_answer_is_named_in_welsh(client_for, welsh_lead):
    page = unescape(client_for(welsh_lead).post(reverse("cases:concern-new"), {}).content.decode())
    assert "Rhowch ble welsoch chi hyn" in page


def test_the_first_step_of_the_journey_is_in_welsh(client_for, welsh_lead):
    page = unescape(client_for(welsh_lead).get(reverse("cases:concern-steps-new")).content.decode())
    assert "Pryd a ble welsoch chi hyn?" in page and "ffoniwch 999 nawr" in page
