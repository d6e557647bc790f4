"""Issue 15, defect 10: the attacks on the audit log, made as someone with rights on the database
would make them (the triggers switched off), each of which must fail `tackle audit verify` once a
checkpoint has been shipped out of the database's reach."""

import pytest
from django.core.management import call_command
from django.db import connection

from tackle.audit.chain import GENESIS_HASH
from tackle.audit.chain import entry_hash as published_algorithm
from tackle.audit.models import AuditAction, AuditEvent
from tackle.audit.services import audit_key, audit_record
from tackle.audit.verify import audit_chain_verify, chain_fields_of


@pytest.fixture
def six_events_checkpointed(lead_a):
    events = [
        audit_record(action=AuditAction.VIEW, actor=lead_a, object_type="cases.case", object_id=str(n))
        for n in range(6)
    ]
    call_command("audit", "checkpoint")
    return events


def _as_database_owner(*statements: tuple[str, list]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        else:
            for name in ("audit_event_no_update", "audit_event_no_delete"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql, params in statements:
            cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = origin")


def _rechain(key: bytes | None) -> None:
    """Recompute every entry's hash and the head: with no key, the plain SHA-256 anyone can compute;
    with the key, as someone who has stolen the environment too."""
    previous, statements = GENESIS_HASH, []
    for event in AuditEvent.objects.order_by("sequence"):
        digest = published_algorithm(previous, chain_fields_of(event), key=key)
        statements.append(
            ("UPDATE audit_auditevent SET previous_hash = %s, hash = %s WHERE id = %s", [previous, digest, event.pk])
        )
        previous = digest
    statements.append(("UPDATE audit_audithead SET hash = %s", [previous]))
    _as_database_owner(*statements)


def test_truncating_the_tail_and_rolling_the_head_back_is_caught(six_events_checkpointed):
    kept = six_events_checkpointed[3]
    _as_database_owner(
        ("DELETE FROM audit_auditevent WHERE sequence > %s", [kept.sequence]),
        ("UPDATE audit_audithead SET sequence = %s, hash = %s", [kept.sequence, kept.hash]),
    )
    result = audit_chain_verify()
    assert not result.ok
    assert result.first_bad_sequence == kept.sequence + 1
    assert f"cut short: it ends at entry {kept.sequence}" in result.problem


def test_rewriting_an_entry_and_recomputing_every_hash_is_caught(six_events_checkpointed):
    target = six_events_checkpointed[2]
    _as_database_owner(("UPDATE audit_auditevent SET actor_username = %s WHERE id = %s", ["someone-else", target.pk]))
    _rechain(key=None)
    result = audit_chain_verify()
    assert not result.ok
    assert result.first_bad_sequence == six_events_checkpointed[0].sequence
    assert "altered" in result.problem


def test_rewriting_with_the_stolen_key_is_caught_by_the_checkpoint(six_events_checkpointed):
    target = six_events_checkpointed[2]
    _as_database_owner(("UPDATE audit_auditevent SET actor_username = %s WHERE id = %s", ["someone-else", target.pk]))
    _rechain(key=audit_key())
    result = audit_chain_verify()
    assert not result.ok
    assert result.first_bad_sequence == six_events_checkpointed[-1].sequence
    assert "rewritten" in result.problem


def test_deleting_everything_is_caught(six_events_checkpointed):
    _as_database_owner(("DELETE FROM audit_auditevent", []), ("DELETE FROM audit_audithead", []))
    result = audit_chain_verify()
    assert not result.ok
    assert "every entry has been deleted" in result.problem


def test_entries_written_after_the_checkpoint_extend_it(six_events_checkpointed, lead_a):
    audit_record(action=AuditAction.VIEW, actor=lead_a)
    result = audit_chain_verify()
    assert result.ok
    assert result.checkpoint is not None and result.checkpoint.sequence == six_events_checkpointed[-1].sequence


def test_an_altered_checkpoint_file_is_refused(six_events_checkpointed, checkpoint_file_of_this_test):
    text = checkpoint_file_of_this_test.read_text()
    checkpoint_file_of_this_test.write_text(text.replace('"count": 6', '"count": 2'))
    result = audit_chain_verify()
    assert not result.ok
    assert "checkpoint file cannot be trusted: line 1" in result.problem
