from tackle.audit.chain import GENESIS_HASH
from tackle.audit.models import AuditAction, AuditEvent, AuditHead
from tackle.audit.services import audit_record


def test_entries_chain_in_sequence(lead_a):
    first = audit_record(action=AuditAction.VIEW, actor=lead_a, object_type="x", object_id="1")
    second = audit_record(
        action=AuditAction.UPDATE, actor=lead_a, object_type="x", object_id="1", changed_fields=["b", "a"]
    )
    assert first.previous_hash == GENESIS_HASH
    assert second.previous_hash == first.hash
    assert second.sequence == first.sequence + 1
    assert second.changed_fields == ["a", "b"]
    head = AuditHead.objects.get()
    assert (head.sequence, head.hash) == (second.sequence, second.hash)


def test_entry_records_who_and_organisation(lead_a):
    event = audit_record(action=AuditAction.VIEW, actor=lead_a, obj=lead_a)
    assert event.actor_username == lead_a.username
    assert event.organisation_id == lead_a.organisation_id
    assert event.object_type == "accounts.user"
    assert event.object_id == str(lead_a.uuid)


def test_sign_in_and_failure_are_audited(client, lead_a):
    client.post("/account/sign-in", {"username": lead_a.username, "password": "wrong-password"})
    client.post("/account/sign-in", {"username": lead_a.username, "password": "correct-horse-battery"})
    actions = list(AuditEvent.objects.order_by("sequence").values_list("action", "organisation_id"))
    assert (AuditAction.SIGN_IN_FAILED.value, lead_a.organisation_id) in actions
    assert (AuditAction.SIGN_IN.value, lead_a.organisation_id) in actions
    failed = AuditEvent.objects.get(action=AuditAction.SIGN_IN_FAILED)
    assert failed.ip_address == "127.0.0.1"


def test_behind_a_proxy_the_address_the_proxy_saw_is_recorded(rf, lead_a, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    request.user = lead_a
    # The client wrote 6.6.6.6 itself; the load balancer appended the address it really saw.
    assert audit_record(action=AuditAction.VIEW, request=request).ip_address == "203.0.113.7"


def test_views_of_a_record_are_logged_under_the_records_owner(lead_a, police_partner):
    from tackle.core.models import TaskRun

    record = TaskRun.objects.create(name="x", organisation=lead_a.organisation, started_by=lead_a)
    event = audit_record(action=AuditAction.VIEW, actor=police_partner, obj=record)
    assert event.organisation_id == lead_a.organisation_id
