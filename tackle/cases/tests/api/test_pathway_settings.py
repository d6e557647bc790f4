"""GET and PATCH /api/v1/pathway-settings (issue 19): as the Pathway settings page, for the lead."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.cases.services.pathway import pathway_settings_of

pytestmark = pytest.mark.django_db

URL = "/api/v1/pathway-settings"


def test_the_lead_reads_and_changes_the_settings_leaving_the_rest(lead_a):
    client = token_client(lead_a, scope="write", modules=("cases",))
    before = client.get(URL).json()
    mash = {"children_safeguarding_referral": {"contact": "MASH 01632 960000", "link": "https://example.org/mash"}}
    changed = client.patch(URL, {"nrm_deadline_hours": 24, "action_contacts": mash}, format="json")
    assert changed.status_code == 200, changed.json()
    settings = pathway_settings_of(lead_a.organisation)
    assert settings.nrm_deadline_hours == 24
    assert settings.duty_to_notify_deadline_hours == before["duty_to_notify_deadline_hours"]
    assert settings.action_contacts["children_safeguarding_referral"]["contact"] == "MASH 01632 960000"
    assert changed.json()["action_contacts"] == settings.action_contacts


def test_bad_values_are_refused_naming_the_field(lead_a):
    client = token_client(lead_a)
    hours = client.patch(URL, {"nrm_deadline_hours": 0}, format="json")
    assert hours.status_code == 400 and set(hours.json()) == {"nrm_deadline_hours"}
    link = client.patch(URL, {"action_contacts": {"call_police": {"link": "ftp://x"}}}, format="json")
    assert set(link.json()) == {"action_contacts.call_police.link"}
    assert set(client.patch(URL, {"action_contacts": {"dance": {}}}, format="json").json()) == {"action_contacts"}
    assert pathway_settings_of(lead_a.organisation).action_contacts in ({}, None)


def test_only_the_lead_with_a_cases_write_token_may(lead_a, frontline_a, councillor_a):
    assert token_client(frontline_a).get(URL).status_code == 403
    assert token_client(councillor_a).get(URL).status_code == 403
    assert token_client(lead_a, scope="read").patch(URL, {"nrm_deadline_hours": 24}, format="json").status_code == 403
    assert token_client(lead_a, modules=("reporting",)).get(URL).status_code == 403
