"""Switching an existing log to keyed entries (migration 0004): entries written before keep their
plain SHA-256 and still verify; the boundary cannot be moved without the key."""

from importlib import import_module

from django.apps import apps
from django.utils import timezone

from tackle.audit.chain import ChainFields, entry_hash, keyed_from_mac
from tackle.audit.models import AuditAction, AuditEvent, AuditHead
from tackle.audit.services import audit_key, audit_record
from tackle.audit.verify import audit_chain_verify

keyed_entries = import_module("tackle.audit.migrations.0004_keyed_entries")


def _write_unkeyed(count: int) -> None:
    """Entries as the log wrote them before it was keyed."""
    head, _ = AuditHead.objects.get_or_create(id=1)
    previous, sequence = head.hash, head.sequence
    for _ in range(count):
        sequence += 1
        fields = ChainFields(sequence, timezone.now(), None, "", None, "view", "cases.case", "1", [], "", None, "", "")
        digest = entry_hash(previous, fields, key=None)
        AuditEvent.objects.create(
            sequence=sequence, occurred_at=fields.occurred_at, action=fields.action, object_type=fields.object_type,
            object_id=fields.object_id, previous_hash=previous, hash=digest,
        )  # fmt: skip
        previous = digest
    AuditHead.objects.filter(id=1).update(sequence=sequence, hash=previous)


def test_a_log_started_before_keying_verifies_after_the_switch(db, lead_a):
    _write_unkeyed(3)
    keyed_entries.start_keyed_entries(apps, None)
    head = AuditHead.objects.get()
    assert head.keyed_from == 4
    assert head.keyed_from_mac == keyed_from_mac(audit_key(), 4)
    audit_record(action=AuditAction.VIEW, actor=lead_a)
    assert audit_chain_verify().ok


def test_an_empty_log_is_keyed_from_its_first_entry(db):
    keyed_entries.start_keyed_entries(apps, None)
    assert AuditHead.objects.filter(id=1).first() is None
    assert audit_record(action=AuditAction.VIEW).sequence == 1
    assert audit_chain_verify().ok


def test_moving_where_keying_begins_is_caught(db, lead_a):
    _write_unkeyed(3)
    keyed_entries.start_keyed_entries(apps, None)
    audit_record(action=AuditAction.VIEW, actor=lead_a)
    AuditHead.objects.filter(id=1).update(keyed_from=5)  # to pass off entry 4 as unkeyed
    result = audit_chain_verify()
    assert not result.ok and "where the keyed entries begin was altered" in result.problem


def test_unkeyed_entries_after_the_switch_are_caught(db, lead_a):
    keyed_entries.start_keyed_entries(apps, None)
    audit_record(action=AuditAction.VIEW, actor=lead_a)
    _write_unkeyed(1)
    result = audit_chain_verify()
    assert not result.ok and result.first_bad_sequence == 2
