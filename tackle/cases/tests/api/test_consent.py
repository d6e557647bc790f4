"""GET and POST /api/v1/cases/{uuid}/consent (issue 19): the consent conversation as the Consent page
holds it, through its form and case_record_consent; for those who may change the case."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(frontline_a, record_concern):
    return record_concern(frontline_a, person_name="Ana Example", age=34)


def url(case: Case) -> str:
    return f"/api/v1/cases/{case.uuid}/consent"


def agreed(case: Case, **more: object) -> dict[str, object]:
    return {
        "consent_to_nrm": True,
        "consent_to_share": True,
        "consent_language": "Romanian",
        "consent_interpreter": "phone",
        "consent_interpreter_agency": "Language Line",
        "consent_leaflet": "Home Office NRM leaflet in Romanian",
        "explained_in": "English",
        "version": Case.objects.get(pk=case.pk).version,
        **more,
    }


def test_the_lead_records_informed_consent_with_the_texts_read(case, lead_a):
    client = token_client(lead_a, scope="write", modules=("cases",))
    offered = client.get(url(case), {"language": "English"}).json()["offer"]
    assert offered["language"] == "English" and offered["texts"]
    answer = client.post(url(case), agreed(case), format="json")
    assert answer.status_code == 200, answer.json()
    kept = Case.objects.get(pk=case.pk)
    assert kept.consent_to_nrm is True and kept.consent_interpreter == "phone"
    assert kept.consent_language == "Romanian" and kept.consent_leaflet.startswith("Home Office")
    assert {text["kind"] for text in answer.json()["consent_explanations"]} == {t["kind"] for t in offered["texts"]}
    assert AuditEvent.objects.filter(actor=lead_a, action=AuditAction.VIEW, note="Consent").exists()


def test_consent_is_withdrawn_with_a_date_and_a_reason(case, lead_a):
    client = token_client(lead_a)
    client.post(url(case), agreed(case), format="json")
    withdrawn = client.post(
        url(case),
        agreed(case, consent_to_nrm=False, refusal_reason="Afraid of the traffickers", withdrawn_on="2026-01-05"),
        format="json",
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["consent_withdrawn_on"] == "2026-01-05"


def test_a_refusal_without_a_reason_a_stale_version_or_a_bad_language_is_refused(case, lead_a):
    client = token_client(lead_a)
    no_reason = client.post(url(case), agreed(case, consent_to_nrm=False), format="json")
    assert no_reason.status_code == 400 and set(no_reason.json()) == {"refusal_reason"}
    stale = client.post(url(case), agreed(case, version=0), format="json")
    assert stale.status_code == 409 and "Someone else changed" in stale.json()["detail"]
    assert set(client.post(url(case), agreed(case, consent_language="Klingon"), format="json").json()) == {
        "consent_language"
    }
    assert set(client.post(url(case), {"consent_to_nrm": True}, format="json").json()) == {"version"}
    assert Case.objects.get(pk=case.pk).consent_to_nrm is None


def test_who_may_not_record_consent_is_refused(case, lead_a, lead_b, frontline_a, police_partner):
    assert token_client(lead_b).get(url(case)).status_code == 404
    assert token_client(frontline_a).get(url(case)).status_code == 403  # as the page: who works the case
    assert token_client(police_partner).get(url(case)).status_code == 404  # not shared
    assert token_client(lead_a, scope="read").post(url(case), agreed(case), format="json").status_code == 403
    assert token_client(lead_a, modules=("reporting",)).get(url(case)).status_code == 403
    assert Case.objects.get(pk=case.pk).consent_to_nrm is None
