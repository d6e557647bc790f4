"""Tampering behind the application's back: the database triggers are bypassed the way a person
with database rights would, and `tackle audit verify` must name the first bad entry."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, models, transaction

from tackle.audit.models import AppendOnlyError, AuditAction, AuditEvent
from tackle.audit.services import audit_record
from tackle.audit.verify import audit_chain_verify


@pytest.fixture
def five_events(lead_a):
    return [
        audit_record(action=AuditAction.VIEW, actor=lead_a, object_type="cases.case", object_id=str(n))
        for n in range(5)
    ]


def _raw_sql_without_triggers(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # What a database superuser would do: switch user triggers off for this session.
            cursor.execute("SET session_replication_role = replica")
            cursor.execute(sql, params)
            cursor.execute("SET session_replication_role = origin")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
            cursor.execute(sql, params)


def test_untouched_chain_verifies(five_events):
    result = audit_chain_verify()
    assert result.ok
    assert result.checked == AuditEvent.objects.count()


def test_edited_row_is_named(five_events):
    target = five_events[2]
    _raw_sql_without_triggers(
        "UPDATE audit_auditevent SET actor_username = %s WHERE id = %s", ["someone-else", target.pk]
    )
    result = audit_chain_verify()
    assert not result.ok
    assert result.first_bad_sequence == target.sequence
    assert "altered" in result.problem


def test_deleted_row_is_named(five_events):
    target = five_events[1]
    _raw_sql_without_triggers("DELETE FROM audit_auditevent WHERE id = %s", [target.pk])
    result = audit_chain_verify()
    assert not result.ok
    assert result.first_bad_sequence == target.sequence
    assert "missing" in result.problem


def test_deleting_the_newest_rows_is_caught(five_events):
    newest = five_events[-1]
    _raw_sql_without_triggers("DELETE FROM audit_auditevent WHERE id = %s", [newest.pk])
    result = audit_chain_verify()
    assert not result.ok
    assert result.first_bad_sequence == newest.sequence


def test_rehashed_row_still_breaks_the_link_to_the_next(five_events):
    """Someone who edits a row and recomputes its own hash still breaks the next entry's link."""
    target = five_events[1]
    _raw_sql_without_triggers("UPDATE audit_auditevent SET hash = %s WHERE id = %s", ["a" * 64, target.pk])
    result = audit_chain_verify()
    assert not result.ok
    assert result.first_bad_sequence == target.sequence


def test_orm_refuses_to_change_or_delete_events(five_events):
    event = five_events[0]
    event.note = "changed"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(note="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


@pytest.mark.django_db(transaction=True)
def test_database_trigger_refuses_raw_update(lead_a):
    event = audit_record(action=AuditAction.VIEW, actor=lead_a)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET note = 'x' WHERE id = %s", [event.pk])


@pytest.mark.django_db(transaction=True)
def test_database_trigger_refuses_raw_delete(lead_a):
    event = audit_record(action=AuditAction.VIEW, actor=lead_a)
    audit_record(action=AuditAction.VIEW, actor=lead_a)
    for sql in ("DELETE FROM audit_auditevent WHERE id = %s", "DELETE FROM audit_auditevent WHERE id <> %s"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert audit_chain_verify().ok


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has no TRUNCATE")
@pytest.mark.django_db(transaction=True)
def test_postgresql_refuses_truncate(lead_a):
    audit_record(action=AuditAction.VIEW, actor=lead_a)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditevent")
    assert audit_chain_verify().ok


@pytest.mark.django_db(transaction=True)
def test_orm_updates_and_deletes_that_skip_the_model_are_refused_by_the_database(lead_a):
    """The model's own refusals stood aside, as code that bypasses them would: the triggers still hold."""
    event = audit_record(action=AuditAction.VIEW, actor=lead_a)
    plain = models.QuerySet(model=AuditEvent)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        plain.filter(pk=event.pk).update(note="x")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        plain.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).note == ""


@pytest.mark.django_db(transaction=True)
def test_flush_still_empties_the_database_and_the_triggers_come_back(lead_a):
    audit_record(action=AuditAction.VIEW, actor=lead_a)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEvent.objects.exists()
    event = audit_record(action=AuditAction.VIEW)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])


def test_command_exits_zero_with_a_count(five_events, capsys):
    count = AuditEvent.objects.count()  # the check's own result is an entry after it
    call_command("audit", "verify")
    out = capsys.readouterr().out
    assert f"{count} audit entries verified" in out


def test_command_exits_non_zero_and_names_the_entry(five_events, capsys):
    target = five_events[3]
    _raw_sql_without_triggers("UPDATE audit_auditevent SET object_id = %s WHERE id = %s", ["999", target.pk])
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit", "verify")
    assert exit_info.value.code == 1
    assert f"first bad entry is {target.sequence}" in capsys.readouterr().err


def test_command_warns_when_there_is_no_checkpoint_to_compare_with(five_events, capsys):
    call_command("audit", "verify")
    assert "no checkpoint" in capsys.readouterr().err


def test_checkpoint_command_appends_a_line_that_verify_then_compares_with(five_events, capsys, lead_a):
    call_command("audit", "checkpoint")
    audit_record(action=AuditAction.VIEW, actor=lead_a)
    call_command("audit", "checkpoint")
    assert "Checkpoint written" in capsys.readouterr().out
    call_command("audit", "verify")
    assert "It extends the checkpoint of" in capsys.readouterr().out


def test_command_verifies_against_a_shipped_copy_of_the_checkpoints(five_events, capsys, tmp_path, settings):
    call_command("audit", "checkpoint")
    shipped = tmp_path / "shipped.log"
    shipped.write_text(settings.TACKLE_AUDIT_CHECKPOINT_FILE.read_text())
    settings.TACKLE_AUDIT_CHECKPOINT_FILE.unlink()  # the copy on the server is gone with the rows
    _raw_sql_without_triggers("DELETE FROM audit_auditevent WHERE sequence >= %s", [five_events[3].sequence])
    _raw_sql_without_triggers(
        "UPDATE audit_audithead SET sequence = %s, hash = %s", [five_events[2].sequence, five_events[2].hash]
    )
    call_command("audit", "verify")  # nothing left on the server to compare with
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit", "verify", "--checkpoints", str(shipped))
    assert exit_info.value.code == 1
    assert "the log was cut short" in capsys.readouterr().err


def test_command_refuses_a_named_checkpoint_file_that_is_not_there(five_events, tmp_path):
    with pytest.raises(CommandError) as refused:
        call_command("audit", "verify", "--checkpoints", str(tmp_path / "nothere.log"))
    assert refused.value.returncode == 2
    assert "nothere.log: no such checkpoint file" in str(refused.value)
