"""GET and POST /api/v1/cases/{uuid}/nrm-pack/export (issue 19): the referral pack's check and its
download as the check page does them: refused until a Duty to Notify is redacted (with what is
missing), the tick required, the PDF or JSON audited as an export."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.services.home_office_form import duty_to_notify_redact

pytestmark = pytest.mark.django_db


@pytest.fixture
def declined(frontline_a, record_concern):
    return record_concern(
        frontline_a, age=40, consent_to_nrm=False, refusal_reason="Scared", what_was_seen="Shed at 4 Orchard Lane"
    )


def _url(case):
    return f"/api/v1/cases/{case.uuid}/nrm-pack/export"


def _exports():
    return AuditEvent.objects.filter(action=AuditAction.EXPORT).count()


def test_an_unredacted_duty_to_notify_is_refused_with_what_is_missing(lead_a, declined):
    client = token_client(lead_a, scope="write", modules=("cases",))
    check = client.get(_url(declined)).json()
    assert check["ready"] is False and "must review and redact" in check["refusal"] and check["missing"]
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, note="Pack export check").exists()
    refused = client.post(_url(declined), {"checked": True}, format="json")
    assert refused.status_code == 409 and refused.json()["missing"] == check["missing"]
    assert _exports() == 0


def test_once_redacted_the_ticked_pack_downloads_as_pdf_or_json_audited(lead_a, declined):
    duty_to_notify_redact(case=declined, actor=lead_a, texts={"account": "A shed", "refusal_reason": ""})
    client = token_client(lead_a)
    check = client.get(_url(declined)).json()
    assert check["ready"] is True and {"question": check["going"][0]["question"], "answer": "A shed"} in check["going"]
    unticked = client.post(_url(declined), {"checked": False}, format="json")
    assert unticked.status_code == 400 and "checked" in unticked.json() and _exports() == 0
    pdf = client.post(_url(declined), {"checked": True}, format="json")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    as_json = client.post(_url(declined), {"checked": True, "format": "json"}, format="json").json()
    assert as_json["form"] == "duty_to_notify" and "Orchard Lane" not in str(as_json)
    notes = list(AuditEvent.objects.filter(action=AuditAction.EXPORT).values_list("note", flat=True))
    assert sorted(notes) == ["Referral pack (json)", "Referral pack (pdf)"]
    assert client.post(_url(declined), {"checked": True, "format": "docx"}, format="json").status_code == 400


def test_roles_organisations_and_tokens_that_may_not_are_refused(lead_a, frontline_a, lead_b, declined):
    duty_to_notify_redact(case=declined, actor=lead_a, texts={"account": "A shed", "refusal_reason": ""})
    body = {"checked": True}
    assert token_client(frontline_a).post(_url(declined), body, format="json").status_code == 403
    assert token_client(lead_b).get(_url(declined)).status_code == 404
    assert token_client(lead_a, scope="read").post(_url(declined), body, format="json").status_code == 403
    assert token_client(lead_a, modules=("reporting",)).get(_url(declined)).status_code == 403
    assert _exports() == 0
