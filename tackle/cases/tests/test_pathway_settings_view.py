"""The organisation's pathway settings page: the modern slavery lead's alone."""

import pytest
from django.urls import reverse

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import PathwaySettings
from tackle.cases.services.pathway import pathway_rules_for, pathway_settings_update
from tackle.core.errors import ApplicationError

URL = "/cases/settings/pathway"


def valid_post(**changes) -> dict[str, str]:
    return {"ictg_available": "yes", "nrm_deadline_hours": "48", "duty_to_notify_deadline_hours": "48", **changes}


def test_route_has_its_name():
    assert reverse("cases:pathway-settings") == URL


def test_lead_sees_the_defaults_of_a_new_organisation(client_for, lead_a):
    response = client_for(lead_a).get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Pathway settings" in content
    assert 'value="yes" checked' in content
    assert 'name="nrm_deadline_hours" value="48"' in content
    assert "Duty to Notify" in content  # one fieldset per action


def test_lead_changes_the_settings_and_the_change_is_audited(client_for, lead_a, council_a):
    response = client_for(lead_a).post(
        URL,
        valid_post(
            ictg_available="no",
            nrm_deadline_hours="24",
            contact_nrm_referral="Modern slavery team, 0161 000 0000",
            link_nrm_referral="https://example.org/nrm",
        ),
    )
    assert response.status_code == 302
    settings = PathwaySettings.objects.get(organisation=council_a)
    assert settings.ictg_available is False
    assert settings.nrm_deadline_hours == 24
    assert settings.duty_to_notify_deadline_hours == 48
    assert settings.action_contacts == {
        "nrm_referral": {"contact": "Modern slavery team, 0161 000 0000", "link": "https://example.org/nrm"}
    }
    event = AuditEvent.objects.filter(object_type="cases.pathwaysettings").get()
    assert event.action == AuditAction.UPDATE
    assert event.actor == lead_a
    assert event.organisation_id == council_a.pk
    assert event.changed_fields == ["action_contacts", "ictg_available", "nrm_deadline_hours"]
    assert pathway_rules_for(council_a).nrm_deadline_hours == 24


def test_saved_contacts_are_shown_again(client_for, lead_a):
    client = client_for(lead_a)
    client.post(URL, valid_post(contact_call_police="Call 999, then the duty inspector"))
    assert "Call 999, then the duty inspector" in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"nrm_deadline_hours": "0"}, "NRM referral deadline must be a whole number of hours from 1 to 168"),
        ({"duty_to_notify_deadline_hours": "169"}, "Duty to Notify deadline must be a whole number"),
        ({"nrm_deadline_hours": "two days"}, "NRM referral deadline must be a whole number"),
        ({"nrm_deadline_hours": ""}, "Enter the NRM referral deadline in hours"),
        ({"ictg_available": ""}, "Select yes if the ICTG service covers your area"),
        ({"link_duty_to_notify": "not a link"}, "Enter the link for &#x27;Duty to Notify&#x27; as a full web address"),
    ],
)
def test_bad_input_shows_an_error_summary_and_saves_nothing(client_for, lead_a, council_a, changes, message):
    response = client_for(lead_a).post(URL, valid_post(**changes))
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert "govuk-error-summary" in content
    assert message in content
    settings = PathwaySettings.objects.filter(organisation=council_a).first()
    assert settings is None or (settings.nrm_deadline_hours, settings.duty_to_notify_deadline_hours) == (48, 48)
    assert not AuditEvent.objects.filter(object_type="cases.pathwaysettings").exists()


def test_a_bad_link_is_reported_once_and_ftp_is_refused(client_for, lead_a):
    content = client_for(lead_a).post(URL, valid_post(link_call_police="ftp://example.org/form")).content.decode()
    assert content.count("Enter the link for &#x27;Call the police&#x27;") == 2  # summary and field


def test_saving_unchanged_settings_writes_no_audit_entry(client_for, lead_a):
    client_for(lead_a).post(URL, valid_post())
    assert not AuditEvent.objects.filter(object_type="cases.pathwaysettings").exists()


@pytest.mark.parametrize("persona", ["frontline_a", "councillor_a", "auditor_a", "admin_a", "police_partner"])
def test_other_roles_are_refused(client_for, request, council_a, persona):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    assert client.get(URL).status_code == 403
    assert client.post(URL, valid_post(nrm_deadline_hours="12")).status_code == 403
    assert not PathwaySettings.objects.filter(nrm_deadline_hours=12).exists()


def test_each_lead_changes_only_their_own_organisation(client_for, lead_a, lead_b, council_a, council_b):
    client_for(lead_b).post(URL, valid_post(nrm_deadline_hours="12"))
    assert pathway_rules_for(council_b).nrm_deadline_hours == 12
    assert pathway_rules_for(council_a).nrm_deadline_hours == 48


def test_service_refuses_out_of_range_deadlines_and_unknown_actions(lead_a, council_a):
    base = {"organisation": council_a, "actor": lead_a, "ictg_available": True, "action_contacts": {}}
    with pytest.raises(ApplicationError) as caught:
        pathway_settings_update(**base, nrm_deadline_hours=200, duty_to_notify_deadline_hours=48)
    assert caught.value.field == "nrm_deadline_hours"
    with pytest.raises(ApplicationError) as caught:
        pathway_settings_update(
            **{**base, "action_contacts": {"fly_to_the_moon": {"contact": "x", "link": ""}}},
            nrm_deadline_hours=48,
            duty_to_notify_deadline_hours=48,
        )
    assert caught.value.field == "action_contacts"
