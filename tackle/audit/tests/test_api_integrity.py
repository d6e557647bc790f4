"""/api/v1/audit/verification, /audit/certificate and its PDF (issue 19): the Check the audit log and
certificate pages through a token: the newest check the reader may see, a check started in the
background, the certificate in the page's words and its PDF (audited), for those who may check."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.audit.tasks import verify_audit_chain
from tackle.audit.verify import audit_chain_verify, audit_verification_record
from tackle.core.models import TaskRun

pytestmark = pytest.mark.django_db
VERIFICATION = "/api/v1/audit/verification"
CERTIFICATE = "/api/v1/audit/certificate"


def test_a_check_started_through_the_api_is_then_read_as_the_newest(auditor_a):
    client = token_client(auditor_a, modules=("audit",))
    assert client.get(VERIFICATION).json() == {"latest": None}
    started = client.post(VERIFICATION)
    assert started.status_code == 202
    run = TaskRun.objects.get(uuid=started.json()["task_run"])
    assert run.started_by == auditor_a
    verify_audit_chain.call(run_uuid=str(run.uuid), started_by_id=auditor_a.pk)  # as the worker would
    latest = client.get(VERIFICATION).json()["latest"]
    assert latest["intact"] is True and latest["ran_by"] == auditor_a.username and latest["checked"] >= 1


def test_another_councils_check_is_not_shown_but_the_servers_is(auditor_a, lead_b):
    audit_verification_record(result=audit_chain_verify(), ran_by=lead_b)
    client = token_client(auditor_a, scope="read")
    assert client.get(VERIFICATION).json() == {"latest": None}
    audit_verification_record(result=audit_chain_verify())
    assert client.get(VERIFICATION).json()["latest"]["ran_by"] is None


def test_the_certificate_states_the_newest_check_in_the_pages_words(auditor_a):
    client = token_client(auditor_a, scope="read")
    before = client.get(CERTIFICATE).json()
    assert before["certified"] is False and before["check"] is None
    assert "nothing can be certified yet" in before["statement"]
    audit_verification_record(result=audit_chain_verify(), ran_by=auditor_a)
    after = client.get(CERTIFICATE).json()
    assert after["certified"] is True and after["organisation"] == auditor_a.organisation.name
    assert "No entry had been changed, removed or added outside Tackle" in after["statement"]
    assert after["check"]["intact"] is True


def test_the_certificate_pdf_is_the_pages_document_and_its_download_audited(auditor_a):
    audit_verification_record(result=audit_chain_verify(), ran_by=auditor_a)
    response = token_client(auditor_a, scope="read").get(f"{CERTIFICATE}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(
        actor=auditor_a, action=AuditAction.EXPORT, note="Integrity certificate PDF (API)"
    ).exists()


def test_roles_without_the_audit_log_and_narrow_tokens_are_refused(frontline_a, councillor_a, auditor_a):
    for user in (frontline_a, councillor_a):
        client = token_client(user)
        for path in (VERIFICATION, CERTIFICATE, f"{CERTIFICATE}.pdf"):
            assert client.get(path).status_code == 403
        assert client.post(VERIFICATION).status_code == 403
    assert token_client(auditor_a, scope="read").post(VERIFICATION).status_code == 403
    other_module = token_client(auditor_a, modules=("reporting",))
    assert other_module.get(VERIFICATION).status_code == 403
    assert other_module.get(f"{CERTIFICATE}.pdf").status_code == 403
    assert not TaskRun.objects.exists()
