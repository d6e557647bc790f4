"""Check before a Duty to Notify pack leaves Tackle (issue 18, item 1): the page shows what goes and
warns it cannot be called back; only the ticked confirmation downloads it, and only that is audited."""

import pytest
from django.urls import reverse

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.services.home_office_form import duty_to_notify_redact


def _url(name, case):
    return reverse(f"cases:{name}", args=[case.uuid])


@pytest.fixture
def redacted(frontline_a, lead_a, record_concern):
    case = record_concern(
        frontline_a,
        age=40,
        consent_to_nrm=False,
        refusal_reason="Scared of the gang",
        what_was_seen="Man sleeping in the shed behind 4 Orchard Lane, pays rent to Besnik",
    )
    duty_to_notify_redact(
        case=case, actor=lead_a, texts={"account": "Man sleeping in an outbuilding, pays rent", "refusal_reason": ""}
    )
    return case


def _exports():
    return AuditEvent.objects.filter(action=AuditAction.EXPORT).count()


def test_the_check_page_shows_what_goes_and_warns(client_for, lead_a, redacted):
    response = client_for(lead_a).get(_url("nrm-pack-export", redacted))
    page = response.content.decode()
    assert response.status_code == 200 and "Check the Duty to Notify pack before you download it" in page
    assert "Man sleeping in an outbuilding, pays rent" in page and "Orchard Lane" not in page
    assert "cannot be called back" in page and "govuk-summary-list" in page
    assert _exports() == 0


def test_without_the_tick_nothing_is_downloaded_or_recorded(client_for, lead_a, redacted):
    response = client_for(lead_a).post(_url("nrm-pack-export", redacted))
    page = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "There is a problem" in page and "Confirm that you have checked" in page
    assert page.count('name="checked"') == 1  # one tick box, inside the form
    assert _exports() == 0


def test_with_the_tick_the_pdf_downloads_and_is_audited(client_for, lead_a, redacted):
    response = client_for(lead_a).post(_url("nrm-pack-export", redacted), {"checked": "on"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert _exports() == 1


def test_the_pdf_address_and_the_pack_page_lead_to_the_check(client_for, lead_a, redacted):
    client = client_for(lead_a)
    assert client.get(_url("nrm-pack-pdf", redacted))["Location"] == _url("nrm-pack-export", redacted)
    page = client.get(_url("nrm-pack", redacted)).content.decode()
    assert _url("nrm-pack-export", redacted) in page and _url("nrm-pack-pdf", redacted) not in page
    assert _exports() == 0


def test_the_json_address_leads_to_the_same_check(client_for, lead_a, redacted):
    """Issue 18: pack.json of a Duty to Notify went out unchecked; it now passes the check as the PDF does."""
    client = client_for(lead_a)
    check = _url("nrm-pack-export", redacted) + "?format=json"
    assert client.get(_url("nrm-pack-json", redacted))["Location"] == check
    page = client.get(_url("nrm-pack", redacted)).content.decode()
    assert check in page and _url("nrm-pack-json", redacted) not in page
    assert "as JSON" in client.get(check).content.decode()
    refused = client.post(check)
    assert "Confirm that you have checked" in refused.content.decode() and _exports() == 0
    response = client.post(check, {"checked": "on"})
    assert response["Content-Type"] == "application/json" and response.json()["form"] == "duty_to_notify"
    assert _exports() == 1


def test_before_the_redaction_the_tick_downloads_nothing(client_for, lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=40, consent_to_nrm=False, refusal_reason="Scared")
    client = client_for(lead_a)
    assert "review and redact" in client.get(_url("nrm-pack-export", case)).content.decode()
    response = client.post(_url("nrm-pack-export", case), {"checked": "on"})
    assert not response.content.startswith(b"%PDF") and _exports() == 0


def test_wrong_role_and_other_organisation(client_for, frontline_a, lead_b, redacted):
    assert client_for(frontline_a).get(_url("nrm-pack-export", redacted)).status_code == 403
    assert client_for(lead_b).get(_url("nrm-pack-export", redacted)).status_code == 404
    assert client_for(lead_b).post(_url("nrm-pack-export", redacted), {"checked": "on"}).status_code == 404
    assert _exports() == 0
